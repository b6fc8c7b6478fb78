//! Every error the core can return, with its stable name and message in one place.
//!
//! The browser layer turns an [`Error`] into a JavaScript `Error` whose `name` is
//! [`Error::name`], so page code can branch on the name while the message stays free to
//! improve.

use core::fmt;

/// At most this many characters of a rejected input are quoted back in a message, so hostile
/// input cannot make an error message arbitrarily large.
const QUOTED_INPUT_MAX_CHARS: usize = 40;

/// An error from the Augenblick core.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reason {
    UnknownMomentKind {
        input: String,
    },
    InvalidCoordinates {
        bad_latitude: bool,
    },
    InvalidGeohashPrecision {
        precision: u8,
    },
    InvalidOption {
        path: String,
        expected: &'static str,
    },
    NoDocument,
    Busy,
    InvalidModel {
        line: u32,
        problem: &'static str,
    },
    IncompatibleModel {
        line: u32,
        problem: &'static str,
    },
    InvalidTemplate {
        attribute: &'static str,
        expected: &'static str,
        input: String,
    },
    InvalidTcString {
        problem: &'static str,
    },
    ConsentRequired {
        purpose: &'static str,
    },
}

impl Error {
    pub(crate) fn unknown_moment_kind(input: &str) -> Self {
        Error {
            reason: Reason::UnknownMomentKind {
                input: quoted_prefix(input),
            },
        }
    }

    /// A position or site location whose latitude is not a number from -90 to 90
    /// (`bad_latitude`), or else whose longitude is not one from -180 to 180.
    pub(crate) fn invalid_coordinates(bad_latitude: bool) -> Self {
        Error {
            reason: Reason::InvalidCoordinates { bad_latitude },
        }
    }

    pub(crate) fn invalid_geohash_precision(precision: u8) -> Self {
        Error {
            reason: Reason::InvalidGeohashPrecision { precision },
        }
    }

    /// An option that is unknown (`expected` is `None`) or has the wrong type or value.
    /// `path` names it as the site wrote it, e.g. `consent.storage` or `locations[2].lat`.
    pub fn invalid_option(path: &str, expected: Option<&'static str>) -> Self {
        Error {
            reason: Reason::InvalidOption {
                path: quoted_prefix(path),
                expected: expected.unwrap_or(""),
            },
        }
    }

    /// The SDK was started where there is no page (a worker, a server).
    pub fn no_document() -> Self {
        Error {
            reason: Reason::NoDocument,
        }
    }

    /// A call arrived while another call on the same object had not returned, e.g. from an
    /// event handler that the first call triggered synchronously.
    pub fn busy() -> Self {
        Error {
            reason: Reason::Busy,
        }
    }

    /// A model file that does not follow the format; `line` is 1-based (0: the file as a
    /// whole).
    pub fn invalid_model(line: usize, problem: &'static str) -> Self {
        Error {
            reason: Reason::InvalidModel {
                line: line.min(u32::MAX as usize) as u32,
                problem,
            },
        }
    }

    /// A well-formed model file that this version of the SDK cannot use (another format
    /// version, other classes, features it does not compute).
    pub fn incompatible_model(line: usize, problem: &'static str) -> Self {
        Error {
            reason: Reason::IncompatibleModel {
                line: line.min(u32::MAX as usize) as u32,
                problem,
            },
        }
    }

    /// A variant `<template>` whose condition `attribute` has a value that is not
    /// `expected`; the template then never applies.
    pub fn invalid_template(attribute: &'static str, expected: &'static str, input: &str) -> Self {
        Error {
            reason: Reason::InvalidTemplate {
                attribute,
                expected,
                input: quoted_prefix(input),
            },
        }
    }

    /// A TC string (IAB TCF) that cannot be decoded.
    pub fn invalid_tc_string(problem: &'static str) -> Self {
        Error {
            reason: Reason::InvalidTcString { problem },
        }
    }

    /// Something that needs consent for `purpose`, which is not given.
    pub fn consent_required(purpose: &'static str) -> Self {
        Error {
            reason: Reason::ConsentRequired { purpose },
        }
    }

    /// What went wrong, for people: names the bad value and what would have been accepted.
    ///
    /// Built without `core::fmt` because its formatting machinery costs kilobytes of wasm.
    pub fn message(&self) -> String {
        match &self.reason {
            Reason::UnknownMomentKind { input } => {
                let mut message = String::with_capacity(input.len() + 64);
                message.push_str("unknown moment kind \"");
                message.push_str(input);
                message.push_str("\": expected one of know, go, do, buy");
                message
            }
            Reason::InvalidCoordinates { bad_latitude } => String::from(if *bad_latitude {
                "invalid position: latitude must be a number from -90 to 90"
            } else {
                "invalid position: longitude must be a number from -180 to 180"
            }),
            Reason::InvalidOption { path, expected } => {
                let mut message = String::from(if expected.is_empty() { "unknown option " } else { "invalid option " });
                message.push_str(path);
                if !expected.is_empty() {
                    message.push_str(": expected ");
                    message.push_str(expected);
                }
                message
            }
            Reason::NoDocument => String::from(
                "Augenblick needs a page: there is no window or document here (a worker or a server?)",
            ),
            Reason::Busy => String::from(
                "called while another call on the same object is still running (from an event handler it triggered?)",
            ),
            Reason::InvalidModel { line, problem } => model_message("invalid model", *line, problem),
            Reason::IncompatibleModel { line, problem } => {
                model_message("incompatible model", *line, problem)
            }
            Reason::InvalidTemplate {
                attribute,
                expected,
                input,
            } => {
                let mut message = String::from("invalid ");
                message.push_str(attribute);
                message.push_str("=\"");
                message.push_str(input);
                message.push_str("\": expected ");
                message.push_str(expected);
                message
            }
            Reason::ConsentRequired { purpose } => {
                let mut message = String::from(*purpose);
                message.push_str(" consent is not given: nothing is read");
                message
            }
            Reason::InvalidTcString { problem } => {
                let mut message = String::from("invalid TC string: ");
                message.push_str(problem);
                message
            }
            Reason::InvalidGeohashPrecision { precision } => {
                let mut message = String::from("invalid geohashPrecision ");
                push_decimal(&mut message, u64::from(*precision));
                message.push_str(": expected a whole number from 1 to 12");
                message
            }
        }
    }

