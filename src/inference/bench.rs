//! `benchInference`, built only with the `bench` feature (scripts/bench-inference.mjs):
//! the time of one decision without page extraction, timed inside wasm.

use augenblick_core::inference::{Engine, Model, SessionOptions};
use wasm_bindgen::prelude::*;

use crate::signals::SignalCollector;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Milliseconds per decision (features, model, session, context, urgency and reasons) on
/// the collector's snapshot, taken once, over `iterations` decisions with the shipped model.
#[wasm_bindgen(js_name = benchInference)]
pub fn bench_inference(collector: &SignalCollector, iterations: u32) -> Result<f64, JsValue> {
    let snapshot = collector.collect()?;
    let mut engine = Engine::new(Model::default_model(), SessionOptions::default());
    let started = performance_now();
    for i in 0..iterations {
        std::hint::black_box(engine.decide(&snapshot, f64::from(i)));
    }
    Ok((performance_now() - started) / f64::from(iterations.max(1)))
}
