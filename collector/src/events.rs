//! Request bodies of the Segment HTTP Tracking API v1, checked: what `POST /v1/batch` and
//! `POST /v1/track` accept, and the error that names what is wrong with anything else.

use serde_json::{Map, Value};

/// Segment's limits, which the collector enforces too: 32 KB per event, 500 KB per batch.
pub const MAX_EVENT_BYTES: usize = 32 * 1024;
/// See [`MAX_EVENT_BYTES`].
pub const MAX_BATCH_BYTES: usize = 500 * 1024;
/// A `messageId` longer than this is refused (Segment's ids are UUIDs, 36 characters).
pub const MAX_MESSAGE_ID_CHARS: usize = 100;

/// One event, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique per event: a second event with the same id is a duplicate and dropped.
    pub message_id: String,
    /// `track` (the only type the SDK sends).
    pub kind: String,
    /// The event's name, e.g. "Moment Changed".
    pub event: String,
    /// The visitor's anonymous id.
    pub anonymous_id: Option<String>,
    /// A known user's id, if the site sends one.
    pub user_id: Option<String>,
    /// When the event happened (ISO 8601, as sent).
    pub timestamp: Option<String>,
    /// When the batch was sent (ISO 8601, as sent).
    pub sent_at: Option<String>,
    /// `properties`, as JSON text.
    pub properties: String,
    /// `context`, as JSON text.
    pub context: String,
}

/// Why a request is refused: the HTTP status and a message that names the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// 400 for a bad body, 413 for one too large.
    pub status: u16,
    /// What is wrong, naming the field (`batch[2].messageId: expected a non-empty string`).
    pub message: String,
}

impl Refusal {
    fn bad(message: impl Into<String>) -> Self {
        Refusal {
            status: 400,
            message: message.into(),
        }
    }
}

/// A 413 for a body over `max` bytes; `what` it holds names the limit in the message.
fn check_size(body: &[u8], max: usize, what: &str) -> Result<(), Refusal> {
    if body.len() <= max {
        return Ok(());
    }
    Err(Refusal {
        status: 413,
        message: format!(
            "the body is {} bytes: {what} may have at most {max}",
            body.len()
        ),
    })
}

/// The events of a `POST /v1/batch` body: `{ batch: [event, …], sentAt?, context? }`.
/// The batch's own `sentAt` and `context` apply to events that have none.
pub fn read_batch(body: &[u8]) -> Result<Vec<Event>, Refusal> {
    check_size(body, MAX_BATCH_BYTES, "a batch")?;
    let value = parse(body)?;
    let Value::Object(object) = value else {
        return Err(Refusal::bad(
            "the body: expected a JSON object with a batch",
        ));
    };
    let Some(Value::Array(items)) = object.get("batch") else {
        return Err(Refusal::bad("batch: expected an array of events"));
    };
    if items.is_empty() {
        return Err(Refusal::bad("batch: expected at least one event"));
    }
    let sent_at = object.get("sentAt").and_then(Value::as_str);
    let context = object.get("context");
    items
        .iter()
        .enumerate()
        .map(|(i, item)| read_event(item, &format!("batch[{i}]"), sent_at, context))
        .collect()
}

/// The event of a `POST /v1/track` body.
pub fn read_track(body: &[u8]) -> Result<Event, Refusal> {
    check_size(body, MAX_EVENT_BYTES, "an event")?;
    let mut value = parse(body)?;
    if let Value::Object(object) = &mut value {
        object.entry("type").or_insert_with(|| Value::from("track"));
    }
    read_event(&value, "the body", None, None)
}

fn parse(body: &[u8]) -> Result<Value, Refusal> {
    serde_json::from_slice(body).map_err(|e| Refusal::bad(format!("the body is not JSON: {e}")))
}

fn read_event(
    value: &Value,
    path: &str,
    sent_at: Option<&str>,
    context: Option<&Value>,
) -> Result<Event, Refusal> {
    let Value::Object(object) = value else {
        return Err(Refusal::bad(format!("{path}: expected an event object")));
    };
    let size = serde_json::to_vec(value).map_or(0, |bytes| bytes.len());
    if size > MAX_EVENT_BYTES {
        return Err(Refusal {
            status: 413,
            message: format!("{path} is {size} bytes: an event may have at most {MAX_EVENT_BYTES}"),
        });
    }
    let text = |key: &str| -> Result<Option<String>, Refusal> {
        match object.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if !s.is_empty() => Ok(Some(s.clone())),
            Some(_) => Err(Refusal::bad(format!(
                "{path}.{key}: expected a non-empty string"
            ))),
        }
    };
    let kind =
        text("type")?.ok_or_else(|| Refusal::bad(format!("{path}.type: expected \"track\"")))?;
    if kind != "track" {
        return Err(Refusal::bad(format!(
            "{path}.type: expected \"track\", got \"{kind}\""
        )));
    }
    let message_id = text("messageId")?
        .ok_or_else(|| Refusal::bad(format!("{path}.messageId: expected a non-empty string")))?;
    if message_id.chars().count() > MAX_MESSAGE_ID_CHARS {
        return Err(Refusal::bad(format!(
            "{path}.messageId: expected at most {MAX_MESSAGE_ID_CHARS} characters"
        )));
    }
    let event = text("event")?
        .ok_or_else(|| Refusal::bad(format!("{path}.event: expected a non-empty string")))?;
    let (anonymous_id, user_id) = (text("anonymousId")?, text("userId")?);
    if anonymous_id.is_none() && user_id.is_none() {
        return Err(Refusal::bad(format!(
            "{path}: expected an anonymousId or a userId"
        )));
    }
    let object_or_empty = |key: &str, fallback: Option<&Value>| -> Result<String, Refusal> {
        match object.get(key).or(fallback) {
            None | Some(Value::Null) => Ok("{}".to_owned()),
            Some(value @ Value::Object(_)) => Ok(value.to_string()),
            Some(_) => Err(Refusal::bad(format!("{path}.{key}: expected an object"))),
        }
    };
    Ok(Event {
        message_id,
        kind,
        event,
        anonymous_id,
        user_id,
        timestamp: text("timestamp")?,
        sent_at: text("sentAt")?.or_else(|| sent_at.map(str::to_owned)),
        properties: object_or_empty("properties", None)?,
        context: object_or_empty("context", context)?,
    })
}

