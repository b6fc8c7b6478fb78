//! The decision core of Augenblick: everything that decides, in plain Rust.
//!
//! This crate has no browser dependency and does no I/O: the `augenblick` crate reads the
//! page and web APIs, hands plain values to this core, and applies what it returns. That is
//! why every decision can be tested natively with `cargo test`.
//!
//! ```
//! use augenblick_core::MomentKind;
//!
//! let kind: MomentKind = " Buy ".parse()?;
//! assert_eq!(kind, MomentKind::Buy);
//! assert_eq!(kind.as_str(), "buy");
//!
//! let err = "shop".parse::<MomentKind>().unwrap_err();
//! assert_eq!(err.name(), "UnknownMomentKindError");
//! # Ok::<(), augenblick_core::Error>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod consent;
mod error;
pub mod events;
pub mod inference;
pub mod json;
mod moment;
mod options;
mod read;
pub mod signals;
pub mod slots;
pub mod store;

pub use consent::Consent;
pub use error::{decimal, Error};
pub use moment::MomentKind;
pub use options::InitOptions;
