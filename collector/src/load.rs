//! A bounded local load generator: sends events in bursts of concurrent batches to a
//! collector, measures throughput and latency, and checks that every event was stored
//! exactly once.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// What to send.
pub struct Load {
    /// The collector.
    pub target: SocketAddr,
    /// Events in all.
    pub events: usize,
    /// Events per batch (one request).
    pub batch: usize,
    /// Requests in flight at once: one burst.
    pub concurrency: usize,
}

/// What was measured.
#[derive(Debug)]
pub struct Report {
    /// Events sent.
    pub sent: usize,
    /// Events the collector reported stored.
    pub stored: usize,
    /// Requests that failed (not 200).
    pub failed: usize,
    /// Wall time of the whole run.
    pub elapsed: Duration,
    /// Latency of each request, sorted.
    pub latencies: Vec<Duration>,
}

impl Report {
    /// The latency at quantile `q` (0 to 1).
    pub fn latency(&self, q: f64) -> Duration {
        let i = ((self.latencies.len() as f64 * q) as usize)
            .min(self.latencies.len().saturating_sub(1));
        self.latencies.get(i).copied().unwrap_or_default()
    }
}

/// Runs the load: bursts of `concurrency` requests, each a batch, until `events` are sent.
pub fn run(load: &Load, run_id: &str) -> Report {
    let started = Instant::now();
    let batches: Vec<(usize, usize)> = (0..load.events)
        .step_by(load.batch.max(1))
        .map(|first| (first, load.batch.min(load.events - first)))
        .collect();
    let mut report = Report {
        sent: 0,
        stored: 0,
        failed: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
    };
    for burst in batches.chunks(load.concurrency.max(1)) {
        let handles: Vec<_> = burst
            .iter()
            .map(|&(first, count)| {
                let (target, run_id) = (load.target, run_id.to_owned());
                std::thread::spawn(move || {
                    let body = batch_body(&run_id, first, count);
                    let started = Instant::now();
                    let answer = post(target, "/v1/batch", &body);
                    (count, started.elapsed(), answer)
                })
            })
            .collect();
        for handle in handles {
            let (count, latency, answer) = handle.join().expect("a load thread");
            report.sent += count;
            report.latencies.push(latency);
            match answer {
                Ok((200, body)) => report.stored += stored_count(&body),
                _ => report.failed += 1,
            }
        }
    }
    report.elapsed = started.elapsed();
    report.latencies.sort();
    report
}

/// A Segment batch of `count` events, ids unique per run.
fn batch_body(run_id: &str, first: usize, count: usize) -> String {
    let events: Vec<String> = (first..first + count)
        .map(|i| {
            format!(
                r#"{{"type":"track","event":"Load Test","messageId":"{run_id}-{i}","anonymousId":"load-{}","properties":{{"moment":"go","confidence":0.8,"i":{i}}},"timestamp":"2026-12-01T00:00:00.000Z"}}"#,
                i % 100
            )
        })
        .collect();
    format!(
        r#"{{"batch":[{}],"context":{{"library":{{"name":"augenblick-load","version":"0"}}}}}}"#,
        events.join(",")
    )
}

fn stored_count(body: &str) -> usize {
    serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v["stored"].as_u64())
        .unwrap_or(0) as usize
}

/// One HTTP/1.1 POST on a connection of its own; the status and the body.
pub fn post(target: SocketAddr, path: &str, body: &str) -> std::io::Result<(u16, String)> {
    request(target, "POST", path, body)
}

/// One HTTP/1.1 request on a connection of its own; the status and the body.
pub fn request(
    target: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&target, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {target}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let status = answer
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_owned();
    Ok((status, body))
}
