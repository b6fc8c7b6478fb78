//! What both builders read from a document ([`RawPage`]), by the same rules.
//!
//! The browser builder (the `augenblick` crate, from the live DOM) and the native builder
//! (`tools/corpus`, from an HTML file) fill the same [`RawPage`] by the same rules, written
//! down on each field, and everything after that is the core's (`page.rs`). That is what
//! lets the parity test expect identical signals from both.

use super::text::collapse_whitespace;

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
/// cut to [`limits::ELEMENT_RAW_UNITS`] ([`cut_utf16`](super::text::cut_utf16)) and otherwise raw: the core
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

/// An element's text as the signals keep it: whitespace collapsed, cut.
pub(crate) fn element_text(raw: &str) -> String {
    collapse_whitespace(raw, limits::ELEMENT_TEXT_CHARS).0
}