/// An event as `GET /v1/events` lists it: the Segment fields back.
pub fn to_json(event: &Event, received_at: &str) -> Value {
    let mut object = Map::new();
    object.insert("type".into(), event.kind.clone().into());
    object.insert("messageId".into(), event.message_id.clone().into());
    object.insert("event".into(), event.event.clone().into());
    object.insert("anonymousId".into(), event.anonymous_id.clone().into());
    object.insert("userId".into(), event.user_id.clone().into());
    object.insert("timestamp".into(), event.timestamp.clone().into());
    object.insert("sentAt".into(), event.sent_at.clone().into());
    object.insert("receivedAt".into(), received_at.into());
    let parsed = |text: &str| serde_json::from_str(text).unwrap_or(Value::Null);
    object.insert("properties".into(), parsed(&event.properties));
    object.insert("context".into(), parsed(&event.context));
    Value::Object(object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(body: &str) -> (u16, String) {
        let r = read_batch(body.as_bytes()).unwrap_err();
        (r.status, r.message)
    }

    #[test]
    fn a_segment_batch_reads() {
        let events = read_batch(
            br#"{"batch":[{"type":"track","event":"Moment Changed","messageId":"m1","anonymousId":"a",
                 "properties":{"moment":"go"},"timestamp":"2026-12-01T10:00:00.000Z"}],
                 "sentAt":"2026-12-01T10:00:01.000Z","context":{"library":{"name":"augenblick","version":"0.1.0"}}}"#,
        )
        .unwrap();
        assert_eq!(events[0].message_id, "m1");
        assert_eq!(
            events[0].sent_at.as_deref(),
            Some("2026-12-01T10:00:01.000Z")
        );
        assert!(events[0].context.contains("augenblick"));
        assert_eq!(events[0].properties, r#"{"moment":"go"}"#);
    }

    #[test]
    fn bad_bodies_are_refused_naming_the_problem() {
        assert_eq!(
            refusal("[]"),
            (400, "the body: expected a JSON object with a batch".into())
        );
        assert_eq!(
            refusal(r#"{"batch":[]}"#),
            (400, "batch: expected at least one event".into())
        );
        assert_eq!(
            refusal(
                r#"{"batch":[{"type":"track","event":"x","messageId":"m","anonymousId":"a"},{"type":"track","event":"x","anonymousId":"a"}]}"#
            ),
            (
                400,
                "batch[1].messageId: expected a non-empty string".into()
            )
        );
        assert_eq!(
            refusal(r#"{"batch":[{"type":"identify","messageId":"m","anonymousId":"a"}]}"#),
            (
                400,
                "batch[0].type: expected \"track\", got \"identify\"".into()
            )
        );
        assert_eq!(
            refusal(r#"{"batch":[{"type":"track","event":"x","messageId":"m"}]}"#),
            (400, "batch[0]: expected an anonymousId or a userId".into())
        );
        assert_eq!(
            refusal(
                r#"{"batch":[{"type":"track","event":"x","messageId":"m","anonymousId":"a","properties":[]}]}"#
            ),
            (400, "batch[0].properties: expected an object".into())
        );
        assert!(refusal("{").1.starts_with("the body is not JSON"));
    }

    #[test]
    fn oversize_bodies_and_events_are_413() {
        let big = "x".repeat(MAX_EVENT_BYTES);
        let body = format!(
            r#"{{"batch":[{{"type":"track","event":"x","messageId":"m","anonymousId":"a","properties":{{"p":"{big}"}}}}]}}"#
        );
        assert_eq!(refusal(&body).0, 413);
        assert_eq!(refusal(&"x".repeat(MAX_BATCH_BYTES + 1)).0, 413);
        let track = format!(
            r#"{{"event":"x","messageId":"m","anonymousId":"a","properties":{{"p":"{big}"}}}}"#
        );
        assert_eq!(read_track(track.as_bytes()).unwrap_err().status, 413);
    }
}
