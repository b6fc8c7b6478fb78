//! Signals from the live browser. `src/js/browser.js` reads the page, device and clock in
//! bulk and logs raw events; this module gates what needs consent and hands everything to
//! `augenblick_core::signals`, which decides what it means.

mod browser;
mod collector;
mod location;
mod state;
mod storage;
mod typescript;

pub use collector::SignalCollector;
pub(crate) use location::requests as position_requests;
pub(crate) use storage::with_records;
