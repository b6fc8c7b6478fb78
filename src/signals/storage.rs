//! The browser's `localStorage` and `sessionStorage` as the core's [`Store`], and the page
//! load's one [`Records`] of them. What is stored, when, and what is erased is decided in
//! `augenblick_core::store`; this only translates.
//!
//! Storage can be missing or throw (private modes, blocked cookies); `src/js/browser.js`
//! then answers "nothing stored" and "not written", and the page keeps working.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use augenblick_core::store::{Area, Records, Store, SweepTicket};
use wasm_bindgen::prelude::*;

use super::browser::{run_soon, storage_get, storage_remove, storage_set};
use super::state::State;

thread_local! {
    /// Shared by every collector and instance of the page load: a page view is counted
    /// once, and an erasure sees consent any of them was given.
    static RECORDS: Cell<Records> = const { Cell::new(Records::new()) };
}

/// The browser's storage; every call goes to `src/js/browser.js`.
pub(crate) struct BrowserStore;

fn area_name(area: Area) -> &'static str {
    match area {
        Area::Session => "session",
        Area::Local => "local",
    }
}

impl Store for BrowserStore {
    fn get(&self, area: Area, key: &str) -> Option<String> {
        storage_get(area_name(area), key)
    }

    fn set(&mut self, area: Area, key: &str, value: &str) -> bool {
        storage_set(area_name(area), key, value)
    }

    fn remove(&mut self, area: Area, key: &str) {
        storage_remove(area_name(area), key);
    }
}

/// Runs `f` with the page load's records and the browser's storage.
pub(crate) fn with_records<T>(f: impl FnOnce(&mut Records, &mut BrowserStore) -> T) -> T {
    // `try_with`, not `with`: the latter's panic (a thread being torn down, which never
    // happens on the page's one thread) would bring in std's formatting.
    let mut records = RECORDS.try_with(Cell::get).unwrap_or_default();
    let result = f(&mut records, &mut BrowserStore);
    let _ = RECORDS.try_with(|cell| cell.set(records));
    result
}

/// Erases the stored keys in a later task (or when the page is hidden or left, if that
/// comes first) unless storage consent is there by then; see `Records::sweep`.
pub(crate) fn erase_soon(state: &Rc<RefCell<State>>) {
    let ticket = with_records(|records, _| records.schedule_sweep());
    run_soon(
        StorageSweep {
            state: Rc::clone(state),
            ticket,
        }
        .into(),
    );
}

/// The pending erasure of [`erase_soon`]. An exported object rather than a Rust closure,
/// like `PositionSink`, because closures cost 771 bytes gzip (BENCHMARKS.md).
#[wasm_bindgen(skip_typescript)]
pub struct StorageSweep {
    state: Rc<RefCell<State>>,
    ticket: SweepTicket,
}

#[wasm_bindgen]
impl StorageSweep {
    /// Erases unless storage consent was given meanwhile; `false` while the collector is
    /// busy or, unless the page is `leaving`, while a consent source is awaited (asked
    /// again soon).
    pub fn run(&self, leaving: bool) -> bool {
        let Ok(state) = self.state.try_borrow() else {
            return false;
        };
        let storage_consent = state.consent().storage;
        with_records(|records, store| records.sweep(store, self.ticket, storage_consent, leaving))
    }
}
