//! Fitting the page model: a multinomial logistic regression over the page features, with
//! class-balanced weights and L2 regularisation, trained on every page twice (as published
//! and as text only) so that it never depends on structured data alone.

use std::collections::{HashMap, HashSet};

use augenblick_core::inference::{term_value, Model};

use crate::dataset::{Example, Features};

/// One training page: its features (vocabulary index, value), its class and its weight.
type Row = (Vec<(usize, f64)>, usize, f64);

/// How a model is fitted.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// `word:` and `url:` features kept, the most telling first.
    pub max_terms: usize,
    /// A feature must occur on pages of at least this many sites: words of one site's
    /// template would not carry over to other sites.
    pub min_sites: usize,
    /// L2 penalty on the weights.
    pub l2: f64,
    /// Full-batch optimisation steps.
    pub iterations: usize,
    /// Weights are written as integers in units of `1 / scale`.
    pub scale: i32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            max_terms: 400,
            min_sites: 3,
            l2: 0.0001,
            iterations: 400,
            scale: 100,
        }
    }
}

/// Trains a model on `examples`; `names` names the feature hashes.
pub fn train(
    examples: &[&Example],
    names: &HashMap<u32, String>,
    options: &TrainOptions,
    model_name: &str,
) -> Model {
    let vocabulary = select_features(examples, names, options);
    let index: HashMap<u32, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, (hash, _))| (*hash, i))
        .collect();
    let is_term: Vec<bool> = vocabulary.iter().map(|(_, name)| is_term(name)).collect();

    let mut class_counts = [0usize; 4];
    for example in examples {
        class_counts[example.label as usize] += 1;
    }
    let mut rows: Vec<Row> = Vec::new();
    for example in examples {
        let label = example.label as usize;
        // Each class weighs the same in total, whatever its number of pages.
        let weight = examples.len() as f64 / (4.0 * class_counts[label].max(1) as f64);
        for features in [&example.full, &example.text_only] {
            rows.push((sparse_row(features, &index, &is_term), label, weight));
        }
    }

    let (weights, bias) = fit(&rows, vocabulary.len(), options);
    let quantize = |w: f64| (w * f64::from(options.scale)).round() as i32;
    let features: Vec<(String, [i32; 4])> = vocabulary
        .into_iter()
        .zip(weights)
        .map(|((_, name), w)| (name, w.map(quantize)))
        .filter(|(_, w)| w.iter().any(|&v| v != 0))
        .collect();
    Model::new(model_name, options.scale, bias.map(quantize), features)
        .expect("feature names are distinct and the scale is valid")
}

/// A page's features as the model will see them: only those in the vocabulary, the words
/// valued as `Model::evidence` values them.
fn sparse_row(
    features: &Features,
    index: &HashMap<u32, usize>,
    is_term: &[bool],
) -> Vec<(usize, f64)> {
    let mut row: Vec<(usize, f64)> = features
        .iter()
        .filter_map(|(hash, value)| index.get(hash).map(|&i| (i, f64::from(*value))))
        .collect();
    let terms = row.iter().filter(|(i, _)| is_term[*i]).count();
    for (i, value) in &mut row {
        if is_term[*i] {
            *value = f64::from(term_value(terms));
        }
    }
    row
}

/// The features the model may use: every named feature (cues, schema types, og:type,
/// site search) and the `max_terms` most telling words, each seen on pages of at least
/// `min_sites` sites. Sorted by name, so training is deterministic.
fn select_features(
    examples: &[&Example],
    names: &HashMap<u32, String>,
    options: &TrainOptions,
) -> Vec<(u32, String)> {
    let mut sites: HashMap<u32, HashSet<&str>> = HashMap::new();
    let mut class_pages: HashMap<u32, [f64; 4]> = HashMap::new();
    let mut class_counts = [0f64; 4];
    for example in examples {
        class_counts[example.label as usize] += 1.0;
        let hashes: HashSet<u32> = example
            .full
            .iter()
            .chain(&example.text_only)
            .map(|(h, _)| *h)
            .collect();
        for hash in hashes {
            sites.entry(hash).or_default().insert(&example.site);
            class_pages.entry(hash).or_default()[example.label as usize] += 1.0;
        }
    }

    let mut named = Vec::new();
    let mut terms = Vec::new();
    for (hash, sites) in &sites {
        let Some(name) = names.get(hash) else {
            continue;
        };
        if sites.len() < options.min_sites {
            continue;
        }
        if is_term(name) {
            let score = chi_square(&class_pages[hash], &class_counts);
            terms.push((score, *hash, name.clone()));
        } else {
            named.push((*hash, name.clone()));
        }
    }
    terms.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    let mut vocabulary: Vec<(u32, String)> = terms
        .into_iter()
        .take(options.max_terms)
        .map(|(_, hash, name)| (hash, name))
        .chain(named)
        .collect();
    vocabulary.sort_by(|a, b| a.1.cmp(&b.1));
    vocabulary
}

