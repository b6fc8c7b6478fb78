//! Property tests: the readers and writers that take input a page, a CMP or a site controls
//! never panic, reject what is malformed with a named error, and agree with the reference
//! implementation where there is one (`serde_json` for JSON).
//!
//! `cargo test -p augenblick-core --test properties` runs each property on 256 cases;
//! `PROPTEST_CASES=20000 cargo test --release -p augenblick-core --test properties` is the
//! longer run (BENCHMARKS.md, "Property tests"). Native only: proptest's randomness has no
//! wasm32 source.
#![cfg(not(target_arch = "wasm32"))]

mod shared;

use augenblick_core::consent::TcString;
use augenblick_core::inference::Model;
use augenblick_core::json::{self, ToJson, Value};
use augenblick_core::signals::{PageSignals, RawPage, DEFAULT_SEARCH_PARAMS};
use augenblick_core::InitOptions;
use proptest::prelude::*;
use shared::read_shared;

/// JSON values as serde_json holds them. Numbers are integers, or have at most three
/// decimals: what the core's writer keeps (it rounds to thousandths, by design, for the
/// values it writes itself; the site's own numbers in `track()` lose precision to it too,
/// which issue 17 lists as finding 7).
fn serde_values() -> impl Strategy<Value = serde_json::Value> {
    let number = prop_oneof![
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        // One division: the nearest double to a decimal of at most three decimals.
        (-1_000_000_000i64..1_000_000_000)
            .prop_map(|thousandths| { serde_json::json!(thousandths as f64 / 1000.0) }),
    ];
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        number,
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// Whether a number in `value` is infinite (JSON's grammar has no bound; f64 has).
fn has_infinity(value: &Value) -> bool {
    let mut found = false;
    value.walk(&mut |v| found |= matches!(v, Value::Number(n) if n.is_infinite()));
    found
}

/// Whether the core's value and serde_json's are the same JSON value (object keys compared
/// as serde_json keeps them: the last of duplicates, in its own order).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(a), serde_json::Value::Bool(b)) => a == b,
        (Value::Number(a), serde_json::Value::Number(b)) => Some(*a) == b.as_f64(),
        (Value::String(a), serde_json::Value::String(b)) => a == b,
        (Value::Array(a), serde_json::Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), serde_json::Value::Object(b)) => {
            b.iter().all(|(key, value)| {
                a.iter()
                    .rev()
                    .find(|(k, _)| k == key)
                    .is_some_and(|(_, v)| same(v, value))
            }) && a.iter().all(|(k, _)| b.contains_key(k))
        }
        _ => false,
    }
}

