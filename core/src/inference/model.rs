//! The model artifact: a multinomial logistic regression over named page features, in a
//! small, versioned text format that people can read and diff.
//!
//! ```text
//! augenblick-model 1
//! name default 2026-12-01 (411 pages of shared/corpus)
//! scale 100
//! classes know go do buy
//! bias 31 -52 4 17
//! cue:opening_hours -80 210 -95 -35
//! word:rezept -40 -60 150 -50
//! ```
//!
//! After the header: the model's `name`, the `scale` every weight is divided by, the
//! `classes` (exactly `know go do buy`, the canonical order), the `bias`, then one feature
//! a line, its name and four integer weights. Blank lines and lines starting with `#` are
//! ignored. The score of moment *k* for a page is `bias[k] + Σ value(f) · weight(f)[k]`,
//! divided by the scale; features and their values are listed in `features.rs`.

use std::borrow::Cow;

use crate::inference::features::for_each_named_feature;
use crate::signals::{feature_hash, fnv_1a, heap_sort_by_key, Cues, PageSignals, FNV_OFFSET};
use crate::{Error, MomentKind};

/// The first word of every model file.
pub const FORMAT_NAME: &str = "augenblick-model";
/// The format version this SDK reads and writes.
pub const FORMAT_VERSION: u32 = 1;
/// The model that ships inside the package, trained by `augenblick-train train` on
/// `shared/corpus` (see BENCHMARKS.md for how it was evaluated). The package holds it
/// already read, as [`Model::default_model`]; this text is its source.
pub const DEFAULT_MODEL: &str = include_str!("../../models/default.model");

/// [`DEFAULT_MODEL`] as Rust data, written by the test `the_shipped_model_is_the_model_file`
/// (which rewrites it when the model file changes). A page's first `Augenblick.init` waited
/// for the file to be read: `new Runtime` took 5.7 ms with it, 4.2 ms with this
/// (Chromium, BENCHMARKS.md).
#[rustfmt::skip]
mod shipped;

// A build never ships a stale copy: it fails here instead. (Not under `cfg(test)`, so that
// the test can run and write the copy anew.)
#[cfg(not(test))]
const _: () = assert!(
    text_hash(DEFAULT_MODEL.as_bytes()) == shipped::SOURCE_HASH,
    "core/src/inference/model/shipped.rs is not core/models/default.model: run \
     `cargo test -p augenblick-core --lib the_shipped_model`, which writes it anew"
);

/// Which model text `shipped.rs` was written from (FNV-1a, at compile time).
const fn text_hash(text: &[u8]) -> u32 {
    fnv_1a(FNV_OFFSET, text)
}

/// Largest absolute weight, bias or scale a file may hold.
const MAX_INTEGER: i32 = 1_000_000;

/// One feature the model knows.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelFeature {
    /// Its name, e.g. `word:rezept`.
    pub name: Cow<'static, str>,
    /// `feature_hash` of the name: how pages find it.
    pub hash: u32,
    /// Integer weights per moment, canonical order; divide by the model's scale.
    pub weights: [i32; 4],
}

/// A loaded model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    name: Cow<'static, str>,
    scale: i32,
    bias: [i32; 4],
    /// Sorted by hash, hashes distinct.
    features: Vec<ModelFeature>,
}

/// What a page contributes, before context: one score per moment, and which features fired.
#[derive(Debug, Clone, PartialEq)]
pub struct PageEvidence {
    /// Log-odds scores per moment, canonical order.
    pub logits: [f32; 4],
    /// The features that fired: (index into [`Model::features`], value).
    pub matched: Vec<(usize, f32)>,
}

impl Model {
    /// A model from its parts, as the trainer makes it. Features with the same name or the
    /// same hash are refused.
    pub fn new(
        name: &str,
        scale: i32,
        bias: [i32; 4],
        features: Vec<(String, [i32; 4])>,
    ) -> Result<Model, Error> {
        if !(1..=MAX_INTEGER).contains(&scale) {
            return Err(Error::invalid_model(0, "scale must be from 1 to 1000000"));
        }
        let mut features: Vec<ModelFeature> = features
            .into_iter()
            .map(|(name, weights)| ModelFeature {
                hash: feature_hash(&[&name]),
                name: Cow::Owned(name),
                weights,
            })
            .collect();
        heap_sort_by_key(&mut features, |f| f.hash);
        if features.windows(2).any(|pair| pair[0].hash == pair[1].hash) {
            return Err(Error::invalid_model(
                0,
                "two features have the same name or the same hash",
            ));
        }
        Ok(Model {
            name: Cow::Owned(name.trim().to_owned()),
            scale,
            bias,
            features,
        })
    }

