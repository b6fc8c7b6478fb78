//! A simulated context, for previews and QA: the site (or its demo) says which device,
//! local hour or distance to its nearest location to assume, and every snapshot carries
//! those instead of what the browser reports. The page signals and behaviour stay real.

use super::{Daypart, DeviceClass, LocationSignal, Snapshot};
use crate::json::Value;
use crate::read::{member, object};
use crate::Error;

/// What to assume instead of the real context; `None` fields stay real.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Simulation {
    /// The device class to assume.
    pub device: Option<DeviceClass>,
    /// The local hour (0–23) to assume; the daypart follows from it.
    pub hour: Option<u8>,
    /// The distance to the nearest site location to assume; `Some(None)`: no location.
    pub distance_m: Option<Option<u32>>,
}

/// A simulated location has no real cell; its geohash says so.
pub const SIMULATED_GEOHASH: &str = "simulated";

impl Simulation {
    /// Reads `{device?, hour?, distanceM?}` (`distanceM: null`: no location); `null`
    /// means nothing simulated.
    pub fn from_json(value: &Value) -> Result<Simulation, Error> {
        let mut simulation = Simulation::default();
        if *value == Value::Null {
            return Ok(simulation);
        }
        for (key, field) in object(value, "simulate")? {
            match key.as_str() {
                "device" => {
                    let class = field.as_str().and_then(DeviceClass::named);
                    simulation.device = Some(class.ok_or_else(|| {
                        Error::invalid_option("simulate.device", Some(DeviceClass::EXPECTED))
                    })?);
                }
                "hour" => {
                    let hour = field
                        .as_f64()
                        .filter(|n| n.fract() == 0.0 && (0.0..=23.0).contains(n));
                    simulation.hour = Some(hour.ok_or_else(|| {
                        Error::invalid_option("simulate.hour", Some("a whole number from 0 to 23"))
                    })? as u8);
                }
                "distanceM" => {
                    let distance = match field {
                        Value::Null => None,
                        _ => Some(
                            field
                                .as_f64()
                                .filter(|n| *n >= 0.0 && *n <= f64::from(u32::MAX))
                                .ok_or_else(|| {
                                    Error::invalid_option(
                                        "simulate.distanceM",
                                        Some("a number of metres, or null for no location"),
                                    )
                                })? as u32,
                        ),
                    };
                    simulation.distance_m = Some(distance);
                }
                _ => {
                    return Err(Error::invalid_option(&member("simulate", key), None));
                }
            }
        }
        Ok(simulation)
    }

    /// Puts the simulated context into a snapshot.
    pub fn apply(&self, snapshot: &mut Snapshot) {
        if let Some(class) = self.device {
            snapshot.device.class = class;
        }
        if let Some(hour) = self.hour {
            snapshot.time.hour = hour;
            snapshot.time.minute = 0;
            snapshot.time.daypart = Daypart::of_hour(hour);
        }
        if let Some(distance) = self.distance_m {
            snapshot.location = distance.map(|metres| LocationSignal {
                geohash: SIMULATED_GEOHASH.to_owned(),
                nearest_distance_m: Some(metres),
                nearest_id: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::signals::{Behaviour, Environment, PageSignals, RawPage};

    fn snapshot() -> Snapshot {
        let Environment { device, time } = Environment::from_json(&parse("{}").unwrap());
        Snapshot {
            device,
            time,
            page: PageSignals::from_raw(&RawPage::default(), &[]),
            behaviour: Behaviour::default(),
            location: None,
        }
    }

    #[test]
    fn the_simulated_context_replaces_the_real_one() {
        let simulation = Simulation::from_json(
            &parse(r#"{"device":"mobile","hour":19,"distanceM":300}"#).unwrap(),
        )
        .unwrap();
        let mut snapshot = snapshot();
        simulation.apply(&mut snapshot);
        assert_eq!(snapshot.device.class, DeviceClass::Mobile);
        assert_eq!(
            (snapshot.time.hour, snapshot.time.daypart),
            (19, Daypart::Evening)
        );
        let location = snapshot.location.unwrap();
        assert_eq!(location.nearest_distance_m, Some(300));
        assert_eq!(location.geohash, SIMULATED_GEOHASH);

        let mut snapshot = self::snapshot();
        snapshot.location = Some(location);
        Simulation::from_json(&parse(r#"{"distanceM":null}"#).unwrap())
            .unwrap()
            .apply(&mut snapshot);
        assert_eq!(snapshot.location, None);
    }

    #[test]
    fn nothing_simulated_changes_nothing() {
        let mut simulated = snapshot();
        Simulation::from_json(&Value::Null)
            .unwrap()
            .apply(&mut simulated);
        assert_eq!(simulated, snapshot());
    }

    #[test]
    fn every_mistake_names_its_field() {
        let message = |text: &str| {
            Simulation::from_json(&parse(text).unwrap())
                .unwrap_err()
                .message()
        };
        assert_eq!(
            message(r#"{"device":"phone"}"#),
            "invalid option simulate.device: expected mobile, tablet or desktop"
        );
        assert_eq!(
            message(r#"{"hour":24}"#),
            "invalid option simulate.hour: expected a whole number from 0 to 23"
        );
        assert_eq!(
            message(r#"{"distanceM":-1}"#),
            "invalid option simulate.distanceM: expected a number of metres, or null for no location"
        );
        assert_eq!(
            message(r#"{"weather":"rain"}"#),
            "unknown option simulate.weather"
        );
        assert_eq!(message("3"), "invalid option simulate: expected an object");
    }
}
