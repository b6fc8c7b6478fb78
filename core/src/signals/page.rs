//! Page content as the inference sees it ([`PageSignals`]), made from what a builder read
//! ([`RawPage`], `raw.rs`).

use super::cues::Cues;
use super::jsonld::{self, JsonLdProblem};
use super::raw::{element_text, limits, RawPage};
use super::terms::{term_hashes, TermField};
use super::text::{collapse_whitespace, cut_utf16, fold, truncate_chars};
use super::url::{search_query, ParsedUrl, ReferrerClass, Utm};

/// What was left out while reading the page, so a privacy team or a developer can see that
/// the extraction was bounded rather than complete.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Skipped {
    /// A builder stopped at one of its element or text limits.
    pub reading_limit_reached: bool,
    /// Reading the page failed part-way (page scripts broke DOM methods); the page
    /// signals are then empty but for the URL.
    pub reading_failed: bool,
    /// The body text was cut at [`limits::TEXT_CHARS`].
    pub text_truncated: bool,
    /// JSON-LD blocks that were not valid JSON (types found before the error are kept).
    pub json_ld_malformed: u16,
    /// JSON-LD blocks over the size limit, not read.
    pub json_ld_too_large: u16,
    /// Headings, schema types or JSON-LD blocks beyond their limits.
    pub items_over_limit: u16,
}

/// A heading of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1, 2 or 3.
    pub level: u8,
    /// Its text.
    pub text: String,
}

/// Page signals, as the inference sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSignals {
    /// URL path.
    pub path: String,
    /// URL query, without `?`.
    pub query: String,
    /// The site-search query, if the URL has one.
    pub search_query: Option<String>,
    /// Campaign parameters.
    pub utm: Utm,
    /// Where the visitor came from.
    pub referrer: ReferrerClass,
    /// The page's declared language (`<html lang>`), lowercased.
    pub language: Option<String>,
    /// The title.
    pub title: String,
    /// `<meta name="description">`.
    pub description: Option<String>,
    /// `<meta property="og:type">`, lowercased.
    pub og_type: Option<String>,
    /// `h1`–`h3`.
    pub headings: Vec<Heading>,
    /// schema.org types from JSON-LD and microdata, distinct, in order of appearance.
    pub schema_types: Vec<String>,
    /// Content cues.
    pub cues: Cues,
    /// The words of the title, description, body text and URL path, as sorted distinct
    /// feature hashes for the moment model (see `terms.rs`); the text itself is not kept.
    pub terms: Vec<u32>,
    /// What was left out.
    pub skipped: Skipped,
}

impl PageSignals {
    /// Builds the page signals from what a builder read. `search_params` are the query
    /// parameters that carry a site search.
    pub fn from_raw(raw: &RawPage, search_params: &[String]) -> Self {
        let mut skipped = Skipped {
            reading_limit_reached: raw.truncated,
            reading_failed: raw.failed,
            ..Skipped::default()
        };
        let url = ParsedUrl::parse(cut_utf16(&raw.url, limits::URL_RAW_UNITS));
        let utm = Utm::of(&url);
        let referrer = cut_utf16(&raw.referrer, limits::URL_RAW_UNITS);
        let referrer = ReferrerClass::classify(referrer, &url.host, utm.medium.as_deref());

        let meta = |key: &str| {
            raw.meta
                .iter()
                .find(|(name, content)| {
                    name.eq_ignore_ascii_case(key) && !content.trim().is_empty()
                })
                .map(|(_, content)| content.as_str())
        };
        let description =
            meta("description").map(|d| collapse_whitespace(d, limits::DESCRIPTION_CHARS).0);
        let og_type = meta("og:type").map(|t| collapse_whitespace(t, 60).0.to_ascii_lowercase());

        if raw.headings.len() > limits::HEADINGS {
            skipped.items_over_limit += 1;
        }
        let headings = raw
            .headings
            .iter()
            .filter(|(level, _)| (1..=3).contains(level))
            .map(|(level, text)| Heading {
                level: *level,
                text: element_text(text),
            })
            .filter(|heading| !heading.text.is_empty())
            .take(limits::HEADINGS)
            .collect();

        let schema_types = schema_types(raw, &mut skipped);
        let (text, text_truncated) = collapse_whitespace(&raw.text, limits::TEXT_CHARS);
        skipped.text_truncated = text_truncated;
        let lang = raw.lang.trim();
        let title = collapse_whitespace(&raw.title, limits::TITLE_CHARS).0;
        // Folded once: the words and the cues both match on folded text.
        let folded_text = fold(&text);
        let terms = term_hashes(&[
            (TermField::Text, &fold(&title)),
            (
                TermField::Text,
                &fold(description.as_deref().unwrap_or_default()),
            ),
            (TermField::Text, &folded_text),
            (TermField::Path, &fold(&url.path)),
        ]);

        PageSignals {
            path: url.path.clone(),
            query: url.query.clone(),
            search_query: search_query(&url, search_params),
            referrer,
            utm,
            language: (!lang.is_empty()).then(|| truncate_chars(lang, 35).to_ascii_lowercase()),
            title,
            description,
            og_type,
            headings,
            cues: Cues::detect(raw, &folded_text, &schema_types),
            schema_types,
            terms,
            skipped,
        }
    }
}

