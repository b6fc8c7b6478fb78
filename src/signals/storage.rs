//! The only things signals persist, and only with storage consent: a page-view count for
//! the session and a visit count for the device. Every key is listed here.
//!
//! Storage can be missing or throw (private modes, blocked cookies); every access then
//! falls back to "nothing stored", and the page keeps working.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use std::cell::RefCell;
use std::rc::Rc;

use augenblick_core::decimal;
use wasm_bindgen::prelude::*;

use super::browser::{run_soon, storage_get, storage_remove, storage_set};
use super::collector::State;

use augenblick_core::consent::report::{
    ANONYMOUS_ID_KEY, EVENT_QUEUE_KEY, PAGE_VIEWS_KEY, SESSION_KEY, VISITS_KEY,
};

const SESSION: &str = "session";
const LOCAL: &str = "local";

/// Writes to storage on this page load, for the privacy report.
static WRITES: AtomicU32 = AtomicU32::new(0);

/// Whether this page load is counted in storage already: a second collector on the same
/// page, or consent given twice, must not count it again. Reset when the counts are erased.
static PAGE_COUNTED: AtomicBool = AtomicBool::new(false);

/// How many times storage consent was acted on in this page load (by any collector): a
/// pending erasure that sees it change knows consent came after it was scheduled.
static CONSENTS_ACTED_ON: AtomicU32 = AtomicU32::new(0);

/// A consent source the page has is yet to answer (a TCF CMP loading its vendor list): the
/// pending erasure waits for it, or for the page to go, so that a CMP granting storage a
/// moment later does not find the visit counts erased.
static SWEEP_HELD: AtomicBool = AtomicBool::new(false);

/// Holds or releases the pending erasure (see [`SWEEP_HELD`]).
pub(crate) fn hold_sweep(held: bool) {
    SWEEP_HELD.store(held, Ordering::Relaxed);
}

/// Counts this page view (once per page load) and, at the first page of a session, this
/// visit. Returns the session's page views and the number of earlier visits, or `None`
/// where storage is unavailable.
pub(crate) fn count_page_view() -> Option<(u32, u32)> {
    CONSENTS_ACTED_ON.fetch_add(1, Ordering::Relaxed);
    if PAGE_COUNTED.swap(true, Ordering::Relaxed) {
        let page_views = read_count(SESSION, PAGE_VIEWS_KEY).max(1);
        return Some((page_views, read_count(LOCAL, VISITS_KEY).max(1) - 1));
    }
    let page_views = increment(SESSION, PAGE_VIEWS_KEY)?;
    let visits = if storage_get(SESSION, SESSION_KEY).is_none() {
        if !write(SESSION, SESSION_KEY, "1") {
            return None;
        }
        increment(LOCAL, VISITS_KEY)?
    } else {
        read_count(LOCAL, VISITS_KEY).max(1)
    };
    Some((page_views, visits - 1))
}

/// Removes every key signals may have written (when storage consent is withdrawn).
pub(crate) fn erase() {
    PAGE_COUNTED.store(false, Ordering::Relaxed);
    storage_remove(SESSION, PAGE_VIEWS_KEY);
    storage_remove(SESSION, SESSION_KEY);
    storage_remove(LOCAL, VISITS_KEY);
    storage_remove(LOCAL, ANONYMOUS_ID_KEY);
    storage_remove(LOCAL, EVENT_QUEUE_KEY);
}

/// The anonymous id kept on this device (the caller has storage consent): the stored one,
/// or `fresh`, which is stored.
pub(crate) fn anonymous_id(fresh: &str) -> String {
    match storage_get(LOCAL, ANONYMOUS_ID_KEY) {
        Some(id) if !id.is_empty() => id,
        _ => {
            write(LOCAL, ANONYMOUS_ID_KEY, fresh);
            fresh.to_owned()
        }
    }
}

/// Keeps the events not sent yet (the caller has storage consent); `None` removes the key.
pub(crate) fn save_queue(events_json: Option<&str>) {
    match events_json {
        Some(json) => {
            write(LOCAL, EVENT_QUEUE_KEY, json);
        }
        None => storage_remove(LOCAL, EVENT_QUEUE_KEY),
    }
}

/// The events an earlier page left unsent, taken out of storage (the caller has storage
/// consent).
pub(crate) fn take_queue() -> Option<String> {
    let queue = storage_get(LOCAL, EVENT_QUEUE_KEY);
    storage_remove(LOCAL, EVENT_QUEUE_KEY);
    queue
}

/// Erases the stored keys in a later task (or when the page is hidden or left, if that
/// comes first) unless storage consent is there by then, and not before an awaited consent
/// source answers ([`hold_sweep`]). Storage is opened lazily by the
/// browser and the first access costs milliseconds (BENCHMARKS.md), too long to pay before
/// the first decision; consent given in between keeps what it stored.
pub(crate) fn erase_soon(state: &Rc<RefCell<State>>) {
    run_soon(
        StorageSweep {
            state: Rc::clone(state),
            consents_before: CONSENTS_ACTED_ON.load(Ordering::Relaxed),
        }
        .into(),
    );
}

/// The pending erasure of [`erase_soon`]. An exported object rather than a Rust closure,
/// like `PositionSink`, because closures cost 771 bytes gzip (BENCHMARKS.md).
#[wasm_bindgen(skip_typescript)]
pub struct StorageSweep {
    state: Rc<RefCell<State>>,
    consents_before: u32,
}

#[wasm_bindgen]
impl StorageSweep {
    /// Erases unless storage consent was given meanwhile, to this collector or to one
    /// started after it; `false` while the collector is busy or, unless the page is
    /// `leaving`, while a consent source is awaited (asked again soon).
    pub fn run(&self, leaving: bool) -> bool {
        if SWEEP_HELD.load(Ordering::Relaxed) && !leaving {
            return false;
        }
        let Ok(state) = self.state.try_borrow() else {
            return false;
        };
        let consent_since = CONSENTS_ACTED_ON.load(Ordering::Relaxed) != self.consents_before;
        if !state.consent.storage && !consent_since {
            erase();
        }
        true
    }
}

fn read_count(area: &str, key: &str) -> u32 {
    storage_get(area, key)
        .and_then(|value| value.parse().ok())
        .unwrap_or(0)
}

fn increment(area: &str, key: &str) -> Option<u32> {
    let count = read_count(area, key).saturating_add(1);
    write(area, key, &decimal(count)).then_some(count)
}

fn write(area: &str, key: &str, value: &str) -> bool {
    let written = storage_set(area, key, value);
    if written {
        WRITES.fetch_add(1, Ordering::Relaxed);
    }
    written
}

/// For the privacy report: writes on this page load, and how many of the keys are there
/// now. Storage is read for it only with storage consent (`look`); without it the count is
/// 0, since nothing the SDK wrote stays without that consent.
pub(crate) fn report_counts(look: bool) -> (u32, u32) {
    let present = if look {
        [
            (SESSION, PAGE_VIEWS_KEY),
            (SESSION, SESSION_KEY),
            (LOCAL, VISITS_KEY),
            (LOCAL, ANONYMOUS_ID_KEY),
            (LOCAL, EVENT_QUEUE_KEY),
        ]
        .into_iter()
        .filter(|(area, key)| storage_get(area, key).is_some())
        .count()
    } else {
        0
    };
    (WRITES.load(Ordering::Relaxed), present as u32)
}
