//! The browser layer of Augenblick: a thin wasm-bindgen binding between web APIs and
//! [`augenblick_core`], which decides everything.
//!
//! Everything here that touches JavaScript exists only on `wasm32`; on other targets the
//! crate is an empty shell around the core, so `cargo test` on the workspace stays native.
//!
//! Rules for this layer: no panic may reach JavaScript (under `panic = "abort"` it kills the
//! module for the rest of the page), so fallible paths return `Result` and errors cross the
//! boundary as real `Error` objects with a stable `name` (see `error.rs`).

pub use augenblick_core as core;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
mod error;
#[cfg(target_arch = "wasm32")]
mod inference;
#[cfg(target_arch = "wasm32")]
mod json;
#[cfg(target_arch = "wasm32")]
mod runtime;
#[cfg(target_arch = "wasm32")]
mod signals;
#[cfg(target_arch = "wasm32")]
mod version;

#[cfg(target_arch = "wasm32")]
pub use inference::MomentEngine;
#[cfg(target_arch = "wasm32")]
pub use runtime::Runtime;
#[cfg(target_arch = "wasm32")]
pub use signals::SignalCollector;
#[cfg(target_arch = "wasm32")]
pub use version::version;