    /// The model that ships in the package ([`DEFAULT_MODEL`]), with nothing to read: its
    /// features come in hash order, and their names stay where the module has them.
    pub fn default_model() -> Model {
        let features: Vec<ModelFeature> = shipped::FEATURES
            .split('\n')
            .zip(&shipped::WEIGHTS)
            .map(|(name, weights)| ModelFeature {
                name: Cow::Borrowed(name),
                hash: feature_hash(&[name]),
                weights: weights.map(i32::from),
            })
            .collect();
        debug_assert!(
            features.len() == shipped::WEIGHTS.len()
                && features.windows(2).all(|pair| pair[0].hash < pair[1].hash)
        );
        Model {
            name: Cow::Borrowed(shipped::NAME),
            scale: shipped::SCALE,
            bias: shipped::BIAS,
            features,
        }
    }

    /// Reads a model file. A malformed file is an `InvalidModelError`, one this SDK cannot
    /// use an `IncompatibleModelError`; both name the line.
    pub fn parse(text: &str) -> Result<Model, Error> {
        // ASCII-only trimming and splitting: the format's separators are ASCII, and a site's
        // own model is read before its first decision (Unicode-aware `trim` and `char`
        // patterns took 2.4 ms in Chromium for the shipped file, these 1.7 ms, BENCHMARKS.md).
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim_ascii()))
            .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
        let mut next = |key: &'static str, missing: &'static str| {
            let (number, line) = lines.next().ok_or(Error::invalid_model(0, missing))?;
            let rest = line
                .strip_prefix(key)
                .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
                .ok_or(Error::invalid_model(number, missing))?;
            Ok::<_, Error>((number, rest.trim_ascii()))
        };

        let (number, version) = next(FORMAT_NAME, "the file must start with augenblick-model")?;
        if version != "1" {
            return Err(Error::incompatible_model(
                number,
                "format version must be 1 for this SDK",
            ));
        }
        let (_, name) = next("name", "expected the model's name line")?;
        let name = name.to_owned();
        let (number, scale) = next("scale", "expected the scale line")?;
        let scale = parse_integer(scale)
            .filter(|s| *s > 0)
            .ok_or(Error::invalid_model(
                number,
                "scale must be a positive integer",
            ))?;
        let (number, classes) = next("classes", "expected the classes line")?;
        let canonical = MomentKind::ALL.map(MomentKind::as_str);
        if !classes.split_ascii_whitespace().eq(canonical) {
            return Err(Error::incompatible_model(
                number,
                "classes must be know go do buy",
            ));
        }
        let (number, bias) = next("bias", "expected the bias line")?;
        let bias = parse_weights(bias).ok_or(Error::invalid_model(number, WEIGHTS_PROBLEM))?;

        let cues = Cues::default().named_counts().map(|(cue, _)| cue);
        let mut features = Vec::new();
        for (number, line) in lines {
            let (name, weights) =
                split_at_ascii_space(line).ok_or(Error::invalid_model(number, WEIGHTS_PROBLEM))?;
            let weights =
                parse_weights(weights).ok_or(Error::invalid_model(number, WEIGHTS_PROBLEM))?;
            if !is_known_feature(name, &cues) {
                return Err(Error::incompatible_model(
                    number,
                    "a feature this SDK does not compute",
                ));
            }
            features.push((name.to_owned(), weights));
        }
        Model::new(&name, scale, bias, features)
    }

    /// The model file: [`Model::parse`] reads back exactly this model.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, key: &str, weights: &[i32]| {
            out.push_str(key);
            for weight in weights {
                out.push(' ');
                out.push_str(&signed_decimal(*weight));
            }
            out.push('\n');
        };
        out.push_str(FORMAT_NAME);
        out.push_str(" 1\nname ");
        out.push_str(&self.name);
        out.push('\n');
        line(&mut out, "scale", &[self.scale]);
        out.push_str("classes know go do buy\n");
        line(&mut out, "bias", &self.bias);
        let mut by_name: Vec<&ModelFeature> = self.features.iter().collect();
        by_name.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        for feature in by_name {
            line(&mut out, &feature.name, &feature.weights);
        }
        out
    }

    /// The model's name line.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every feature, sorted by hash.
    pub fn features(&self) -> &[ModelFeature] {
        &self.features
    }

    /// A feature's weights as log-odds.
    pub fn weights(&self, feature: &ModelFeature) -> [f32; 4] {
        feature.weights.map(|w| w as f32 / self.scale as f32)
    }

    /// Scores a page: the bias plus every feature of the page that the model knows.
    pub fn evidence(&self, page: &PageSignals) -> PageEvidence {
        let mut logits = self.bias.map(|b| b as f32);
        let mut matched = Vec::new();
        let mut fire = |index: usize, value: f32, logits: &mut [f32; 4]| {
            for (logit, weight) in logits.iter_mut().zip(self.features[index].weights) {
                *logit += value * weight as f32;
            }
            matched.push((index, value));
        };

        // Both lists are sorted by hash: one merge, no lookups.
        let mut terms = Vec::new();
        let mut model_at = 0;
        for &term in &page.terms {
            while self.features.get(model_at).is_some_and(|f| f.hash < term) {
                model_at += 1;
            }
            if self.features.get(model_at).is_some_and(|f| f.hash == term) {
                terms.push(model_at);
            }
        }
        let term_value = term_value(terms.len());
        for index in terms {
            fire(index, term_value, &mut logits);
        }
        for_each_named_feature(page, |prefix, name, value| {
            let hash = feature_hash(&[prefix, name]);
            if let Ok(index) = self.features.binary_search_by_key(&hash, |f| f.hash) {
                fire(index, value, &mut logits);
            }
        });
        let scale = self.scale as f32;
        PageEvidence {
            logits: logits.map(|l| l / scale),
            matched,
        }
    }
}

