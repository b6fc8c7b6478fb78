//! What the SDK keeps on the device, only with storage consent, and the page load's record
//! of it: the session's page views, the device's visits, the anonymous id and the events not
//! sent yet. Every key is in `consent::report::STORAGE_KEYS`; this is the one place that
//! reads or writes them.

use super::{Area, Store};
use crate::consent::report::{
    ANONYMOUS_ID_KEY, EVENT_QUEUE_KEY, PAGE_VIEWS_KEY, SESSION_KEY, VISITS_KEY,
};
use crate::decimal;
use crate::error::decimal_u64;

/// Every key the SDK may store, where it lives.
const KEYS: [(Area, &str); 5] = [
    (Area::Session, PAGE_VIEWS_KEY),
    (Area::Session, SESSION_KEY),
    (Area::Local, VISITS_KEY),
    (Area::Local, ANONYMOUS_ID_KEY),
    (Area::Local, EVENT_QUEUE_KEY),
];

/// How long an anonymous id stays on the device before a new one replaces it: 13 months,
/// the longest an identifier kept with consent should live (the CNIL's rule for cookies and
/// other trackers), and as long as a TC string's grant counts.
pub const ANONYMOUS_ID_LIFETIME_MS: f64 = crate::consent::tcf::COOKIE_GRANTS_FOR_MS;

/// A page load's dealings with storage. One per page load, shared by every collector and
/// instance on it: a second collector, or consent given twice, must not count the page view
/// again. `Copy`, so that the browser layer can keep it in a `Cell` (no borrow that could
/// fail).
#[derive(Debug, Default, Clone, Copy)]
pub struct Records {
    /// Writes on this page load, for the privacy report.
    writes: u32,
    /// This page view is counted in storage already. Reset when the counts are erased.
    page_counted: bool,
    /// Times storage consent was acted on: a scheduled erasure that sees this change knows
    /// consent came after it was scheduled.
    consents_acted_on: u32,
    /// A consent source the page has is yet to answer (a TCF CMP loading its vendor list):
    /// a scheduled erasure waits for it, or for the page to go, so that a CMP granting
    /// storage a moment later does not find the visit counts erased.
    sweep_held: bool,
}

/// Taken when an erasure is scheduled; see [`Records::sweep`].
#[derive(Debug, Clone, Copy)]
pub struct SweepTicket {
    consents_before: u32,
}

impl Records {
    /// A page load that has not touched storage yet.
    pub const fn new() -> Records {
        Records {
            writes: 0,
            page_counted: false,
            consents_acted_on: 0,
            sweep_held: false,
        }
    }

    /// Counts this page view (once per page load) and, at the first page of a session, this
    /// visit; the caller has storage consent. Returns the session's page views and the
    /// number of earlier visits, or `None` where storage is unavailable.
    pub fn count_page_view(&mut self, store: &mut impl Store) -> Option<(u32, u32)> {
        self.consents_acted_on += 1;
        if self.page_counted {
            let page_views = read_count(store, Area::Session, PAGE_VIEWS_KEY).max(1);
            let visits = read_count(store, Area::Local, VISITS_KEY).max(1);
            return Some((page_views, visits - 1));
        }
        self.page_counted = true;
        let page_views = self.increment(store, Area::Session, PAGE_VIEWS_KEY)?;
        let visits = if store.get(Area::Session, SESSION_KEY).is_none() {
            if !self.write(store, Area::Session, SESSION_KEY, "1") {
                return None;
            }
            self.increment(store, Area::Local, VISITS_KEY)?
        } else {
            read_count(store, Area::Local, VISITS_KEY).max(1)
        };
        Some((page_views, visits - 1))
    }

    /// Removes every key the SDK may have written (storage consent withdrawn or refused).
    pub fn erase(&mut self, store: &mut impl Store) {
        self.page_counted = false;
        for (area, key) in KEYS {
            store.remove(area, key);
        }
    }

    /// The anonymous id kept on this device (the caller has storage and events consent):
    /// the stored one while it is younger than [`ANONYMOUS_ID_LIFETIME_MS`] at `now_ms`,
    /// else `fresh`, which is stored with the time it was made (`"{id} {ms}"`). A stored id
    /// without its time, or made after `now_ms` (a clock set back), is replaced too.
    pub fn anonymous_id(&mut self, store: &mut impl Store, fresh: &str, now_ms: f64) -> String {
        let stored = store.get(Area::Local, ANONYMOUS_ID_KEY);
        let kept = stored.as_deref().and_then(|value| {
            let (id, made) = value.split_once(' ')?;
            // The module's own number reader; `str::parse` would bring in another.
            let age = now_ms - crate::json::parse_html_number(made)?;
            (!id.is_empty() && (0.0..ANONYMOUS_ID_LIFETIME_MS).contains(&age)).then_some(id)
        });
        if let Some(id) = kept {
            return id.to_owned();
        }
        let mut value = String::from(fresh);
        value.push(' ');
        value.push_str(&decimal_u64(now_ms.max(0.0) as u64));
        self.write(store, Area::Local, ANONYMOUS_ID_KEY, &value);
        fresh.to_owned()
    }

