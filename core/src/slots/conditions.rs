//! When a variant applies: its moment and optional conditions on confidence, urgency,
//! device class and daypart, written in markup or in the rules of the options.

use crate::json;
use crate::signals::{Daypart, DeviceClass};
use crate::{Error, MomentKind};

const DAYPARTS: [Daypart; 4] = [
    Daypart::Morning,
    Daypart::Afternoon,
    Daypart::Evening,
    Daypart::Night,
];

/// The situation variants are chosen for: the moment as decided, and the context.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlotContext {
    /// The moment reported.
    pub kind: MomentKind,
    /// Its probability, 0 to 1.
    pub confidence: f32,
    /// The urgency, 0 to 1.
    pub urgency: f32,
    /// The device class.
    pub device: DeviceClass,
    /// The local daypart.
    pub daypart: Daypart,
}

/// When a variant applies. Every condition must hold; an empty set of devices or dayparts
/// means any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Conditions {
    /// The moment the variant is for.
    pub moment: MomentKind,
    /// The confidence must be at least this.
    pub min_confidence: f32,
    /// The urgency must be at least this.
    pub min_urgency: f32,
    /// Device classes allowed, one bit per class in [`DeviceClass::ALL`] order; 0 means any.
    devices: u8,
    /// Dayparts allowed, one bit per daypart in [`DAYPARTS`] order; 0 means any.
    dayparts: u8,
}

/// A `<template>`'s condition attributes as written (`None` where absent).
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkupConditions<'a> {
    /// `data-moment`
    pub moment: Option<&'a str>,
    /// `data-min-confidence`
    pub min_confidence: Option<&'a str>,
    /// `data-min-urgency`
    pub min_urgency: Option<&'a str>,
    /// `data-device`: class names separated by spaces or commas
    pub device: Option<&'a str>,
    /// `data-daypart`: daypart names separated by spaces or commas
    pub daypart: Option<&'a str>,
}

/// What a condition value must be, for error messages.
pub(crate) const FRACTION: &str = "a number from 0 to 1";
pub(crate) const DAYPART_NAMES: &str = "morning, afternoon, evening or night";

impl Conditions {
    /// Conditions for `moment` alone.
    pub fn for_moment(moment: MomentKind) -> Self {
        Conditions {
            moment,
            min_confidence: 0.0,
            min_urgency: 0.0,
            devices: 0,
            dayparts: 0,
        }
    }

    /// Reads a template's attributes. A bad value is an `InvalidTemplateError` that names
    /// the attribute; the template then never applies.
    pub fn from_markup(markup: &MarkupConditions<'_>) -> Result<Self, Error> {
        let moment = markup
            .moment
            .ok_or_else(|| Error::invalid_template("data-moment", "know, go, do or buy", ""))?;
        let moment: MomentKind = moment
            .parse()
            .map_err(|_| Error::invalid_template("data-moment", "know, go, do or buy", moment))?;
        let mut conditions = Conditions::for_moment(moment);
        let fraction = |attribute: &'static str, text: Option<&str>| match text {
            None => Ok(0.0),
            // The JSON reader's number rules, not `str::parse`: its float parser costs
            // kilobytes of wasm.
            Some(text) => json::parse_html_number(text)
                .and_then(|n| fraction_value(n as f32))
                .ok_or_else(|| Error::invalid_template(attribute, FRACTION, text)),
        };
        conditions.min_confidence = fraction("data-min-confidence", markup.min_confidence)?;
        conditions.min_urgency = fraction("data-min-urgency", markup.min_urgency)?;
        if let Some(text) = markup.device {
            conditions.devices = name_set(names(text), &DeviceClass::ALL.map(DeviceClass::as_str))
                .map_err(|_| Error::invalid_template("data-device", DeviceClass::EXPECTED, text))?;
        }
        if let Some(text) = markup.daypart {
            conditions.dayparts = name_set(names(text), &DAYPARTS.map(Daypart::as_str))
                .map_err(|_| Error::invalid_template("data-daypart", DAYPART_NAMES, text))?;
        }
        Ok(conditions)
    }

    /// Restricts the variant to these device classes (by name); `Err` holds the first name
    /// that is not a device class.
    pub(crate) fn set_devices<'a>(
        &mut self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), &'a str> {
        self.devices = name_set(names, &DeviceClass::ALL.map(DeviceClass::as_str))?;
        Ok(())
    }

    /// Restricts the variant to these dayparts (by name); `Err` holds the first name that
    /// is not a daypart.
    pub(crate) fn set_dayparts<'a>(
        &mut self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Result<(), &'a str> {
        self.dayparts = name_set(names, &DAYPARTS.map(Daypart::as_str))?;
        Ok(())
    }

    /// Whether the variant applies in this situation.
    pub fn hold(&self, context: &SlotContext) -> bool {
        let allowed = |set: u8, index: usize| set == 0 || set & (1 << index) != 0;
        self.moment == context.kind
            && context.confidence >= self.min_confidence
            && context.urgency >= self.min_urgency
            && allowed(self.devices, index_of(&DeviceClass::ALL, &context.device))
            && allowed(self.dayparts, index_of(&DAYPARTS, &context.daypart))
    }
}

