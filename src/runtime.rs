//! `Runtime`, the Rust half of an `Augenblick` instance (`src/js/augenblick.js` is the
//! other): it owns the collector (which keeps the consent ledger) and the engine, decides the moment
//! and chooses every slot's variant. The JavaScript half only finds slots and consent
//! signals and applies what this returns.

use augenblick_core::consent::consent_mode::{read_commands_after, ConsentModeState};
use augenblick_core::consent::report::{privacy_report, Counts};
use augenblick_core::consent::tcf::{cookie_consent, TcfPurposes};
use augenblick_core::consent::{ConsentLedger, PartialConsent, Source, TcString};
use augenblick_core::events::{site_properties, PageEvents};
use augenblick_core::inference::Moment;
use augenblick_core::json::{self, ToJson, Value};
use augenblick_core::signals::{Simulation, Snapshot};
use augenblick_core::slots::{decide_slots, variants_from_json, Rule, SlotContext, SlotDecisions};
use augenblick_core::InitOptions;
use wasm_bindgen::prelude::*;

use crate::error::to_js_error;
use crate::inference::MomentEngine;
use crate::json::{parse_json, read_options};
use crate::signals::{position_requests, with_records, SignalCollector};

/// Internal: created by `Augenblick.init`, not part of the published API.
#[wasm_bindgen(skip_typescript)]
pub struct Runtime {
    collector: SignalCollector,
    engine: MomentEngine,
    rules: Vec<Rule>,
    simulation: Simulation,
    /// What Consent Mode said so far: an update wins over later defaults.
    consent_mode: ConsentModeState,
    /// Where events go and what waits, if the site sends events.
    events: Option<PageEvents>,
    /// The last snapshot and moment decided, for slots resolved between decisions.
    last: Option<(Snapshot, Moment)>,
    snapshots: u32,
}

