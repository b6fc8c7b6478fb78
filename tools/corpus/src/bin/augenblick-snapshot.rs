//! Prints the page signals of corpus pages, one JSON object a line:
//!
//! ```text
//! augenblick-snapshot --corpus DIR [--ids 1,2,3]
//! ```
//!
//! Each line holds the page's `id`, `file`, the `url` it was read at, the `charset` its bytes
//! were decoded with and its `page` signals, exactly as `augenblick-core` computes them from
//! the native builder's reading.

use std::path::PathBuf;
use std::process::ExitCode;

use augenblick_core::json_object;
use augenblick_core::signals::{PageSignals, SignalConfig};
use augenblick_corpus::{decode_html, read_page, Corpus};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("augenblick-snapshot: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let mut corpus_dir = None;
    let mut ids: Option<Vec<u64>> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--corpus" => corpus_dir = args.next().map(PathBuf::from),
            "--ids" => {
                let list = args.next().ok_or("--ids needs a comma-separated list")?;
                let parsed = list.split(',').map(|id| id.trim().parse::<u64>());
                ids = Some(
                    parsed
                        .collect::<Result<_, _>>()
                        .map_err(|e| format!("--ids: {e}"))?,
                );
            }
            other => {
                return Err(format!(
                "unknown argument {other:?}; usage: augenblick-snapshot --corpus DIR [--ids 1,2,3]"
            ))
            }
        }
    }
    let corpus_dir = corpus_dir.ok_or("--corpus DIR is required")?;
    let corpus = Corpus::open(&corpus_dir).map_err(|e| e.to_string())?;
    let config = SignalConfig::default();
    for page in &corpus.pages {
        if ids.as_ref().is_some_and(|ids| !ids.contains(&page.id)) {
            continue;
        }
        let bytes = corpus.read_bytes(page).map_err(|e| e.to_string())?;
        let decoded = decode_html(&bytes);
        let url = page.address();
        let raw = read_page(&decoded.html, &url, "");
        let signals = PageSignals::from_raw(&raw, &config.search_params);
        let mut line = String::new();
        json_object!(&mut line,
            "id" => page.id,
            "file" => page.file,
            "url" => url,
            "charset" => decoded.charset,
            "page" => signals,
        );
        println!("{line}");
    }
    Ok(())
}
