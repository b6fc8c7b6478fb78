//! Access to `../shared` (oracles and corpus), which CI places beside the clone.
//! `AUGENBLICK_SHARED` points elsewhere.

use std::io::Read;
use std::path::PathBuf;

/// The shared folder; panics with a clear message when it is missing, because the oracle
/// tests must not pass by reading nothing.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("AUGENBLICK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    assert!(
        dir.join("oracles").is_dir(),
        "shared data not found at {} (set AUGENBLICK_SHARED)",
        dir.display()
    );
    dir
}

/// A file of the shared folder as text, gunzipped if its name ends in `.gz`.
pub fn read_shared(relative: &str) -> String {
    let path = shared_dir().join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if relative.ends_with(".gz") {
        let mut text = String::new();
        flate2::read::GzDecoder::new(&bytes[..])
            .read_to_string(&mut text)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        text
    } else {
        String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}
