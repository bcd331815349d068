//! The averaged multiclass perceptron, in integers: the same examples in the same order give the same
//! weights on every machine.

use crate::classifier::{Classifier, best_and_margin};
use crate::features::{DIM, Features};

/// One training example: its features and the index of its true class.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub class: usize,
}

/// Training settings: how many passes over the examples, and the seed of the order they are seen in.
#[derive(Debug, Clone, Copy)]
pub struct Perceptron {
    pub epochs: usize,
    pub seed: u64,
}

impl Perceptron {
    /// Trains a classifier over `classes` on `examples`; the averaged weights are kept in thousandths.
    pub fn train(&self, name: &str, classes: Vec<String>, examples: &[Example]) -> Classifier {
        let k = classes.len();
        let size = DIM as usize * k;
        // Current weights, and the sum of each update times the step it was made at (for the average).
        let (mut weights, mut stamped) = (vec![0i64; size], vec![0i64; size]);
        let mut step: i64 = 1;
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = XorShift(self.seed.max(1));
        for _ in 0..self.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let example = &examples[i];
                let mut scores = vec![0i64; k];
                for &b in example.features.buckets() {
                    for (c, score) in scores.iter_mut().enumerate() {
                        *score += weights[b as usize * k + c];
                    }
                }
                let (guess, _) = best_and_margin(&scores);
                if guess != example.class {
                    for &b in example.features.buckets() {
                        let row = b as usize * k;
                        weights[row + example.class] += 1;
                        weights[row + guess] -= 1;
                        stamped[row + example.class] += step;
                        stamped[row + guess] -= step;
                    }
                }
                step += 1;
            }
        }
        let mut classifier = Classifier::zeroed(name, classes);
        for b in 0..DIM {
            let row = b as usize * k;
            let averaged: Vec<i32> = (0..k).map(|c| thousandths(weights[row + c], stamped[row + c], step)).collect();
            classifier.row_mut(b).copy_from_slice(&averaged);
        }
        classifier
    }
}

/// `(w - stamped / step) * 1000`, rounded half away from zero: the averaged weight in thousandths.
fn thousandths(w: i64, stamped: i64, step: i64) -> i32 {
    let numerator = 1000 * (w * step - stamped);
    let rounded = (2 * numerator + numerator.signum() * step) / (2 * step);
    rounded.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// A small deterministic generator for the training order (xorshift64).
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle(&mut self, items: &mut [usize]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(words: &[&str], class: usize) -> Example {
        let mut features = Features::new();
        features.add(&["bias"]);
        for w in words {
            features.add(&["w", w]);
        }
        Example { features, class }
    }

    fn data() -> Vec<Example> {
        vec![
            example(&["rejected", "plan"], 1),
            example(&["refused", "truce"], 1),
            example(&["accepted", "plan"], 2),
            example(&["welcomed", "truce"], 2),
            example(&["met", "doha"], 0),
            example(&["said", "doha"], 0),
        ]
    }

    fn classes() -> Vec<String> {
        ["none", "reject", "accept"].map(String::from).to_vec()
    }

    #[test]
    fn learns_separable_classes() {
        let model = Perceptron { epochs: 10, seed: 7 }.train("t", classes(), &data());
        assert_eq!(model.predict(&example(&["rejected"], 0).features).0, 1);
        assert_eq!(model.predict(&example(&["accepted"], 0).features).0, 2);
        for example in data() {
            assert_eq!(model.predict(&example.features).0, example.class);
        }
    }

    #[test]
    fn training_is_reproducible_and_the_seed_matters() {
        let a = Perceptron { epochs: 5, seed: 3 }.train("t", classes(), &data());
        let b = Perceptron { epochs: 5, seed: 3 }.train("t", classes(), &data());
        assert_eq!(a, b);
        assert!(a.used_buckets().count() > 0);
    }

    #[test]
    fn averages_round_half_away_from_zero() {
        assert_eq!(thousandths(1, 0, 1), 1000);
        assert_eq!(thousandths(1, 1, 2), 500);
        assert_eq!(thousandths(-1, -1, 3), -667);
        assert_eq!(thousandths(0, 0, 9), 0);
    }
}
