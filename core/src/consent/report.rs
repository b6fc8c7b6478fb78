//! The privacy report: every signal the SDK reads, every key it may store and every
//! endpoint it may send to, each with its purpose, and what it actually did on this page
//! view. `docs/PRIVACY.md` explains it for privacy teams.

use super::{ConsentLedger, Purpose};
use crate::json::ToJson;
use crate::json_object;

/// A signal the SDK reads, and what it keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalRead {
    /// Its name in the snapshot.
    pub signal: &'static str,
    /// Where it is read.
    pub source: &'static str,
    /// The purpose that allows reading it.
    pub purpose: Purpose,
    /// What is kept, in memory on the device.
    pub kept: &'static str,
}

const fn read(
    signal: &'static str,
    source: &'static str,
    purpose: Purpose,
    kept: &'static str,
) -> SignalRead {
    SignalRead {
        signal,
        source,
        purpose,
        kept,
    }
}

/// Every signal read. None of them leaves the device.
pub const SIGNALS_READ: [SignalRead; 9] = [
    read("device", "navigator (User-Agent, Client Hints, touch points, languages, connection), media queries, viewport", Purpose::Personalization, "device class, pointer, viewport size, pixel ratio, connection type, languages, reduced motion"),
    read("time", "the clock and time zone", Purpose::Personalization, "local hour, minute, weekday, daypart, time zone"),
    read("page", "the URL, referrer and document (title, meta, headings, links, buttons, lists, text, JSON-LD, microdata types)", Purpose::Personalization, "counts of content cues, schema.org types, hashed words; the path, query and referrer class"),
    read("behaviour.clicks", "clicks on links, buttons and data-augenblick-intent elements", Purpose::Personalization, "counts per moment and of cart actions"),
    read("behaviour.search", "submitted forms with a search field", Purpose::Personalization, "a count; never the query typed"),
    read("behaviour.scroll", "scroll position", Purpose::Personalization, "the deepest scroll depth, 0 to 1"),
    read("behaviour.dwell", "page visibility", Purpose::Personalization, "visible time and tab switches"),
    read("behaviour.visits", "the storage keys below", Purpose::Storage, "page views in the session, earlier visits"),
    read("location", "the Geolocation API, once per locate() call", Purpose::Geolocation, "a geohash cell and the distance from its centre to the nearest site location; never the position"),
];

/// A key the SDK may store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageKey {
    /// The key.
    pub key: &'static str,
    /// `localStorage` or `sessionStorage`.
    pub area: &'static str,
    /// What its value is.
    pub holds: &'static str,
}

/// sessionStorage: page views in this session.
pub const PAGE_VIEWS_KEY: &str = "augenblick:pageViews";
/// sessionStorage: present once this session has been counted as a visit.
pub const SESSION_KEY: &str = "augenblick:session";
/// localStorage: visits on this device, this one included.
pub const VISITS_KEY: &str = "augenblick:visits";
/// localStorage: the visitor's anonymous id in events and when it was made (without storage
/// consent it lives for the page view only; with it, 13 months at most, and it goes when
/// events consent does).
pub const ANONYMOUS_ID_KEY: &str = "augenblick:anonymousId";
/// localStorage: events not sent yet when the page went away (the offline queue).
pub const EVENT_QUEUE_KEY: &str = "augenblick:eventQueue";

/// Every key the SDK may store, all under the storage purpose. There are no cookies and
/// no IndexedDB.
pub const STORAGE_KEYS: [StorageKey; 5] = [
    StorageKey {
        key: PAGE_VIEWS_KEY,
        area: "sessionStorage",
        holds: "a count",
    },
    StorageKey {
        key: SESSION_KEY,
        area: "sessionStorage",
        holds: "\"1\"",
    },
    StorageKey {
        key: VISITS_KEY,
        area: "localStorage",
        holds: "a count",
    },
    StorageKey {
        key: ANONYMOUS_ID_KEY,
        area: "localStorage",
        holds: "a random id, in events, and when it was made (a new one after 13 months)",
    },
    StorageKey {
        key: EVENT_QUEUE_KEY,
        area: "localStorage",
        holds: "events not sent yet (the offline queue)",
    },
];

