//! The native builder: an HTML document into a [`RawPage`], by the rules written on its
//! fields, which `src/js/browser.js` follows in the browser.

use std::sync::LazyLock;

use augenblick_core::signals::{
    cut_utf16, limits, RawButton, RawLink, RawList, RawPage, CONSENT_DIALOGS,
};
use scraper::{ElementRef, Html, Node, Selector};

/// `document.title` only looks at HTML `<title>`, not at SVG's.
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements whose text is not page text.
const NON_TEXT_ELEMENTS: [&str; 4] = ["script", "style", "noscript", "template"];

/// Reads a document the way the browser builder reads the live DOM.
pub fn read_page(html: &str, url: &str, referrer: &str) -> RawPage {
    let document = Html::parse_document(html);
    let root = document.root_element();
    let mut truncated = false;
    let mut page = RawPage {
        url: url.to_owned(),
        referrer: referrer.to_owned(),
        lang: attribute(root, "lang"),
        // `document.title` looks at every title, not within a per-kind limit.
        title: document
            .select(&selector("title"))
            .find(|title| &*title.value().name.ns == HTML_NAMESPACE && !in_template(**title))
            .map(|title| cut(&collapse_ascii_whitespace(&text_content(title))))
            .unwrap_or_default(),
        ..RawPage::default()
    };

    for meta in select(&document, "meta", &mut truncated) {
        let attrs = meta.value();
        let name = attrs.attr("name").filter(|name| !name.is_empty());
        let key = name.or_else(|| attrs.attr("property")).unwrap_or_default();
        if let (false, Some(content)) = (key.is_empty(), attrs.attr("content")) {
            page.meta.push((cut(key), cut(content)));
        }
    }
    for heading in select(&document, "h1, h2, h3", &mut truncated) {
        let level = heading.value().name().as_bytes()[1] - b'0';
        page.headings.push((level, element_text(heading)));
    }
    let json_ld_scripts = select(&document, "script", &mut truncated)
        .into_iter()
        .filter(|script| is_ascii_word(script.value().attr("type"), "application/ld+json"))
        .take(limits::JSON_LD_BLOCKS + 1);
    for script in json_ld_scripts {
        page.json_ld
            .push(cut_utf16(&text_content(script), limits::JSON_LD_RAW_UNITS).to_owned());
    }
    for item in select(&document, "[itemtype]", &mut truncated) {
        page.itemtypes.push(attribute(item, "itemtype"));
    }
    for link in select(&document, "a[href]", &mut truncated) {
        page.links.push(RawLink {
            href: attribute(link, "href"),
            text: element_text(link),
        });
    }
    for control in select(&document, "button, input, [role]", &mut truncated) {
        if is_button(control) {
            page.buttons.push(RawButton {
                text: element_text(control),
                value: attribute(control, "value"),
                aria_label: attribute(control, "aria-label"),
            });
        }
    }
    for frame in select(&document, "iframe", &mut truncated) {
        if let Some(src) = frame.value().attr("src") {
            page.frames.push(cut(src));
        }
    }
    page.videos = select(&document, "video", &mut truncated).len() as u32;
    page.addresses = select(&document, "address", &mut truncated).len() as u32;
    for list in select(&document, "ul, ol", &mut truncated) {
        let items = list
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|child| child.value().name() == "li")
            .count() as u32;
        page.lists.push(RawList {
            label: list_label(list),
            items,
        });
    }
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body");
    if let Some(body) = body {
        truncated |= body_text(body, &mut page.text);
    }
    page.truncated = truncated;
    page
}

/// Elements matching `selector` in document order, outside `<template>` (whose content is
/// not part of the document in a browser) and `data-augenblick-ignore`, at most [`limits::ELEMENTS_PER_KIND`].
fn select<'a>(document: &'a Html, css: &str, truncated: &mut bool) -> Vec<ElementRef<'a>> {
    let mut found = Vec::new();
    for element in document
        .select(&selector(css))
        .filter(|e| !in_template(**e) && !ignored(**e))
    {
        if found.len() == limits::ELEMENTS_PER_KIND {
            *truncated = true;
            break;
        }
        found.push(element);
    }
    found
}

