//! The position, asked for only with geolocation consent and coarsened at once: the
//! latitude and longitude never get further than the closure below.

use std::cell::RefCell;
use std::rc::Rc;

use augenblick_core::json::ToJson;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

use super::browser::request_position;
use super::collector::{parse_json, State};

/// A position at most this old (ms) is good enough: the visitor's neighbourhood, not
/// their doorstep.
const MAXIMUM_AGE_MS: u32 = 10 * 60 * 1000;
/// Give up (resolve `null`) after this long (ms).
const TIMEOUT_MS: u32 = 15_000;

/// Resolves to the `LocationSignal`, or `null` without geolocation consent (the browser
/// is then not asked), when the visitor declines, or when no position can be had.
pub(crate) fn locate(state: &Rc<RefCell<State>>) -> Promise {
    if !state.try_borrow().is_ok_and(|s| s.consent.geolocation) {
        return Promise::resolve(&JsValue::NULL);
    }
    let state = Rc::clone(state);
    let coarsen = Closure::once_into_js(move |lat: f64, lon: f64| -> JsValue {
        let Ok(mut state) = state.try_borrow_mut() else {
            return JsValue::NULL;
        };
        // Consent may have been withdrawn while the browser was asking.
        match state.config.locate(Some((lat, lon)), state.consent.geolocation) {
            Ok(Some(signal)) => {
                let js = parse_json(&signal.to_json());
                state.location = Some(signal);
                js
            }
            _ => JsValue::NULL,
        }
    });
    request_position(&coarsen, TIMEOUT_MS, MAXIMUM_AGE_MS)
}
