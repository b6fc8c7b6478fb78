//! The site's signal options, read strictly: an unknown key or a wrong type is an
//! `InvalidOptionError` that names the option, never silently ignored.

use super::{SignalConfig, SiteLocation, DEFAULT_GEOHASH_PRECISION};
use crate::consent::PartialConsent;
use crate::json::Value;
use crate::read::{indexed, object};
use crate::Error;

/// Checked signal options.
#[derive(Debug, Clone, PartialEq)]
pub struct SignalOptions {
    /// How signals are collected.
    pub config: SignalConfig,
    /// Consent given with the options: the purposes it names.
    pub consent: PartialConsent,
}

impl SignalOptions {
    /// Reads `{consent?, searchParams?, geohashPrecision?, locations?}`; `null` means all
    /// defaults.
    pub fn from_json(options: &Value) -> Result<SignalOptions, Error> {
        let mut consent = PartialConsent::default();
        let mut search_params = Vec::new();
        let mut precision = DEFAULT_GEOHASH_PRECISION;
        let mut locations = Vec::new();
        if *options != Value::Null {
            for (key, value) in object(options, "options")? {
                match key.as_str() {
                    "consent" => consent = PartialConsent::from_json(value, "consent")?,
                    "searchParams" => search_params = strings(value, "searchParams")?,
                    "geohashPrecision" => precision = geohash_precision(value)?,
                    "locations" => locations = site_locations(value)?,
                    _ => return Err(Error::invalid_option(key, None)),
                }
            }
        }
        Ok(SignalOptions {
            config: SignalConfig::new(&search_params, precision, locations)?,
            consent,
        })
    }
}

fn strings(value: &Value, path: &str) -> Result<Vec<String>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::invalid_option(path, Some("an array of strings")));
    };
    let mut strings = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let text = item
            .as_str()
            .ok_or_else(|| Error::invalid_option(&indexed(path, i, ""), Some("a string")))?;
        strings.push(text.to_owned());
    }
    Ok(strings)
}

fn geohash_precision(value: &Value) -> Result<u8, Error> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=12.0).contains(&n) => Ok(n as u8),
        _ => Err(Error::invalid_option(
            "geohashPrecision",
            Some("a whole number from 1 to 12"),
        )),
    }
}

fn site_locations(value: &Value) -> Result<Vec<SiteLocation>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::invalid_option(
            "locations",
            Some("an array of { id, lat, lon }"),
        ));
    };
    let mut locations = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let (mut id, mut lat, mut lon) = (None, None, None);
        for (key, field) in object(item, &indexed("locations", i, ""))? {
            let path = indexed("locations", i, key);
            match key.as_str() {
                "id" => {
                    id = Some(
                        field
                            .as_str()
                            .ok_or_else(|| Error::invalid_option(&path, Some("a string")))?,
                    )
                }
                "lat" => lat = Some(coordinate(field, &path, 90.0)?),
                "lon" => lon = Some(coordinate(field, &path, 180.0)?),
                _ => return Err(Error::invalid_option(&path, None)),
            }
        }
        let missing = |name: &str, expected| {
            Error::invalid_option(&indexed("locations", i, name), Some(expected))
        };
        let id = id.ok_or_else(|| missing("id", "a string"))?;
        let lat = lat.ok_or_else(|| missing("lat", "a number from -90 to 90"))?;
        let lon = lon.ok_or_else(|| missing("lon", "a number from -180 to 180"))?;
        locations.push(SiteLocation::new(id, lat, lon)?);
    }
    Ok(locations)
}

fn coordinate(value: &Value, path: &str, limit: f64) -> Result<f64, Error> {
    let expected = if limit == 90.0 {
        "a number from -90 to 90"
    } else {
        "a number from -180 to 180"
    };
    value
        .as_f64()
        .filter(|n| (-limit..=limit).contains(n))
        .ok_or_else(|| Error::invalid_option(path, Some(expected)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<SignalOptions, Error> {
        SignalOptions::from_json(&parse(text).unwrap())
    }

    fn message(text: &str) -> String {
        let err = read(text).unwrap_err();
        assert_eq!(err.name(), "InvalidOptionError", "{text}");
        err.message()
    }

    #[test]
    fn defaults_and_a_full_set() {
        let defaults = read("null").unwrap();
        assert!(defaults.consent.is_empty());
        assert_eq!(defaults.config, SignalConfig::default());

        let options = read(
            r#"{"consent":{"storage":true},"searchParams":["term"],"geohashPrecision":5,
                "locations":[{"id":"mitte","lat":52.52,"lon":13.405}]}"#,
        )
        .unwrap();
        assert_eq!(
            options.consent.get(crate::consent::Purpose::Storage),
            Some(true)
        );
        assert_eq!(
            options.consent.get(crate::consent::Purpose::Geolocation),
            None
        );
        assert!(options.config.is_search_field("term"));
        assert_eq!(options.config.geohash_precision, 5);
        assert_eq!(options.config.locations[0].id, "mitte");
    }

    #[test]
    fn every_mistake_names_its_option() {
        assert_eq!(message("[]"), "invalid option options: expected an object");
        assert_eq!(message(r#"{"consnet":{}}"#), "unknown option consnet");
        assert_eq!(
            message(r#"{"consent":{"storage":"yes"}}"#),
            "invalid option consent.storage: expected true or false"
        );
        assert_eq!(
            message(r#"{"consent":{"ads":true}}"#),
            "unknown option consent.ads"
        );
        assert_eq!(
            message(r#"{"searchParams":["q",3]}"#),
            "invalid option searchParams[1]: expected a string"
        );
        assert_eq!(
            message(r#"{"geohashPrecision":6.5}"#),
            "invalid option geohashPrecision: expected a whole number from 1 to 12"
        );
        assert_eq!(
            message(r#"{"geohashPrecision":13}"#),
            "invalid option geohashPrecision: expected a whole number from 1 to 12"
        );
        assert_eq!(
            message(r#"{"locations":[{"id":"a","lat":1,"lon":2},{"id":"b","lat":91,"lon":0}]}"#),
            "invalid option locations[1].lat: expected a number from -90 to 90"
        );
        assert_eq!(
            message(r#"{"locations":[{"id":"a","lat":1}]}"#),
            "invalid option locations[0].lon: expected a number from -180 to 180"
        );
        assert_eq!(
            message(r#"{"locations":[{"id":"a","lat":1,"lon":2,"x":0}]}"#),
            "unknown option locations[0].x"
        );
    }
}
