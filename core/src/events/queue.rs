//! The queue of events waiting to be sent: bounded in count and bytes, one batch in flight
//! at a time, and what happens when it is full (the oldest waiting events are dropped, and
//! counted).

use std::collections::VecDeque;

use super::MAX_BATCH_BYTES;

/// How large the queue may grow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueLimits {
    /// Events waiting, at most.
    pub max_events: u32,
    /// Bytes of JSON waiting, at most.
    pub max_bytes: u32,
}

impl Default for QueueLimits {
    /// 1,000 events or 256 KiB, whichever comes first.
    fn default() -> Self {
        QueueLimits {
            max_events: 1_000,
            max_bytes: 256 * 1024,
        }
    }
}

/// Events sent together, as JSON texts of track events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// Tells this batch's answer from another's.
    pub id: u32,
    /// The events, oldest first.
    pub events: Vec<String>,
}

/// Events waiting, oldest first, and the batch in flight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventQueue {
    waiting: VecDeque<String>,
    waiting_bytes: usize,
    in_flight: Option<Batch>,
    next_id: u32,
    /// Failed attempts of the batch in flight, for the backoff.
    pub attempts: u32,
    /// Events dropped: the queue was full, the receiver refused them, or consent went.
    pub dropped: u32,
    limits: QueueLimits,
}

impl EventQueue {
    /// An empty queue with these bounds.
    pub fn new(limits: QueueLimits) -> Self {
        EventQueue {
            limits,
            ..EventQueue::default()
        }
    }

    /// Events waiting (not counting the batch in flight).
    pub fn waiting(&self) -> usize {
        self.waiting.len()
    }

    /// Whether nothing waits and nothing is in flight.
    pub fn is_empty(&self) -> bool {
        self.waiting.is_empty() && self.in_flight.is_none()
    }

    /// Events in the batch in flight.
    pub fn in_flight_len(&self) -> usize {
        self.in_flight
            .as_ref()
            .map_or(0, |batch| batch.events.len())
    }

    /// Everything not delivered, the batch in flight first, left in the queue: what a page
    /// keeps for the next one.
    pub fn pending(&self) -> Vec<String> {
        let in_flight = self.in_flight.iter().flat_map(|batch| batch.events.iter());
        in_flight.chain(self.waiting.iter()).cloned().collect()
    }

    /// Adds an event; while the queue is over its bounds the oldest waiting events go.
    pub fn push(&mut self, event: String) {
        self.waiting_bytes += event.len();
        self.waiting.push_back(event);
        while self.waiting.len() > self.limits.max_events as usize
            || self.waiting_bytes > self.limits.max_bytes as usize
        {
            let Some(oldest) = self.waiting.pop_front() else {
                break;
            };
            self.waiting_bytes -= oldest.len();
            self.dropped += 1;
        }
    }

    /// The next batch to send, oldest events first, at most `max_bytes` of events (and never
    /// more than a Segment batch holds); `None` while one is in flight or nothing waits.
    pub fn next_batch(&mut self, max_bytes: usize) -> Option<&Batch> {
        if self.in_flight.is_some() || self.waiting.is_empty() {
            return None;
        }
        let budget = max_bytes.min(MAX_BATCH_BYTES - 1024); // room for the envelope
        let mut events = Vec::new();
        let mut bytes = 0;
        while let Some(next) = self.waiting.front() {
            if !events.is_empty() && bytes + next.len() + 1 > budget {
                break;
            }
            bytes += next.len() + 1;
            let event = self.waiting.pop_front()?;
            self.waiting_bytes -= event.len();
            events.push(event);
        }
        self.next_id = self.next_id.wrapping_add(1);
        self.in_flight = Some(Batch {
            id: self.next_id,
            events,
        });
        self.in_flight.as_ref()
    }

    /// The batch `id` arrived.
    pub fn delivered(&mut self, id: u32) {
        if self.in_flight.as_ref().is_some_and(|b| b.id == id) {
            self.in_flight = None;
            self.attempts = 0;
        }
    }

    /// The batch `id` did not arrive: its events go back to the front to be sent again
    /// (`retry`), or are dropped (the receiver refused them).
    pub fn failed(&mut self, id: u32, retry: bool) {
        if !self.in_flight.as_ref().is_some_and(|b| b.id == id) {
            return;
        }
        let Some(batch) = self.in_flight.take() else {
            return;
        };
        if retry {
            self.attempts += 1;
            self.put_back(batch.events);
        } else {
            self.attempts = 0;
            self.dropped += batch.events.len() as u32;
        }
    }

    /// Everything, the batch in flight first (it may not arrive: the receiver drops what
    /// arrives twice), taken out of the queue: for a last send as the page goes away.
    pub fn take_all(&mut self) -> Vec<String> {
        let mut events: Vec<String> = self.in_flight.take().map(|b| b.events).unwrap_or_default();
        events.extend(self.waiting.drain(..));
        self.waiting_bytes = 0;
        self.attempts = 0;
        events
    }

    /// Puts events back at the front, in order (those a last send could not take).
    pub fn put_back(&mut self, events: Vec<String>) {
        for event in events.into_iter().rev() {
            self.waiting_bytes += event.len();
            self.waiting.push_front(event);
        }
    }

    /// Drops everything (events consent withdrawn).
    pub fn clear(&mut self) {
        self.dropped += self.take_all().len() as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queue(max_events: u32, max_bytes: u32) -> EventQueue {
        EventQueue::new(QueueLimits {
            max_events,
            max_bytes,
        })
    }

    #[test]
    fn batches_go_one_at_a_time_and_come_back_on_failure() {
        let mut q = queue(100, 10_000);
        for i in 0..5 {
            q.push(format!("{{\"i\":{i}}}"));
        }
        let batch = q.next_batch(16).unwrap().clone();
        assert_eq!(batch.events, ["{\"i\":0}", "{\"i\":1}"]);
        assert!(
            q.next_batch(1000).is_none(),
            "one batch in flight at a time"
        );
        q.failed(batch.id, true);
        assert_eq!((q.waiting(), q.attempts), (5, 1));
        let again = q.next_batch(1000).unwrap().clone();
        assert_eq!(again.events.len(), 5);
        assert_eq!(again.events[0], "{\"i\":0}", "the same events, in order");
        q.delivered(again.id);
        assert!(q.is_empty());
        assert_eq!(q.dropped, 0);
    }

    #[test]
    fn a_full_queue_drops_its_oldest_and_counts_them() {
        let mut q = queue(3, 10_000);
        for i in 0..5 {
            q.push(format!("e{i}"));
        }
        assert_eq!((q.waiting(), q.dropped), (3, 2));
        assert_eq!(q.take_all(), ["e2", "e3", "e4"]);
        let mut q = queue(100, 10);
        q.push("12345".into());
        q.push("123456".into());
        assert_eq!((q.waiting(), q.dropped), (1, 1));
    }

    #[test]
    fn refused_batches_are_dropped_and_a_last_send_takes_everything() {
        let mut q = queue(100, 10_000);
        q.push("a".into());
        q.push("b".into());
        let id = q.next_batch(1).unwrap().id;
        q.failed(id, false);
        assert_eq!((q.waiting(), q.dropped), (1, 1));
        q.push("c".into());
        let _ = q.next_batch(1);
        assert_eq!(q.pending(), ["b", "c"], "the batch in flight first");
        assert_eq!(q.take_all(), ["b", "c"]);
        q.put_back(vec!["c".into()]);
        q.clear();
        assert!(q.is_empty());
        assert_eq!(q.dropped, 2);
    }
}
