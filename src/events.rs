//! Events of an `Augenblick` instance: the queue and what goes into it, held by `Runtime`.
//! `src/js/events-transport.js` sends what this hands out and reports the answers.

use augenblick_core::events::{
    batch_body, retry_delay_ms, track_event, EventQueue, EventsOptions, Outcome,
};
use augenblick_core::json::{self, ToJson, Value};

use crate::signals::{anonymous_id, save_queue, take_queue};

/// The events of a page view.
pub(crate) struct Events {
    pub options: EventsOptions,
    queue: EventQueue,
    anonymous_id: String,
    /// Events in a beacon the browser has not said it took.
    in_beacon: Vec<String>,
    pub requests: u32,
    pub sent: u32,
}

impl Events {
    /// Events with an anonymous id for this page view (`page_id`), or the device's one
    /// when it may be kept (`keep`: storage and events consent); `restore` takes up the
    /// queue an earlier page left.
    pub fn new(options: EventsOptions, page_id: &str, keep: bool, restore: bool) -> Events {
        let mut events = Events {
            queue: EventQueue::new(options.limits),
            options,
            anonymous_id: page_id.to_owned(),
            in_beacon: Vec::new(),
            requests: 0,
            sent: 0,
        };
        if keep {
            events.storage_granted();
        }
        if restore {
            if let Some(stored) = take_queue().and_then(|text| json::parse(&text).ok()) {
                for event in stored.items().iter().filter_map(Value::as_str) {
                    events.queue.push(event.to_owned());
                }
            }
        }
        events
    }

    /// Storage and events consent are both there: the anonymous id is kept for the device
    /// from now on.
    pub fn storage_granted(&mut self) {
        self.anonymous_id = anonymous_id(&self.anonymous_id);
    }

    /// Events consent went: everything queued is dropped, here and in storage.
    pub fn withdrawn(&mut self, storage: bool) {
        self.queue.clear();
        self.queue.dropped += self.in_beacon.len() as u32;
        self.in_beacon.clear();
        if storage {
            save_queue(None);
        }
    }

    /// Queues a track event; returns how many now wait.
    pub fn push(
        &mut self,
        event: &str,
        properties: Vec<(String, Value)>,
        message_id: &str,
        timestamp: &str,
    ) -> Result<u32, augenblick_core::Error> {
        let event = track_event(event, properties, message_id, &self.anonymous_id, timestamp)?;
        self.queue.push(event);
        Ok(self.queue.waiting() as u32)
    }

    /// The next batch to send as `{"id", "body"}` JSON, or `None`.
    pub fn next_batch(&mut self, sent_at: &str, version: &str) -> Option<String> {
        let batch = self.queue.next_batch(usize::MAX)?;
        let body = batch_body(
            &batch.events,
            sent_at,
            version,
            self.options.write_key.as_deref(),
        );
        self.requests += 1;
        let mut out = String::from("{\"id\":");
        batch.id.write_json(&mut out);
        out.push_str(",\"body\":");
        body.write_json(&mut out);
        out.push('}');
        Some(out)
    }

    /// The answer to batch `id`: when to send again (ms), or -1 when nothing waits on it.
    pub fn answered(&mut self, id: u32, status: u16, retry_after_ms: u32, jitter: f64) -> i32 {
        let events_in_batch = self.queue.in_flight_len();
        let retry_after = (retry_after_ms > 0).then_some(retry_after_ms);
        match retry_delay_ms(status, self.queue.attempts + 1, jitter, retry_after) {
            Outcome::Delivered => {
                self.queue.delivered(id);
                self.sent += events_in_batch as u32;
                -1
            }
            Outcome::Refused => {
                self.queue.failed(id, false);
                -1
            }
            Outcome::Retry(delay) => {
                self.queue.failed(id, true);
                delay.min(i32::MAX as u32) as i32
            }
        }
    }

    /// One batch of everything that waits (the batch in flight too), at most `budget`
    /// bytes, for a beacon as the page goes away; the rest goes back to the queue.
    pub fn beacon_body(&mut self, sent_at: &str, version: &str, budget: usize) -> Option<String> {
        let mut events = self.queue.take_all();
        let mut bytes = 256; // the envelope
        let fits = events
            .iter()
            .take_while(|event| {
                bytes += event.len() + 1;
                bytes <= budget
            })
            .count();
        let rest = events.split_off(fits);
        self.queue.put_back(rest);
        if events.is_empty() {
            return None;
        }
        let body = batch_body(&events, sent_at, version, self.options.write_key.as_deref());
        self.in_beacon = events;
        self.requests += 1;
        Some(body)
    }

    /// Whether the browser took the beacon; if not, its events wait again.
    pub fn beacon_taken(&mut self, taken: bool) {
        let events = std::mem::take(&mut self.in_beacon);
        if taken {
            self.sent += events.len() as u32;
        } else {
            self.queue.put_back(events);
        }
    }

    /// Keeps what was not sent for the next page (storage consent is the caller's check).
    /// An empty queue keeps what an earlier call kept: a page hidden and then left calls
    /// this twice, and the second time the beacon has taken everything, which may still
    /// not arrive. The next page sends the kept events again; the receiver drops what it
    /// already has.
    pub fn persist(&self) {
        let pending = self.queue.pending();
        if !pending.is_empty() {
            save_queue(Some(&pending.to_json()));
        }
    }

    /// Events waiting.
    pub fn waiting(&self) -> u32 {
        self.queue.waiting() as u32
    }

    /// Events dropped on this page view.
    pub fn dropped(&self) -> u32 {
        self.queue.dropped
    }
}
