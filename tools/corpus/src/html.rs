//! The native builder: an HTML document into a [`RawPage`], by the rules written on each
//! of its fields (which the browser builder in `src/signals/page.rs` follows as well).

use augenblick_core::signals::{collapse_whitespace, limits, RawLink, RawList, RawPage};
use scraper::{ElementRef, Html, Node, Selector};

/// `document.title` only looks at HTML `<title>`, not at SVG's.
const HTML_NAMESPACE: &str = "http://www.w3.org/1999/xhtml";

/// Elements whose text is not page text.
const NON_TEXT_ELEMENTS: [&str; 4] = ["script", "style", "noscript", "template"];

/// Reads a document the way the browser builder reads the live DOM.
pub fn read_page(html: &str, url: &str, referrer: &str) -> RawPage {
    let document = Html::parse_document(html);
    let mut page = RawPage {
        url: url.to_owned(),
        referrer: referrer.to_owned(),
        ..RawPage::default()
    };
    let root = document.root_element();
    page.lang = root.value().attr("lang").unwrap_or_default().to_owned();
    page.title = select(&document, "title", &mut page.truncated)
        .into_iter()
        .find(|title| &*title.value().name.ns == HTML_NAMESPACE)
        .map(|title| collapse_ascii_whitespace(&text_content(title)))
        .unwrap_or_default();

    let mut truncated = false;
    for meta in select(&document, "meta", &mut truncated) {
        let attrs = meta.value();
        let key = attrs
            .attr("name")
            .filter(|n| !n.is_empty())
            .or_else(|| attrs.attr("property"))
            .unwrap_or_default();
        if let (false, Some(content)) = (key.is_empty(), attrs.attr("content")) {
            page.meta
                .push((key.to_ascii_lowercase(), content.to_owned()));
        }
    }
    for heading in select(&document, "h1, h2, h3", &mut truncated) {
        let level = heading.value().name().as_bytes()[1] - b'0';
        page.headings.push((level, element_text(heading)));
    }
    for script in select(&document, "script", &mut truncated) {
        let kind = script.value().attr("type").unwrap_or_default();
        if kind.trim().eq_ignore_ascii_case("application/ld+json") {
            page.json_ld.push(text_content(script));
        }
    }
    for item in select(&document, "[itemtype]", &mut truncated) {
        page.itemtypes
            .push(item.value().attr("itemtype").unwrap_or_default().to_owned());
    }
    for link in select(&document, "a[href]", &mut truncated) {
        page.links.push(RawLink {
            href: link.value().attr("href").unwrap_or_default().to_owned(),
            text: element_text(link),
        });
    }
    for control in select(&document, "button, input, [role]", &mut truncated) {
        if let Some(label) = button_label(control) {
            page.buttons.push(label);
        }
    }
    for frame in select(&document, "iframe", &mut truncated) {
        if let Some(src) = frame.value().attr("src") {
            page.frames.push(src.to_owned());
        }
    }
    page.videos = select(&document, "video", &mut truncated).len() as u32;
    page.addresses = select(&document, "address", &mut truncated).len() as u32;
    for list in select(&document, "ul, ol", &mut truncated) {
        page.lists.push(RawList {
            label: list_label(list),
            items: list
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|child| child.value().name() == "li")
                .count() as u32,
        });
    }
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body");
    if let Some(body) = body {
        truncated |= body_text(body, &mut page.text);
    }
    page.truncated |= truncated;
    page
}

/// Elements matching `selector` in document order, outside `<template>` (whose content is
/// not part of the document in a browser), at most [`limits::ELEMENTS_PER_KIND`].
fn select<'a>(document: &'a Html, selector: &str, truncated: &mut bool) -> Vec<ElementRef<'a>> {
    let Ok(selector) = Selector::parse(selector) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for element in document.select(&selector).filter(|e| !inside_template(*e)) {
        if found.len() == limits::ELEMENTS_PER_KIND {
            *truncated = true;
            break;
        }
        found.push(element);
    }
    found
}

fn inside_template(element: ElementRef<'_>) -> bool {
    in_template(*element)
}

/// Whether a node is template content (scraper keeps it as the template's children; a
/// browser keeps it out of the document).
fn in_template(node: ego_tree::NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == "template")
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

/// An element's text as [`RawPage`] keeps it: collapsed and cut.
fn element_text(element: ElementRef<'_>) -> String {
    collapse_whitespace(&text_content(element), limits::ELEMENT_TEXT_CHARS).0
}

/// `document.title`'s whitespace rule: strip and collapse ASCII whitespace.
fn collapse_ascii_whitespace(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

fn button_label(control: ElementRef<'_>) -> Option<String> {
    let attrs = control.value();
    let is_button = match attrs.name() {
        "button" => true,
        "input" => matches!(
            attrs.attr("type").map(str::to_ascii_lowercase).as_deref(),
            Some("submit" | "button")
        ),
        _ => attrs
            .attr("role")
            .is_some_and(|r| r.trim().eq_ignore_ascii_case("button")),
    };
    if !is_button {
        return None;
    }
    let text = element_text(control);
    let label = [
        Some(text.as_str()),
        attrs.attr("value"),
        attrs.attr("aria-label"),
    ]
    .into_iter()
    .flatten()
    .map(str::trim)
    .find(|l| !l.is_empty())
    .unwrap_or_default();
    Some(collapse_whitespace(label, limits::ELEMENT_TEXT_CHARS).0)
}

fn list_label(list: ElementRef<'_>) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut push_attrs = |element: ElementRef<'_>| {
        for name in ["class", "id"] {
            if let Some(value) = element.value().attr(name) {
                parts.push(value.to_owned());
            }
        }
    };
    push_attrs(list);
    if let Some(parent) = list.parent().and_then(ElementRef::wrap) {
        push_attrs(parent);
    }
    let previous = list.prev_siblings().find_map(ElementRef::wrap);
    if let Some(heading) =
        previous.filter(|p| matches!(p.value().name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    {
        parts.push(element_text(heading));
    }
    collapse_whitespace(&parts.join(" "), limits::ELEMENT_TEXT_CHARS).0
}

/// Appends the body's text nodes whose parent is not one of [`NON_TEXT_ELEMENTS`] (the
/// browser builder's rule), joined by spaces; returns whether it stopped at a limit.
fn body_text(body: ElementRef<'_>, out: &mut String) -> bool {
    let mut nodes = 0;
    let mut chars = 0;
    for node in body.descendants() {
        let Node::Text(data) = node.value() else {
            continue;
        };
        let parent = node.parent().and_then(ElementRef::wrap);
        if parent.is_some_and(|p| NON_TEXT_ELEMENTS.contains(&p.value().name()))
            || in_template(node)
        {
            continue;
        }
        if nodes == limits::TEXT_NODES || chars >= limits::TEXT_RAW_CHARS {
            return true;
        }
        nodes += 1;
        chars += data.chars().count();
        out.push(' ');
        out.push_str(data);
    }
    false
}
