//! The events of a page view: the queue, the anonymous id they carry, what a beacon holds,
//! and the counts for the privacy report. The browser layer's transport sends what this
//! hands out and reports the answers.

use crate::json::{self, ToJson, Value};
use crate::slots::SlotContext;
use crate::store::{Records, Store};
use crate::Error;

use super::{
    batch_body, decision_properties, retry_delay_ms, track_event, EventQueue, EventsOptions,
    Outcome,
};

/// What the JSON envelope of a batch takes besides its events, at most (`batch_body`).
const ENVELOPE_BYTES: usize = 256;

/// Whether a stored entry is an event: a JSON object (what `track_event` writes).
fn is_event(text: &str) -> bool {
    matches!(json::parse(text), Ok(Value::Object(_)))
}

/// The events of a page view.
pub struct PageEvents {
    /// The checked `events` option.
    pub options: EventsOptions,
    queue: EventQueue,
    /// The id events carry: the page view's, or the device's with storage consent.
    anonymous_id: String,
    /// This page view's own id, which events carry again when the device's is forgotten.
    page_id: String,
    /// Events in a beacon the browser has not said it took.
    in_beacon: Vec<String>,
    /// Requests made on this page view (batches and beacons).
    pub requests: u32,
    /// Events the receiver or the browser took.
    pub sent: u32,
}

impl PageEvents {
    /// Events with an anonymous id for this page view (`page_id`). With storage and events
    /// consent (`keep`) the device's id is used instead (see `Records::anonymous_id`; `now_ms`
    /// is the time), and the queue an earlier page left is taken up. An entry of it that is
    /// not an event (a JSON object in a string) is dropped and counted: one corrupt entry
    /// sent raw would make its whole batch invalid.
    pub fn new(
        options: EventsOptions,
        page_id: &str,
        keep: bool,
        now_ms: f64,
        records: &mut Records,
        store: &mut impl Store,
    ) -> PageEvents {
        let mut events = PageEvents {
            queue: EventQueue::new(options.limits),
            options,
            anonymous_id: page_id.to_owned(),
            page_id: page_id.to_owned(),
            in_beacon: Vec::new(),
            requests: 0,
            sent: 0,
        };
        if keep {
            events.storage_granted(records, store, now_ms);
            if let Some(stored) = records
                .take_queue(store)
                .and_then(|text| json::parse(&text).ok())
            {
                for entry in stored.items() {
                    match entry.as_str().filter(|text| is_event(text)) {
                        Some(event) => events.queue.push(event.to_owned()),
                        None => events.queue.dropped += 1,
                    }
                }
            }
        }
        events
    }

    /// Storage and events consent are both there: the anonymous id is kept for the device
    /// from now on (`now_ms`: the time).
    pub fn storage_granted(&mut self, records: &mut Records, store: &mut impl Store, now_ms: f64) {
        self.anonymous_id = records.anonymous_id(store, &self.anonymous_id, now_ms);
    }

    /// The device's id may no longer be kept (storage or events consent went): events
    /// carry this page view's id again, and should consent come back, the device keeps that
    /// one, not the old.
    pub fn forget_device_id(&mut self) {
        self.anonymous_id.clone_from(&self.page_id);
    }

    /// Events consent went: everything queued is dropped, here and, with storage consent,
    /// in storage, with the device's anonymous id.
    pub fn withdrawn(&mut self, storage: bool, records: &mut Records, store: &mut impl Store) {
        self.queue.clear();
        self.queue.dropped += self.in_beacon.len() as u32;
        self.in_beacon.clear();
        if storage {
            records.forget_events(store);
        }
    }

    /// Queues the site's event `event`; returns how many now wait.
    pub fn push(
        &mut self,
        event: &str,
        properties: Vec<(String, Value)>,
        message_id: &str,
        timestamp: &str,
    ) -> Result<u32, Error> {
        let event = track_event(event, properties, message_id, &self.anonymous_id, timestamp)?;
        self.queue.push(event);
        Ok(self.queue.waiting() as u32)
    }

