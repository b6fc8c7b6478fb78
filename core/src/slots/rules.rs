//! Programmatic rules, for sites that cannot change their markup: the same variants as
//! `<template data-moment>`, written in the options and checked strictly.

use super::attributes::check_attribute;
use super::conditions::{fraction_value, Conditions, DAYPART_NAMES, DEVICE_NAMES, FRACTION};
use crate::json::{ToJson, Value};
use crate::signals::options::{indexed, member, object};
use crate::{json_object, Error, MomentKind};

/// Which elements a rule is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Slots marked `data-augenblick-slot="name"`.
    Slot(String),
    /// Elements matching a CSS selector, which become slots (the page checks the syntax).
    Selector(String),
}

/// What a rule puts into its slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// The content of the `<template>` with this `id`, cloned. (An id, not a selector:
    /// a selector could find a template of user content earlier in the page.)
    Template(String),
    /// The slot's text replaced and attributes set on the slot element (checked: no
    /// script-running names, URLs relative or http, https, mailto, tel).
    Set {
        /// New text content, if any.
        text: Option<String>,
        /// Attributes to set, in the order given.
        attributes: Vec<(String, String)>,
    },
}

/// One programmatic variant.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Where it applies.
    pub target: Target,
    /// When it applies.
    pub conditions: Conditions,
    /// What it shows.
    pub content: Content,
    /// Its name in `data-augenblick-variant` (default: the moment's name).
    pub name: String,
}

/// Reads the `rules` option: an array of rule objects.
pub fn rules_from_json(value: &Value) -> Result<Vec<Rule>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::invalid_option("rules", Some("an array of rules")));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| rule(item, i))
        .collect()
}

fn rule(value: &Value, index: usize) -> Result<Rule, Error> {
    let path = |field: &str| indexed("rules", index, field);
    let invalid = |field: &str, expected| Error::invalid_option(&path(field), Some(expected));
    let string = |field: &str, value: &Value| {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| invalid(field, "a string"))
    };
    let mut target = None;
    let mut moment = None;
    let (mut min_confidence, mut min_urgency) = (0.0, 0.0);
    let (mut devices, mut dayparts) = (None, None);
    let (mut name, mut template, mut text, mut attributes) = (None, None, None, Vec::new());
    for (key, field) in object(value, &path(""))? {
        match key.as_str() {
            "slot" | "selector" => {
                if target.is_some() {
                    return Err(invalid(key, "only one of slot and selector"));
                }
                let value = string(key, field)?;
                if value.trim().is_empty() {
                    return Err(invalid(key, "a non-empty string"));
                }
                target = Some(if key == "slot" {
                    Target::Slot(value)
                } else {
                    Target::Selector(value)
                });
            }
            "moment" => {
                let text = string(key, field)?;
                moment = Some(
                    text.parse::<MomentKind>()
                        .map_err(|_| invalid(key, "know, go, do or buy"))?,
                );
            }
            "minConfidence" | "minUrgency" => {
                let n = field
                    .as_f64()
                    .and_then(|n| fraction_value(n as f32))
                    .ok_or_else(|| invalid(key, FRACTION))?;
                if key == "minConfidence" {
                    min_confidence = n;
                } else {
                    min_urgency = n;
                }
            }
            "device" => devices = Some(names(field).ok_or_else(|| invalid(key, DEVICE_NAMES))?),
            "daypart" => dayparts = Some(names(field).ok_or_else(|| invalid(key, DAYPART_NAMES))?),
            "name" => {
                let value = string(key, field)?;
                if value.trim().is_empty() || value == "default" {
                    return Err(invalid(
                        key,
                        "a name other than \"default\" (the slot's own content)",
                    ));
                }
                name = Some(value);
            }
            "template" => template = Some(string(key, field)?),
            "text" => text = Some(string(key, field)?),
            "attributes" => {
                for (attribute, value) in object(field, &path("attributes"))? {
                    let attribute_path = member(&path("attributes"), attribute);
                    let value = value
                        .as_str()
                        .ok_or_else(|| Error::invalid_option(&attribute_path, Some("a string")))?;
                    check_attribute(attribute, value)
                        .map_err(|refusal| Error::invalid_option(&attribute_path, Some(refusal)))?;
                    attributes.push((attribute.clone(), value.to_owned()));
                }
            }
            _ => return Err(Error::invalid_option(&path(key), None)),
        }
    }
    let target = target.ok_or_else(|| invalid("slot", "a slot name or a selector"))?;
    let moment = moment.ok_or_else(|| invalid("moment", "know, go, do or buy"))?;
    let mut conditions = Conditions::for_moment(moment);
    conditions.min_confidence = min_confidence;
    conditions.min_urgency = min_urgency;
    if let Some(list) = &devices {
        conditions
            .set_devices(list.iter().map(String::as_str))
            .map_err(|_| invalid("device", DEVICE_NAMES))?;
    }
    if let Some(list) = &dayparts {
        conditions
            .set_dayparts(list.iter().map(String::as_str))
            .map_err(|_| invalid("daypart", DAYPART_NAMES))?;
    }
    let content = match (template, text, attributes.is_empty()) {
        (Some(_), Some(_), _) | (Some(_), None, false) => {
            return Err(invalid(
                "template",
                "either a template or text and attributes, not both",
            ))
        }
        (Some(id), None, true) => Content::Template(id),
        (None, None, true) => return Err(invalid("template", "a template id, text or attributes")),
        (None, text, _) => Content::Set { text, attributes },
    };
    Ok(Rule {
        target,
        conditions,
        content,
        name: name.unwrap_or_else(|| moment.as_str().to_owned()),
    })
}

