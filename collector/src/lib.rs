//! `augenblick-collector`: a reference receiver for Augenblick's events. It speaks the
//! Segment HTTP Tracking API v1 (`POST /v1/batch`, `POST /v1/track`), stores events in
//! SQLite with `messageId` unique, and lists them (`GET /v1/events`). A site that outgrows
//! it points the SDK's endpoint at Segment, RudderStack or Jitsu, which speak the same API.
#![cfg(not(target_arch = "wasm32"))]

pub mod events;
pub mod load;
pub mod server;
pub mod store;
