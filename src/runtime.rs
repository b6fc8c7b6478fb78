//! `Runtime`, the Rust half of an `Augenblick` instance (`src/js/augenblick.js` is the
//! other): it owns the collector and the engine, decides the moment and chooses every
//! slot's variant. The JavaScript half only finds slots and applies what this returns.

use augenblick_core::inference::Moment;
use augenblick_core::json::{self, ToJson, Value};
use augenblick_core::signals::{Simulation, Snapshot};
use augenblick_core::slots::{decide_slots, Rule, SlotContext, SlotDecisions};
use augenblick_core::InitOptions;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;
use crate::inference::MomentEngine;
use crate::json::{parse_json, read_options};
use crate::signals::SignalCollector;

/// Internal: created by `Augenblick.init`, not part of the published API.
#[wasm_bindgen(skip_typescript)]
pub struct Runtime {
    collector: SignalCollector,
    engine: MomentEngine,
    rules: Vec<Rule>,
    simulation: Simulation,
    /// The last snapshot and moment decided, for slots resolved between decisions.
    last: Option<(Snapshot, Moment)>,
}

#[wasm_bindgen]
impl Runtime {
    /// Checks every option (an `InvalidOptionError`, `InvalidModelError` or
    /// `IncompatibleModelError` names what is wrong) and starts collecting.
    #[wasm_bindgen(constructor)]
    pub fn new(options: JsValue) -> Result<Runtime, JsValue> {
        let options = read_options(options, "options")
            .and_then(|value| InitOptions::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        Ok(Runtime {
            collector: SignalCollector::start(options.signals)?,
            engine: MomentEngine::with_options(options.engine),
            rules: options.rules,
            simulation: options.simulation,
            last: None,
        })
    }

    /// The checked rules as JSON: what the page needs to find their slots and apply them.
    pub fn rules(&self) -> String {
        self.rules.to_json()
    }

    /// Takes a snapshot (with the simulated context, if any) and decides the moment.
    pub fn decide(&mut self) -> Result<JsValue, JsValue> {
        let mut snapshot = self.collector.collect()?;
        self.simulation.apply(&mut snapshot);
        let moment = self.engine.decide_snapshot(&snapshot)?;
        let js = parse_json(&moment.to_json());
        self.last = Some((snapshot, moment));
        Ok(js)
    }

    /// The snapshot of the last decision, or `null` before the first.
    pub fn snapshot(&self) -> JsValue {
        self.last.as_ref().map_or(JsValue::NULL, |(snapshot, _)| {
            parse_json(&snapshot.to_json())
        })
    }

    /// Chooses the variant of each slot described (the format is documented in
    /// `augenblick_core::slots`) for the last moment decided; before any decision every slot
    /// keeps its default.
    #[wasm_bindgen(js_name = chooseSlots)]
    pub fn choose_slots(&self, slots: &str) -> String {
        let Some((snapshot, moment)) = &self.last else {
            return SlotDecisions::default().to_json();
        };
        let context = SlotContext {
            kind: moment.kind,
            confidence: moment.confidence,
            urgency: moment.urgency,
            device: snapshot.device.class,
            daypart: snapshot.time.daypart,
        };
        let slots = json::parse(slots).unwrap_or(Value::Null);
        decide_slots(&slots, &self.rules, &context).to_json()
    }

    /// Replaces the simulated context (`null`: the real one); an `InvalidOptionError`
    /// names a bad field and leaves the simulation as it was.
    pub fn simulate(&mut self, context: JsValue) -> Result<(), JsValue> {
        self.simulation = read_options(context, "simulate")
            .and_then(|value| Simulation::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        Ok(())
    }

    /// Changes consent for the purposes named; see `SignalCollector.setConsent`.
    #[wasm_bindgen(js_name = setConsent)]
    pub fn set_consent(&self, consent: JsValue) -> Result<(), JsValue> {
        self.collector.set_consent(consent)
    }

    /// With geolocation consent, the coarse location; see `SignalCollector.locate`.
    pub fn locate(&self) -> js_sys::Promise {
        self.collector.locate()
    }

    /// Stops listening to the page.
    pub fn destroy(&self) {
        self.collector.destroy();
    }
}