proptest! {
    /// What serde_json writes, the core reads as the same value.
    #[test]
    fn the_json_reader_reads_what_serde_json_writes(value in serde_values()) {
        let text = serde_json::to_string(&value).unwrap();
        let ours = json::parse(&text).expect("serde_json's output is JSON");
        prop_assert!(same(&ours, &value), "{text}");
        // Pretty-printed too: whitespace between tokens.
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert!(same(&json::parse(&pretty).unwrap(), &value));
    }

    /// What the core writes, serde_json reads as the same value, and the core reads back
    /// exactly.
    #[test]
    fn the_json_writer_round_trips(value in serde_values()) {
        let ours = json::parse(&serde_json::to_string(&value).unwrap()).unwrap();
        let written = ours.to_json();
        let theirs: serde_json::Value = serde_json::from_str(&written).expect("the core writes JSON");
        prop_assert!(same(&ours, &theirs), "{written}");
        prop_assert_eq!(json::parse(&written).unwrap(), ours);
    }

    /// Any text: a value or `Malformed`, never a panic; where serde_json refuses a text,
    /// the core refuses it too, but for two leniencies JavaScript's `JSON.parse` shares
    /// (see the corners below): raw control characters inside strings (JSON-LD written by
    /// hand has newlines in them), and numbers beyond f64, read as infinity.
    #[test]
    fn the_json_reader_never_panics_and_refuses_what_serde_json_refuses(text in prop_oneof![
        "\\PC{0,64}",
        "[\\[\\]{}\",:0-9eE.+\\-tfrunl\\\\ ]{0,64}",
        "\"[a-z\\x00-\\x1f]{0,8}\"",
    ]) {
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        match (&ours, &theirs) {
            (Ok(value), Ok(expected)) => prop_assert!(same(value, expected), "{text:?}"),
            (Ok(value), Err(_)) => prop_assert!(
                text.chars().any(char::is_control) || has_infinity(value),
                "accepted {text:?}"
            ),
            (Err(_), Ok(_)) => prop_assert!(false, "refused {text:?}, which serde_json reads"),
            (Err(_), Err(_)) => {}
        }
    }

    /// A TC string of any characters decodes or is refused with a named error.
    #[test]
    fn the_tc_string_decoder_never_panics(text in "[A-Za-z0-9_\\-.]{0,200}") {
        if let Err(error) = TcString::decode(&text) {
            prop_assert!(!error.name().is_empty());
        }
    }

    /// A model file with any line changed, added or dropped loads, or is refused as an
    /// `InvalidModelError` or `IncompatibleModelError`.
    #[test]
    fn the_model_parser_never_panics(edit in (0usize..460, 0u8..3, "\\PC{0,40}")) {
        let (line, kind, text) = edit;
        let mut lines: Vec<String> = augenblick_core::inference::DEFAULT_MODEL.lines().map(str::to_owned).collect();
        let at = line.min(lines.len());
        match kind {
            0 => lines.insert(at, text),
            1 if at < lines.len() => lines[at] = text,
            _ if at < lines.len() => { lines.remove(at); }
            _ => lines.push(text),
        }
        if let Err(error) = Model::parse(&lines.join("\n")) {
            prop_assert!(["InvalidModelError", "IncompatibleModelError"].contains(&error.name()), "{}", error.name());
        }
    }

    /// JSON-LD blocks of any text, valid JSON of any shape or not, make page signals.
    #[test]
    fn page_signals_take_any_json_ld(blocks in prop::collection::vec(prop_oneof![
        serde_values().prop_map(|value| serde_json::to_string(&value).unwrap()),
        "\\PC{0,200}",
    ], 0..4)) {
        let raw = RawPage { json_ld: blocks, ..RawPage::default() };
        let params: Vec<String> = DEFAULT_SEARCH_PARAMS.iter().map(|p| (*p).to_owned()).collect();
        let page = PageSignals::from_raw(&raw, &params);
        prop_assert!(page.schema_types.len() <= augenblick_core::signals::limits::SCHEMA_TYPES);
    }

    /// The options of `Augenblick.init`, any JSON at all: checked, or refused with a named
    /// error, never a panic.
    #[test]
    fn the_option_readers_never_panic(value in serde_values()) {
        let options = json::parse(&serde_json::to_string(&value).unwrap()).unwrap();
        if let Err(error) = InitOptions::from_json(&options) {
            prop_assert!(error.name().ends_with("Error"), "{}", error.name());
        }
    }

    /// The same with the option names the readers know, so the generated values reach the
    /// readers of each part rather than failing on the first unknown name.
    #[test]
    fn the_option_readers_never_panic_on_known_names(
        entries in prop::collection::vec((prop::sample::select(OPTION_NAMES), serde_values()), 0..6)
    ) {
        let object = serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect());
        let options = json::parse(&object.to_string()).unwrap();
        if let Err(error) = InitOptions::from_json(&options) {
            prop_assert!(error.name().ends_with("Error"), "{}", error.name());
        }
    }
}

/// The top-level option names of `Augenblick.init`.
const OPTION_NAMES: &[&str] = &[
    "consent",
    "searchParams",
    "geohashPrecision",
    "locations",
    "rules",
    "model",
    "session",
    "simulate",
    "events",
];

