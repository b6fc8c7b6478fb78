//! Values across the boundary as JSON text: the site's options in (checked by the core)
//! and the core's results out, for every exported class.

use augenblick_core::json::{self, Value};
use augenblick_core::Error;
use js_sys::JSON;
use wasm_bindgen::JsValue;

/// An options object as JSON for the core to check. Only plain data is accepted: a value
/// JSON cannot hold (a cycle, a BigInt, a function) is an `InvalidOptionError`.
pub(crate) fn read_options(value: JsValue, path: &str) -> Result<Value, Error> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    let not_plain = || Error::invalid_option(path, Some("an object of plain values"));
    if value.is_function() {
        return Err(not_plain());
    }
    let text = JSON::stringify(&value)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(not_plain)?;
    json::parse(&text).map_err(|_| not_plain())
}

/// A JSON text the core wrote, as a JavaScript value.
pub(crate) fn parse_json(text: &str) -> JsValue {
    JSON::parse(text).unwrap_or(JsValue::NULL)
}
