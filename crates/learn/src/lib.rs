//! Sparse linear classifiers over hashed features: the feature hasher, scoring, averaged-perceptron
//! training, and the weights' text format. Integer arithmetic throughout, so training is reproducible to
//! the byte and scoring is exact.

mod classifier;
mod features;
mod format;
mod perceptron;

pub use classifier::{Classifier, best_and_margin};
pub use features::{DIM, Features};
pub use format::{FormatError, parse_models, write_models};
pub use perceptron::{Example, Perceptron};
