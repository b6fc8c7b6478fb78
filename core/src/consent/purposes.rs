//! The four purposes, consent for them, and the ledger that combines the sources.

use crate::json::{ToJson, Value};
use crate::read::{member, object};
use crate::{json_object, Error};

/// What the SDK may do, each only with consent for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// On-device inference from in-page signals.
    Personalization,
    /// Anything persisted.
    Storage,
    /// Asking the browser for a position.
    Geolocation,
    /// Sending events to the site's backend.
    Events,
}

impl Purpose {
    /// Every purpose, in the order of [`Consent`]'s fields.
    pub const ALL: [Purpose; 4] = [
        Purpose::Personalization,
        Purpose::Storage,
        Purpose::Geolocation,
        Purpose::Events,
    ];

    /// Its name in options and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Purpose::Personalization => "personalization",
            Purpose::Storage => "storage",
            Purpose::Geolocation => "geolocation",
            Purpose::Events => "events",
        }
    }
}

/// Which purposes the visitor has agreed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consent {
    /// Reading signals and deciding the moment on the device (default on).
    pub personalization: bool,
    /// Persisting the session page-view count and the device's visit count.
    pub storage: bool,
    /// Asking the browser for a position.
    pub geolocation: bool,
    /// Sending events to the site's backend.
    pub events: bool,
}

impl Default for Consent {
    /// Personalization on, everything else off until granted.
    fn default() -> Self {
        Consent {
            personalization: true,
            storage: false,
            geolocation: false,
            events: false,
        }
    }
}

impl Consent {
    /// Whether `purpose` is granted.
    pub fn allows(&self, purpose: Purpose) -> bool {
        match purpose {
            Purpose::Personalization => self.personalization,
            Purpose::Storage => self.storage,
            Purpose::Geolocation => self.geolocation,
            Purpose::Events => self.events,
        }
    }

    fn slot(&mut self, purpose: Purpose) -> &mut bool {
        match purpose {
            Purpose::Personalization => &mut self.personalization,
            Purpose::Storage => &mut self.storage,
            Purpose::Geolocation => &mut self.geolocation,
            Purpose::Events => &mut self.events,
        }
    }

    /// This consent with what `partial` names changed.
    pub fn with(mut self, partial: &PartialConsent) -> Consent {
        for purpose in Purpose::ALL {
            if let Some(granted) = partial.get(purpose) {
                *self.slot(purpose) = granted;
            }
        }
        self
    }

    /// Reads `{personalization?, storage?, geolocation?, events?}` over the defaults;
    /// `path` names the object in errors.
    pub fn from_json(value: &Value, path: &str) -> Result<Consent, Error> {
        Ok(Consent::default().with(&PartialConsent::from_json(value, path)?))
    }
}

/// What one source says: some purposes granted or refused, the others not mentioned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialConsent([Option<bool>; 4]);

impl PartialConsent {
    /// What this source says of `purpose`, if anything.
    pub fn get(&self, purpose: Purpose) -> Option<bool> {
        self.0[purpose as usize]
    }

    /// Says `granted` of `purpose`.
    pub fn set(&mut self, purpose: Purpose, granted: bool) {
        self.0[purpose as usize] = Some(granted);
    }

    /// Whether it names no purpose.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// Reads `{personalization?, storage?, geolocation?, events?}` strictly; `path` names
    /// the object in errors (`consent.storage`).
    pub fn from_json(value: &Value, path: &str) -> Result<PartialConsent, Error> {
        let mut partial = PartialConsent::default();
        if *value == Value::Null {
            return Ok(partial);
        }
        for (key, flag) in object(value, path)? {
            let field = member(path, key);
            let purpose = Purpose::ALL
                .into_iter()
                .find(|p| p.as_str() == key)
                .ok_or_else(|| Error::invalid_option(&field, None))?;
            let granted = flag
                .as_bool()
                .ok_or_else(|| Error::invalid_option(&field, Some("true or false")))?;
            partial.set(purpose, granted);
        }
        Ok(partial)
    }
}

/// Where a purpose's current value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Nothing said anything: the default.
    Default,
    /// The site: its options or `setConsent`.
    Site,
    /// An IAB TCF CMP, through `__tcfapi` or its `euconsent-v2` cookie.
    Tcf,
    /// Google Consent Mode, through `dataLayer`.
    ConsentMode,
    /// Global Privacy Control (events only).
    GlobalPrivacyControl,
}

impl Source {
    /// Its name in reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Default => "default",
            Source::Site => "site",
            Source::Tcf => "tcf",
            Source::ConsentMode => "consentMode",
            Source::GlobalPrivacyControl => "globalPrivacyControl",
        }
    }
}

