//! Programmatic rules, for sites that cannot change their markup: the same variants as
//! `<template data-moment>`, written in the options and checked strictly.

use super::attributes::check_attribute;
use super::conditions::{fraction_value, Conditions, DAYPART_NAMES, FRACTION};
use crate::json::{ToJson, Value};
use crate::read::{indexed, member, object};
use crate::signals::DeviceClass;
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

/// Reads the `variants` of `Augenblick.choose` (and of the React and OpenFeature
/// integrations): an array of condition objects, `{moment, minConfidence?, minUrgency?,
/// device?, daypart?}`, checked as strictly as rules.
pub fn variants_from_json(value: &Value) -> Result<Vec<Conditions>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::invalid_option(
            "variants",
            Some("an array of conditions"),
        ));
    };
    let mut variants = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let path = |field: &str| indexed("variants", index, field);
        let mut fields = ConditionFields::default();
        for (key, field) in object(item, &path(""))? {
            if !fields.read(key, field, &path)? {
                return Err(Error::invalid_option(&path(key), None));
            }
        }
        variants.push(fields.finish(&path)?);
    }
    Ok(variants)
}

/// The condition fields of a rule or a variant, as they are read.
#[derive(Default)]
struct ConditionFields {
    moment: Option<MomentKind>,
    min_confidence: f32,
    min_urgency: f32,
    devices: Option<Vec<String>>,
    dayparts: Option<Vec<String>>,
}

impl ConditionFields {
    /// Reads `key` if it is a condition field (`Ok(false)` if it is not); `path` names a
    /// field in errors.
    fn read(
        &mut self,
        key: &str,
        field: &Value,
        path: &dyn Fn(&str) -> String,
    ) -> Result<bool, Error> {
        let invalid = |expected| Error::invalid_option(&path(key), Some(expected));
        match key {
            "moment" => {
                let kind = field
                    .as_str()
                    .and_then(|text| text.parse::<MomentKind>().ok());
                self.moment = Some(kind.ok_or_else(|| invalid("know, go, do or buy"))?);
            }
            "minConfidence" | "minUrgency" => {
                let n = field
                    .as_f64()
                    .and_then(|n| fraction_value(n as f32))
                    .ok_or_else(|| invalid(FRACTION))?;
                if key == "minConfidence" {
                    self.min_confidence = n;
                } else {
                    self.min_urgency = n;
                }
            }
            "device" => {
                self.devices = Some(names(field).ok_or_else(|| invalid(DeviceClass::EXPECTED))?)
            }
            "daypart" => self.dayparts = Some(names(field).ok_or_else(|| invalid(DAYPART_NAMES))?),
            _ => return Ok(false),
        }
        Ok(true)
    }

    fn finish(self, path: &dyn Fn(&str) -> String) -> Result<Conditions, Error> {
        let invalid = |field: &str, expected| Error::invalid_option(&path(field), Some(expected));
        let moment = self
            .moment
            .ok_or_else(|| invalid("moment", "know, go, do or buy"))?;
        let mut conditions = Conditions::for_moment(moment);
        conditions.min_confidence = self.min_confidence;
        conditions.min_urgency = self.min_urgency;
        if let Some(list) = &self.devices {
            conditions
                .set_devices(list.iter().map(String::as_str))
                .map_err(|_| invalid("device", DeviceClass::EXPECTED))?;
        }
        if let Some(list) = &self.dayparts {
            conditions
                .set_dayparts(list.iter().map(String::as_str))
                .map_err(|_| invalid("daypart", DAYPART_NAMES))?;
        }
        Ok(conditions)
    }
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
    let mut fields = ConditionFields::default();
    let (mut name, mut template, mut text, mut attributes) = (None, None, None, Vec::new());
    for (key, field) in object(value, &path(""))? {
        if fields.read(key, field, &path)? {
            continue;
        }
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
            "template" => {
                let id = string(key, field)?;
                if id.is_empty() {
                    return Err(Error::invalid_option(
                        &path(key),
                        Some("the id of a <template>"),
                    ));
                }
                template = Some(id);
            }
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
    let conditions = fields.finish(&path)?;
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
        name: name.unwrap_or_else(|| conditions.moment.as_str().to_owned()),
        conditions,
        content,
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
    fn variants_are_conditions_read_as_strictly_as_rules() {
        let variants = variants_from_json(
            &parse(r#"[{"moment":"go","minUrgency":0.5,"device":"mobile"},{"moment":"do"}]"#)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(variants.len(), 2);
        assert_eq!(variants[0].moment, MomentKind::Go);
        assert_eq!(variants[0].min_urgency, 0.5);
        assert_eq!(variants[1].moment, MomentKind::Do);
        let message = |text: &str| {
            variants_from_json(&parse(text).unwrap())
                .unwrap_err()
                .message()
        };
        assert_eq!(
            message("{}"),
            "invalid option variants: expected an array of conditions"
        );
        assert_eq!(
            message(r#"[{"moment":"do"},{"minConfidence":0.5}]"#),
            "invalid option variants[1].moment: expected know, go, do or buy"
        );
        assert_eq!(
            message(r#"[{"moment":"go","daypart":"noon"}]"#),
            "invalid option variants[0].daypart: expected morning, afternoon, evening or night"
        );
        assert_eq!(
            message(r#"[{"moment":"go","content":"x"}]"#),
            "unknown option variants[0].content"
        );
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
            message(r##"[{"slot":"a","moment":1,"text":"x"}]"##),
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
            message(r##"[{"slot":"a","moment":"go","template":""}]"##),
            "invalid option rules[0].template: expected the id of a <template>"
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