    /// The stable name of this kind of error; JavaScript sees it as `error.name`.
    pub fn name(&self) -> &'static str {
        match self.reason {
            Reason::UnknownMomentKind { .. } => "UnknownMomentKindError",
            Reason::InvalidCoordinates { .. } => "InvalidCoordinatesError",
            Reason::InvalidGeohashPrecision { .. } => "InvalidGeohashPrecisionError",
            Reason::InvalidOption { .. } => "InvalidOptionError",
            Reason::NoDocument => "NoDocumentError",
            Reason::Busy => "BusyError",
            Reason::InvalidModel { .. } => "InvalidModelError",
            Reason::IncompatibleModel { .. } => "IncompatibleModelError",
            Reason::InvalidTemplate { .. } => "InvalidTemplateError",
            Reason::InvalidTcString { .. } => "InvalidTcStringError",
            Reason::ConsentRequired { .. } => "ConsentRequiredError",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// `n` in decimal, without `core::fmt` (whose machinery costs kilobytes of wasm), for
/// messages and option paths.
pub fn decimal(n: u32) -> String {
    decimal_u64(u64::from(n))
}

/// [`decimal`] for `u64`.
pub(crate) fn decimal_u64(n: u64) -> String {
    let mut out = String::new();
    push_decimal(&mut out, n);
    out
}

fn push_decimal(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev().map(|d| char::from(*d)));
}

fn model_message(what: &str, line: u32, problem: &str) -> String {
    let mut message = String::from(what);
    if line > 0 {
        message.push_str(", line ");
        push_decimal(&mut message, u64::from(line));
    }
    message.push_str(": ");
    message.push_str(problem);
    message
}

fn quoted_prefix(input: &str) -> String {
    let mut chars = input.chars();
    let mut prefix: String = chars.by_ref().take(QUOTED_INPUT_MAX_CHARS).collect();
    if chars.next().is_some() {
        prefix.push('…');
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_bad_value_and_the_accepted_ones() {
        let err = Error::unknown_moment_kind("shop");
        assert_eq!(
            err.to_string(),
            r#"unknown moment kind "shop": expected one of know, go, do, buy"#
        );
    }

    #[test]
    fn numbers_are_written_without_fmt() {
        for (precision, text) in [(0, "0"), (13, "13"), (255, "255")] {
            let message = Error::invalid_geohash_precision(precision).message();
            assert!(message.contains(&[" ", text, ":"].concat()), "{message}");
        }
    }

    #[test]
    fn option_errors_name_the_option() {
        let unknown = Error::invalid_option("consent.strage", None);
        assert_eq!(unknown.message(), "unknown option consent.strage");
        let wrong = Error::invalid_option("locations[1].lat", Some("a number from -90 to 90"));
        assert_eq!(
            wrong.message(),
            "invalid option locations[1].lat: expected a number from -90 to 90"
        );
        assert_eq!(wrong.name(), "InvalidOptionError");
    }

    #[test]
    fn model_errors_name_the_line() {
        let err = Error::invalid_model(3, "expected 4 weights");
        assert_eq!(err.message(), "invalid model, line 3: expected 4 weights");
        assert_eq!(err.name(), "InvalidModelError");
        let err = Error::incompatible_model(0, "empty file");
        assert_eq!(err.message(), "incompatible model: empty file");
        assert_eq!(err.name(), "IncompatibleModelError");
    }

    #[test]
    fn the_bad_coordinate_is_named() {
        assert!(Error::invalid_coordinates(true)
            .message()
            .contains("latitude"));
        assert!(Error::invalid_coordinates(false)
            .message()
            .contains("longitude"));
    }

    #[test]
    fn long_input_is_cut_in_the_message() {
        let long = "x".repeat(10_000);
        let message = Error::unknown_moment_kind(&long).to_string();
        assert!(message.len() < 120, "message is {} bytes", message.len());
        assert!(message.contains('…'));
    }

    #[test]
    fn cutting_respects_character_boundaries() {
        let long = "ü".repeat(100);
        let message = Error::unknown_moment_kind(&long).to_string();
        assert_eq!(message.matches('ü').count(), QUOTED_INPUT_MAX_CHARS);
    }
}
