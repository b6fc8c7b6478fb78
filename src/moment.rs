//! The moment vocabulary as JavaScript sees it.

use augenblick_core::MomentKind;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;

#[wasm_bindgen(typescript_custom_section)]
const MOMENT_KIND_TS: &str = r#"
/** A micro-moment: what the visitor wants right now. */
export type MomentKind = "know" | "go" | "do" | "buy";
"#;

/// Checks a moment name from markup or configuration and returns its canonical form
/// (`" Buy "` becomes `"buy"`).
///
/// Throws an `Error` named `UnknownMomentKindError` for any other string, and for any value
/// that is not a string.
#[wasm_bindgen(js_name = parseMomentKind, unchecked_return_type = "MomentKind")]
pub fn parse_moment_kind(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: JsValue,
) -> Result<JsValue, JsValue> {
    // A non-string is reported like an unknown name, quoted as its type: "<number>".
    let text = value.as_string().unwrap_or_else(|| {
        let mut described = String::from("<");
        described.push_str(&value.js_typeof().as_string().unwrap_or_default());
        described.push('>');
        described
    });
    let kind: MomentKind = text.parse().map_err(|err| to_js_error(&err))?;
    Ok(JsValue::from_str(kind.as_str()))
}
