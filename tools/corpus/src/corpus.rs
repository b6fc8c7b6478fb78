//! A labelled corpus in the format of `../shared/corpus`: `labels.jsonl` and the pages it
//! names (`.html` or `.html.gz`).

use std::io::Read;
use std::path::{Path, PathBuf};

use augenblick_core::MomentKind;
use serde::Deserialize;

/// How sure the labeller was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelConfidence {
    /// Reviewed, unambiguous.
    High,
    /// Reviewed, some doubt.
    Medium,
    /// Extra training pages labelled by their source, not reviewed page by page.
    Source,
}

/// One labelled page.
#[derive(Debug, Clone)]
pub struct CorpusPage {
    /// The corpus's id for the page.
    pub id: u64,
    /// Path relative to the corpus folder.
    pub file: String,
    /// The moment a visitor on the page is most likely in.
    pub label: MomentKind,
    /// Language code, e.g. "en", "de", "nl".
    pub language: String,
    /// How sure the label is.
    pub confidence: LabelConfidence,
    /// The page's original address, when known.
    pub url: Option<String>,
}

impl CorpusPage {
    /// The address the page is read at, serialised as a browser serialises
    /// `document.URL` (lowercase host, punycode, escaped path), so both builders see the
    /// same URL: its original one, or a stable made-up one under `corpus.invalid` (a
    /// reserved name that resolves nowhere).
    pub fn address(&self) -> String {
        let made_up = || ["https://corpus.invalid/", &self.file].concat();
        let original = self.url.as_deref().unwrap_or_default();
        match url::Url::parse(original) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => url.into(),
            _ => made_up(),
        }
    }
}

#[derive(Deserialize)]
struct LabelLine {
    id: u64,
    file: String,
    label: String,
    #[serde(default)]
    language: String,
    label_confidence: LabelConfidence,
    #[serde(default)]
    url: Option<String>,
}

/// What went wrong reading a corpus.
#[derive(Debug)]
pub struct CorpusError(pub String);

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CorpusError {}

/// A corpus folder and its labels.
pub struct Corpus {
    dir: PathBuf,
    /// Every labelled page, in file order.
    pub pages: Vec<CorpusPage>,
}

impl Corpus {
    /// Reads `DIR/labels.jsonl`. Every line must parse and name a known label.
    pub fn open(dir: &Path) -> Result<Self, CorpusError> {
        let labels_path = dir.join("labels.jsonl");
        let text = std::fs::read_to_string(&labels_path)
            .map_err(|e| CorpusError(format!("{}: {e}", labels_path.display())))?;
        let mut pages = Vec::new();
        for (number, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let at = || format!("{}:{}", labels_path.display(), number + 1);
            let entry: LabelLine =
                serde_json::from_str(line).map_err(|e| CorpusError(format!("{}: {e}", at())))?;
            let label = entry
                .label
                .parse::<MomentKind>()
                .map_err(|e| CorpusError(format!("{}: {}", at(), e.message())))?;
            pages.push(CorpusPage {
                id: entry.id,
                file: entry.file,
                label,
                language: entry.language,
                confidence: entry.label_confidence,
                url: entry.url.filter(|u| !u.is_empty()),
            });
        }
        Ok(Corpus {
            dir: dir.to_owned(),
            pages,
        })
    }

    /// The bytes of a page, gunzipped when its name ends in `.gz`.
    pub fn read_bytes(&self, page: &CorpusPage) -> Result<Vec<u8>, CorpusError> {
        let path = self.dir.join(&page.file);
        let fail = |e: std::io::Error| CorpusError(format!("{}: {e}", path.display()));
        let raw = std::fs::read(&path).map_err(fail)?;
        if page.file.ends_with(".gz") {
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(&raw[..])
                .read_to_end(&mut bytes)
                .map_err(fail)?;
            Ok(bytes)
        } else {
            Ok(raw)
        }
    }
}
