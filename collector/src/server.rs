//! The HTTP side: `POST /v1/batch`, `POST /v1/track`, `GET /v1/events`, CORS for the
//! configured site origins.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use serde_json::json;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::events::{self, Refusal, MAX_BATCH_BYTES};
use crate::store::Store;

/// How the collector runs.
pub struct Config {
    /// Where to listen, e.g. `127.0.0.1:8787` (port 0: any free port).
    pub addr: String,
    /// The site origins allowed to send from a browser (`http://127.0.0.1:8080`; a port of
    /// `*` allows any port of that host).
    pub origins: Vec<String>,
    /// Threads answering requests.
    pub threads: usize,
}

/// A running collector.
pub struct Collector {
    server: Arc<Server>,
    workers: Vec<JoinHandle<()>>,
}

impl Collector {
    /// Starts answering on `config.addr` with events stored in `store`.
    pub fn start(config: Config, store: Store) -> Result<Collector, String> {
        let server = Arc::new(
            Server::http(&config.addr)
                .map_err(|e| format!("cannot listen on {}: {e}", config.addr))?,
        );
        let store = Arc::new(store);
        let origins = Arc::new(config.origins);
        let workers = (0..config.threads.max(1))
            .map(|_| {
                let (server, store, origins) = (
                    Arc::clone(&server),
                    Arc::clone(&store),
                    Arc::clone(&origins),
                );
                std::thread::spawn(move || {
                    while let Ok(request) = server.recv() {
                        handle(request, &store, &origins);
                    }
                })
            })
            .collect();
        Ok(Collector { server, workers })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.server.server_addr().to_ip().expect("an IP listener")
    }

    /// Answers until the process ends.
    pub fn wait(self) {
        for worker in self.workers {
            let _ = worker.join();
        }
    }

    /// Stops answering, after the requests in progress.
    pub fn stop(self) {
        for _ in &self.workers {
            self.server.unblock();
        }
        self.wait();
    }
}

fn handle(mut request: Request, store: &Store, origins: &[String]) {
    let origin = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Origin"))
        .map(|h| h.value.as_str().to_owned())
        .filter(|origin| {
            origins
                .iter()
                .any(|allowed| origin_matches(allowed, origin))
        });
    let path = request.url().split('?').next().unwrap_or("").to_owned();
    let (status, body) = match (request.method(), path.as_str()) {
        (Method::Options, _) => (204, None),
        (Method::Post, "/v1/batch" | "/v1/track") => match read_body(&mut request) {
            Err(refusal) => refused(refusal),
            Ok(bytes) => {
                let events = if path == "/v1/batch" {
                    events::read_batch(&bytes)
                } else {
                    events::read_track(&bytes).map(|event| vec![event])
                };
                match events {
                    Err(refusal) => refused(refusal),
                    Ok(events) => match store.insert(&events) {
                        Ok(stored) => (
                            200,
                            Some(
                                json!({ "success": true, "stored": stored.stored, "duplicates": stored.duplicates }),
                            ),
                        ),
                        Err(e) => (
                            500,
                            Some(json!({ "success": false, "error": format!("storage: {e}") })),
                        ),
                    },
                }
            }
        },
        (Method::Get, "/v1/events") => {
            let limit = request
                .url()
                .split_once("limit=")
                .and_then(|(_, rest)| rest.split('&').next()?.parse().ok())
                .unwrap_or(100_000);
            match store.list(limit) {
                Ok((events, total)) => (200, Some(json!({ "events": events, "total": total }))),
                Err(e) => (
                    500,
                    Some(json!({ "success": false, "error": format!("storage: {e}") })),
                ),
            }
        }
        (_, "/v1/batch" | "/v1/track" | "/v1/events") => (
            405,
            Some(json!({ "success": false, "error": "method not allowed" })),
        ),
        _ => (404, Some(json!({ "success": false, "error": "not found" }))),
    };
    let mut response = match body {
        Some(body) => Response::from_string(body.to_string())
            .with_header(header("Content-Type", "application/json")),
        None => Response::from_string(String::new()),
    }
    .with_status_code(status);
    if let Some(origin) = origin {
        for (name, value) in [
            ("Access-Control-Allow-Origin", origin.as_str()),
            ("Access-Control-Allow-Methods", "POST, GET, OPTIONS"),
            (
                "Access-Control-Allow-Headers",
                "Content-Type, Authorization",
            ),
            ("Access-Control-Max-Age", "600"),
            ("Vary", "Origin"),
        ] {
            response.add_header(header(name, value));
        }
    }
    let _ = request.respond(response);
}

/// Whether `origin` is `allowed`, where an allowed origin ending in `:*` stands for any
/// port of its host (`http://127.0.0.1:*`, for a local demo on a port chosen at start).
fn origin_matches(allowed: &str, origin: &str) -> bool {
    match allowed.strip_suffix(":*") {
        Some(host) => origin
            .strip_prefix(host)
            .and_then(|rest| rest.strip_prefix(':'))
            .is_some_and(|port| !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())),
        None => allowed == origin,
    }
}

fn refused(refusal: Refusal) -> (u16, Option<serde_json::Value>) {
    (
        refusal.status,
        Some(json!({ "success": false, "error": refusal.message })),
    )
}

/// The body, read up to one byte past the batch limit (so a larger one is a 413 without
/// reading it all).
fn read_body(request: &mut Request) -> Result<Vec<u8>, Refusal> {
    let mut body = Vec::new();
    request
        .as_reader()
        .take(MAX_BATCH_BYTES as u64 + 1)
        .read_to_end(&mut body)
        .map_err(|e| Refusal {
            status: 400,
            message: format!("the body could not be read: {e}"),
        })?;
    if body.len() > MAX_BATCH_BYTES {
        return Err(Refusal {
            status: 413,
            message: format!(
                "the body is over {MAX_BATCH_BYTES} bytes: a batch may have at most that"
            ),
        });
    }
    Ok(body)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

#[cfg(test)]
mod tests {
    use super::origin_matches;

    #[test]
    fn origins_match_exactly_or_on_any_port() {
        assert!(origin_matches(
            "https://shop.example",
            "https://shop.example"
        ));
        assert!(!origin_matches(
            "https://shop.example",
            "https://shop.example.evil"
        ));
        assert!(origin_matches(
            "http://127.0.0.1:*",
            "http://127.0.0.1:8080"
        ));
        assert!(!origin_matches(
            "http://127.0.0.1:*",
            "http://127.0.0.1:8080.evil"
        ));
        assert!(!origin_matches("http://127.0.0.1:*", "http://127.0.0.1"));
        assert!(!origin_matches(
            "http://127.0.0.1:*",
            "http://127.0.0.10:80"
        ));
    }
}