    /// Queues `Variant Shown` for a slot's variant (`shown`: slot and variant) or, without
    /// one, `Moment Changed`, with the decision's facts; returns how many now wait.
    pub fn push_decision(
        &mut self,
        decision: &SlotContext,
        shown: Option<(&str, &str)>,
        message_id: &str,
        timestamp: &str,
    ) -> Result<u32, Error> {
        let name = if shown.is_some() {
            "Variant Shown"
        } else {
            "Moment Changed"
        };
        self.push(
            name,
            decision_properties(decision, shown),
            message_id,
            timestamp,
        )
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

    /// The answer to batch `id` (`status` 0: a network error): when to send again (ms), or
    /// -1 when nothing waits on it.
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
        let mut bytes = ENVELOPE_BYTES;
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
    pub fn persist(&self, records: &mut Records, store: &mut impl Store) {
        let pending = self.queue.pending();
        if !pending.is_empty() {
            records.save_queue(store, Some(&pending.to_json()));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::report::{ANONYMOUS_ID_KEY, EVENT_QUEUE_KEY};
    use crate::signals::{Daypart, DeviceClass};
    use crate::store::{Area, MemoryStore};
    use crate::MomentKind;

    /// 2026-12-04, in ms since the epoch.
    const NOW: f64 = 1_796_342_400_000.0;

    fn options() -> EventsOptions {
        let value = json::parse(r#"{"endpoint":"https://collect.example/v1/batch"}"#).unwrap();
        EventsOptions::from_json(&value).unwrap()
    }

    fn decision() -> SlotContext {
        SlotContext {
            kind: MomentKind::Go,
            confidence: 0.8,
            urgency: 0.5,
            device: DeviceClass::Mobile,
            daypart: Daypart::Evening,
        }
    }

    fn batch_events(body: &str) -> Vec<Value> {
        json::parse(body)
            .unwrap()
            .get("batch")
            .unwrap()
            .items()
            .to_vec()
    }

    #[test]
    fn without_storage_consent_the_id_is_the_page_views_and_nothing_is_stored() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        let mut events = PageEvents::new(options(), "page-1", false, NOW, &mut records, &mut store);
        events.push("Signed Up", Vec::new(), "m1", "t").unwrap();
        let body = events.beacon_body("t", "0", 64 * 1024).unwrap();
        let sent = batch_events(&body);
        assert_eq!(sent[0].get("anonymousId").unwrap().as_str(), Some("page-1"));
        assert!(store.is_empty());
    }

    #[test]
    fn with_storage_consent_the_device_id_is_kept_and_the_left_queue_taken_up() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        store.set(Area::Local, ANONYMOUS_ID_KEY, "device-7 1796342000000");
        store.set(
            Area::Local,
            EVENT_QUEUE_KEY,
            r#"["{\"a\":1}", 5, "{\"b\":2}", "{\"cut", "[]"]"#,
        );
        let mut events = PageEvents::new(options(), "page-1", true, NOW, &mut records, &mut store);
        assert_eq!(
            events.waiting(),
            2,
            "the entries that are not events are dropped"
        );
        assert_eq!(events.dropped(), 3, "and counted");
        let body = events.beacon_body("t", "0", 64 * 1024).unwrap();
        assert_eq!(batch_events(&body).len(), 2, "the batch is valid JSON");
        assert_eq!(store.value(Area::Local, EVENT_QUEUE_KEY), None);
        assert_eq!(events.anonymous_id, "device-7");
    }

    #[test]
    fn withdrawing_events_forgets_the_device_id_and_a_new_grant_keeps_a_new_one() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        store.set(Area::Local, ANONYMOUS_ID_KEY, "device-7 1796342000000");
        let mut events = PageEvents::new(options(), "page-1", true, NOW, &mut records, &mut store);
        events.withdrawn(true, &mut records, &mut store);
        events.forget_device_id();
        assert_eq!(store.value(Area::Local, ANONYMOUS_ID_KEY), None);
        events.storage_granted(&mut records, &mut store, NOW);
        assert_eq!(events.anonymous_id, "page-1");
        assert_eq!(
            store.value(Area::Local, ANONYMOUS_ID_KEY),
            Some("page-1 1796342400000")
        );
    }

    #[test]
    fn decisions_are_named_by_what_they_show() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        let mut events = PageEvents::new(options(), "p", false, NOW, &mut records, &mut store);
        events.push_decision(&decision(), None, "m1", "t").unwrap();
        events
            .push_decision(&decision(), Some(("hero", "go")), "m2", "t")
            .unwrap();
        let sent = batch_events(&events.beacon_body("t", "0", 64 * 1024).unwrap());
        assert_eq!(
            sent[0].get("event").unwrap().as_str(),
            Some("Moment Changed")
        );
        assert_eq!(
            sent[1].get("event").unwrap().as_str(),
            Some("Variant Shown")
        );
        let properties = sent[1].get("properties").unwrap();
        assert_eq!(properties.get("slot").unwrap().as_str(), Some("hero"));
        assert_eq!(properties.get("moment").unwrap().as_str(), Some("go"));
    }