    /// Removes what only events consent allowed keeping: the anonymous id and the events
    /// not sent yet (events consent withdrawn).
    pub fn forget_events(&mut self, store: &mut impl Store) {
        store.remove(Area::Local, ANONYMOUS_ID_KEY);
        store.remove(Area::Local, EVENT_QUEUE_KEY);
    }

    /// Keeps the events not sent yet (the caller has storage consent); `None` removes them.
    pub fn save_queue(&mut self, store: &mut impl Store, events_json: Option<&str>) {
        match events_json {
            Some(json) => {
                self.write(store, Area::Local, EVENT_QUEUE_KEY, json);
            }
            None => store.remove(Area::Local, EVENT_QUEUE_KEY),
        }
    }

    /// The events an earlier page left unsent, taken out of storage (the caller has storage
    /// consent).
    pub fn take_queue(&mut self, store: &mut impl Store) -> Option<String> {
        let queue = store.get(Area::Local, EVENT_QUEUE_KEY);
        store.remove(Area::Local, EVENT_QUEUE_KEY);
        queue
    }

    /// For the privacy report: writes on this page load, and how many of the keys are there
    /// now. Storage is looked at only with storage consent (`look`); without it the count
    /// is 0, since nothing the SDK wrote stays without that consent.
    pub fn counts(&self, store: &impl Store, look: bool) -> (u32, u32) {
        let present = if look {
            KEYS.iter()
                .filter(|(area, key)| store.get(*area, key).is_some())
                .count() as u32
        } else {
            0
        };
        (self.writes, present)
    }

    /// Holds or releases scheduled erasures (see [`Records::sweep`]).
    pub fn hold_sweep(&mut self, held: bool) {
        self.sweep_held = held;
    }

    /// Schedules an erasure of the stored keys for later: the browser opens storage lazily
    /// and its first access costs milliseconds, too long to pay before the first decision.
    pub fn schedule_sweep(&self) -> SweepTicket {
        SweepTicket {
            consents_before: self.consents_acted_on,
        }
    }

    /// Runs a scheduled erasure: erases unless storage consent is in effect
    /// (`storage_consent`) or was given since the ticket was taken. `false` while a consent
    /// source is awaited ([`Records::hold_sweep`]) and the page is not `leaving`: ask again.
    pub fn sweep(
        &mut self,
        store: &mut impl Store,
        ticket: SweepTicket,
        storage_consent: bool,
        leaving: bool,
    ) -> bool {
        if self.sweep_held && !leaving {
            return false;
        }
        let consent_since = self.consents_acted_on != ticket.consents_before;
        if !storage_consent && !consent_since {
            self.erase(store);
        }
        true
    }

    fn increment(&mut self, store: &mut impl Store, area: Area, key: &str) -> Option<u32> {
        let count = read_count(store, area, key).saturating_add(1);
        self.write(store, area, key, &decimal(count))
            .then_some(count)
    }

    fn write(&mut self, store: &mut impl Store, area: Area, key: &str, value: &str) -> bool {
        let written = store.set(area, key, value);
        if written {
            self.writes += 1;
        }
        written
    }
}

