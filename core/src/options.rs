//! The options of `Augenblick.init`: the signal, inference and slot options in one object,
//! each part checked by its own reader so errors name the option as the site wrote it.

use crate::events::EventsOptions;
use crate::inference::EngineOptions;
use crate::json::Value;
use crate::read::object;
use crate::signals::{SignalOptions, Simulation};
use crate::slots::{rules_from_json, Rule};
use crate::Error;

/// The keys [`SignalOptions`] reads.
const SIGNAL_KEYS: [&str; 4] = ["consent", "searchParams", "geohashPrecision", "locations"];
/// The keys [`EngineOptions`] reads.
const ENGINE_KEYS: [&str; 3] = ["model", "halfLifeMinutes", "hysteresis"];

/// Checked options of `Augenblick.init`.
#[derive(Debug, Clone, PartialEq)]
pub struct InitOptions {
    /// How signals are collected, and the consent given with the options.
    pub signals: SignalOptions,
    /// The model and the session's decay and hysteresis.
    pub engine: EngineOptions,
    /// Programmatic variants, in order.
    pub rules: Vec<Rule>,
    /// A simulated context, for previews.
    pub simulation: Simulation,
    /// Where events go, if the site sends any.
    pub events: Option<EventsOptions>,
}

impl InitOptions {
    /// Reads the options object; `null` means all defaults.
    pub fn from_json(options: &Value) -> Result<InitOptions, Error> {
        let (mut signals, mut engine) = (Vec::new(), Vec::new());
        let (mut rules, mut simulation, mut events) = (Vec::new(), Simulation::default(), None);
        if *options != Value::Null {
            for (key, value) in object(options, "options")? {
                let entry = (key.clone(), value.clone());
                match key.as_str() {
                    "rules" => rules = rules_from_json(value)?,
                    "simulate" => simulation = Simulation::from_json(value)?,
                    "events" => events = Some(EventsOptions::from_json(value)?),
                    k if SIGNAL_KEYS.contains(&k) => signals.push(entry),
                    k if ENGINE_KEYS.contains(&k) => engine.push(entry),
                    _ => return Err(Error::invalid_option(key, None)),
                }
            }
        }
        Ok(InitOptions {
            signals: SignalOptions::from_json(&Value::Object(signals))?,
            engine: EngineOptions::from_json(&Value::Object(engine))?,
            rules,
            simulation,
            events,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<InitOptions, Error> {
        InitOptions::from_json(&parse(text).unwrap())
    }

    #[test]
    fn each_part_goes_to_its_reader() {
        let options = read(
            r#"{"consent":{"storage":true},"hysteresis":0.2,"locations":[{"id":"a","lat":1,"lon":2}],
                "rules":[{"slot":"hero","moment":"go","text":"Directions"}],"simulate":{"hour":8}}"#,
        )
        .unwrap();
        assert_eq!(
            options
                .signals
                .consent
                .get(crate::consent::Purpose::Storage),
            Some(true)
        );
        assert_eq!(options.signals.config.locations.len(), 1);
        assert_eq!(options.engine.session.hysteresis, 0.2);
        assert_eq!(options.rules.len(), 1);
        assert_eq!(options.simulation.hour, Some(8));
        assert_eq!(read("null").unwrap().rules, vec![]);
    }

    #[test]
    fn errors_name_the_option_as_written() {
        let message = |text: &str| read(text).unwrap_err().message();
        assert_eq!(message(r#"{"slots":[]}"#), "unknown option slots");
        assert_eq!(
            message(r#"{"consent":{"storage":1}}"#),
            "invalid option consent.storage: expected true or false"
        );
        assert_eq!(
            message(r#"{"model":3}"#),
            "invalid option model: expected a string: the text of a model file"
        );
        assert_eq!(message("[]"), "invalid option options: expected an object");
    }
}
