//! Events for the site's backend: what was decided, never the signals it was decided from,
//! in the Segment HTTP Tracking API v1 format, so that they go straight into Segment,
//! RudderStack, Jitsu or `augenblick-collector`.
//!
//! | event | when | properties |
//! |---|---|---|
//! | `Moment Changed` | the moment reported changes (the first decision too) | `moment`, `confidence`, `urgency`, `deviceClass`, `daypart` |
//! | `Variant Shown` | a slot shows another variant | the same, and `slot`, `variant` |
//! | the site's own | `augenblick.track(event, properties)` | the site's, and the same |
//!
//! Nothing else is sent: no page text, no URL beyond what the site puts in its own
//! properties, no position, no behaviour log. Each event carries a `messageId` unique to it
//! (a receiver drops duplicates) and the visitor's `anonymousId`, which is kept only for
//! the page view unless storage consent allows keeping it.

mod options;
mod page;
mod queue;
mod retry;
mod segment;

pub use options::EventsOptions;
pub use page::PageEvents;
pub use queue::{Batch, EventQueue, QueueLimits};
pub use retry::{retry_delay_ms, Outcome, MAX_RETRY_DELAY_MS};
pub use segment::{batch_body, decision_properties, site_properties, track_event};

/// Segment's limits: 32 KB per event and 500 KB per batch, measured in bytes of JSON.
pub const MAX_EVENT_BYTES: usize = 32 * 1024;
/// See [`MAX_EVENT_BYTES`].
pub const MAX_BATCH_BYTES: usize = 500 * 1024;
/// What a page may have in flight in beacons at once, all scripts together (measured in
/// Chromium 156: 65,536 bytes accepted, 65,537 refused; `../shared/oracles/README.md`).
pub const BEACON_BUDGET_BYTES: usize = 64 * 1024;