fn schema_types(raw: &RawPage, skipped: &mut Skipped) -> Vec<String> {
    let mut found = Vec::new();
    if raw.json_ld.len() > limits::JSON_LD_BLOCKS {
        skipped.items_over_limit += 1;
    }
    for block in raw.json_ld.iter().take(limits::JSON_LD_BLOCKS) {
        match jsonld::collect_types(block, &mut found) {
            Ok(()) => {}
            Err(JsonLdProblem::Malformed) => skipped.json_ld_malformed += 1,
            Err(JsonLdProblem::TooLarge) => skipped.json_ld_too_large += 1,
        }
    }
    found.extend(
        raw.itemtypes
            .iter()
            .flat_map(|itemtype| itemtype.split_ascii_whitespace())
            .map(str::to_owned),
    );

    let mut types: Vec<String> = Vec::new();
    for name in found.iter().map(|t| jsonld::schema_type_name(t)) {
        if name.is_empty() || types.iter().any(|t| t == name) {
            continue;
        }
        if types.len() == limits::SCHEMA_TYPES {
            skipped.items_over_limit += 1;
            break;
        }
        types.push(truncate_chars(name, 60));
    }
    types
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::url::DEFAULT_SEARCH_PARAMS;

    fn defaults() -> Vec<String> {
        DEFAULT_SEARCH_PARAMS
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    #[test]
    fn reads_head_fields_and_url() {
        let raw = RawPage {
            url: "https://pizza.de/suche?suche=calzone&utm_source=nl&utm_medium=email".into(),
            referrer: "".into(),
            lang: "de-DE".into(),
            title: "  Calzone \n Rezept ".into(),
            meta: vec![
                ("description".into(), "Die beste\nCalzone.".into()),
                ("og:type".into(), "Article".into()),
            ],
            headings: vec![
                (1, "Calzone".into()),
                (2, " ".into()),
                (3, "Zutaten".into()),
            ],
            ..RawPage::default()
        };
        let page = PageSignals::from_raw(&raw, &defaults());
        assert_eq!(page.path, "/suche");
        assert_eq!(page.search_query.as_deref(), Some("calzone"));
        assert_eq!(page.referrer, ReferrerClass::Email);
        assert_eq!(page.language.as_deref(), Some("de-de"));
        assert_eq!(page.title, "Calzone Rezept");
        assert_eq!(page.description.as_deref(), Some("Die beste Calzone."));
        assert_eq!(page.og_type.as_deref(), Some("article"));
        let texts: Vec<_> = page
            .headings
            .iter()
            .map(|h| (h.level, h.text.as_str()))
            .collect();
        assert_eq!(texts, [(1, "Calzone"), (3, "Zutaten")]);
    }

    #[test]
    fn schema_types_from_json_ld_and_microdata_are_distinct_and_named() {
        let raw = RawPage {
            json_ld: vec![
                r#"{"@graph":[{"@type":"Recipe"},{"@type":"https://schema.org/Person"}]}"#.into(),
                "{ not json".into(),
                r#"{"@type":["Recipe","VideoObject"]}"#.into(),
            ],
            itemtypes: vec!["http://schema.org/Product  https://schema.org/Offer".into()],
            ..RawPage::default()
        };
        let page = PageSignals::from_raw(&raw, &defaults());
        assert_eq!(
            page.schema_types,
            ["Recipe", "Person", "VideoObject", "Product", "Offer"]
        );
        assert_eq!(page.skipped.json_ld_malformed, 1);
    }

    #[test]
    fn limits_are_applied_and_reported() {
        let raw = RawPage {
            headings: (0..100).map(|i| (2, i.to_string())).collect(),
            itemtypes: (0..100)
                .map(|i| format!("https://schema.org/T{i}"))
                .collect(),
            text: "wort ".repeat(20_000),
            truncated: true,
            ..RawPage::default()
        };
        let page = PageSignals::from_raw(&raw, &defaults());
        assert_eq!(page.headings.len(), limits::HEADINGS);
        assert_eq!(page.schema_types.len(), limits::SCHEMA_TYPES);
        assert!(page.skipped.text_truncated);
        assert!(page.skipped.reading_limit_reached);
        assert_eq!(page.skipped.items_over_limit, 2);
    }
}