#[wasm_bindgen]
impl Runtime {
    /// Checks every option (an `InvalidOptionError`, `InvalidModelError` or
    /// `IncompatibleModelError` names what is wrong) and starts collecting, with the
    /// consent that the sources the page has so far give, in this order: the options, the
    /// browser's Global Privacy Control, Google Consent Mode's commands (JSON, see
    /// [`Runtime::consent_mode`]), the TC string of the TCF CMP's cookie (whose grants count only while recent, see
    /// `cookie_consent`). Nothing is stored
    /// that one of them refuses.
    #[wasm_bindgen(constructor)]
    pub fn new(
        options: JsValue,
        global_privacy_control: bool,
        consent_mode_commands: Option<String>,
        tcf_cookie: Option<String>,
        page_id: String,
    ) -> Result<Runtime, JsValue> {
        let options = read_options(options, "options")
            .and_then(|value| InitOptions::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        let mut consent = ConsentLedger::default();
        consent.record(Source::Site, &options.signals.consent);
        consent.set_global_privacy_control(global_privacy_control);
        let mut consent_mode = ConsentModeState::default();
        if let Some(commands) = consent_mode_commands {
            let commands = json::parse(&commands).unwrap_or(Value::Null);
            consent.record(
                Source::ConsentMode,
                &read_commands_after(&commands, &mut consent_mode),
            );
        }
        if let Some(tc) = tcf_cookie.and_then(|text| TcString::decode(&text).ok()) {
            consent.record(Source::Tcf, &cookie_consent(&tc, js_sys::Date::now()));
        }
        let granted = consent.consent();
        let events = options.events.map(|options| {
            with_records(|records, store| {
                if granted.storage && !granted.events {
                    records.save_queue(store, None); // an earlier page's events, no longer consented
                }
                let keep = granted.storage && granted.events;
                PageEvents::new(options, &page_id, keep, js_sys::Date::now(), records, store)
            })
        });
        Ok(Runtime {
            collector: SignalCollector::start(options.signals.config, consent)?,
            engine: MomentEngine::with_options(options.engine),
            rules: options.rules,
            simulation: options.simulation,
            consent_mode,
            events,
            last: None,
            snapshots: 0,
        })
    }

    /// The checked rules as JSON: what the page needs to find their slots and apply them.
    pub fn rules(&self) -> String {
        self.rules.to_json()
    }

    /// Takes a snapshot (with the simulated context, if any) and decides the moment;
    /// `null` without personalization consent, and then nothing is read.
    pub fn decide(&mut self) -> Result<JsValue, JsValue> {
        if !self.collector.consent()?.personalization {
            return Ok(JsValue::NULL);
        }
        self.snapshots += 1;
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
        let Some(context) = self.decision() else {
            return SlotDecisions::default().to_json();
        };
        let slots = json::parse(slots).unwrap_or(Value::Null);
        decide_slots(&slots, &self.rules, &context).to_json()
    }

    /// While `held`, stored keys without storage consent are not erased yet, unless the page
    /// goes: a consent source the page has (a TCF CMP) is yet to answer.
    #[wasm_bindgen(js_name = holdStorageSweep)]
    pub fn hold_storage_sweep(&self, held: bool) {
        with_records(|records, _| records.hold_sweep(held));
    }

    /// The index of the first of `variants` (condition objects, checked like rules) that
    /// holds for the last moment decided; `-1` for none, and before any decision. An
    /// `InvalidOptionError` names a bad field.
    pub fn choose(&self, variants: JsValue) -> Result<i32, JsValue> {
        let variants = read_options(variants, "variants")
            .and_then(|value| variants_from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        let chosen = self.decision().and_then(|context| {
            variants
                .iter()
                .position(|conditions| conditions.hold(&context))
        });
        Ok(chosen.map_or(-1, |index| index as i32))
    }

    /// Replaces the simulated context (`null`: the real one); an `InvalidOptionError`
    /// names a bad field and leaves the simulation as it was.
    pub fn simulate(&mut self, context: JsValue) -> Result<(), JsValue> {
        self.simulation = read_options(context, "simulate")
            .and_then(|value| Simulation::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        Ok(())
    }

    /// The site's word on the purposes named (`{personalization?, storage?, geolocation?,
    /// events?}`); an `InvalidOptionError` names a bad field. Returns the consent in effect
    /// (see [`Runtime::consent`]).
    #[wasm_bindgen(js_name = setConsent)]
    pub fn set_consent(&mut self, consent: JsValue) -> Result<String, JsValue> {
        let partial = read_options(consent, "consent")
            .and_then(|value| PartialConsent::from_json(&value, "consent"))
            .map_err(|e| to_js_error(&e))?;
        self.record(Source::Site, &partial)
    }

    /// A TCF CMP's `tcData` (as JSON); returns the consent in effect. Says nothing while
    /// the CMP's interface is shown or where the GDPR does not apply.
    #[wasm_bindgen(js_name = tcfData)]
    pub fn tcf_data(&mut self, tc_data: &str) -> Result<String, JsValue> {
        let tc_data = json::parse(tc_data).unwrap_or(Value::Null);
        match TcfPurposes::from_tc_data(&tc_data) {
            Some(purposes) => self.record(Source::Tcf, &purposes.to_consent()),
            None => self.consent(),
        }
    }

    /// Google Consent Mode commands from `dataLayer` (as JSON, `[[command, parameters],
    /// …]`, in order); returns the consent in effect.
    #[wasm_bindgen(js_name = consentMode)]
    pub fn consent_mode(&mut self, commands: &str) -> Result<String, JsValue> {
        let commands = json::parse(commands).unwrap_or(Value::Null);
        let partial = read_commands_after(&commands, &mut self.consent_mode);
        self.record(Source::ConsentMode, &partial)
    }

    /// The consent in effect, with the source of each purpose, as JSON.
    pub fn consent(&self) -> Result<String, JsValue> {
        Ok(self.collector.ledger()?.to_json())
    }

    /// The privacy report as JSON (`augenblick_core::consent::report`).
    #[wasm_bindgen(js_name = privacyReport)]
    pub fn privacy_report(&self) -> Result<String, JsValue> {
        let ledger = self.collector.ledger()?;
        // Storage is looked at only with consent to it; without, nothing the SDK wrote stays.
        let look = ledger.consent().storage;
        let (storage_writes, stored_keys) =
            with_records(|records, store| records.counts(store, look));
        let counts = Counts {
            snapshots: self.snapshots,
            storage_writes,
            stored_keys,
            positions_requested: position_requests(),
            requests_sent: self.events.as_ref().map_or(0, |e| e.requests),
            events_sent: self.events.as_ref().map_or(0, |e| e.sent),
            events_dropped: self.events.as_ref().map_or(0, PageEvents::dropped),
        };
        let endpoint = self.events.as_ref().map(|e| e.options.endpoint.as_str());
        Ok(privacy_report(&ledger, &counts, endpoint))
    }

    /// With geolocation consent, the coarse location; see `SignalCollector.locate`.
    pub fn locate(&self) -> js_sys::Promise {
        self.collector.locate()
    }

    /// `{endpoint, flushAt, flushIntervalMs, timeoutMs}` of the events option as JSON, or
    /// `null`.
    #[wasm_bindgen(js_name = eventsConfig)]
    pub fn events_config(&self) -> Option<String> {
        self.events.as_ref().map(|events| {
            let o = &events.options;
            let mut out = String::from("{\"endpoint\":");
            o.endpoint.write_json(&mut out);
            out.push_str(",\"flushAt\":");
            o.flush_at.write_json(&mut out);
            out.push_str(",\"flushIntervalMs\":");
            o.flush_interval_ms.write_json(&mut out);
            out.push_str(",\"timeoutMs\":");
            o.timeout_ms.write_json(&mut out);
            out.push('}');
            out
        })
    }

    /// Queues the site's event, with the last decision's facts added to its properties.
    /// Returns how many events wait, or -1 without events consent (nothing is queued). An
    /// `InvalidOptionError` names bad properties or a missing `events` option.
    pub fn track(
        &mut self,
        event: &str,
        properties: JsValue,
        message_id: &str,
        timestamp: &str,
    ) -> Result<i32, JsValue> {
        if self.events.is_none() {
            return Err(to_js_error(&augenblick_core::Error::invalid_option(
                "events",
                Some("an events option with an endpoint, for track()"),
            )));
        }
        if event.trim().is_empty() {
            return Err(to_js_error(&augenblick_core::Error::invalid_option(
                "event",
                Some("a non-empty name"),
            )));
        }
        let properties = read_options(properties, "properties")
            .and_then(|value| site_properties(&value, self.decision().as_ref()))
            .map_err(|e| to_js_error(&e))?;
        let Some(events) = self.consented_events() else {
            return Ok(-1);
        };
        let waiting = events
            .push(event, properties, message_id, timestamp)
            .map_err(|e| to_js_error(&e))?;
        Ok(waiting as i32)
    }

    /// Queues `Moment Changed` (no `slot`) or `Variant Shown` for the last decision.
    /// Returns how many events wait, or -1 when nothing was queued.
    #[wasm_bindgen(js_name = decisionEvent)]
    pub fn decision_event(
        &mut self,
        slot: Option<String>,
        variant: Option<String>,
        message_id: &str,
        timestamp: &str,
    ) -> i32 {
        let Some(decision) = self.decision() else {
            return -1;
        };
        let shown = slot.as_deref().zip(variant.as_deref());
        let Some(events) = self.consented_events() else {
            return -1;
        };
        events
            .push_decision(&decision, shown, message_id, timestamp)
            .map_or(-1, |waiting| waiting as i32)
    }

    /// The next batch to send, `{"id", "body"}` as JSON, or `null`.
    #[wasm_bindgen(js_name = nextBatch)]
    pub fn next_batch(&mut self, sent_at: &str) -> Option<String> {
        self.consented_events()?
            .next_batch(sent_at, env!("CARGO_PKG_VERSION"))
    }

    /// The answer to batch `id` (`status` 0: a network error; `retryAfterMs` 0: none):
    /// ms to wait before sending again, or -1 when nothing waits on it.
    #[wasm_bindgen(js_name = batchAnswered)]
    pub fn batch_answered(
        &mut self,
        id: u32,
        status: u16,
        retry_after_ms: u32,
        jitter: f64,
    ) -> i32 {
        self.events.as_mut().map_or(-1, |events| {
            events.answered(id, status, retry_after_ms, jitter)
        })
    }

    /// Everything waiting as one batch body of at most `budget` bytes, for a beacon as the
    /// page goes away, or `null`.
    #[wasm_bindgen(js_name = beaconBody)]
    pub fn beacon_body(&mut self, sent_at: &str, budget: usize) -> Option<String> {
        self.consented_events()?
            .beacon_body(sent_at, env!("CARGO_PKG_VERSION"), budget)
    }

    /// Whether the browser took the last beacon.
    #[wasm_bindgen(js_name = beaconTaken)]
    pub fn beacon_taken(&mut self, taken: bool) {
        if let Some(events) = &mut self.events {
            events.beacon_taken(taken);
        }
    }

    /// Keeps what was not sent for the next page, with storage and events consent.
    #[wasm_bindgen(js_name = persistEvents)]
    pub fn persist_events(&mut self) {
        let storage = self
            .collector
            .consent()
            .is_ok_and(|consent| consent.storage);
        if let Some(events) = self.consented_events().filter(|_| storage) {
            with_records(|records, store| events.persist(records, store));
        }
    }

    /// Events waiting to be sent.
    #[wasm_bindgen(js_name = waitingEvents)]
    pub fn waiting_events(&self) -> u32 {
        self.events.as_ref().map_or(0, PageEvents::waiting)
    }

    /// Stops listening to the page.
    pub fn destroy(&self) {
        self.collector.destroy();
    }
}

impl Runtime {
    /// Records what a consent source says and applies the change: the collector erases
    /// what storage and geolocation allowed if they were withdrawn; without personalization
    /// the session's pages and the last decision are forgotten; without events what was
    /// queued is dropped. Returns the consent in effect, as JSON.
    fn record(&mut self, source: Source, partial: &PartialConsent) -> Result<String, JsValue> {
        let change = self.collector.record_consent(source, partial)?;
        if change.forgets_session() {
            self.engine.forget_session()?;
            self.last = None;
        }
        if let Some(events) = &mut self.events {
            with_records(|records, store| {
                if change.drops_events() {
                    events.withdrawn(change.after.storage, records, store);
                }
                if change.forgets_device_id() {
                    events.forget_device_id();
                }
                if change.keeps_device_id() {
                    events.storage_granted(records, store, js_sys::Date::now());
                }
            });
        }
        self.consent()
    }

    /// The facts of the last decision, for events.
    fn decision(&self) -> Option<SlotContext> {
        self.last.as_ref().map(|(snapshot, moment)| SlotContext {
            kind: moment.kind,
            confidence: moment.confidence,
            urgency: moment.urgency,
            device: snapshot.device.class,
            daypart: snapshot.time.daypart,
        })
    }

    /// The events, if the site configured them and the visitor consents to them.
    fn consented_events(&mut self) -> Option<&mut PageEvents> {
        let allowed = self.collector.consent().is_ok_and(|consent| consent.events);
        self.events.as_mut().filter(|_| allowed)
    }
}
