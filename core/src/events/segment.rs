//! Track events and batches in the Segment HTTP Tracking API v1 format.

use crate::json::{write_string, ToJson, Value};
use crate::slots::SlotContext;
use crate::{json_object, Error};

use super::MAX_EVENT_BYTES;

/// The library named in every batch's `context`.
const LIBRARY: &str = "augenblick";

/// Properties that say what was decided: `{moment, confidence, urgency, deviceClass,
/// daypart}`, and `slot` and `variant` for a slot's decision.
pub fn decision_properties(
    decision: &SlotContext,
    slot: Option<(&str, &str)>,
) -> Vec<(String, Value)> {
    let mut properties = vec![
        (
            "moment".to_owned(),
            Value::String(decision.kind.as_str().to_owned()),
        ),
        (
            "confidence".to_owned(),
            Value::Number(f64::from(decision.confidence)),
        ),
        (
            "urgency".to_owned(),
            Value::Number(f64::from(decision.urgency)),
        ),
        (
            "deviceClass".to_owned(),
            Value::String(decision.device.as_str().to_owned()),
        ),
        (
            "daypart".to_owned(),
            Value::String(decision.daypart.as_str().to_owned()),
        ),
    ];
    if let Some((name, variant)) = slot {
        properties.push(("slot".to_owned(), Value::String(name.to_owned())));
        properties.push(("variant".to_owned(), Value::String(variant.to_owned())));
    }
    properties
}

/// The site's properties for `track(event, properties)` (an object, or `null`), with the
/// decision's added where the site did not set the same names.
pub fn site_properties(
    value: &Value,
    decision: Option<&SlotContext>,
) -> Result<Vec<(String, Value)>, Error> {
    let mut properties = match value {
        Value::Null => Vec::new(),
        Value::Object(entries) => entries.clone(),
        _ => {
            return Err(Error::invalid_option(
                "properties",
                Some("an object of plain values"),
            ))
        }
    };
    if let Some(decision) = decision {
        for (key, value) in decision_properties(decision, None) {
            if !properties.iter().any(|(k, _)| *k == key) {
                properties.push((key, value));
            }
        }
    }
    Ok(properties)
}

/// One track event as JSON; an event over Segment's 32 KB is an `InvalidOptionError`
/// naming its properties.
pub fn track_event(
    event: &str,
    properties: Vec<(String, Value)>,
    message_id: &str,
    anonymous_id: &str,
    timestamp: &str,
) -> Result<String, Error> {
    let mut out = String::new();
    json_object!(&mut out,
        "type" => "track",
        "event" => event,
        "messageId" => message_id,
        "anonymousId" => anonymous_id,
        "timestamp" => timestamp,
        "properties" => Value::Object(properties),
    );
    if out.len() > MAX_EVENT_BYTES {
        return Err(Error::invalid_option(
            "properties",
            Some("at most 32 KB of JSON in all"),
        ));
    }
    Ok(out)
}

/// A batch body: `{"batch": [...], "sentAt": ..., "context": {"library": {...}}}`, and
/// the `writeKey` (Segment's) if there is one: in the body, since a beacon has no headers.
pub fn batch_body(
    events: &[String],
    sent_at: &str,
    version: &str,
    write_key: Option<&str>,
) -> String {
    let mut out = String::with_capacity(events.iter().map(|e| e.len() + 1).sum::<usize>() + 128);
    out.push_str("{\"batch\":[");
    out.push_str(&events.join(","));
    out.push_str("],\"sentAt\":");
    write_string(&mut out, sent_at);
    if let Some(key) = write_key {
        out.push_str(",\"writeKey\":");
        write_string(&mut out, key);
    }
    out.push_str(",\"context\":{\"library\":{\"name\":");
    write_string(&mut out, LIBRARY);
    out.push_str(",\"version\":");
    version.write_json(&mut out);
    out.push_str("}}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::signals::{Daypart, DeviceClass};
    use crate::MomentKind;

    fn decision() -> SlotContext {
        SlotContext {
            kind: MomentKind::Go,
            confidence: 0.875,
            urgency: 0.5,
            device: DeviceClass::Mobile,
            daypart: Daypart::Evening,
        }
    }

    #[test]
    fn a_variant_shown_event_carries_the_decision_and_nothing_else() {
        let event = track_event(
            "Variant Shown",
            decision_properties(&decision(), Some(("hero", "open-now"))),
            "m-1",
            "a-1",
            "2026-12-01T10:00:00.000Z",
        )
        .unwrap();
        assert_eq!(
            event,
            r#"{"type":"track","event":"Variant Shown","messageId":"m-1","anonymousId":"a-1","timestamp":"2026-12-01T10:00:00.000Z","properties":{"moment":"go","confidence":0.875,"urgency":0.5,"deviceClass":"mobile","daypart":"evening","slot":"hero","variant":"open-now"}}"#
        );
        let body = batch_body(
            &[event.clone(), event],
            "2026-12-01T10:00:01.000Z",
            "0.1.0",
            Some("key"),
        );
        let parsed = parse(&body).unwrap();
        assert_eq!(parsed.get("batch").unwrap().items().len(), 2);
        assert_eq!(parsed.str_field("writeKey"), "key");
        assert_eq!(
            parsed
                .get("context")
                .unwrap()
                .get("library")
                .unwrap()
                .str_field("name"),
            "augenblick"
        );
    }

    #[test]
    fn the_sites_properties_come_first_and_oversize_events_are_refused() {
        let site = parse(r#"{"moment":"mine","plan":"pro"}"#).unwrap();
        let properties = site_properties(&site, Some(&decision())).unwrap();
        assert_eq!(
            properties[0],
            ("moment".to_owned(), Value::String("mine".into()))
        );
        assert!(properties.iter().any(|(k, _)| k == "deviceClass"));
        assert!(site_properties(&parse("[1]").unwrap(), None).is_err());
        let big = vec![("x".to_owned(), Value::String("y".repeat(MAX_EVENT_BYTES)))];
        assert_eq!(
            track_event("Big", big, "m", "a", "t")
                .unwrap_err()
                .message(),
            "invalid option properties: expected at most 32 KB of JSON in all"
        );
    }
}