/// A name or an array of names.
fn names(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::String(name) => Some(vec![name.clone()]),
        Value::Array(items) => items
            .iter()
            .map(|item| item.as_str().map(str::to_owned))
            .collect(),
        _ => None,
    }
}

/// What the page needs to apply a rule: its target and content (the conditions stay in
/// the core, which decides).
impl ToJson for Rule {
    fn write_json(&self, out: &mut String) {
        let (slot, selector) = match &self.target {
            Target::Slot(name) => (Some(name), None),
            Target::Selector(selector) => (None, Some(selector)),
        };
        let (template, text, attributes): (_, _, &[(String, String)]) = match &self.content {
            Content::Template(id) => (Some(id), None, &[]),
            Content::Set { text, attributes } => (None, text.as_ref(), attributes),
        };
        let attributes: Vec<[&str; 2]> = attributes
            .iter()
            .map(|(name, value)| [name.as_str(), value.as_str()])
            .collect();
        json_object!(out,
            "slot" => slot,
            "selector" => selector,
            "name" => self.name,
            "template" => template,
            "text" => text,
            "attributes" => attributes,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<Vec<Rule>, Error> {
        rules_from_json(&parse(text).unwrap())
    }

    fn message(text: &str) -> String {
        let err = read(text).unwrap_err();
        assert_eq!(err.name(), "InvalidOptionError", "{text}");
        err.message()
    }

    #[test]
    fn a_full_rule_reads_and_crosses_back_as_what_the_page_applies() {
        let rules = read(
            r##"[{"selector":"#cta","moment":"go","minConfidence":0.5,"device":["mobile"],
                 "daypart":"evening","name":"directions","text":"Directions",
                 "attributes":{"href":"/stores"}},
                {"slot":"hero","moment":"do","template":"tpl-recipe"}]"##,
        )
        .unwrap();
        assert_eq!(rules[0].target, Target::Selector("#cta".into()));
        assert_eq!(rules[0].conditions.min_confidence, 0.5);
        assert_eq!(
            rules[0].to_json(),
            r##"{"slot":null,"selector":"#cta","name":"directions","template":null,"text":"Directions","attributes":[["href","/stores"]]}"##
        );
        assert_eq!(rules[1].name, "do");
        assert_eq!(rules[1].content, Content::Template("tpl-recipe".into()));
    }

    #[test]
    fn every_mistake_names_its_field() {
        assert_eq!(
            message("{}"),
            "invalid option rules: expected an array of rules"
        );
        assert_eq!(
            message(r##"[{"moment":"go","text":"x"}]"##),
            "invalid option rules[0].slot: expected a slot name or a selector"
        );
        assert_eq!(
            message(r##"[{"slot":"a","selector":"#a","moment":"go","text":"x"}]"##),
            "invalid option rules[0].selector: expected only one of slot and selector"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"shop","text":"x"}]"##),
            "invalid option rules[0].moment: expected know, go, do or buy"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","minUrgency":2,"text":"x"}]"##),
            "invalid option rules[0].minUrgency: expected a number from 0 to 1"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","device":["phone"],"text":"x"}]"##),
            "invalid option rules[0].device: expected mobile, tablet or desktop"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go"}]"##),
            "invalid option rules[0].template: expected a template id, text or attributes"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","template":"#t","text":"x"}]"##),
            "invalid option rules[0].template: expected either a template or text and attributes, not both"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","name":"default","text":"x"}]"##),
            "invalid option rules[0].name: expected a name other than \"default\" (the slot's own content)"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","colour":"red"}]"##),
            "unknown option rules[0].colour"
        );
        assert_eq!(
            message(r##"[{"slot":"a","moment":"go","attributes":{"href":"javascript:alert(1)"}}]"##),
            "invalid option rules[0].attributes.href: expected a relative URL or one with http, https, mailto or tel"
        );
        assert!(message(r##"[{"slot":"a","moment":"go","attributes":{"onclick":"x()"}}]"##)
            .starts_with("invalid option rules[0].attributes.onclick: expected an attribute that cannot run script"));
    }
}
