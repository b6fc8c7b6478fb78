//! `SignalCollector`, the JavaScript class: collects the signals snapshot from the live page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use augenblick_core::consent::{ConsentChange, ConsentLedger, PartialConsent, Source};
use augenblick_core::json::{self, ToJson, Value};
use augenblick_core::signals::{
    limits, BehaviourTracker, Environment, PageSignals, RawPage, SignalConfig, SignalOptions,
    Snapshot, CONSENT_DIALOGS,
};
use augenblick_core::{Consent, Error};
use js_sys::{Date, Promise};
use wasm_bindgen::prelude::*;

use super::browser::{self, EventLog};
use super::state::State;
use super::{location, storage};
use crate::error::to_js_error;
use crate::json::{parse_json, read_options};

#[wasm_bindgen]
extern "C" {
    /// The options object, typed for TypeScript (`options?: SignalOptions`); checked by
    /// the core, not by this type.
    #[wasm_bindgen(typescript_type = "SignalOptions")]
    pub type OptionsObject;
}

/// The reading limits, in the order `readPage` takes them.
const PAGE_LIMITS: [u32; 7] = [
    limits::ELEMENTS_PER_KIND as u32,
    limits::ELEMENT_RAW_UNITS as u32,
    limits::TEXT_NODES as u32,
    limits::TEXT_RAW_UNITS as u32,
    limits::URL_RAW_UNITS as u32,
    limits::JSON_LD_RAW_UNITS as u32,
    limits::JSON_LD_BLOCKS as u32,
];

/// Collects the signals snapshot: device, local time, page content, behaviour in the
/// session and, with geolocation consent, a coarse location. Nothing is stored without
/// storage consent and the position is never requested without geolocation consent.
#[wasm_bindgen]
pub struct SignalCollector {
    state: Rc<RefCell<State>>,
    events: EventLog,
    /// `destroy()` was called: consent granted later does not start listening again.
    destroyed: Cell<bool>,
}

#[wasm_bindgen]
impl SignalCollector {
    /// Starts collecting. Throws an `InvalidOptionError` naming any unknown or malformed
    /// option, and a `NoDocumentError` where there is no page (a worker, a server).
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<OptionsObject>) -> Result<SignalCollector, JsValue> {
        let options = read_options(options.map_or(JsValue::UNDEFINED, JsValue::from), "options")
            .and_then(|value| SignalOptions::from_json(&value))
            .map_err(|e| to_js_error(&e))?;
        let mut ledger = ConsentLedger::default();
        ledger.record(Source::Site, &options.consent);
        SignalCollector::start(options.config, ledger)
    }

    /// The snapshot now: device, time and page are read afresh; behaviour is what was
    /// observed since the collector started.
    #[wasm_bindgen(unchecked_return_type = "Snapshot")]
    pub fn snapshot(&self) -> Result<JsValue, JsValue> {
        Ok(parse_json(&self.collect()?.to_json()))
    }
}

impl SignalCollector {
    /// Starts collecting with a checked configuration and what the consent sources said so
    /// far (the collector keeps it from then on); a `NoDocumentError` where there is no page.
    pub(crate) fn start(
        config: SignalConfig,
        ledger: ConsentLedger,
    ) -> Result<SignalCollector, JsValue> {
        if !browser::has_document() {
            return Err(to_js_error(&Error::no_document()));
        }
        let consent = ledger.consent();
        let mut state = State {
            config,
            ledger,
            behaviour: BehaviourTracker::start(Date::now(), browser::page_visible()),
            location: None,
        };
        if consent.storage {
            store_page_view(&mut state);
        }
        let state = Rc::new(RefCell::new(state));
        if !consent.storage {
            // Consent withdrawn on an earlier page still means nothing stays stored.
            storage::erase_soon(&state);
        }
        let events = EventLog::new(limits::ELEMENT_RAW_UNITS);
        if !consent.personalization {
            events.stop();
        }
        Ok(SignalCollector {
            state,
            events,
            destroyed: Cell::new(false),
        })
    }

    /// The consent in effect for this collector.
    pub(crate) fn consent(&self) -> Result<Consent, JsValue> {
        self.ledger().map(|ledger| ledger.consent())
    }

    /// What every consent source said, and what is in effect.
    pub(crate) fn ledger(&self) -> Result<ConsentLedger, JsValue> {
        self.state
            .try_borrow()
            .map(|state| state.ledger)
            .map_err(|_| to_js_error(&Error::busy()))
    }

