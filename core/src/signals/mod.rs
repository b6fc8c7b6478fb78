//! The signals snapshot: everything the inference may look at, in one typed value.
//!
//! | part | where it comes from | kept |
//! |---|---|---|
//! | [`Device`] | `navigator`, media queries, User-Agent Client Hints | in memory |
//! | [`LocalTime`] | the clock and time zone | in memory |
//! | [`PageSignals`] | the URL, referrer and document ([`RawPage`]) | in memory |
//! | [`Behaviour`] | the visitor's actions in this session | in memory; the session's page-view count and the device's visit count in storage, with storage consent only |
//! | [`LocationSignal`] | the Geolocation API, with geolocation consent only | a geohash cell and a distance; never the position |
//!
//! A [`Simulation`] (previews, QA) replaces the device class, the hour or the distance.

mod behaviour;
mod cues;
mod device;
mod geo;
mod input;
mod jsonld;
pub(crate) mod options;
mod page;
mod raw;
mod simulation;
mod terms;
mod text;
mod time;
mod to_json;
mod url;

pub use behaviour::{Behaviour, BehaviourEvent, BehaviourTracker};
pub use cues::Cues;
pub use device::{ClientHints, Device, DeviceClass, Pointer};
pub use geo::{
    distance_m, encode_geohash, LocationSignal, SiteLocation, DEFAULT_GEOHASH_PRECISION,
    DISTANCE_STEP_M, MAX_GEOHASH_PRECISION,
};
pub use input::Environment;
pub use jsonld::MAX_JSON_LD_BYTES;
pub use options::SignalOptions;
pub use page::{Heading, PageSignals, Skipped};
pub use raw::{limits, RawButton, RawLink, RawList, RawPage, CONSENT_DIALOGS};
pub use simulation::{Simulation, SIMULATED_GEOHASH};
pub use terms::{feature_hash, for_each_term, TermField};
pub(crate) use terms::{fnv_1a, FNV_OFFSET};
pub use text::{cut_utf16, heap_sort_by_key};
pub use time::{Daypart, LocalTime, Weekday};
pub use url::{ReferrerClass, Utm, DEFAULT_SEARCH_PARAMS};

use crate::Error;

/// Everything the inference may look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The device.
    pub device: Device,
    /// Local time.
    pub time: LocalTime,
    /// Page content.
    pub page: PageSignals,
    /// Behaviour in the session.
    pub behaviour: Behaviour,
    /// Coarse location, present only with geolocation consent.
    pub location: Option<LocationSignal>,
}

/// How a site configures signal collection.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalConfig {
    /// Query parameters read as a site search: the defaults, then the site's own.
    pub search_params: Vec<String>,
    /// Geohash length kept for a position (1–12).
    pub geohash_precision: u8,
    /// The site's places the visitor's distance is measured to.
    pub locations: Vec<SiteLocation>,
}

impl Default for SignalConfig {
    fn default() -> Self {
        SignalConfig {
            search_params: DEFAULT_SEARCH_PARAMS
                .iter()
                .map(|p| (*p).to_owned())
                .collect(),
            geohash_precision: DEFAULT_GEOHASH_PRECISION,
            locations: Vec::new(),
        }
    }
}

impl SignalConfig {
    /// A checked configuration: `extra_search_params` are added to the defaults.
    pub fn new(
        extra_search_params: &[String],
        geohash_precision: u8,
        locations: Vec<SiteLocation>,
    ) -> Result<Self, Error> {
        if !(1..=MAX_GEOHASH_PRECISION).contains(&geohash_precision) {
            return Err(Error::invalid_geohash_precision(geohash_precision));
        }
        let mut config = SignalConfig {
            geohash_precision,
            locations,
            ..SignalConfig::default()
        };
        for param in extra_search_params {
            let param = param.trim();
            if !param.is_empty() && !config.search_params.iter().any(|p| p == param) {
                config.search_params.push(param.to_owned());
            }
        }
        Ok(config)
    }

    /// Whether a form field called `name` carries a site search.
    pub fn is_search_field(&self, name: &str) -> bool {
        self.search_params.iter().any(|p| p == name)
    }

    /// The location signal for a position, or `None` without geolocation consent: the
    /// position is then not even looked at.
    pub fn locate(
        &self,
        lat: f64,
        lon: f64,
        geolocation_consent: bool,
    ) -> Result<Option<LocationSignal>, Error> {
        if !geolocation_consent {
            return Ok(None);
        }
        LocationSignal::coarsen(lat, lon, self.geohash_precision, &self.locations).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_search_params_are_added_once() {
        let extra = ["term".to_owned(), " q ".to_owned(), "".to_owned()];
        let config = SignalConfig::new(&extra, 6, vec![]).unwrap();
        assert_eq!(
            config.search_params,
            ["q", "query", "s", "search", "suche", "k", "term"]
        );
    }

    #[test]
    fn a_bad_precision_is_refused() {
        let err = SignalConfig::new(&[], 0, vec![]).unwrap_err();
        assert_eq!(err.name(), "InvalidGeohashPrecisionError");
    }

    #[test]
    fn no_location_without_geolocation_consent() {
        let config = SignalConfig::default();
        assert_eq!(config.locate(52.5, 13.4, false).unwrap(), None);
        assert_eq!(config.locate(f64::NAN, f64::NAN, false).unwrap(), None);
        let signal = config.locate(52.5, 13.4, true).unwrap().unwrap();
        assert_eq!(signal.geohash.len(), 6);
    }
}