/// Consent from every source: for each purpose the latest word wins, and Global Privacy
/// Control keeps events off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentLedger {
    said: Consent,
    sources: [Source; 4],
    gpc: bool,
}

impl Default for ConsentLedger {
    fn default() -> Self {
        ConsentLedger {
            said: Consent::default(),
            sources: [Source::Default; 4],
            gpc: false,
        }
    }
}

impl ConsentLedger {
    /// Records what `source` says; returns the consent in effect before, to compare.
    pub fn record(&mut self, source: Source, partial: &PartialConsent) -> Consent {
        let before = self.consent();
        for purpose in Purpose::ALL {
            if let Some(granted) = partial.get(purpose) {
                *self.said.slot(purpose) = granted;
                self.sources[purpose as usize] = source;
            }
        }
        before
    }

    /// Records whether the browser sends Global Privacy Control.
    pub fn set_global_privacy_control(&mut self, on: bool) {
        self.gpc = on;
    }

    /// The consent in effect.
    pub fn consent(&self) -> Consent {
        let mut consent = self.said;
        consent.events &= !self.gpc;
        consent
    }

    /// Where the value in effect for `purpose` came from.
    pub fn source(&self, purpose: Purpose) -> Source {
        if purpose == Purpose::Events && self.gpc {
            Source::GlobalPrivacyControl
        } else {
            self.sources[purpose as usize]
        }
    }
}

/// `{personalization, storage, geolocation, events, sources: {…}, globalPrivacyControl}`.
impl ToJson for ConsentLedger {
    fn write_json(&self, out: &mut String) {
        let consent = self.consent();
        let [a, b, c, d] = Purpose::ALL.map(|p| self.source(p).as_str());
        let sources = Sources([a, b, c, d]);
        json_object!(out,
            "personalization" => consent.personalization,
            "storage" => consent.storage,
            "geolocation" => consent.geolocation,
            "events" => consent.events,
            "sources" => sources,
            "globalPrivacyControl" => self.gpc,
        );
    }
}

struct Sources([&'static str; 4]);

impl ToJson for Sources {
    fn write_json(&self, out: &mut String) {
        let [a, b, c, d] = self.0;
        json_object!(out, "personalization" => a, "storage" => b, "geolocation" => c, "events" => d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn partial(text: &str) -> PartialConsent {
        PartialConsent::from_json(&parse(text).unwrap(), "consent").unwrap()
    }

    #[test]
    fn personalization_is_on_and_everything_else_off_by_default() {
        let consent = Consent::default();
        assert!(consent.personalization);
        assert!(!consent.storage && !consent.geolocation && !consent.events);
    }

    #[test]
    fn the_latest_word_wins_for_each_purpose() {
        let mut ledger = ConsentLedger::default();
        ledger.record(Source::Site, &partial(r#"{"storage":false,"events":true}"#));
        ledger.record(Source::Tcf, &partial(r#"{"storage":true}"#));
        let consent = ledger.consent();
        assert!(consent.storage && consent.events);
        assert_eq!(ledger.source(Purpose::Storage), Source::Tcf);
        assert_eq!(ledger.source(Purpose::Events), Source::Site);
        assert_eq!(ledger.source(Purpose::Geolocation), Source::Default);
        let before = ledger.record(Source::Site, &partial(r#"{"storage":false}"#));
        assert!(before.storage && !ledger.consent().storage);
    }

    #[test]
    fn global_privacy_control_keeps_events_off() {
        let mut ledger = ConsentLedger::default();
        ledger.set_global_privacy_control(true);
        ledger.record(Source::Site, &partial(r#"{"events":true,"storage":true}"#));
        assert!(!ledger.consent().events && ledger.consent().storage);
        assert_eq!(ledger.source(Purpose::Events), Source::GlobalPrivacyControl);
        assert_eq!(
            ledger.to_json(),
            r#"{"personalization":true,"storage":true,"geolocation":false,"events":false,"sources":{"personalization":"default","storage":"site","geolocation":"default","events":"globalPrivacyControl"},"globalPrivacyControl":true}"#
        );
    }

    #[test]
    fn bad_consent_objects_name_the_field() {
        let message = |text: &str| {
            PartialConsent::from_json(&parse(text).unwrap(), "consent")
                .unwrap_err()
                .message()
        };
        assert_eq!(message(r#"{"ads":true}"#), "unknown option consent.ads");
        assert_eq!(
            message(r#"{"events":"yes"}"#),
            "invalid option consent.events: expected true or false"
        );
        assert_eq!(message("[]"), "invalid option consent: expected an object");
    }
}