    /// Records what a consent source says and puts the result in effect: what a withdrawn
    /// purpose allowed is erased at once (the stored keys, the location), and storage newly
    /// allowed counts this page view. Returns the change, for what else acts on it.
    pub(crate) fn record_consent(
        &self,
        source: Source,
        partial: &PartialConsent,
    ) -> Result<ConsentChange, JsValue> {
        let mut state = self
            .state
            .try_borrow_mut()
            .map_err(|_| to_js_error(&Error::busy()))?;
        let before = state.ledger.record(source, partial);
        let change = ConsentChange {
            before,
            after: state.consent(),
        };
        if change.stops_reading() {
            self.events.stop();
            state.behaviour = BehaviourTracker::start(Date::now(), browser::page_visible());
        }
        if change.starts_reading() && !self.destroyed.get() {
            self.events.start();
        }
        if change.erases_storage() {
            storage::with_records(|records, store| records.erase(store));
            let behaviour = &mut state.behaviour.behaviour;
            behaviour.set_repeat_visits(None, false);
            behaviour.page_views = 1; // what memory alone knows: this page
        }
        if change.counts_page_view() {
            store_page_view(&mut state);
        }
        if change.forgets_location() {
            state.location = None;
        }
        Ok(change)
    }

    /// The snapshot now, for Rust: what `snapshot()` returns before it becomes JSON.
    pub(crate) fn collect(&self) -> Result<Snapshot, JsValue> {
        if !self.consent()?.personalization {
            return Err(to_js_error(&Error::consent_required("personalization")));
        }
        // Everything the page can influence is read before the state is borrowed.
        let events = json::parse(&self.events.take()).unwrap_or(Value::Null);
        let raw_page = match json::parse(&browser::read_page(&PAGE_LIMITS, CONSENT_DIALOGS)) {
            Ok(page) => RawPage::from_json(&page),
            Err(_) => RawPage {
                failed: true,
                ..RawPage::default()
            },
        };
        let environment = Environment::from_json(
            &json::parse(&browser::read_environment()).unwrap_or(Value::Null),
        );
        let now = Date::now();

        let mut guard = self
            .state
            .try_borrow_mut()
            .map_err(|_| to_js_error(&Error::busy()))?;
        let state = &mut *guard;
        state.behaviour.apply(&events, &state.config);
        Ok(Snapshot {
            device: environment.device,
            time: environment.time,
            page: PageSignals::from_raw(&raw_page, &state.config.search_params),
            behaviour: state.behaviour.at(now),
            location: state.location.clone(),
        })
    }
}

#[wasm_bindgen]
impl SignalCollector {
    /// Asks the browser for the visitor's position, once, and keeps only its geohash cell
    /// and the distance to the nearest configured location. Resolves to that
    /// `LocationSignal`, or to `null` without geolocation consent (the browser is then not
    /// asked at all), when the visitor declines, or when no position can be had.
    #[wasm_bindgen(unchecked_return_type = "Promise<LocationSignal | null>")]
    pub fn locate(&self) -> Promise {
        location::locate(&self.state)
    }

    /// Updates consent for the purposes named (`{ geolocation: true }` leaves the others
    /// as they were). Withdrawing storage consent removes every key signals stored;
    /// withdrawing geolocation consent forgets the location.
    #[wasm_bindgen(js_name = setConsent)]
    pub fn set_consent(
        &self,
        #[wasm_bindgen(unchecked_param_type = "SignalConsent")] consent: JsValue,
    ) -> Result<(), JsValue> {
        let update = read_options(consent, "consent")
            .and_then(|value| PartialConsent::from_json(&value, "consent"))
            .map_err(|e| to_js_error(&e))?;
        self.record_consent(Source::Site, &update).map(|_| ())
    }

    /// Stops listening to the page. The collector can still take snapshots.
    pub fn destroy(&self) {
        self.destroyed.set(true);
        self.events.stop();
    }
}

/// `free()` and `using` release the collector: its listeners go with it.
impl Drop for SignalCollector {
    fn drop(&mut self) {
        self.events.stop();
    }
}

/// Counts this page view in storage (the caller has storage consent); in memory it is
/// counted already.
fn store_page_view(state: &mut State) {
    if let Some((page_views, earlier_visits)) =
        storage::with_records(|records, store| records.count_page_view(store))
    {
        let behaviour = &mut state.behaviour.behaviour;
        behaviour.page_views = page_views;
        behaviour.set_repeat_visits(Some(earlier_visits), true);
    }
}
