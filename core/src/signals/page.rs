//! Page content: what both builders read from a document ([`RawPage`]) and what the core
//! makes of it ([`PageSignals`]).
//!
//! The browser builder (the `augenblick` crate, from the live DOM) and the native builder
//! (`tools/corpus`, from an HTML file) fill the same [`RawPage`] by the same rules, written
//! down on each field, and everything after that is this module's. That is what lets the
//! parity test expect identical signals from both.

use super::cues::Cues;
use super::jsonld::{self, JsonLdProblem};
use super::terms::{term_hashes, TermField};
use super::text::{collapse_whitespace, cut_utf16, fold, truncate_chars};
use super::url::{search_query, ParsedUrl, ReferrerClass, Utm};

/// Bounds on what a builder reads, so a hostile or enormous page costs a bounded time.
/// Both builders stop at the same limits (the parity test holds them to it); the core then
/// keeps fewer of some (headings, schema types, JSON-LD blocks, text) and reports the rest.
pub mod limits {
    /// Characters of visible body text kept.
    pub const TEXT_CHARS: usize = 30_000;
    /// Text nodes read for the body text.
    pub const TEXT_NODES: usize = 10_000;
    /// UTF-16 code units of raw body text (before whitespace is collapsed) after which
    /// builders stop reading text nodes.
    pub const TEXT_RAW_UNITS: usize = 4 * TEXT_CHARS;
    /// Elements of each kind read (links, buttons, lists, …).
    pub const ELEMENTS_PER_KIND: usize = 2_000;
    /// Characters of a single element's text kept (a link's text, a heading).
    pub const ELEMENT_TEXT_CHARS: usize = 200;
    /// UTF-16 code units of an element's raw text or of an attribute value that builders
    /// pass on (before whitespace is collapsed); a surrogate pair is never split.
    pub const ELEMENT_RAW_UNITS: usize = 400;
    /// UTF-16 code units of the page URL and of the referrer that are read.
    pub const URL_RAW_UNITS: usize = 2_048;
    /// UTF-16 code units of a JSON-LD block builders pass on: more than the core reads
    /// ([`crate::signals::MAX_JSON_LD_BYTES`]) by a surrogate pair, so a longer block is
    /// still seen as too large even where the cut lands just before a pair.
    pub const JSON_LD_RAW_UNITS: usize = crate::signals::MAX_JSON_LD_BYTES + 2;
    /// `h1`–`h3` headings kept.
    pub const HEADINGS: usize = 40;
    /// Characters of the title kept.
    pub const TITLE_CHARS: usize = 300;
    /// Characters of the meta description kept.
    pub const DESCRIPTION_CHARS: usize = 500;
    /// JSON-LD blocks read.
    pub const JSON_LD_BLOCKS: usize = 32;
    /// Distinct schema.org types kept.
    pub const SCHEMA_TYPES: usize = 24;
}

/// Consent dialogs of the common consent-management platforms (Cookiebot, OneTrust,
/// Usercentrics, Didomi, Quantcast, Sourcepoint, TrustArc, consentmanager, Borlabs,
/// CookieYes, iubenda, Osano, Cookie Script, Google's, Klaro) and elements whose `id` says
/// they are a cookie banner. Neither builder reads them: they are not what the page is
/// about, and a dialog that lists hundreds of ad vendors would fill the text budget before
/// the page's own text (a classified-ads page of the corpus was read as 30,000 characters
/// of Cookiebot). Ids only, except for CMPs without one: a class such as "cookie-consent"
/// may sit on `<body>` while the banner shows. (In a quirks-mode document a browser matches
/// `#id` and `.class` ignoring case, the native reader never does: a page without a doctype
/// whose dialog's id differs in case from these is read differently.)
pub const CONSENT_DIALOGS: &str = "#CybotCookiebotDialog, #onetrust-consent-sdk, \
#usercentrics-root, #didomi-host, .qc-cmp2-container, [id^=sp_message_container], \
#truste-consent-track, #cmpbox, #BorlabsCookieBox, #cookie-law-info-bar, \
.cky-consent-container, #iubenda-cs-banner, .cc-window, #cookiescript_injected, \
.fc-consent-root, #klaro, [id*=cookie-banner i], [id*=cookie-notice i], \
[id*=cookie-consent i], [id*=cookiebanner i], [id*=cookienotice i], [id*=cookieconsent i]";

