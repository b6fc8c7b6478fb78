//! Trains and evaluates Augenblick's moment model.
//!
//! ```text
//! augenblick-train train --corpus DIR --out FILE
//! augenblick-train eval  --corpus DIR --model FILE [--json]
//! augenblick-train cv    --corpus DIR [--folds K] [--json]
//! ```
//!
//! `DIR` holds a `labels.jsonl` and its pages (the format of `shared/corpus`). `train`
//! fits a model on every page. `eval` measures a model on the reviewed pages (high and
//! medium confidence; every page if none is reviewed), as published and as text only.
//! `cv` measures the training itself: k-fold cross-validation grouped by site, trained on
//! every page of the other folds' sites and measured on the reviewed pages of the fold,
//! plus the era checks of `era.rs` on each fold's pages.

use std::path::PathBuf;
use std::process::ExitCode;

use augenblick_core::inference::Model;
use augenblick_core::signals::PageSignals;
use augenblick_core::MomentKind;
use augenblick_train::dataset::{Dataset, Example};
use augenblick_train::era::{add_paywall_product, modernize};
use augenblick_train::folds::assign_folds;
use augenblick_train::metrics::Evaluation;
use augenblick_train::train::{train, TrainOptions};

use serde_json::json;

const USAGE: &str = "usage:
  augenblick-train train --corpus DIR --out FILE [TRAINING]
  augenblick-train eval  --corpus DIR --model FILE [--json]
  augenblick-train cv    --corpus DIR [--folds K] [--json] [--explain] [TRAINING]
TRAINING: [--terms N] [--min-sites N] [--l2 X] (defaults: the shipped model's)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("augenblick-train: {message}");
            ExitCode::from(2)
        }
    }
}

struct Args {
    command: String,
    corpus: PathBuf,
    out: Option<PathBuf>,
    model: Option<PathBuf>,
    folds: usize,
    json: bool,
    explain: bool,
    options: TrainOptions,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or(USAGE)?;
    if !matches!(command.as_str(), "train" | "eval" | "cv") {
        return Err(format!("unknown command {command:?}\n{USAGE}"));
    }
    let mut parsed = Args {
        command,
        corpus: PathBuf::new(),
        out: None,
        model: None,
        folds: 5,
        json: false,
        explain: false,
        options: TrainOptions::default(),
    };
    let mut corpus = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--corpus" => corpus = Some(PathBuf::from(value()?)),
            "--out" => parsed.out = Some(PathBuf::from(value()?)),
            "--model" => parsed.model = Some(PathBuf::from(value()?)),
            "--folds" => {
                parsed.folds = value()?
                    .parse()
                    .ok()
                    .filter(|k| *k >= 2)
                    .ok_or("--folds needs a whole number of at least 2")?
            }
            "--json" => parsed.json = true,
            "--explain" => parsed.explain = true,
            "--terms" => {
                parsed.options.max_terms = value()?
                    .parse()
                    .map_err(|_| "--terms needs a whole number")?
            }
            "--min-sites" => {
                parsed.options.min_sites = value()?
                    .parse()
                    .map_err(|_| "--min-sites needs a whole number")?
            }
            "--l2" => {
                parsed.options.l2 = value()?
                    .parse()
                    .ok()
                    .filter(|l2: &f64| *l2 >= 0.0)
                    .ok_or("--l2 needs a number of at least 0")?
            }
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    parsed.corpus = corpus.ok_or(format!("--corpus DIR is required\n{USAGE}"))?;
    Ok(parsed)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let dataset = Dataset::load(&args.corpus, None).map_err(|e| e.to_string())?;
    match args.command.as_str() {
        "train" => {
            let out = args.out.ok_or(format!("train needs --out FILE\n{USAGE}"))?;
            let examples: Vec<&Example> = dataset.examples.iter().collect();
            let name = format!(
                "trained by augenblick-train on {} pages of {} sites",
                examples.len(),
                count_sites(&examples)
            );
            let model = train(&examples, &dataset.names, &args.options, &name);
            std::fs::write(&out, model.to_text()).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!(
                "wrote {} ({} features, {} bytes)",
                out.display(),
                model.features().len(),
                model.to_text().len()
            );
        }
        "eval" => {
            let path = args
                .model
                .ok_or(format!("eval needs --model FILE\n{USAGE}"))?;
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let model = Model::parse(&text)
                .map_err(|e| format!("{}: {} ({})", path.display(), e.message(), e.name()))?;
            let any_reviewed = dataset.examples.iter().any(|e| e.reviewed);
            let (mut full, mut text_only) = (Evaluation::default(), Evaluation::default());
            for example in dataset
                .examples
                .iter()
                .filter(|e| e.reviewed || !any_reviewed)
            {
                full.add(
                    example.label,
                    predict(&model, &example.page),
                    &example.language,
                );
                text_only.add(
                    example.label,
                    predict(&model, &example.text_only_page),
                    &example.language,
                );
            }
            print_results(&full, &text_only, None, args.json, model.name());
        }
        _ => cross_validate(&args, &dataset)?,
    }
    Ok(())
}