/// A number from 0 to 1, or `None`.
pub(crate) fn fraction_value(value: f32) -> Option<f32> {
    (0.0..=1.0).contains(&value).then_some(value)
}

/// The names in a markup list: separated by spaces or commas.
fn names(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|name| !name.is_empty())
}

/// The bit set of `names` among `known` (ASCII case ignored); `Err` holds the first unknown
/// name. No names at all is an error too: an empty list would silently mean "any".
fn name_set<'a>(names: impl IntoIterator<Item = &'a str>, known: &[&str]) -> Result<u8, &'a str> {
    let mut set = 0u8;
    for name in names {
        let index = known
            .iter()
            .position(|k| k.eq_ignore_ascii_case(name.trim()))
            .ok_or(name)?;
        set |= 1 << index;
    }
    if set == 0 {
        Err("")
    } else {
        Ok(set)
    }
}

fn index_of<T: PartialEq>(all: &[T], item: &T) -> usize {
    all.iter().position(|x| x == item).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context(kind: MomentKind, confidence: f32, urgency: f32) -> SlotContext {
        SlotContext {
            kind,
            confidence,
            urgency,
            device: DeviceClass::Mobile,
            daypart: Daypart::Evening,
        }
    }

    fn markup(moment: &str) -> MarkupConditions<'_> {
        MarkupConditions {
            moment: Some(moment),
            ..MarkupConditions::default()
        }
    }

    #[test]
    fn a_moment_alone_applies_whenever_that_moment_is_reported() {
        let conditions = Conditions::from_markup(&markup(" GO ")).unwrap();
        assert!(conditions.hold(&context(MomentKind::Go, 0.0, 0.0)));
        assert!(!conditions.hold(&context(MomentKind::Buy, 1.0, 1.0)));
    }

    #[test]
    fn every_condition_must_hold() {
        let conditions = Conditions::from_markup(&MarkupConditions {
            moment: Some("go"),
            min_confidence: Some("0.6"),
            min_urgency: Some(".5"),
            device: Some("mobile, tablet"),
            daypart: Some("evening night"),
        })
        .unwrap();
        assert!(conditions.hold(&context(MomentKind::Go, 0.6, 0.5)));
        assert!(!conditions.hold(&context(MomentKind::Go, 0.59, 0.9)));
        assert!(!conditions.hold(&context(MomentKind::Go, 0.9, 0.49)));
        let desktop = SlotContext {
            device: DeviceClass::Desktop,
            ..context(MomentKind::Go, 0.9, 0.9)
        };
        assert!(!conditions.hold(&desktop));
        let morning = SlotContext {
            daypart: Daypart::Morning,
            ..context(MomentKind::Go, 0.9, 0.9)
        };
        assert!(!conditions.hold(&morning));
    }

    #[test]
    fn bad_attributes_are_named() {
        let message = |m: MarkupConditions<'_>| {
            let err = Conditions::from_markup(&m).unwrap_err();
            assert_eq!(err.name(), "InvalidTemplateError");
            err.message()
        };
        assert_eq!(
            message(MarkupConditions::default()),
            "invalid data-moment=\"\": expected know, go, do or buy"
        );
        assert_eq!(
            message(markup("shop")),
            "invalid data-moment=\"shop\": expected know, go, do or buy"
        );
        for bad in ["abc", "1.5", "-0.1", "NaN", ""] {
            assert_eq!(
                message(MarkupConditions {
                    min_confidence: Some(bad),
                    ..markup("go")
                }),
                [
                    "invalid data-min-confidence=\"",
                    bad,
                    "\": expected a number from 0 to 1"
                ]
                .concat()
            );
        }
        assert_eq!(
            message(MarkupConditions {
                device: Some("phone"),
                ..markup("go")
            }),
            "invalid data-device=\"phone\": expected mobile, tablet or desktop"
        );
        assert_eq!(
            message(MarkupConditions {
                daypart: Some(" "),
                ..markup("go")
            }),
            "invalid data-daypart=\" \": expected morning, afternoon, evening or night"
        );
    }
}