/// The value of each of a page's `matched` known words: 1/√matched, so that a long page's
/// words together weigh about as much as a short page's and do not drown its cues.
pub fn term_value(matched: usize) -> f32 {
    1.0 / (matched.max(1) as f32).sqrt()
}

const WEIGHTS_PROBLEM: &str = "expected a name and four integer weights";

fn parse_weights(text: &str) -> Option<[i32; 4]> {
    let mut values = text.split_ascii_whitespace().map(parse_integer);
    let weights = [
        values.next()??,
        values.next()??,
        values.next()??,
        values.next()??,
    ];
    values.next().is_none().then_some(weights)
}

/// A decimal integer of at most ±1,000,000 (no `str::parse`: its error type drags in
/// formatting code).
fn parse_integer(text: &str) -> Option<i32> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if digits.is_empty() || digits.len() > 7 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits
        .bytes()
        .fold(0i32, |value, d| value * 10 + i32::from(d - b'0'));
    (magnitude <= MAX_INTEGER).then_some(if negative { -magnitude } else { magnitude })
}

fn signed_decimal(value: i32) -> String {
    let digits = crate::decimal(value.unsigned_abs());
    if value < 0 {
        ["-", &digits].concat()
    } else {
        digits
    }
}

/// `line` split at its first space or tab; `None` without one.
fn split_at_ascii_space(line: &str) -> Option<(&str, &str)> {
    let at = line.bytes().position(|b| b == b' ' || b == b'\t')?;
    // Both are char boundaries: the byte at `at` is ASCII. `get`, not indexing, which
    // could panic and so bring std's formatting code into the module.
    Some((line.get(..at)?, line.get(at + 1..)?))
}