    #[test]
    fn a_beacon_takes_what_fits_and_the_rest_waits() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        let mut events = PageEvents::new(options(), "p", false, NOW, &mut records, &mut store);
        for id in ["m1", "m2", "m3"] {
            events.push("Clicked", Vec::new(), id, "t").unwrap();
        }
        let one = events.queue.pending()[0].len();
        let body = events
            .beacon_body("t", "0", ENVELOPE_BYTES + 2 * (one + 1))
            .unwrap();
        assert_eq!(batch_events(&body).len(), 2);
        assert_eq!(events.waiting(), 1);
        // Refused by the browser: its two wait again, in front, in order.
        events.beacon_taken(false);
        assert_eq!(events.waiting(), 3);
        let ids: Vec<String> = events
            .queue
            .pending()
            .iter()
            .map(|e| {
                json::parse(e)
                    .unwrap()
                    .get("messageId")
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(ids, ["m1", "m2", "m3"]);
        assert_eq!(events.requests, 1);
        assert_eq!(events.sent, 0);
    }

    #[test]
    fn withdrawal_drops_the_queue_the_beacon_and_what_storage_kept() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        let mut events = PageEvents::new(options(), "p", true, NOW, &mut records, &mut store);
        events.push("A", Vec::new(), "m1", "t").unwrap();
        events.push("B", Vec::new(), "m2", "t").unwrap();
        events.persist(&mut records, &mut store);
        assert!(store.value(Area::Local, EVENT_QUEUE_KEY).is_some());
        events.beacon_body("t", "0", ENVELOPE_BYTES + 1000).unwrap();
        events.push("C", Vec::new(), "m3", "t").unwrap();
        events.withdrawn(true, &mut records, &mut store);
        assert_eq!(events.waiting(), 0);
        assert_eq!(events.dropped(), 3);
        assert_eq!(store.value(Area::Local, EVENT_QUEUE_KEY), None);
        // A beacon answer arriving after the withdrawal brings nothing back.
        events.beacon_taken(false);
        assert_eq!(events.waiting(), 0);
    }

    #[test]
    fn a_delivered_batch_counts_its_events_and_a_server_error_asks_for_a_retry() {
        let (mut records, mut store) = (Records::new(), MemoryStore::default());
        let mut events = PageEvents::new(options(), "p", false, NOW, &mut records, &mut store);
        events.push("A", Vec::new(), "m1", "t").unwrap();
        let batch = json::parse(&events.next_batch("t", "0").unwrap()).unwrap();
        let id = batch.get("id").unwrap().as_f64().unwrap() as u32;
        assert!(events.answered(id, 503, 0, 0.5) > 0);
        assert_eq!(events.waiting(), 1);
        let batch = json::parse(&events.next_batch("t", "0").unwrap()).unwrap();
        let id = batch.get("id").unwrap().as_f64().unwrap() as u32;
        assert_eq!(events.answered(id, 200, 0, 0.5), -1);
        assert_eq!((events.sent, events.requests, events.waiting()), (1, 2, 0));
    }
}
