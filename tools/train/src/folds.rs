//! k-fold cross-validation grouped by site: every site's pages are in one fold only.

use augenblick_core::signals::feature_hash;

use crate::dataset::Example;

/// The fold (0 to k − 1) of each example: sites are ordered by a hash of their name (a
/// fixed shuffle) and dealt out in turn, so folds get about the same number of sites.
pub fn assign_folds(examples: &[Example], k: usize) -> Vec<usize> {
    let mut sites: Vec<&str> = examples.iter().map(|e| e.site.as_str()).collect();
    sites.sort_by_key(|site| (feature_hash(&[site]), *site));
    sites.dedup();
    examples
        .iter()
        .map(|e| {
            let position = sites.iter().position(|s| *s == e.site).unwrap_or(0);
            position % k
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use augenblick_core::signals::{PageSignals, RawPage};
    use augenblick_core::MomentKind;

    fn example(site: &str) -> Example {
        Example {
            id: 0,
            site: site.to_owned(),
            label: MomentKind::Know,
            language: "en".into(),
            reviewed: true,
            page: PageSignals::from_raw(&RawPage::default(), &[]),
            text_only_page: PageSignals::from_raw(&RawPage::default(), &[]),
            full: vec![],
            text_only: vec![],
        }
    }

    #[test]
    fn a_site_is_in_one_fold_and_folds_are_balanced() {
        let examples: Vec<_> = (0..40).map(|i| example(&format!("s{}", i % 20))).collect();
        let folds = assign_folds(&examples, 5);
        for (a, b) in examples.iter().zip(&folds) {
            for (c, d) in examples.iter().zip(&folds) {
                if a.site == c.site {
                    assert_eq!(b, d);
                }
            }
        }
        for fold in 0..5 {
            assert_eq!(folds.iter().filter(|&&f| f == fold).count(), 8);
        }
    }
}
