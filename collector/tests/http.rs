//! The collector over HTTP, on a free port with a fresh database: what Segment clients and
//! the SDK rely on.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};

use augenblick_collector::load::{self, request, Load};
use augenblick_collector::server::{Collector, Config};
use augenblick_collector::store::Store;
use serde_json::Value;

const SITE: &str = "http://127.0.0.1:8080";

fn database(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "augenblick-collector-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("events.sqlite")
}

fn start(db: &Path) -> Collector {
    let config = Config {
        addr: "127.0.0.1:0".into(),
        origins: vec![SITE.into()],
        threads: 4,
    };
    Collector::start(config, Store::open(db).unwrap()).unwrap()
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"))
}

fn batch(ids: &[&str]) -> String {
    let events: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"type":"track","event":"Variant Shown","messageId":"{id}","anonymousId":"a1","properties":{{"slot":"hero","variant":"go"}}}}"#))
        .collect();
    format!(
        r#"{{"batch":[{}],"sentAt":"2026-12-01T10:00:00.000Z"}}"#,
        events.join(",")
    )
}

/// The raw response head and body of a request with extra header lines.
fn raw(addr: SocketAddr, head: &str) -> String {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.write_all(head.as_bytes()).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn batches_are_stored_once_and_listed() {
    let db = database("store");
    let collector = start(&db);
    let addr = collector.addr();
    let (status, body) = load::post(addr, "/v1/batch", &batch(&["m1", "m2"])).unwrap();
    assert_eq!((status, json(&body)["stored"].as_u64()), (200, Some(2)));
    let (status, body) = load::post(addr, "/v1/batch", &batch(&["m2", "m3"])).unwrap();
    assert_eq!(status, 200);
    assert_eq!(
        (
            json(&body)["stored"].as_u64(),
            json(&body)["duplicates"].as_u64()
        ),
        (Some(1), Some(1))
    );
    let (status, body) = load::post(
        addr,
        "/v1/track",
        r#"{"event":"Moment Changed","messageId":"t1","anonymousId":"a1"}"#,
    )
    .unwrap();
    assert_eq!((status, json(&body)["stored"].as_u64()), (200, Some(1)));

    let (status, body) = request(addr, "GET", "/v1/events", "").unwrap();
    assert_eq!(status, 200);
    let listed = json(&body);
    assert_eq!(listed["total"], 4);
    let ids: Vec<&str> = listed["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["messageId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["m1", "m2", "m3", "t1"]);
    assert_eq!(listed["events"][0]["properties"]["variant"], "go");
    assert_eq!(listed["events"][0]["sentAt"], "2026-12-01T10:00:00.000Z");

    // Restarted on the same file: everything is still there, and a resend is a duplicate.
    collector.stop();
    let collector = start(&db);
    let (_, body) = load::post(collector.addr(), "/v1/batch", &batch(&["m1"])).unwrap();
    assert_eq!(json(&body)["duplicates"].as_u64(), Some(1));
    let (_, body) = request(collector.addr(), "GET", "/v1/events?limit=2", "").unwrap();
    assert_eq!(
        (
            json(&body)["total"].as_u64(),
            json(&body)["events"].as_array().unwrap().len()
        ),
        (Some(4), 2)
    );
    collector.stop();
}

#[test]
fn bad_and_oversize_bodies_are_refused_with_a_named_problem() {
    let collector = start(&database("refuse"));
    let addr = collector.addr();
    let (status, body) = load::post(
        addr,
        "/v1/batch",
        r#"{"batch":[{"type":"track","event":"x","anonymousId":"a"}]}"#,
    )
    .unwrap();
    assert_eq!(status, 400);
    assert_eq!(
        json(&body)["error"],
        "batch[0].messageId: expected a non-empty string"
    );
    let (status, _) = load::post(addr, "/v1/batch", "not json").unwrap();
    assert_eq!(status, 400);
    let huge = format!(r#"{{"batch":[],"padding":"{}"}}"#, "x".repeat(600 * 1024));
    let (status, body) = load::post(addr, "/v1/batch", &huge).unwrap();
    assert_eq!(status, 413, "{body}");
    let (status, _) = request(addr, "GET", "/v1/batch", "").unwrap();
    assert_eq!(status, 405);
    let (status, _) = request(addr, "GET", "/elsewhere", "").unwrap();
    assert_eq!(status, 404);
    let (_, body) = request(addr, "GET", "/v1/events", "").unwrap();
    assert_eq!(json(&body)["total"], 0, "nothing refused was stored");
    collector.stop();
}

#[test]
fn cors_answers_only_the_configured_site() {
    let collector = start(&database("cors"));
    let addr = collector.addr();
    let preflight = |origin: &str| {
        raw(
            addr,
            &format!("OPTIONS /v1/batch HTTP/1.1\r\nHost: {addr}\r\nOrigin: {origin}\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\nConnection: close\r\n\r\n"),
        )
    };
    let allowed = preflight(SITE);
    assert!(allowed.starts_with("HTTP/1.1 204"), "{allowed}");
    assert!(
        allowed.contains(&format!("Access-Control-Allow-Origin: {SITE}")),
        "{allowed}"
    );
    assert!(
        allowed.contains("Access-Control-Allow-Headers: Content-Type"),
        "{allowed}"
    );
    let other = preflight("https://evil.example");
    assert!(!other.contains("Access-Control-Allow-Origin"), "{other}");

    let body = batch(&["c1"]);
    let post = raw(
        addr,
        &format!("POST /v1/batch HTTP/1.1\r\nHost: {addr}\r\nOrigin: {SITE}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()),
    );
    assert!(
        post.starts_with("HTTP/1.1 200")
            && post.contains(&format!("Access-Control-Allow-Origin: {SITE}")),
        "{post}"
    );
    collector.stop();
}

#[test]
fn a_load_of_concurrent_batches_loses_nothing() {
    let collector = start(&database("load"));
    let load = Load {
        target: collector.addr(),
        events: 2_000,
        batch: 20,
        concurrency: 20,
    };
    let report = load::run(&load, "test");
    assert_eq!(
        (report.sent, report.stored, report.failed),
        (2_000, 2_000, 0)
    );
    let again = load::run(&load, "test");
    assert_eq!(
        again.stored, 0,
        "the same messageIds again are all duplicates"
    );
    let (_, body) = request(collector.addr(), "GET", "/v1/events?limit=1", "").unwrap();
    assert_eq!(json(&body)["total"], 2_000);
    collector.stop();
}
