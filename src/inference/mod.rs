//! The moment model in the browser: `MomentEngine` decides, from a `SignalCollector`'s
//! snapshot, with `augenblick_core::inference`.

#[cfg(feature = "bench")]
mod bench;
mod engine;
mod typescript;

pub use engine::MomentEngine;
