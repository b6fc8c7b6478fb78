use wasm_bindgen::prelude::*;

/// The version of the Augenblick package, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