/// The 500 TC strings of the IAB oracle, each with every one of its bits flipped in turn
/// (bits of the base64url characters): the decoder never panics.
#[test]
fn the_tc_string_decoder_never_panics_on_the_oracle_strings_mutated() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let oracle = read_shared("oracles/tcf-random-500.jsonl");
    let mut decoded = 0;
    for line in oracle.lines().filter(|l| !l.trim().is_empty()) {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = entry["tcString"].as_str().unwrap().as_bytes().to_vec();
        for i in 0..text.len() {
            let Some(sextet) = ALPHABET.iter().position(|c| *c == text[i]) else {
                continue;
            };
            for bit in 0..6 {
                let mut mutated = text.clone();
                mutated[i] = ALPHABET[sextet ^ (1 << bit)];
                if TcString::decode(std::str::from_utf8(&mutated).unwrap()).is_ok() {
                    decoded += 1;
                }
            }
        }
    }
    // Most flips land in fields any value of which is valid: the decoder reads them.
    assert!(decoded > 0);
}

/// The corners of the grammar, each compared with serde_json the same way.
#[test]
fn the_json_reader_agrees_with_serde_json_on_the_corners() {
    let corners = [
        "01",
        "0e400",
        "-0e-400",
        "0.0e999",
        "-0",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "1E5",
        "-1.5e-3",
        "1e400",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\\ud800\"",
        "\"\\ud83c\\udf55\"",
        "tru",
        "nul",
        "[1 2]",
        " ",
        "",
        "[]]",
        "{}{}",
        "\"\u{7f}\"",
        "[\"a\",\u{a0}1]",
        "18446744073709551616",
        "-9007199254740993",
    ];
    // Where the core reads what serde_json refuses, and why, and who is right:
    // - "1e400" is JSON by its grammar; JavaScript's `JSON.parse` reads it as Infinity, as
    //   the core does; serde_json refuses numbers beyond f64. The core follows JavaScript.
    // - a lone surrogate escape ("\ud800") is JSON by its grammar and JavaScript keeps it in
    //   its string; a Rust string cannot hold it, so the core reads U+FFFD (a documented safe
    //   fallback for hand-written JSON-LD), where serde_json refuses the whole text.
    let javascript_reads = ["1e400", "\"\\ud800\"", "\"\\udc00\\ud800\""];
    let mut disagreements = Vec::new();
    for text in corners
        .into_iter()
        .filter(|text| !javascript_reads.contains(text))
    {
        let ours = json::parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        let agree = match (&ours, &theirs) {
            (Ok(value), Ok(expected)) => same(value, expected),
            (Err(_), Err(_)) => true,
            _ => false,
        };
        if !agree {
            disagreements.push(format!(
                "{text:?}: core {:?}, serde_json {:?}",
                ours.ok(),
                theirs.ok()
            ));
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    for text in javascript_reads {
        assert!(json::parse(text).is_ok(), "{text:?}");
    }
}

proptest! {
    /// Any finite number serde_json writes, the core reads within 1e-13 of its value
    /// (relative), for magnitudes from 1e-290 to 1e290. Not exactly: the core scales an
    /// integer mantissa by powers of ten it multiplies out, without `str::parse::<f64>`,
    /// whose tables cost kilobytes of wasm (BENCHMARKS.md). Correctly rounded for the
    /// numbers a page usually has (up to 15 significant digits, exponents to ±22); tiny
    /// magnitudes (below 1e-300 or so) read as 0.
    #[test]
    fn the_json_reader_reads_numbers_within_a_bound(x in any::<f64>().prop_filter("finite, 1e-290 to 1e290", |x| {
        x.is_finite() && (*x == 0.0 || (1e-290..1e290).contains(&x.abs()))
    })) {
        let text = serde_json::to_string(&x).unwrap();
        let ours = json::parse(&text).unwrap().as_f64().unwrap();
        prop_assert!(ours == x || ((ours - x) / x).abs() < 1e-13, "{text}: {ours}");
    }

    /// Numbers of up to 15 significant digits with a small exponent are read exactly.
    #[test]
    fn the_json_reader_reads_short_numbers_exactly(mantissa in -999_999_999_999_999i64..999_999_999_999_999, exponent in -22i32..=22) {
        let text = format!("{mantissa}e{exponent}");
        let expected: f64 = text.parse().unwrap();
        prop_assert_eq!(json::parse(&text).unwrap().as_f64(), Some(expected), "{}", text);
    }
}
