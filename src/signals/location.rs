//! The position, asked for only with geolocation consent and coarsened at once: the
//! latitude and longitude go from the browser's callback straight into
//! [`PositionSink::accept`] and no further.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use augenblick_core::json::ToJson;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::browser::request_position;
use super::state::State;
use crate::json::parse_json;

/// A position at most this old (ms) is good enough: the visitor's neighbourhood, not
/// their doorstep.
const MAXIMUM_AGE_MS: u32 = 10 * 60 * 1000;
/// Give up (resolve `null`) after this long (ms).
const TIMEOUT_MS: u32 = 15_000;

/// Times the browser was asked for a position on this page load, for the privacy report.
static REQUESTS: AtomicU32 = AtomicU32::new(0);

/// For the privacy report: times the browser was asked for a position.
pub(crate) fn requests() -> u32 {
    REQUESTS.load(Ordering::Relaxed)
}

/// Resolves to the `LocationSignal`, or `null` without geolocation consent (the browser
/// is then not asked), when the visitor declines, or when no position can be had.
pub(crate) fn locate(state: &Rc<RefCell<State>>) -> Promise {
    if !state.try_borrow().is_ok_and(|s| s.consent().geolocation) {
        return Promise::resolve(&JsValue::NULL);
    }
    REQUESTS.fetch_add(1, Ordering::Relaxed);
    let sink = PositionSink {
        state: Rc::clone(state),
    };
    request_position(sink.into(), TIMEOUT_MS, MAXIMUM_AGE_MS)
}

/// Receives the one position of a `locate()` call. An exported object rather than a Rust
/// closure, because wasm-bindgen's closure support cost 771 bytes gzip (BENCHMARKS.md).
#[wasm_bindgen(skip_typescript)]
pub struct PositionSink {
    state: Rc<RefCell<State>>,
}

#[wasm_bindgen]
impl PositionSink {
    /// Coarsens the position into a `LocationSignal`, keeps it, and returns it; `null` if
    /// there is no usable position or consent was withdrawn while the browser was asking.
    pub fn accept(self, lat: f64, lon: f64) -> JsValue {
        let Ok(mut state) = self.state.try_borrow_mut() else {
            return JsValue::NULL;
        };
        match state.config.locate(lat, lon, state.consent().geolocation) {
            Ok(Some(signal)) => {
                let js = parse_json(&signal.to_json());
                state.location = Some(signal);
                js
            }
            _ => JsValue::NULL,
        }
    }
}
