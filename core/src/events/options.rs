//! The `events` option of `Augenblick.init`, checked.

use super::queue::QueueLimits;
use crate::json::Value;
use crate::read::{member, object};
use crate::Error;

/// Where and how events are sent.
#[derive(Debug, Clone, PartialEq)]
pub struct EventsOptions {
    /// The Segment-compatible batch endpoint, e.g. `https://api.segment.io/v1/batch`.
    pub endpoint: String,
    /// Sent as HTTP Basic user (Segment's write key), if given.
    pub write_key: Option<String>,
    /// A batch is sent once this many events wait.
    pub flush_at: u32,
    /// …or once the oldest has waited this long (ms).
    pub flush_interval_ms: u32,
    /// A request not answered within this long (ms) is given up and retried, so that one
    /// hanging request cannot stop every later one.
    pub timeout_ms: u32,
    /// Bounds of the queue.
    pub limits: QueueLimits,
}

impl EventsOptions {
    /// Reads `{endpoint, writeKey?, flushAt?, flushIntervalMs?, timeoutMs?, maxQueueEvents?,
    /// maxQueueBytes?}`.
    pub fn from_json(value: &Value) -> Result<EventsOptions, Error> {
        let mut endpoint = None;
        let mut options = EventsOptions {
            endpoint: String::new(),
            write_key: None,
            flush_at: 20,
            flush_interval_ms: 5_000,
            timeout_ms: 10_000,
            limits: QueueLimits::default(),
        };
        for (key, field) in object(value, "events")? {
            let path = member("events", key);
            let whole = |min: f64, max: f64, expected| {
                field
                    .as_f64()
                    .filter(|n| n.fract() == 0.0 && (min..=max).contains(n))
                    .map(|n| n as u32)
                    .ok_or_else(|| Error::invalid_option(&path, Some(expected)))
            };
            match key.as_str() {
                "endpoint" => {
                    let url = field.as_str().filter(|url| is_http_url(url));
                    endpoint = Some(
                        url.ok_or_else(|| {
                            Error::invalid_option(&path, Some("an http or https URL"))
                        })?
                        .to_owned(),
                    );
                }
                "writeKey" => {
                    options.write_key = Some(
                        field
                            .as_str()
                            .ok_or_else(|| Error::invalid_option(&path, Some("a string")))?
                            .to_owned(),
                    )
                }
                "flushAt" => options.flush_at = whole(1.0, 100.0, "a whole number from 1 to 100")?,
                "flushIntervalMs" => {
                    options.flush_interval_ms =
                        whole(100.0, 600_000.0, "a whole number of ms from 100 to 600000")?
                }
                "timeoutMs" => {
                    options.timeout_ms = whole(
                        1_000.0,
                        120_000.0,
                        "a whole number of ms from 1000 to 120000",
                    )?
                }
                "maxQueueEvents" => {
                    options.limits.max_events =
                        whole(1.0, 10_000.0, "a whole number from 1 to 10000")?
                }
                "maxQueueBytes" => {
                    options.limits.max_bytes = whole(
                        1_024.0,
                        4_194_304.0,
                        "a whole number of bytes from 1024 to 4194304",
                    )?
                }
                _ => return Err(Error::invalid_option(&path, None)),
            }
        }
        options.endpoint = endpoint.ok_or_else(|| {
            Error::invalid_option("events.endpoint", Some("an http or https URL"))
        })?;
        Ok(options)
    }
}

/// An absolute http or https URL with a host.
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty() && !rest.starts_with('/') && !rest.contains(char::is_whitespace)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> Result<EventsOptions, Error> {
        EventsOptions::from_json(&parse(text).unwrap())
    }

    #[test]
    fn defaults_and_settings() {
        let options = read(r#"{"endpoint":"http://127.0.0.1:8787/v1/batch"}"#).unwrap();
        assert_eq!(
            (
                options.flush_at,
                options.flush_interval_ms,
                options.timeout_ms
            ),
            (20, 5_000, 10_000)
        );
        let options =
            read(r#"{"endpoint":"http://127.0.0.1:8787/v1/batch","timeoutMs":1000}"#).unwrap();
        assert_eq!(options.timeout_ms, 1_000);
        let options = read(r#"{"endpoint":"https://api.segment.io/v1/batch","writeKey":"k","flushAt":5,"maxQueueEvents":50}"#).unwrap();
        assert_eq!((options.flush_at, options.limits.max_events), (5, 50));
        assert_eq!(options.write_key.as_deref(), Some("k"));
    }

    #[test]
    fn mistakes_are_named() {
        let message = |text: &str| read(text).unwrap_err().message();
        assert_eq!(
            message("{}"),
            "invalid option events.endpoint: expected an http or https URL"
        );
        assert_eq!(
            message(r#"{"endpoint":"javascript:alert(1)"}"#),
            "invalid option events.endpoint: expected an http or https URL"
        );
        assert_eq!(
            message(r#"{"endpoint":"https://x.example/v1/batch","flushAt":0}"#),
            "invalid option events.flushAt: expected a whole number from 1 to 100"
        );
        assert_eq!(
            message(r#"{"endpoint":"https://x.example/v1/batch","timeoutMs":999}"#),
            "invalid option events.timeoutMs: expected a whole number of ms from 1000 to 120000"
        );
        assert_eq!(
            message(r#"{"endpoint":"https://x.example","batch":1}"#),
            "unknown option events.batch"
        );
    }
}