/// The fields an event may carry: what was decided, and the site's own `track()`
/// properties; nothing the SDK read.
pub const EVENT_FIELDS: [&str; 13] = [
    "type",
    "event",
    "messageId",
    "anonymousId",
    "timestamp",
    "properties.moment",
    "properties.confidence",
    "properties.urgency",
    "properties.deviceClass",
    "properties.daypart",
    "properties.slot",
    "properties.variant",
    "properties.* (the site's own, from track())",
];

/// What the SDK did on this page view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Snapshots of the signals taken.
    pub snapshots: u32,
    /// Writes to storage.
    pub storage_writes: u32,
    /// Keys of [`STORAGE_KEYS`] present now.
    pub stored_keys: u32,
    /// Times the browser was asked for a position.
    pub positions_requested: u32,
    /// Requests sent to the events endpoint (fetches and beacons).
    pub requests_sent: u32,
    /// Events that left in a request answered with success, or in a beacon the browser took.
    pub events_sent: u32,
    /// Events dropped: the queue was full, the receiver refused them, or consent went.
    pub events_dropped: u32,
}

/// The report as JSON: `{consent, signalsRead, storage, endpoints, counts}`; `endpoint`
/// is where events go, if the site configured it.
pub fn privacy_report(ledger: &ConsentLedger, counts: &Counts, endpoint: Option<&str>) -> String {
    let endpoints: Vec<Endpoint<'_>> = endpoint.map(Endpoint).into_iter().collect();
    let mut out = String::new();
    json_object!(&mut out,
        "consent" => ledger,
        "signalsRead" => SIGNALS_READ,
        "storage" => STORAGE_KEYS,
        "endpoints" => endpoints,
        "counts" => counts,
    );
    out
}

/// Where events go, with what they may carry.
struct Endpoint<'a>(&'a str);

impl ToJson for Endpoint<'_> {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "url" => self.0,
            "purpose" => Purpose::Events.as_str(),
            "fields" => EVENT_FIELDS,
        );
    }
}

impl ToJson for SignalRead {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "signal" => self.signal,
            "source" => self.source,
            "purpose" => self.purpose.as_str(),
            "kept" => self.kept,
            "leavesDevice" => false,
        );
    }
}

impl ToJson for StorageKey {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "key" => self.key,
            "area" => self.area,
            "purpose" => Purpose::Storage.as_str(),
            "holds" => self.holds,
        );
    }
}

impl ToJson for Counts {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "snapshots" => self.snapshots,
            "storageWrites" => self.storage_writes,
            "storedKeys" => self.stored_keys,
            "positionsRequested" => self.positions_requested,
            "requestsSent" => self.requests_sent,
            "eventsSent" => self.events_sent,
            "eventsDropped" => self.events_dropped,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::{parse, Value};

    #[test]
    fn the_report_lists_everything_with_a_purpose() {
        let report = parse(&privacy_report(
            &ConsentLedger::default(),
            &Counts::default(),
            None,
        ))
        .unwrap();
        let signals = report.get("signalsRead").unwrap().items();
        assert_eq!(signals.len(), SIGNALS_READ.len());
        assert!(signals
            .iter()
            .all(|s| s.get("leavesDevice") == Some(&Value::Bool(false))));
        let keys: Vec<String> = report
            .get("storage")
            .unwrap()
            .items()
            .iter()
            .map(|k| k.str_field("key"))
            .collect();
        assert_eq!(
            keys,
            [
                PAGE_VIEWS_KEY,
                SESSION_KEY,
                VISITS_KEY,
                ANONYMOUS_ID_KEY,
                EVENT_QUEUE_KEY
            ]
        );
        assert_eq!(report.get("endpoints").unwrap().items().len(), 0);
        let with = privacy_report(
            &ConsentLedger::default(),
            &Counts::default(),
            Some("https://x/v1/batch"),
        );
        let with = parse(&with).unwrap();
        let endpoint = &with.get("endpoints").unwrap().items()[0];
        assert_eq!(endpoint.str_field("url"), "https://x/v1/batch");
        assert_eq!(endpoint.str_field("purpose"), "events");
        assert_eq!(
            report.get("consent").unwrap().get("storage"),
            Some(&Value::Bool(false))
        );
    }
}