fn read_count(store: &impl Store, area: Area, key: &str) -> u32 {
    store
        .get(area, key)
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    #[test]
    fn a_session_counts_its_page_views_and_the_device_its_visits() {
        let mut store = MemoryStore::default();
        assert_eq!(Records::new().count_page_view(&mut store), Some((1, 0)));
        // The next page of the same session: a new page load, the same session.
        assert_eq!(Records::new().count_page_view(&mut store), Some((2, 0)));
        // A new session (sessionStorage gone), the same device: one earlier visit.
        store.remove(Area::Session, PAGE_VIEWS_KEY);
        store.remove(Area::Session, SESSION_KEY);
        assert_eq!(Records::new().count_page_view(&mut store), Some((1, 1)));
        assert_eq!(store.value(Area::Local, VISITS_KEY), Some("2"));
    }

    #[test]
    fn a_page_load_is_counted_once_however_often_consent_comes() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        assert_eq!(records.count_page_view(&mut store), Some((1, 0)));
        assert_eq!(records.count_page_view(&mut store), Some((1, 0)));
        assert_eq!(store.value(Area::Session, PAGE_VIEWS_KEY), Some("1"));
        assert_eq!(records.counts(&store, true), (3, 3));
    }

    #[test]
    fn storage_that_refuses_writes_counts_nothing() {
        let mut store = MemoryStore {
            refuse_writes: true,
            ..MemoryStore::default()
        };
        let mut records = Records::new();
        assert_eq!(records.count_page_view(&mut store), None);
        assert_eq!(records.anonymous_id(&mut store, "fresh", NOW), "fresh");
        assert_eq!(records.counts(&store, true), (0, 0));
    }

    #[test]
    fn erasing_removes_every_key_and_counts_the_page_again_later() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        records.count_page_view(&mut store);
        records.anonymous_id(&mut store, "a1", NOW);
        records.save_queue(&mut store, Some("[]"));
        assert_eq!(records.counts(&store, true).1, 5);
        // A key of the site's own survives.
        store.set(Area::Local, "site:theme", "dark");
        records.erase(&mut store);
        assert_eq!(records.counts(&store, true).1, 0);
        assert_eq!(store.value(Area::Local, "site:theme"), Some("dark"));
        // Consent given again on the same page load counts this page view afresh.
        assert_eq!(records.count_page_view(&mut store), Some((1, 0)));
    }

    /// 2026-12-04, in ms since the epoch.
    const NOW: f64 = 1_796_342_400_000.0;

    #[test]
    fn the_anonymous_id_is_the_stored_one_until_it_expires() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        assert_eq!(records.anonymous_id(&mut store, "first", NOW), "first");
        assert_eq!(
            store.value(Area::Local, ANONYMOUS_ID_KEY),
            Some("first 1796342400000")
        );
        let later = NOW + ANONYMOUS_ID_LIFETIME_MS - 1.0;
        assert_eq!(records.anonymous_id(&mut store, "second", later), "first");
        let expired = NOW + ANONYMOUS_ID_LIFETIME_MS;
        assert_eq!(records.anonymous_id(&mut store, "third", expired), "third");
        assert_eq!(records.anonymous_id(&mut store, "fourth", expired), "third");
    }

    #[test]
    fn an_anonymous_id_without_a_time_or_from_the_future_is_replaced() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        for stored in ["", "old-format-id", "id not-a-time", " 1796342400000"] {
            store.set(Area::Local, ANONYMOUS_ID_KEY, stored);
            assert_eq!(
                records.anonymous_id(&mut store, "fresh", NOW),
                "fresh",
                "{stored:?}"
            );
        }
        store.set(Area::Local, ANONYMOUS_ID_KEY, "ahead 1796342400001");
        assert_eq!(records.anonymous_id(&mut store, "fresh", NOW), "fresh");
    }

    #[test]
    fn forgetting_events_removes_the_id_and_the_queue_only() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        records.count_page_view(&mut store);
        records.anonymous_id(&mut store, "a1", NOW);
        records.save_queue(&mut store, Some("[]"));
        records.forget_events(&mut store);
        assert_eq!(store.value(Area::Local, ANONYMOUS_ID_KEY), None);
        assert_eq!(store.value(Area::Local, EVENT_QUEUE_KEY), None);
        assert_eq!(records.counts(&store, true).1, 3, "the visit counts stay");
    }

    #[test]
    fn the_queue_is_taken_once() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        records.save_queue(&mut store, Some("[\"e\"]"));
        assert_eq!(records.take_queue(&mut store).as_deref(), Some("[\"e\"]"));
        assert_eq!(records.take_queue(&mut store), None);
    }

    #[test]
    fn a_scheduled_erasure_spares_consent_given_meanwhile() {
        let mut store = MemoryStore::default();
        let mut records = Records::new();
        records.count_page_view(&mut store); // an earlier page, with consent
        let mut records = Records::new();
        let ticket = records.schedule_sweep();
        records.count_page_view(&mut store); // consent came before the sweep ran
        assert!(records.sweep(&mut store, ticket, false, false));
        assert_eq!(store.value(Area::Session, PAGE_VIEWS_KEY), Some("2"));
    }

    #[test]
    fn a_scheduled_erasure_without_consent_erases() {
        let mut store = MemoryStore::default();
        Records::new().count_page_view(&mut store);
        let mut records = Records::new();
        let ticket = records.schedule_sweep();
        assert!(records.sweep(&mut store, ticket, false, false));
        assert!(store.is_empty());
    }

    #[test]
    fn a_held_erasure_waits_until_released_or_the_page_goes() {
        let mut store = MemoryStore::default();
        Records::new().count_page_view(&mut store);
        let mut records = Records::new();
        records.hold_sweep(true);
        let ticket = records.schedule_sweep();
        assert!(!records.sweep(&mut store, ticket, false, false));
        assert!(!store.is_empty());
        assert!(records.sweep(&mut store, ticket, false, true));
        assert!(store.is_empty());

        Records::new().count_page_view(&mut store);
        records.hold_sweep(false);
        let ticket = records.schedule_sweep();
        assert!(records.sweep(&mut store, ticket, true, false));
        assert!(
            !store.is_empty(),
            "storage consent in effect keeps the keys"
        );
    }
}
