//! Browser tests of the binding, run in headless Chromium by wasm-bindgen-test-runner
//! (see scripts/test.sh). They check what only a real JS engine can: values and errors as
//! JavaScript sees them.
#![cfg(target_arch = "wasm32")]

use augenblick::{parse_moment_kind, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn error_of(result: Result<JsValue, JsValue>) -> js_sys::Error {
    result
        .expect_err("expected an error")
        .dyn_into::<js_sys::Error>()
        .expect("a thrown value must be a real Error object")
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn moment_names_are_canonicalised() {
    let kind = parse_moment_kind(JsValue::from_str(" Buy ")).unwrap();
    assert_eq!(kind.as_string().as_deref(), Some("buy"));
}

#[wasm_bindgen_test]
fn an_unknown_name_throws_a_named_error_that_quotes_it() {
    let err = error_of(parse_moment_kind(JsValue::from_str("shop")));
    assert_eq!(String::from(err.name()), "UnknownMomentKindError");
    assert!(String::from(err.message()).contains("\"shop\""));
}

#[wasm_bindgen_test]
fn a_non_string_throws_the_same_named_error() {
    for value in [JsValue::from_f64(3.0), JsValue::NULL, JsValue::UNDEFINED] {
        let err = error_of(parse_moment_kind(value));
        assert_eq!(String::from(err.name()), "UnknownMomentKindError");
    }
}
