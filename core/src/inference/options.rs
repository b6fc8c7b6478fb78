//! The site's inference options, read strictly like the signal options: an unknown key or
//! a wrong type is an `InvalidOptionError` that names it.

use super::{Model, SessionOptions};
use crate::json::Value;
use crate::read::object;
use crate::Error;

/// Checked inference options.
#[derive(Debug, Clone, PartialEq)]
pub struct EngineOptions {
    /// The site's own model file, if it gave one; `None` means the shipped model.
    pub model: Option<Model>,
    /// How evidence accumulates across the session.
    pub session: SessionOptions,
}

impl EngineOptions {
    /// Reads `{model?, halfLifeMinutes?, hysteresis?}`; `null` means all defaults. A model
    /// file that does not load is its own error (`InvalidModelError`,
    /// `IncompatibleModelError`).
    pub fn from_json(options: &Value) -> Result<EngineOptions, Error> {
        let defaults = SessionOptions::default();
        let (mut model, mut half_life_ms, mut hysteresis) =
            (None, defaults.half_life_ms, defaults.hysteresis);
        if *options != Value::Null {
            for (key, value) in object(options, "options")? {
                match key.as_str() {
                    "model" => {
                        let text = value.as_str().ok_or_else(|| {
                            Error::invalid_option(
                                "model",
                                Some("a string: the text of a model file"),
                            )
                        })?;
                        model = Some(Model::parse(text)?);
                    }
                    // A value that is not a number becomes NaN, which `SessionOptions::new`
                    // refuses with the option's name.
                    "halfLifeMinutes" => {
                        half_life_ms = value.as_f64().unwrap_or(f64::NAN) * 60_000.0;
                    }
                    "hysteresis" => hysteresis = value.as_f64().unwrap_or(f64::NAN) as f32,
                    _ => return Err(Error::invalid_option(key, None)),
                }
            }
        }
        Ok(EngineOptions {
            model,
            session: SessionOptions::new(half_life_ms, hysteresis)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<EngineOptions, Error> {
        EngineOptions::from_json(&parse(text).unwrap())
    }

    #[test]
    fn defaults_and_settings() {
        let defaults = read("null").unwrap();
        assert_eq!(
            (defaults.model, defaults.session),
            (None, SessionOptions::default())
        );
        let set = read(r#"{"halfLifeMinutes": 5, "hysteresis": 0}"#).unwrap();
        assert_eq!(set.session, SessionOptions::new(300_000.0, 0.0).unwrap());
    }

    #[test]
    fn bad_options_name_the_field() {
        for (text, name, needle) in [
            (
                r#"{"halfLife": 5}"#,
                "InvalidOptionError",
                "unknown option halfLife",
            ),
            (
                r#"{"halfLifeMinutes": "5"}"#,
                "InvalidOptionError",
                "halfLifeMinutes",
            ),
            (r#"{"hysteresis": 2}"#, "InvalidOptionError", "hysteresis"),
            (
                r#"{"model": 1}"#,
                "InvalidOptionError",
                "invalid option model",
            ),
            (r#"{"model": "nonsense"}"#, "InvalidModelError", "line 1"),
            ("[]", "InvalidOptionError", "options"),
        ] {
            let err = read(text).unwrap_err();
            assert_eq!(err.name(), name, "{text}");
            assert!(err.message().contains(needle), "{text}: {}", err.message());
        }
    }
}
