//! Robustness checks: the same pages with the markup of another era.
//!
//! The corpus's `go` pages are contact pages from about 2013; a model can learn "old HTML
//! means go". [`modernize`] gives a page what a current CMS adds to every page, so that a
//! model must find *go* in the address, opening hours, phone, map and directions.
//! [`add_paywall_product`] gives a news page the `Product` JSON-LD that news sites use for
//! subscriptions, which must not make it *buy*.

/// What a current CMS adds to every page: an HTML5 doctype, a viewport meta tag, generic
/// JSON-LD (`WebSite`, `WebPage`, `Organization`, `BreadcrumbList`), `og:type` `website`,
/// and `<header>`, `<nav>` and `<footer>` around the existing body.
pub fn modernize(html: &str) -> String {
    const HEAD: &str = r#"<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta property="og:type" content="website"><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"https://example.com/#website","url":"https://example.com/","potentialAction":{"@type":"SearchAction","target":{"@type":"EntryPoint","urlTemplate":"https://example.com/?s={search_term_string}"},"query-input":"required name=search_term_string"}},{"@type":"WebPage","@id":"https://example.com/page/#webpage","isPartOf":{"@id":"https://example.com/#website"},"breadcrumb":{"@id":"https://example.com/page/#breadcrumb"}},{"@type":"Organization","@id":"https://example.com/#organization","logo":{"@type":"ImageObject","url":"https://example.com/logo.png"}},{"@type":"BreadcrumbList","@id":"https://example.com/page/#breadcrumb","itemListElement":[{"@type":"ListItem","position":1,"item":"https://example.com/"}]}]}</script>"#;
    const OPEN: &str = "<header><nav></nav></header><main>";
    const CLOSE: &str = "</main><footer></footer>";
    let document = strip_doctype(html).trim_start();
    let (Some(with_head), Some(body_close)) = (
        insert_after_open_tag(document, "head", HEAD),
        find_ignore_case(document, "</body"),
    ) else {
        // A fragment without head or body: the browser would put the markup around it.
        return ["<!DOCTYPE html>", HEAD, OPEN, document, CLOSE].concat();
    };
    let with_header = insert_after_open_tag(&with_head, "body", OPEN).unwrap_or(with_head);
    let at = find_ignore_case(&with_header, "</body").unwrap_or(body_close);
    [
        "<!DOCTYPE html>",
        &with_header[..at],
        CLOSE,
        &with_header[at..],
    ]
    .concat()
}

/// A news site's subscription markup: a `Product` with an `Offer`, in JSON-LD.
pub fn add_paywall_product(html: &str) -> String {
    const PRODUCT: &str = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Digital subscription","brand":{"@type":"Brand","name":"The Daily"},"offers":{"@type":"Offer","price":"9.99","priceCurrency":"EUR","availability":"https://schema.org/InStock"}}</script>"#;
    insert_after_open_tag(html, "head", PRODUCT).unwrap_or_else(|| [PRODUCT, html].concat())
}

fn strip_doctype(html: &str) -> &str {
    let trimmed = html.trim_start_matches('\u{feff}').trim_start();
    if trimmed.len() >= 9 && trimmed[..9].eq_ignore_ascii_case("<!doctype") {
        trimmed.find('>').map_or(trimmed, |end| &trimmed[end + 1..])
    } else {
        html
    }
}

/// `html` with `insert` right after the first `<tag …>` (matched ignoring ASCII case).
fn insert_after_open_tag(html: &str, tag: &str, insert: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = ["<", tag].concat();
    let mut from = 0;
    while let Some(found) = lower[from..].find(&open) {
        let start = from + found;
        let next = lower.as_bytes().get(start + open.len()).copied();
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')) {
            let end = start + lower[start..].find('>')? + 1;
            return Some([&html[..end], insert, &html[end..]].concat());
        }
        from = start + open.len();
    }
    None
}

fn find_ignore_case(html: &str, needle: &str) -> Option<usize> {
    html.to_ascii_lowercase().rfind(needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_page_gets_current_markup() {
        let old = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">\n<HTML><HEAD><TITLE>Contact</TITLE></HEAD><BODY bgcolor=white><p>Hauptstr. 1</p></BODY></HTML>";
        let new = modernize(old);
        assert!(new.starts_with("<!DOCTYPE html><HTML><HEAD><meta charset"));
        assert!(new.contains("<BODY bgcolor=white><header><nav></nav></header><main><p>Hauptstr. 1</p></main><footer></footer></BODY>"));
        assert!(new.contains(r#""@type":"BreadcrumbList""#));
    }

    #[test]
    fn a_headless_page_still_gets_it() {
        let new = modernize("<p>Öffnungszeiten</p>");
        assert!(new.starts_with("<!DOCTYPE html><meta charset"));
        assert!(new.ends_with("</main><footer></footer>"));
        assert!(add_paywall_product("<p>x</p>").contains(r#""@type":"Product""#));
        assert_eq!(
            insert_after_open_tag("<header><head>", "head", "!").unwrap(),
            "<header><head>!"
        );
    }
}
