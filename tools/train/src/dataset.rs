//! Corpus pages as training examples: the page's features, read once from the full page
//! and once from its text alone (JSON-LD, microdata and `og:` meta removed).

use std::collections::HashMap;
use std::path::Path;

use augenblick_core::inference::for_each_named_feature;
use augenblick_core::signals::{
    feature_hash, for_each_term, PageSignals, RawPage, SignalConfig, TermField,
};
use augenblick_core::MomentKind;
use augenblick_corpus::{decode_html, read_page, Corpus, CorpusError, LabelConfidence};

/// A page's features: (feature hash, value), sorted by hash.
pub type Features = Vec<(u32, f32)>;

/// One labelled page.
#[derive(Debug, Clone)]
pub struct Example {
    /// The corpus id.
    pub id: u64,
    /// The site it comes from (its host, or its file for pages without an address), so that
    /// no site is on both sides of a split.
    pub site: String,
    /// The label.
    pub label: MomentKind,
    /// Its language code.
    pub language: String,
    /// Reviewed (high or medium confidence), so used for evaluation.
    pub reviewed: bool,
    /// The page as published, as the SDK reads it.
    pub page: PageSignals,
    /// Its text only.
    pub text_only_page: PageSignals,
    /// Features of the page as published.
    pub full: Features,
    /// Features of its text only.
    pub text_only: Features,
}

/// Every example of a corpus and the names of the features they have.
pub struct Dataset {
    /// In corpus order.
    pub examples: Vec<Example>,
    /// Feature names by hash.
    pub names: HashMap<u32, String>,
}

/// A read page and the names of its features.
type Loaded = Result<(Example, Vec<(u32, String)>), CorpusError>;

/// How a page is changed before it is read, for robustness checks (see `era.rs`).
pub type HtmlTransform = fn(&str) -> String;

impl Dataset {
    /// Reads every page of the corpus at `dir`, each changed by `transform` first.
    pub fn load(dir: &Path, transform: Option<HtmlTransform>) -> Result<Dataset, CorpusError> {
        let corpus = Corpus::open(dir)?;
        let pages: Vec<_> = corpus.pages.iter().collect();
        // Parsing HTML dominates: one worker per core.
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
        let chunk = pages.len().div_ceil(workers).max(1);
        let results: Vec<Loaded> = std::thread::scope(|scope| {
            let handles: Vec<_> = pages
                .chunks(chunk)
                .map(|chunk| {
                    let corpus = &corpus;
                    scope.spawn(move || {
                        chunk
                            .iter()
                            .map(|page| {
                                let bytes = corpus.read_bytes(page)?;
                                let html = decode_html(&bytes).html;
                                let html = match transform {
                                    Some(transform) => transform(&html),
                                    None => html,
                                };
                                let raw = read_page(&html, &page.address(), "");
                                let (page_signals, full, full_names) = page_features(&raw);
                                let (text_only_page, text_only, text_names) =
                                    page_features(&text_only(raw));
                                let example = Example {
                                    id: page.id,
                                    site: site_of(page.url.as_deref(), &page.file),
                                    label: page.label,
                                    language: page.language.clone(),
                                    reviewed: page.confidence != LabelConfidence::Source,
                                    page: page_signals,
                                    text_only_page,
                                    full,
                                    text_only,
                                };
                                Ok((example, [full_names, text_names].concat()))
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a corpus worker panicked"))
                .collect()
        });
        let mut examples = Vec::new();
        let mut names = HashMap::new();
        for result in results {
            let (example, page_names) = result?;
            examples.push(example);
            names.extend(page_names);
        }
        Ok(Dataset { examples, names })
    }
}

/// The page without its structured data: no JSON-LD, no microdata, no `og:` meta.
pub fn text_only(mut raw: RawPage) -> RawPage {
    raw.json_ld.clear();
    raw.itemtypes.clear();
    raw.meta
        .retain(|(key, _)| !key.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("og:")));
    raw
}

/// The page signals and features the SDK computes for a page, and the names behind the
/// feature hashes.
pub fn page_features(raw: &RawPage) -> (PageSignals, Features, Vec<(u32, String)>) {
    let config = SignalConfig::default();
    let page = PageSignals::from_raw(raw, &config.search_params);
    let mut features: Features = page.terms.iter().map(|&hash| (hash, 1.0)).collect();
    let mut names = Vec::new();
    for_each_named_feature(&page, |prefix, name, value| {
        let hash = feature_hash(&[prefix, name]);
        features.push((hash, value));
        names.push((hash, [prefix, name].concat()));
    });
    features.sort_by_key(|(hash, _)| *hash);
    features.dedup_by_key(|(hash, _)| *hash);

    // The words behind the term hashes: every field the terms are taken from, tokenized
    // whole (a superset of what the page keeps, which is enough to name them).
    let mut name_terms = |field: TermField, text: &str| {
        for_each_term(text, |term| {
            names.push((
                feature_hash(&[field.prefix(), term]),
                [field.prefix(), term].concat(),
            ))
        });
    };
    name_terms(TermField::Text, &raw.title);
    name_terms(TermField::Text, &raw.text);
    for (_, content) in &raw.meta {
        name_terms(TermField::Text, content);
    }
    name_terms(TermField::Path, &raw.url);
    names.retain(|(hash, _)| features.binary_search_by_key(hash, |(h, _)| *h).is_ok());
    (page, features, names)
}

/// The site of a page: the host of its address, without `www.`.
fn site_of(url: Option<&str>, file: &str) -> String {
    let host = url
        .and_then(|u| u.split_once("://"))
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .filter(|host| !host.is_empty());
    match host {
        Some(host) => host.trim_start_matches("www.").to_ascii_lowercase(),
        None => ["file:", file].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites_are_hosts_without_www() {
        assert_eq!(
            site_of(Some("https://www.ikea.com/de/p/1"), "x"),
            "ikea.com"
        );
        assert_eq!(
            site_of(Some("http://Shop.Example:8080?q"), "x"),
            "shop.example:8080"
        );
        assert_eq!(site_of(None, "pages/1.html"), "file:pages/1.html");
    }

    #[test]
    fn text_only_drops_structured_data() {
        let raw = RawPage {
            json_ld: vec!["{}".into()],
            itemtypes: vec!["https://schema.org/Product".into()],
            meta: vec![
                ("OG:type".into(), "product".into()),
                ("description".into(), "d".into()),
            ],
            ..RawPage::default()
        };
        let stripped = text_only(raw);
        assert!(stripped.json_ld.is_empty() && stripped.itemtypes.is_empty());
        assert_eq!(stripped.meta, [("description".to_owned(), "d".to_owned())]);
    }

    #[test]
    fn every_term_of_a_page_has_its_name() {
        let raw = RawPage {
            url: "https://a.example/rezepte/pizza".into(),
            title: "Pizza".into(),
            text: "Zutaten und Zubereitung".into(),
            ..RawPage::default()
        };
        let (_, features, names) = page_features(&raw);
        let named: std::collections::HashSet<u32> = names.iter().map(|(h, _)| *h).collect();
        assert!(features.iter().all(|(hash, _)| named.contains(hash)));
        assert!(names.iter().any(|(_, n)| n == "url:rezepte"));
        assert!(names.iter().any(|(_, n)| n == "word:zubereitung"));
    }
}
