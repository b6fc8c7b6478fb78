//! The JavaScript half of the browser layer (`src/js/browser.js`), as Rust sees it.

use js_sys::Promise;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/js/browser.js")]
extern "C" {
    /// The page as RawPage JSON, read by the rules on `augenblick_core::signals::RawPage`.
    /// `limits`: elements per kind, element raw units, text nodes, text raw units, URL raw
    /// units, JSON-LD raw units, JSON-LD blocks (`augenblick_core::signals::limits`);
    /// `consent_dialogs` is `augenblick_core::signals::CONSENT_DIALOGS`.
    #[wasm_bindgen(js_name = readPage)]
    pub(crate) fn read_page(limits: &[u32], consent_dialogs: &str) -> String;

    /// The device and the clock as JSON (`augenblick_core::signals::Environment`).
    #[wasm_bindgen(js_name = readEnvironment)]
    pub(crate) fn read_environment() -> String;

    /// Whether there is a page to read (not a worker, not a server).
    #[wasm_bindgen(js_name = hasDocument)]
    pub(crate) fn has_document() -> bool;

    #[wasm_bindgen(js_name = pageVisible)]
    pub(crate) fn page_visible() -> bool;

    /// Raw behaviour events from passive DOM listeners.
    pub(crate) type EventLog;

    #[wasm_bindgen(constructor)]
    pub(crate) fn new(element_raw_units: usize) -> EventLog;

    /// The events since the last call, as JSON.
    #[wasm_bindgen(method)]
    pub(crate) fn take(this: &EventLog) -> String;

    /// Listens again after `stop`.
    #[wasm_bindgen(method)]
    pub(crate) fn start(this: &EventLog);

    /// Stops listening and drops the events not taken.
    #[wasm_bindgen(method)]
    pub(crate) fn stop(this: &EventLog);

    #[wasm_bindgen(js_name = storageGet)]
    pub(crate) fn storage_get(area: &str, key: &str) -> Option<String>;

    #[wasm_bindgen(js_name = storageSet)]
    pub(crate) fn storage_set(area: &str, key: &str, value: &str) -> bool;

    #[wasm_bindgen(js_name = storageRemove)]
    pub(crate) fn storage_remove(area: &str, key: &str);

    /// Calls `task.run(leaving)` in a later task, or as the page goes (again while it returns
    /// `false`), then frees it.
    #[wasm_bindgen(js_name = runSoon)]
    pub(crate) fn run_soon(task: JsValue);

    /// Resolves to `sink.accept(lat, lon)`; see `location.rs`.
    #[wasm_bindgen(js_name = requestPosition)]
    pub(crate) fn request_position(sink: JsValue, timeout_ms: u32, maximum_age_ms: u32) -> Promise;
}