/// A link: `<a href>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawLink {
    /// The `href` attribute as written (not resolved).
    pub href: String,
    /// Its text.
    pub text: String,
}

/// A control: `button`, `input[type=submit|button]` or `[role=button]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawButton {
    /// Its text.
    pub text: String,
    /// Its `value` attribute.
    pub value: String,
    /// Its `aria-label` attribute.
    pub aria_label: String,
}

impl RawButton {
    /// What the control says: its text, or else its value, or else its ARIA label.
    pub fn label(&self) -> &str {
        [&self.text, &self.value, &self.aria_label]
            .into_iter()
            .find(|label| !label.trim().is_empty())
            .map_or("", |label| label.as_str())
    }
}

/// A list: `<ul>` or `<ol>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawList {
    /// The words that say what the list is: its own `class` and `id`, its parent's `class`
    /// and `id`, and the text of its previous sibling element when that is a heading
    /// (`h1`–`h6`), each that exists, joined by spaces.
    pub label: String,
    /// Its `li` children.
    pub items: u32,
}

/// What a builder reads from a document, by the same rules in the browser and natively.
///
/// Every element "text" is its `textContent` and every attribute value is as written, each
/// cut to [`limits::ELEMENT_RAW_UNITS`] ([`cut_utf16`]) and otherwise raw: the core
/// collapses whitespace, so both builders need no whitespace rules of their own. (Attribute
/// values that are only compared, `type` and `role`, are compared uncut.) Every list of elements is in document order and stops at
/// [`limits::ELEMENTS_PER_KIND`] (setting `truncated`). Elements inside `<template>` are
/// not part of the document. Attribute values compared with a keyword (`type`, `role`)
/// match ignoring ASCII case and surrounding ASCII whitespace only. Elements marked
/// `data-augenblick-ignore`, and everything in them, are not read (the site's own chrome, a
/// debug panel), nor are consent dialogs ([`CONSENT_DIALOGS`]); nor, in the browser, are
/// slots showing a variant (`data-augenblick-variant` other than `default`): the page is
/// read as the site wrote it, not as the SDK personalized it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawPage {
    /// The page's absolute URL.
    pub url: String,
    /// `document.referrer` (empty when there is none).
    pub referrer: String,
    /// The `lang` attribute of `<html>`.
    pub lang: String,
    /// `document.title`: the text of the first HTML (not SVG) `<title>`, with ASCII
    /// whitespace collapsed, cut.
    pub title: String,
    /// `<meta>` elements with a `content`: (non-empty `name`, or else `property`; content).
    pub meta: Vec<(String, String)>,
    /// `h1`, `h2`, `h3` as (level, text).
    pub headings: Vec<(u8, String)>,
    /// The text of each `<script type="application/ld+json">`, cut to
    /// [`limits::JSON_LD_RAW_UNITS`]; at most [`limits::JSON_LD_BLOCKS`] + 1 of them (one
    /// more than the core reads, so it can report that there were more).
    pub json_ld: Vec<String>,
    /// The `itemtype` attribute of each element that has one.
    pub itemtypes: Vec<String>,
    /// `<a href>` elements.
    pub links: Vec<RawLink>,
    /// Each `button`, `input` whose `type` is `submit` or `button`, and other element whose
    /// `role` is `button`.
    pub buttons: Vec<RawButton>,
    /// The `src` of each `<iframe>`.
    pub frames: Vec<String>,
    /// Number of `<video>` elements.
    pub videos: u32,
    /// Number of `<address>` elements.
    pub addresses: u32,
    /// `ul` and `ol` elements.
    pub lists: Vec<RawList>,
    /// The body's text: the data of its text nodes in document order, except those whose
    /// parent element is a `script`, `style`, `noscript` or `template`, each preceded by a
    /// space, each cut to what is left of [`limits::TEXT_RAW_UNITS`]. Reading stops before a
    /// node once [`limits::TEXT_NODES`] nodes or that many UTF-16 code units have been read.
    pub text: String,
    /// The builder stopped early somewhere (a per-kind or text-node limit).
    pub truncated: bool,
    /// Reading threw part-way (page scripts that break DOM methods or JSON); nothing else is
    /// set.
    pub failed: bool,
}

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

/// An element's text as the signals keep it: whitespace collapsed, cut.
pub(crate) fn element_text(raw: &str) -> String {
    collapse_whitespace(raw, limits::ELEMENT_TEXT_CHARS).0
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