/// One of this file's constant selectors, parsed.
fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selectors in this file are valid CSS")
}

/// Whether a node is template content (scraper keeps it as the template's children; a
/// browser keeps it out of the document).
fn in_template(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "template")
}

/// Whether a node is in an element the site marked `data-augenblick-ignore` or in a consent
/// dialog ([`CONSENT_DIALOGS`]), or is one.
fn ignored(node: ego_tree::NodeRef<'_, Node>) -> bool {
    static CONSENT_DIALOG: LazyLock<Selector> = LazyLock::new(|| selector(CONSENT_DIALOGS));
    std::iter::once(node)
        .chain(node.ancestors())
        .filter_map(ElementRef::wrap)
        .any(|e| e.value().attr("data-augenblick-ignore").is_some() || CONSENT_DIALOG.matches(&e))
}

/// An attribute value as [`RawPage`] carries it: cut, "" when absent.
fn attribute(element: ElementRef<'_>, name: &str) -> String {
    cut(element.value().attr(name).unwrap_or_default())
}

fn cut(text: &str) -> String {
    cut_utf16(text, limits::ELEMENT_RAW_UNITS).to_owned()
}

/// `textContent`: every descendant text node, template content excluded.
fn text_content(element: ElementRef<'_>) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        if let Node::Text(data) = node.value() {
            if !in_template(node) {
                text.push_str(data);
            }
        }
    }
    text
}

/// An element's text as [`RawPage`] carries it: `textContent`, cut.
fn element_text(element: ElementRef<'_>) -> String {
    cut(&text_content(element))
}

/// `document.title`'s whitespace rule: strip and collapse ASCII whitespace.
fn collapse_ascii_whitespace(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_button(control: ElementRef<'_>) -> bool {
    let attrs = control.value();
    match attrs.name() {
        "button" => true,
        "input" => {
            is_ascii_word(attrs.attr("type"), "submit")
                || is_ascii_word(attrs.attr("type"), "button")
        }
        _ => is_ascii_word(attrs.attr("role"), "button"),
    }
}

/// Whether an attribute value is `word`, ignoring surrounding ASCII whitespace and ASCII
/// case (`isAsciiWord` in `src/js/browser.js`).
fn is_ascii_word(value: Option<&str>, word: &str) -> bool {
    value.is_some_and(|v| v.trim_ascii().eq_ignore_ascii_case(word))
}

fn list_label(list: ElementRef<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut push_attributes = |element: ElementRef<'_>| {
        for name in ["class", "id"] {
            if let Some(value) = element.value().attr(name) {
                parts.push(cut(value));
            }
        }
    };
    push_attributes(list);
    if let Some(parent) = list.parent().and_then(ElementRef::wrap) {
        push_attributes(parent);
    }
    let previous = list.prev_siblings().find_map(ElementRef::wrap);
    let is_heading =
        |e: &ElementRef<'_>| matches!(e.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    if let Some(heading) = previous.filter(is_heading) {
        parts.push(element_text(heading));
    }
    parts.join(" ")
}

