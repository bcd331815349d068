//! A trained multiclass linear classifier: one integer weight per bucket and class.

use crate::features::{DIM, Features};

#[derive(Clone, PartialEq, Eq)]
pub struct Classifier {
    name: String,
    classes: Vec<String>,
    /// `weights[bucket * classes.len() + class]`, in thousandths.
    weights: Vec<i32>,
}

impl Classifier {
    /// A classifier whose weights are all zero.
    pub fn zeroed(name: &str, classes: Vec<String>) -> Classifier {
        let weights = vec![0; DIM as usize * classes.len()];
        Classifier { name: name.to_string(), classes, weights }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    pub fn class_index(&self, class: &str) -> Option<usize> {
        self.classes.iter().position(|c| c == class)
    }

    /// The weights of `bucket`, one per class.
    pub fn row(&self, bucket: u32) -> &[i32] {
        let k = self.classes.len();
        &self.weights[bucket as usize * k..(bucket as usize + 1) * k]
    }

    pub(crate) fn row_mut(&mut self, bucket: u32) -> &mut [i32] {
        let k = self.classes.len();
        &mut self.weights[bucket as usize * k..(bucket as usize + 1) * k]
    }

    /// Each class's score for `features`, in thousandths.
    pub fn scores(&self, features: &Features) -> Vec<i64> {
        let mut scores = vec![0i64; self.classes.len()];
        self.add_scores(features, &mut scores);
        scores
    }

    /// Adds each class's score for `features` to `scores`: a linear model scores an example built in parts
    /// (a part shared by many examples, say) as the sum of its parts' scores.
    pub fn add_scores(&self, features: &Features, scores: &mut [i64]) {
        for &bucket in features.buckets() {
            for (score, &w) in scores.iter_mut().zip(self.row(bucket)) {
                *score += i64::from(w);
            }
        }
    }

    /// The best class and its margin over the runner-up; ties go to the earlier class.
    pub fn predict(&self, features: &Features) -> (usize, i64) {
        best_and_margin(&self.scores(features))
    }

    /// The buckets with any non-zero weight, in order.
    pub fn used_buckets(&self) -> impl Iterator<Item = u32> + '_ {
        (0..DIM).filter(|&b| self.row(b).iter().any(|&w| w != 0))
    }
}

impl std::fmt::Debug for Classifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Classifier")
            .field("name", &self.name)
            .field("classes", &self.classes)
            .field("used_buckets", &self.used_buckets().count())
            .finish()
    }
}

/// The index of the highest score (the first of equals) and how far it is above the next best.
pub fn best_and_margin(scores: &[i64]) -> (usize, i64) {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    let runner_up = scores.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, &s)| s).max();
    (best, runner_up.map_or(0, |r| scores[best] - r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_sum_the_rows_of_the_features() {
        let mut c = Classifier::zeroed("t", vec!["none".into(), "yes".into()]);
        let mut f = Features::new();
        f.add(&["a"]);
        f.add(&["b"]);
        let [a, b] = [f.buckets()[0], f.buckets()[1]];
        c.row_mut(a).copy_from_slice(&[100, 300]);
        c.row_mut(b).copy_from_slice(&[50, -100]);
        assert_eq!(c.scores(&f), vec![150, 200]);
        let mut twice = c.scores(&f);
        c.add_scores(&f, &mut twice);
        assert_eq!(twice, vec![300, 400]);
        assert_eq!(c.predict(&f), (1, 50));
        assert_eq!(c.used_buckets().count(), 2);
    }

    #[test]
    fn ties_go_to_the_first_class() {
        assert_eq!(best_and_margin(&[5, 5, 1]), (0, 0));
        assert_eq!(best_and_margin(&[1, 7, 5]), (1, 2));
    }
}