fn cross_validate(args: &Args, dataset: &Dataset) -> Result<(), String> {
    let modern = Dataset::load(&args.corpus, Some(modernize)).map_err(|e| e.to_string())?;
    let paywalled =
        Dataset::load(&args.corpus, Some(add_paywall_product)).map_err(|e| e.to_string())?;
    let folds = assign_folds(&dataset.examples, args.folds);
    let (mut full, mut text_only) = (Evaluation::default(), Evaluation::default());
    let mut era = EraCounts::default();
    let mut wrong = Vec::new();
    let mut explanations = Vec::new();
    for fold in 0..args.folds {
        let training: Vec<&Example> = dataset
            .examples
            .iter()
            .zip(&folds)
            .filter(|(_, f)| **f != fold)
            .map(|(e, _)| e)
            .collect();
        let model = train(&training, &dataset.names, &args.options, "cv");
        let in_fold = |i: usize| folds[i] == fold && dataset.examples[i].reviewed;
        for (i, example) in dataset
            .examples
            .iter()
            .enumerate()
            .filter(|(i, _)| in_fold(*i))
        {
            let predicted = predict(&model, &example.page);
            full.add(example.label, predicted, &example.language);
            if predicted != example.label {
                wrong.push(format!("{} ({} as {predicted})", example.id, example.label));
                if args.explain {
                    explanations.push(explain(&model, example));
                }
            }
            text_only.add(
                example.label,
                predict(&model, &example.text_only_page),
                &example.language,
            );
            let (changed, kept, pages) = match example.label {
                MomentKind::Go => (&modern.examples[i], &mut era.go_kept, &mut era.go_pages),
                MomentKind::Know => (
                    &paywalled.examples[i],
                    &mut era.know_kept,
                    &mut era.know_pages,
                ),
                _ => continue,
            };
            *pages += 1;
            if predict(&model, &changed.page) == example.label {
                *kept += 1;
            } else {
                era.changed
                    .push(format!("{} ({})", example.id, example.label));
                // A page decided wrong already is explained above.
                if args.explain && predicted == example.label {
                    explanations.push(explain(&model, changed));
                }
            }
        }
    }
    let title = format!("{}-fold cross-validation grouped by site", args.folds);
    print_results(&full, &text_only, Some(&era), args.json, &title);
    if !args.json {
        println!("pages predicted wrong: {}", wrong.join(", "));
        println!("pages the era changes moved: {}", era.changed.join(", "));
        for explanation in explanations {
            print!("\n{explanation}");
        }
    }
    Ok(())
}

#[derive(Default)]
struct EraCounts {
    go_pages: usize,
    go_kept: usize,
    know_pages: usize,
    know_kept: usize,
    /// Pages whose prediction the change moved.
    changed: Vec<String>,
}

/// Why the fold's model decided a page as it did: its scores and the features that moved
/// them most.
fn explain(model: &Model, example: &Example) -> String {
    let evidence = model.evidence(&example.page);
    let mut lines = format!(
        "page {} ({}, {}): scores know go do buy {:.2?}\n",
        example.id, example.label, example.site, evidence.logits
    );
    lines.push_str(&format!("  {:?}\n", example.page.cues));
    let mut contributions: Vec<(&str, [f32; 4])> = evidence
        .matched
        .iter()
        .map(|&(index, value)| {
            let feature = &model.features()[index];
            (&*feature.name, model.weights(feature).map(|w| w * value))
        })
        .collect();
    let spread = |c: &[f32; 4]| {
        c.iter().fold(f32::MIN, |a, &b| a.max(b)) - c.iter().fold(f32::MAX, |a, &b| a.min(b))
    };
    contributions.sort_by(|a, b| spread(&b.1).total_cmp(&spread(&a.1)));
    for (name, contribution) in contributions.iter().take(12) {
        lines.push_str(&format!("  {name:<32} {contribution:.2?}\n"));
    }
    lines
}

fn predict(model: &Model, page: &PageSignals) -> MomentKind {
    MomentKind::leader(&model.evidence(page).logits)
}

fn count_sites(examples: &[&Example]) -> usize {
    let mut sites: Vec<&str> = examples.iter().map(|e| e.site.as_str()).collect();
    sites.sort_unstable();
    sites.dedup();
    sites.len()
}

fn print_results(
    full: &Evaluation,
    text_only: &Evaluation,
    era: Option<&EraCounts>,
    as_json: bool,
    title: &str,
) {
    if as_json {
        let mut object = full.to_json();
        object["title"] = json!(title);
        object["macro_f1_text_only"] = json!(text_only.macro_f1());
        object["text_only"] = text_only.to_json();
        if let Some(era) = era {
            object["era"] = json!({
                "go_modernized_still_go": era.go_kept, "go_pages": era.go_pages,
                "know_with_product_json_ld_still_know": era.know_kept, "know_pages": era.know_pages,
            });
        }
        println!("{object}");
        return;
    }
    println!("{title}\n");
    print!("{}", full.report("as published"));
    println!();
    print!(
        "{}",
        text_only.report("text only (JSON-LD, microdata and og: removed)")
    );
    if let Some(era) = era {
        println!(
            "\nera: go pages with current CMS markup still go: {} of {}; know pages with Product JSON-LD still know: {} of {}",
            era.go_kept, era.go_pages, era.know_kept, era.know_pages
        );
    }
}
