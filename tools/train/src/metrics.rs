//! Classification figures: accuracy, per-class precision, recall and F1, macro-F1, the
//! confusion matrix, and macro-F1 per language.

use std::collections::BTreeMap;

use augenblick_core::MomentKind;
use serde_json::{json, Value};

/// Predictions against labels.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    /// `confusion[label][predicted]`, canonical order.
    pub confusion: [[usize; 4]; 4],
    /// The same, per language.
    pub by_language: BTreeMap<String, [[usize; 4]; 4]>,
}

/// Precision, recall and F1 of one class.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClassFigures {
    /// Of the pages predicted as the class, the share that are.
    pub precision: f64,
    /// Of the pages of the class, the share predicted as it.
    pub recall: f64,
    /// Their harmonic mean.
    pub f1: f64,
    /// Pages of the class.
    pub support: usize,
}

impl Evaluation {
    /// Counts one page.
    pub fn add(&mut self, label: MomentKind, predicted: MomentKind, language: &str) {
        self.confusion[label as usize][predicted as usize] += 1;
        self.by_language.entry(language.to_owned()).or_default()[label as usize]
            [predicted as usize] += 1;
    }

    /// Pages counted.
    pub fn total(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }

    /// Share of pages predicted right.
    pub fn accuracy(&self) -> f64 {
        let right: usize = (0..4).map(|k| self.confusion[k][k]).sum();
        ratio(right, self.total())
    }

    /// Figures per class, canonical order.
    pub fn per_class(&self) -> [ClassFigures; 4] {
        class_figures(&self.confusion)
    }

    /// Mean F1 over the classes that occur (as labels or predictions).
    pub fn macro_f1(&self) -> f64 {
        macro_f1(&self.confusion)
    }

    /// Macro-F1 per language.
    pub fn macro_f1_by_language(&self) -> BTreeMap<String, (f64, usize)> {
        self.by_language
            .iter()
            .map(|(language, confusion)| {
                let pages = confusion.iter().flatten().sum();
                (language.clone(), (macro_f1(confusion), pages))
            })
            .collect()
    }

    /// All the figures as one JSON object.
    pub fn to_json(&self) -> Value {
        let per_class: serde_json::Map<String, Value> = MomentKind::ALL
            .iter()
            .zip(self.per_class())
            .map(|(kind, f)| {
                let figures = json!({"precision": f.precision, "recall": f.recall, "f1": f.f1, "support": f.support});
                (kind.as_str().to_owned(), figures)
            })
            .collect();
        let by_language: serde_json::Map<String, Value> = self
            .macro_f1_by_language()
            .into_iter()
            .map(|(language, (f1, pages))| (language, json!({"macro_f1": f1, "pages": pages})))
            .collect();
        json!({
            "pages": self.total(),
            "accuracy": self.accuracy(),
            "macro_f1": self.macro_f1(),
            "per_class": per_class,
            "confusion": {"labels": ["know", "go", "do", "buy"], "rows_are": "label", "columns_are": "predicted", "matrix": self.confusion},
            "macro_f1_by_language": by_language,
        })
    }

    /// The figures as text for people.
    pub fn report(&self, title: &str) -> String {
        let mut out = format!(
            "{title}: {} pages, accuracy {:.3}, macro-F1 {:.3}\n",
            self.total(),
            self.accuracy(),
            self.macro_f1()
        );
        out.push_str("  class  precision  recall  F1     pages\n");
        for (kind, f) in MomentKind::ALL.iter().zip(self.per_class()) {
            out.push_str(&format!(
                "  {:<5}  {:.3}      {:.3}   {:.3}  {}\n",
                kind.as_str(),
                f.precision,
                f.recall,
                f.f1,
                f.support
            ));
        }
        out.push_str("  confusion (rows: label, columns: predicted know go do buy)\n");
        for (kind, row) in MomentKind::ALL.iter().zip(self.confusion) {
            out.push_str(&format!(
                "  {:<5}  {:>4} {:>4} {:>4} {:>4}\n",
                kind.as_str(),
                row[0],
                row[1],
                row[2],
                row[3]
            ));
        }
        out.push_str("  macro-F1 by language:");
        for (language, (f1, pages)) in self.macro_f1_by_language() {
            out.push_str(&format!(" {language} {f1:.3} ({pages})"));
        }
        out.push('\n');
        out
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

fn class_figures(confusion: &[[usize; 4]; 4]) -> [ClassFigures; 4] {
    std::array::from_fn(|k| {
        let right = confusion[k][k];
        let support: usize = confusion[k].iter().sum();
        let predicted: usize = (0..4).map(|l| confusion[l][k]).sum();
        let precision = ratio(right, predicted);
        let recall = ratio(right, support);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        ClassFigures {
            precision,
            recall,
            f1,
            support,
        }
    })
}

fn macro_f1(confusion: &[[usize; 4]; 4]) -> f64 {
    let figures = class_figures(confusion);
    let occurring: Vec<f64> = (0..4)
        .filter(|&k| figures[k].support > 0 || (0..4).any(|l| confusion[l][k] > 0))
        .map(|k| figures[k].f1)
        .collect();
    if occurring.is_empty() {
        0.0
    } else {
        occurring.iter().sum::<f64>() / occurring.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MomentKind::*;

    #[test]
    fn figures_match_a_hand_count() {
        let mut evaluation = Evaluation::default();
        for (label, predicted) in [(Know, Know), (Know, Buy), (Go, Go), (Buy, Buy)] {
            evaluation.add(label, predicted, "en");
        }
        assert_eq!(evaluation.accuracy(), 0.75);
        let [know, go, _, buy] = evaluation.per_class();
        assert_eq!((know.precision, know.recall), (1.0, 0.5));
        assert_eq!((buy.precision, buy.recall), (0.5, 1.0));
        assert_eq!(go.f1, 1.0);
        // do never occurs, so the mean is over three classes.
        let expected = (2.0 / 3.0 + 1.0 + 2.0 / 3.0) / 3.0;
        assert!((evaluation.macro_f1() - expected).abs() < 1e-12);
    }
}