/// Whether the features code can ever produce this name; `cues`: every cue's name.
fn is_known_feature(name: &str, cues: &[&str]) -> bool {
    // `split_once`, not `split_at`: a slice that can panic brings std's formatting code
    // (about 4 KB of wasm) into the module.
    let Some((prefix, rest)) = name.split_once(':') else {
        return false;
    };
    if rest.is_empty() {
        return false;
    }
    match prefix {
        "word" | "url" | "schema" | "og" => true,
        "cue" => cues.contains(&rest),
        "page" => rest == "search",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::RawPage;

    const SMALL: &str = "augenblick-model 1
# a comment
name tiny test model
scale 10

classes know go do buy
bias 1 0 0 -1
word:rezept -5 -5 20 -5
cue:opening_hours 0 15 0 0
url:kasse 0 0 0 30
";

    #[test]
    fn a_model_file_reads_and_writes_back() {
        let model = Model::parse(SMALL).unwrap();
        assert_eq!(model.name(), "tiny test model");
        assert_eq!(model.features().len(), 3);
        let again = Model::parse(&model.to_text()).unwrap();
        assert_eq!(again, model);
    }

    #[test]
    fn a_page_is_scored_by_the_features_it_has() {
        let model = Model::parse(SMALL).unwrap();
        let raw = RawPage {
            url: "https://pizza.example/rezepte".into(),
            text: "Unser Rezept. Öffnungszeiten 11:00-22:00".into(),
            ..RawPage::default()
        };
        let page = PageSignals::from_raw(&raw, &[]);
        let evidence = model.evidence(&page);
        // (bias + word:rezept + 2 × cue:opening_hours, two cues being bucket 2) / scale; the
        // one known word has the value 1/√1.
        assert_eq!(evidence.logits, [-0.4, 2.5, 2.0, -0.6]);
        assert_eq!(evidence.matched.len(), 2);
    }

    /// The source of `model/shipped.rs` for `model`, read from `text`: the names one a line
    /// (in hash order, the model's), the weights as 16-bit integers, which take less room
    /// in the module.
    fn shipped_source(model: &Model, text: &str) -> String {
        // Each name as it is inside a string literal: `"…"` without the quotes. `parse`
        // cuts names at spaces, tabs and line ends, so none starts with the whitespace a
        // `\` line continuation would eat, and none holds the `\n` that separates them.
        let names: Vec<String> = model
            .features
            .iter()
            .map(|f| {
                let literal = format!("{:?}", f.name);
                literal[1..literal.len() - 1].to_owned()
            })
            .collect();
        let weights = model.features.iter().map(|feature| {
            let fits = feature
                .weights
                .map(|w| i16::try_from(w).expect("a weight outside the 16-bit range"));
            format!("    {fits:?},\n")
        });
        format!(
            "//! Generated from core/models/default.model by the test\n\
             //! `the_shipped_model_is_the_model_file` (model.rs), which rewrites this file when\n\
             //! they differ. Do not edit.\n\n\
             /// `text_hash` of the model file this was written from.\n\
             pub(super) const SOURCE_HASH: u32 = {:#010x};\n\n\
             pub(super) const NAME: &str = {:?};\n\
             pub(super) const SCALE: i32 = {};\n\
             pub(super) const BIAS: [i32; 4] = {:?};\n\n\
             /// The features' names, in the order of their hashes, one a line.\n\
             pub(super) const FEATURES: &str = \"\\\n{}\";\n\n\
             /// Their weights, in the same order.\n\
             pub(super) static WEIGHTS: [[i16; 4]; {}] = [\n{}];\n",
            text_hash(text.as_bytes()),
            model.name,
            model.scale,
            model.bias,
            names.join("\\n\\\n"),
            names.len(),
            weights.collect::<String>(),
        )
    }

    #[test]
    fn the_shipped_model_is_the_model_file() {
        let model = Model::parse(DEFAULT_MODEL).expect("models/default.model is valid");
        assert!(model.features().len() > 50);
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/inference/model/shipped.rs"
        );
        let source = shipped_source(&model, DEFAULT_MODEL);
        if std::fs::read_to_string(path).ok().as_deref() != Some(source.as_str()) {
            std::fs::write(path, source).unwrap_or_else(|e| panic!("{path} is stale: {e}"));
            panic!(
                "{path} was not models/default.model and has been rewritten: run the tests again"
            );
        }
        // What the build checks outside tests (see `text_hash`), and the model itself.
        assert_eq!(shipped::SOURCE_HASH, text_hash(DEFAULT_MODEL.as_bytes()));
        assert_eq!(Model::default_model(), model);
    }

    #[track_caller]
    fn assert_refused(text: &str, name: &str, message: &str) {
        let err = Model::parse(text).unwrap_err();
        assert_eq!((err.name(), err.message().as_str()), (name, message));
    }

    #[test]
    fn malformed_files_are_refused_with_the_line() {
        let invalid = "InvalidModelError";
        assert_refused(
            "",
            invalid,
            "invalid model: the file must start with augenblick-model",
        );
        assert_refused(
            "{\"weights\": []}",
            invalid,
            "invalid model, line 1: the file must start with augenblick-model",
        );
        let header = "augenblick-model 1\nname n\nscale 10\nclasses know go do buy\n";
        assert_refused(
            &[header, "bias 1 2 3\n"].concat(),
            invalid,
            "invalid model, line 5: expected a name and four integer weights",
        );
        assert_refused(
            &[header, "bias 1 2 3 4\nword:x 1 2 3 4.5\n"].concat(),
            invalid,
            "invalid model, line 6: expected a name and four integer weights",
        );
        assert_refused(
            &[header, "bias 1 2 3 4\nword:x 1 2 3 4\nword:x 1 1 1 1\n"].concat(),
            invalid,
            "invalid model: two features have the same name or the same hash",
        );
        assert_refused(
            "augenblick-model 1\nname n\nscale 0\n",
            invalid,
            "invalid model, line 3: scale must be a positive integer",
        );
        assert_refused(
            &[header, "bias 1 2 3 99999999\n"].concat(),
            invalid,
            "invalid model, line 5: expected a name and four integer weights",
        );
    }

    #[test]
    fn incompatible_files_are_refused_with_the_line() {
        let incompatible = "IncompatibleModelError";
        assert_refused(
            "augenblick-model 2\n",
            incompatible,
            "incompatible model, line 1: format version must be 1 for this SDK",
        );
        assert_refused(
            "augenblick-model 1\nname n\nscale 1\nclasses go know do buy\n",
            incompatible,
            "incompatible model, line 4: classes must be know go do buy",
        );
        let head = "augenblick-model 1\nname n\nscale 1\nclasses know go do buy\nbias 0 0 0 0\n";
        for unknown in ["pixel:x", "cue:sparkles", "page:other", "nocolon", "word:"] {
            let text = [head, unknown, " 1 1 1 1\n"].concat();
            assert_refused(
                &text,
                incompatible,
                "incompatible model, line 6: a feature this SDK does not compute",
            );
        }
    }
}
