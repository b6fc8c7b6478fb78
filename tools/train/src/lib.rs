//! The moment model's trainer and evaluator, natively: reads a labelled corpus (the format
//! of `shared/corpus`), turns every page into the features the SDK computes in the browser
//! (the same `augenblick-core` code), fits a multinomial logistic regression and measures it.
//!
//! `augenblick-train` (`src/bin/augenblick-train.rs`) is the command line.

pub mod dataset;
pub mod era;
pub mod folds;
pub mod metrics;
pub mod train;