/// Appends the body's text nodes whose parent is not one of [`NON_TEXT_ELEMENTS`], each
/// after a space; returns whether it stopped at a limit.
fn body_text(body: ElementRef<'_>, out: &mut String) -> bool {
    let mut nodes = 0;
    let mut units = 0;
    for node in body.descendants() {
        let Node::Text(data) = node.value() else {
            continue;
        };
        let parent = node.parent().and_then(ElementRef::wrap);
        if parent.is_some_and(|p| NON_TEXT_ELEMENTS.contains(&p.value().name()))
            || in_template(node)
            || ignored(node)
        {
            continue;
        }
        if nodes == limits::TEXT_NODES || units >= limits::TEXT_RAW_UNITS {
            return true;
        }
        let data = cut_utf16(data, limits::TEXT_RAW_UNITS - units);
        nodes += 1;
        units += data.encode_utf16().count();
        out.push(' ');
        out.push_str(data);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_contract_fields() {
        let html = r#"<!doctype html><html lang="de"><head><title> Pizza
            Rezept </title><meta name="description" content="D"><meta property="og:type" content="article">
            <script type=" Application/LD+JSON ">{"@type":"Recipe"}</script></head>
            <body><h1>Teig</h1><h4>Zutaten</h4><ul class="zutaten"><li>Mehl</li><li>Wasser</li></ul>
            <a href="tel:+49301">Anrufen</a><button>In den Warenkorb</button><input type=SUBMIT value="Kaufen">
            <div role="button" aria-label="Route"></div><iframe src="https://maps.google.com/x"></iframe>
            <video></video><address>Hauptstraße 1</address><script>var hidden = 1;</script>
            <template><h2>not in the document</h2></template><svg><title>icon</title></svg></body></html>"#;
        let page = read_page(html, "https://pizza.de/", "");
        assert_eq!(page.lang, "de");
        assert_eq!(page.title, "Pizza Rezept");
        assert_eq!(page.meta.len(), 2);
        assert_eq!(page.headings, [(1, "Teig".to_owned())]);
        assert_eq!(page.json_ld, [r#"{"@type":"Recipe"}"#]);
        // An h4 is not a page heading, but it labels the list after it.
        assert_eq!(
            page.lists,
            [RawList {
                label: "zutaten Zutaten".into(),
                items: 2
            }]
        );
        assert_eq!(page.links[0].href, "tel:+49301");
        assert_eq!(page.buttons.len(), 3);
        assert_eq!(page.buttons[1].label(), "Kaufen");
        assert_eq!(page.buttons[2].label(), "Route");
        assert_eq!((page.frames.len(), page.videos, page.addresses), (1, 1, 1));
        assert!(!page.text.contains("hidden") && !page.text.contains("not in the document"));
        assert!(page.text.contains("Mehl") && page.text.contains("icon"));
        assert!(!page.truncated);
    }

    #[test]
    fn what_the_site_marks_ignored_is_not_read() {
        let html = r#"<body><h1>Pizza</h1><aside data-augenblick-ignore><h2>Debug</h2>
            <a href="/x">buy now</a><p>I want to buy</p></aside><p>Dough</p></body>"#;
        let page = read_page(html, "https://example.com/", "");
        assert_eq!(page.headings, vec![(1, "Pizza".to_owned())]);
        assert!(page.links.is_empty());
        assert!(page.text.contains("Dough") && !page.text.contains("want to buy"));
    }

    #[test]
    fn consent_dialogs_are_not_read() {
        let html = r#"<body class="cookie-consent-open"><div id="CybotCookiebotDialog">
            <h2>Responsible use of your data</h2><a href="/vendors">our partners</a></div>
            <div id="Site-Cookie-Banner"><p>We use cookies</p></div>
            <div class="cc-window">Accept all</div><h1>Fernbedienung TV</h1><p>€ 20</p></body>"#;
        let page = read_page(html, "https://example.com/", "");
        assert_eq!(page.headings, vec![(1, "Fernbedienung TV".to_owned())]);
        assert!(page.links.is_empty());
        assert!(!page.text.contains("cookies") && !page.text.contains("Accept"));
        assert!(page.text.contains("€ 20"));
    }

    #[test]
    fn a_page_without_head_or_body_tags_still_reads() {
        let page = read_page("<title>T</title><p>Preis 12,99 €", "https://a.de/", "");
        assert_eq!(page.title, "T");
        assert!(page.text.contains("12,99 €"));
    }

    #[test]
    fn long_texts_are_cut_without_splitting_characters() {
        let long = "🍕".repeat(limits::ELEMENT_RAW_UNITS);
        let page = read_page(&format!("<h1>{long}</h1>"), "https://a.de/", "");
        let units: usize = page.headings[0].1.encode_utf16().count();
        assert_eq!(units, limits::ELEMENT_RAW_UNITS);
    }

    #[test]
    fn enormous_pages_stop_at_the_limits() {
        let many_links = "<a href=/x>x</a>".repeat(limits::ELEMENTS_PER_KIND + 10);
        let page = read_page(&many_links, "https://a.de/", "");
        assert_eq!(page.links.len(), limits::ELEMENTS_PER_KIND);
        assert!(page.truncated);
        let many_paragraphs = "<p>word</p>".repeat(limits::TEXT_NODES + 5);
        assert!(read_page(&many_paragraphs, "https://a.de/", "").truncated);
    }
}