/// Whether a feature is one of the page's words (valued 1/√n), not a named feature.
fn is_term(name: &str) -> bool {
    ["word:", "url:"]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}

/// Chi-square of a feature's presence against the class, with every class's pages
/// weighted to the same total (so small classes' words are not drowned out).
fn chi_square(pages_with: &[f64; 4], class_counts: &[f64; 4]) -> f64 {
    let total_classes = class_counts.iter().filter(|&&n| n > 0.0).count() as f64;
    let mut present = [0f64; 4];
    for k in 0..4 {
        if class_counts[k] > 0.0 {
            present[k] = pages_with[k] / class_counts[k];
        }
    }
    let p_present = present.iter().sum::<f64>() / total_classes;
    let mut chi = 0.0;
    for k in 0..4 {
        if class_counts[k] == 0.0 {
            continue;
        }
        for (observed, expected) in [(present[k], p_present), (1.0 - present[k], 1.0 - p_present)] {
            if expected > 0.0 {
                chi += (observed - expected).powi(2) / expected;
            }
        }
    }
    chi
}

/// Minimises the weighted cross-entropy plus `l2 / 2 · |W|²` with Adam, full batch.
fn fit(rows: &[Row], features: usize, options: &TrainOptions) -> (Vec<[f64; 4]>, [f64; 4]) {
    let mut weights = vec![[0.0f64; 4]; features];
    let mut bias = [0.0f64; 4];
    let total_weight: f64 = rows.iter().map(|r| r.2).sum();
    let (rate, beta1, beta2, epsilon) = (0.05f64, 0.9f64, 0.999f64, 1e-8f64);
    let mut moment1 = vec![[0.0f64; 4]; features + 1];
    let mut moment2 = vec![[0.0f64; 4]; features + 1];

    for step in 1..=options.iterations {
        let mut gradient = vec![[0.0f64; 4]; features + 1]; // the last row is the bias
        for (row, label, weight) in rows {
            let mut logits = bias;
            for &(i, value) in row {
                for k in 0..4 {
                    logits[k] += weights[i][k] * value;
                }
            }
            let max = logits.iter().copied().fold(f64::MIN, f64::max);
            let exps = logits.map(|l| (l - max).exp());
            let sum: f64 = exps.iter().sum();
            let mut error = exps.map(|e| e / sum);
            error[*label] -= 1.0;
            let scaled = error.map(|e| e * weight / total_weight);
            for &(i, value) in row {
                for k in 0..4 {
                    gradient[i][k] += scaled[k] * value;
                }
            }
            for k in 0..4 {
                gradient[features][k] += scaled[k];
            }
        }
        for (i, w) in weights.iter().enumerate() {
            for k in 0..4 {
                gradient[i][k] += options.l2 * w[k];
            }
        }
        let correction1 = 1.0 - beta1.powi(step as i32);
        let correction2 = 1.0 - beta2.powi(step as i32);
        for i in 0..=features {
            for k in 0..4 {
                let g = gradient[i][k];
                moment1[i][k] = beta1 * moment1[i][k] + (1.0 - beta1) * g;
                moment2[i][k] = beta2 * moment2[i][k] + (1.0 - beta2) * g * g;
                let update = rate * (moment1[i][k] / correction1)
                    / ((moment2[i][k] / correction2).sqrt() + epsilon);
                if i == features {
                    bias[k] -= update;
                } else {
                    weights[i][k] -= update;
                }
            }
        }
    }
    (weights, bias)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_square_favours_words_of_one_class() {
        let counts = [10.0, 10.0, 10.0, 10.0];
        let telling = chi_square(&[0.0, 9.0, 0.0, 0.0], &counts);
        let common = chi_square(&[9.0, 9.0, 9.0, 9.0], &counts);
        assert!(telling > 1.0 && common.abs() < 1e-12);
    }

    #[test]
    fn a_separable_problem_is_learned() {
        // Feature i marks class i.
        let rows: Vec<_> = (0..4)
            .flat_map(|k| (0..5).map(move |_| (vec![(k, 1.0)], k, 1.0)))
            .collect();
        let (weights, _) = fit(&rows, 4, &TrainOptions::default());
        for (k, w) in weights.iter().enumerate() {
            let best = (0..4).max_by(|&a, &b| w[a].total_cmp(&w[b]));
            assert_eq!(best, Some(k));
        }
    }
}
