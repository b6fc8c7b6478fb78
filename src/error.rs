//! Core errors become real JavaScript `Error` objects with a stable `name`.

use wasm_bindgen::JsValue;

/// A JS `Error` whose `name` is the core's stable error name and whose message is the
/// core's message.
pub(crate) fn to_js_error(err: &augenblick_core::Error) -> JsValue {
    let js_error = js_sys::Error::new(&err.message());
    js_error.set_name(err.name());
    js_error.into()
}
