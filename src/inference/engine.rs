//! `MomentEngine`, the JavaScript class: the visitor's moment from a collector's snapshot.

use std::cell::RefCell;

use augenblick_core::inference::{Engine, EngineOptions, Model, Moment};
use augenblick_core::json::ToJson;
use augenblick_core::signals::Snapshot;
use augenblick_core::Error;
use js_sys::Date;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;
use crate::json::{parse_json, read_options};
use crate::signals::SignalCollector;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed for TypeScript (`options?: MomentOptions`); checked by
    /// the core.
    #[wasm_bindgen(typescript_type = "MomentOptions")]
    pub type MomentOptionsObject;
}

/// Infers the visitor's micro-moment on the device: the shipped model (or the site's own),
/// the session's earlier pages and the context table. Nothing it reads or decides leaves
/// the page.
#[wasm_bindgen]
pub struct MomentEngine {
    engine: RefCell<Engine>,
}

impl MomentEngine {
    /// An engine with checked options.
    pub(crate) fn with_options(options: EngineOptions) -> MomentEngine {
        let model = options.model.unwrap_or_else(Model::default_model);
        MomentEngine {
            engine: RefCell::new(Engine::new(model, options.session)),
        }
    }

    /// Forgets the session's earlier pages (personalization consent withdrawn).
    pub(crate) fn forget_session(&self) -> Result<(), JsValue> {
        self.engine
            .try_borrow_mut()
            .map(|mut engine| engine.forget_session())
            .map_err(|_| to_js_error(&Error::busy()))
    }

    /// The moment for a snapshot taken now.
    pub(crate) fn decide_snapshot(&self, snapshot: &Snapshot) -> Result<Moment, JsValue> {
        let mut engine = self
            .engine
            .try_borrow_mut()
            .map_err(|_| to_js_error(&Error::busy()))?;
        Ok(engine.decide(snapshot, Date::now()))
    }
}

#[wasm_bindgen]
impl MomentEngine {
    /// Throws an `InvalidOptionError` naming a bad option, and an `InvalidModelError` or
    /// `IncompatibleModelError` (naming the line) for a model file that does not load.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<MomentOptionsObject>) -> Result<MomentEngine, JsValue> {
        let options = read_options(options.map_or(JsValue::UNDEFINED, JsValue::from), "options")
            .and_then(|value| EngineOptions::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        Ok(MomentEngine::with_options(options))
    }

    /// The moment now: takes the collector's snapshot and decides. A page with another path
    /// or query than the last one counts as the next page view of the session.
    #[wasm_bindgen(unchecked_return_type = "Moment")]
    pub fn decide(&self, collector: &SignalCollector) -> Result<JsValue, JsValue> {
        let moment = self.decide_snapshot(&collector.collect()?)?;
        Ok(parse_json(&moment.to_json()))
    }

    /// Replaces the model with the site's own model file. A file that does not load throws
    /// (`InvalidModelError`, `IncompatibleModelError`) and the model in use stays.
    #[wasm_bindgen(js_name = loadModel)]
    pub fn load_model(&self, text: &str) -> Result<(), JsValue> {
        let model = Model::parse(text).map_err(|e| to_js_error(&e))?;
        let mut engine = self
            .engine
            .try_borrow_mut()
            .map_err(|_| to_js_error(&Error::busy()))?;
        engine.set_model(model);
        Ok(())
    }

    /// The `name` line of the model in use.
    #[wasm_bindgen(getter, js_name = modelName)]
    pub fn model_name(&self) -> String {
        self.engine
            .try_borrow()
            .map(|engine| engine.model().name().to_owned())
            .unwrap_or_default()
    }
}
