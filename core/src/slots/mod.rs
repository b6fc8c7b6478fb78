//! Personalized slots: which variant each slot of the page shows for the moment.
//!
//! A slot (`data-augenblick-slot="name"`) holds its default content and variants: the
//! site's programmatic [`Rule`]s for it, in the order of the options, then its
//! `<template data-moment>` children, in document order. The slot shows the **first**
//! variant whose [`Conditions`] all hold, or its default when none does. A template with a
//! bad condition attribute never applies and is reported as a problem.
//!
//! The page describes its slots to [`decide_slots`] as JSON:
//! `{"conditions": [[moment, minConfidence, minUrgency, device, daypart], …], "slots":
//! [[[rule indices], [condition indices]], …]}`. Each distinct set of template attributes
//! (the five values as written, or `null`) is listed once in `conditions`, so a page with a
//! thousand product cards reads its few kinds of template once; each slot lists its rules
//! and, in document order, the conditions of its templates. The answer is
//! `{"choices": [k, …], "problems": [[condition, message], …]}`: `k` indexes the slot's
//! candidates (its rules, then its templates), `-1` keeps the default.

mod attributes;
mod conditions;
mod rules;

pub use conditions::{Conditions, MarkupConditions, SlotContext};
pub use rules::{rules_from_json, variants_from_json, Content, Rule, Target};

use crate::json::{ToJson, Value};
use crate::json_object;

/// The choices for every slot of a page, and which template conditions cannot apply.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SlotDecisions {
    /// Per slot: the index of the chosen candidate, `-1` for the default.
    pub choices: Vec<i32>,
    /// `(condition, message)` for each listed condition that cannot apply.
    pub problems: Vec<(u32, String)>,
}

/// Chooses the variant of every slot the page describes (see the module documentation for
/// the format). A malformed description is treated as slots without variants: every slot
/// keeps its default.
pub fn decide_slots(page: &Value, rules: &[Rule], context: &SlotContext) -> SlotDecisions {
    let mut decisions = SlotDecisions::default();
    let list = |key| page.get(key).map_or(&[][..], Value::items);
    let holds: Vec<bool> = list("conditions")
        .iter()
        .enumerate()
        .map(|(index, attributes)| {
            let text = |i: usize| attributes.items().get(i).and_then(Value::as_str);
            let markup = MarkupConditions {
                moment: text(0),
                min_confidence: text(1),
                min_urgency: text(2),
                device: text(3),
                daypart: text(4),
            };
            match Conditions::from_markup(&markup) {
                Ok(conditions) => conditions.hold(context),
                Err(err) => {
                    decisions.problems.push((index as u32, err.message()));
                    false
                }
            }
        })
        .collect();
    for slot in list("slots") {
        let [rule_indices, templates] =
            [0, 1].map(|i| slot.items().get(i).map_or(&[][..], Value::items));
        let rule = rule_indices.iter().position(|index| {
            rules
                .get(list_index(index))
                .is_some_and(|rule| rule.conditions.hold(context))
        });
        let template = || {
            templates
                .iter()
                .position(|index| holds.get(list_index(index)) == Some(&true))
                .map(|k| rule_indices.len() + k)
        };
        decisions
            .choices
            .push(rule.or_else(template).map_or(-1, |k| k as i32));
    }
    decisions
}

/// An index into a list, or one past any list (`usize::MAX`) when it is not a whole
/// non-negative number, so that a malformed entry matches nothing.
fn list_index(value: &Value) -> usize {
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n < 4_294_967_296.0 => n as usize,
        _ => usize::MAX,
    }
}

impl ToJson for SlotDecisions {
    fn write_json(&self, out: &mut String) {
        let choices: Vec<Choice> = self.choices.iter().map(|&c| Choice(c)).collect();
        let problems: Vec<Problem<'_>> = self.problems.iter().map(Problem).collect();
        json_object!(out, "choices" => choices, "problems" => problems);
    }
}

struct Choice(i32);

impl ToJson for Choice {
    fn write_json(&self, out: &mut String) {
        match u32::try_from(self.0) {
            Ok(index) => index.write_json(out),
            Err(_) => out.push_str("-1"),
        }
    }
}

struct Problem<'a>(&'a (u32, String));

impl ToJson for Problem<'_> {
    fn write_json(&self, out: &mut String) {
        let (condition, message) = self.0;
        out.push('[');
        condition.write_json(out);
        out.push(',');
        message.write_json(out);
        out.push(']');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::signals::{Daypart, DeviceClass};
    use crate::MomentKind;

    fn context(kind: MomentKind, confidence: f32) -> SlotContext {
        SlotContext {
            kind,
            confidence,
            urgency: 0.7,
            device: DeviceClass::Mobile,
            daypart: Daypart::Evening,
        }
    }

    fn decide(slots: &str, rules: &str, context: &SlotContext) -> String {
        let rules = rules_from_json(&parse(rules).unwrap()).unwrap();
        decide_slots(&parse(slots).unwrap(), &rules, context).to_json()
    }

    #[test]
    fn the_first_variant_that_holds_wins_and_rules_come_before_templates() {
        let rules = r#"[{"slot":"hero","moment":"go","minConfidence":0.8,"text":"Hurry"},
                        {"slot":"hero","moment":"go","text":"Directions"}]"#;
        let page = r#"{"conditions":[["go",null,null,null,null],["do",null,null,null,null],
                                     ["go","0.5",null,"mobile",null],["know",null,null,null,null]],
                       "slots":[[[0,1],[0]],[[],[1,2,0]],[[],[3]],[[],[]]]}"#;
        assert_eq!(
            decide(page, rules, &context(MomentKind::Go, 0.6)),
            r#"{"choices":[1,1,-1,-1],"problems":[]}"#
        );
        assert_eq!(
            decide(page, rules, &context(MomentKind::Go, 0.9)),
            r#"{"choices":[0,1,-1,-1],"problems":[]}"#
        );
    }

    #[test]
    fn a_bad_condition_is_reported_once_and_never_applies() {
        let page = r#"{"conditions":[["go","lots",null,null,null],["go",null,null,null,null]],
                       "slots":[[[],[0,1]],[[],[0]]]}"#;
        assert_eq!(
            decide(page, "[]", &context(MomentKind::Go, 0.9)),
            r#"{"choices":[1,-1],"problems":[[0,"invalid data-min-confidence=\"lots\": expected a number from 0 to 1"]]}"#
        );
    }

    #[test]
    fn a_malformed_description_keeps_every_default() {
        let go = context(MomentKind::Go, 0.9);
        assert_eq!(decide("[]", "[]", &go), r#"{"choices":[],"problems":[]}"#);
        assert_eq!(
            decide(r#"{"slots":[7,[[99],[5]]]}"#, "[]", &go),
            r#"{"choices":[-1,-1],"problems":[]}"#
        );
        // An index that is not a whole number matches nothing, not the first entry.
        let page = r#"{"conditions":[["go",null,null,null,null]],"slots":[[[],["0"]],[[],[0.5]],[[],[-1]]]}"#;
        assert_eq!(
            decide(page, "[]", &go),
            r#"{"choices":[-1,-1,-1],"problems":[]}"#
        );
    }
}
