//! Consent: which purposes the visitor has agreed to, from every source a site may use, and
//! what the SDK may therefore do.
//!
//! | purpose | allows | default |
//! |---|---|---|
//! | `personalization` | reading the page, device, time and behaviour, and deciding the moment, on the device | **on** |
//! | `storage` | persisting anything: the session's page views, the device's visit count | off |
//! | `geolocation` | asking the browser for a position (kept as a coarse cell and a distance) | off |
//! | `events` | sending events to the site's backend | off |
//!
//! Personalization is on by default because it stores nothing, sends nothing and reads
//! only what the page itself shows the visitor, in the visitor's own browser, like the
//! page's own layout code; a site (or its CMP) can turn it off, and then nothing is read.
//!
//! Sources ([`Source`]): the site's options and `setConsent`, an IAB TCF CMP ([`tcf`]),
//! Google Consent Mode ([`consent_mode`]); for each purpose the latest word wins. Global
//! Privacy Control turns events off whatever any source says.

mod change;
pub mod consent_mode;
mod purposes;
pub mod report;
pub mod tcf;
mod tcstring;

pub use change::ConsentChange;
pub use purposes::{Consent, ConsentLedger, PartialConsent, Purpose, Source};
pub use tcstring::{set_ids, PublisherTc, TcString, MAX_TC_STRING_CHARS};
