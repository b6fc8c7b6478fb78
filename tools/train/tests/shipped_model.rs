//! The shipped model against the corpus it was trained on: it is exactly what
//! `augenblick-train train` makes (nobody edited weights by hand), and it finds *go* in
//! what a place's page says, not in the age of its HTML (see `era.rs`).

use std::path::PathBuf;

use augenblick_core::inference::{Model, DEFAULT_MODEL};
use augenblick_core::signals::PageSignals;
use augenblick_core::MomentKind;
use augenblick_train::dataset::{Dataset, Example};
use augenblick_train::era::{add_paywall_product, modernize};
use augenblick_train::train::{train, TrainOptions};

fn corpus() -> PathBuf {
    let shared = std::env::var_os("AUGENBLICK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    shared.join("corpus")
}

fn predict(model: &Model, page: &PageSignals) -> MomentKind {
    MomentKind::leader(&model.evidence(page).logits)
}

#[test]
fn the_shipped_model_is_what_the_trainer_makes() {
    let dataset = Dataset::load(&corpus(), None).unwrap();
    let examples: Vec<&Example> = dataset.examples.iter().collect();
    let shipped = Model::parse(DEFAULT_MODEL).unwrap();
    let trained = train(
        &examples,
        &dataset.names,
        &TrainOptions::default(),
        shipped.name(),
    );
    assert!(
        trained.to_text() == DEFAULT_MODEL,
        "core/models/default.model differs from a fresh training; run\n  cargo run --release -p augenblick-train -- train --corpus ../shared/corpus --out core/models/default.model\nand then `cargo test -p augenblick-core --lib the_shipped_model`, which writes the module's copy (core/src/inference/model/shipped.rs)"
    );
}

/// The share of `label` pages, changed by `transform`, that the shipped model still
/// calls `label`.
fn kept_under(transform: fn(&str) -> String, label: MomentKind) -> (usize, usize) {
    let model = Model::default_model();
    let changed = Dataset::load(&corpus(), Some(transform)).unwrap();
    let pages: Vec<&Example> = changed
        .examples
        .iter()
        .filter(|e| e.label == label)
        .collect();
    let kept = pages
        .iter()
        .filter(|e| predict(&model, &e.page) == label)
        .count();
    (kept, pages.len())
}

#[test]
fn go_pages_with_current_cms_markup_are_still_go() {
    let (kept, pages) = kept_under(modernize, MomentKind::Go);
    assert!(pages >= 30, "only {pages} go pages");
    assert!(
        kept * 10 >= pages * 9,
        "{kept} of {pages} go pages stayed go"
    );
}

#[test]
fn news_with_product_json_ld_is_still_know() {
    // Reviewed and source pages alike: every news page of the corpus.
    let (kept, pages) = kept_under(add_paywall_product, MomentKind::Know);
    assert!(pages >= 100, "only {pages} know pages");
    assert!(
        kept * 10 >= pages * 9,
        "{kept} of {pages} know pages stayed know"
    );
}
