//! What configuration may write into the page: attribute names and URL values are checked
//! before any of it reaches the DOM, so a rule cannot run script (`javascript:` links,
//! `onclick`, `srcdoc`).

/// Attributes whose value is a URL, which must be relative or use an allowed scheme.
const URL_ATTRIBUTES: [&str; 10] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "cite",
    "background",
    "ping",
    "xlink:href",
    "data",
];

/// Attributes a rule may not set whatever the element: they hold markup (`srcdoc`), CSS,
/// turn an inert element live (`type` on a `<script type="text/x-template">`, `is`), or
/// make SVG animation write an attribute (`attributeName`, `to`, `values`, `from`, `by`).
const SCRIPT_ATTRIBUTES: [&str; 10] = [
    "srcdoc",
    "style",
    "type",
    "is",
    "http-equiv",
    "attributename",
    "to",
    "values",
    "from",
    "by",
];

/// Schemes a configured URL may use; anything else (`javascript:`, `data:`, `vbscript:`,
/// `blob:`) is refused.
const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Why an attribute cannot be set, as the `expected` part of an option error.
pub(crate) type Refusal = &'static str;

/// Checks one attribute a rule sets: its name, and its value where that is a URL.
pub(crate) fn check_attribute(name: &str, value: &str) -> Result<(), Refusal> {
    let lower = name.to_ascii_lowercase();
    let well_formed = !lower.is_empty()
        && lower
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'));
    if !well_formed {
        return Err("an attribute name (letters, digits, - _ : .)");
    }
    if lower.starts_with("on")
        || lower.starts_with("data-augenblick-")
        || SCRIPT_ATTRIBUTES.contains(&lower.as_str())
    {
        return Err("an attribute that cannot run script or restyle the page (no on…, srcdoc, style, type, is, http-equiv, SVG animation values or data-augenblick-…)");
    }
    let url_ok = if lower == "srcset" {
        // Candidates are "url descriptor" separated by commas.
        value
            .split(',')
            .all(|candidate| is_safe_url(candidate.split_whitespace().next().unwrap_or("")))
    } else {
        !URL_ATTRIBUTES.contains(&lower.as_str()) || is_safe_url(value)
    };
    if url_ok {
        Ok(())
    } else {
        Err("a relative URL or one with http, https, mailto or tel")
    }
}

/// Whether a URL is relative or uses an allowed scheme, read the way the browser's URL
/// parser reads it: leading and trailing C0 controls and spaces are dropped, and tabs and
/// newlines anywhere are ignored (`java\tscript:` is `javascript:`).
pub(crate) fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let Some((scheme, _)) = cleaned.split_once(':') else {
        return true;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    // A colon after a slash, `?` or `#` belongs to a path, query or fragment: relative.
    !is_scheme
        || ALLOWED_SCHEMES
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_allowed_urls_pass() {
        for url in [
            "/stores",
            "menu.html#order",
            "?moment=go",
            "#hours",
            "//cdn.example/x.png",
            "https://maps.example/?q=pizza",
            "HTTP://example.com",
            "mailto:hello@pizza.example",
            "tel:+4930123456",
            "/a:b", // a colon in a path
            "",
        ] {
            assert!(is_safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn script_and_data_urls_are_refused_however_they_are_written() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html,<script>alert(1)</script>",
            "blob:https://example.com/uuid",
        ] {
            assert!(!is_safe_url(url), "{url:?}");
        }
    }

    #[test]
    fn attributes_that_run_script_are_refused() {
        assert!(check_attribute("href", "/menu").is_ok());
        assert!(check_attribute("aria-label", "javascript: is just text here").is_ok());
        assert!(check_attribute("HREF", "javascript:void(0)").is_err());
        assert!(check_attribute("onclick", "alert(1)").is_err());
        assert!(check_attribute("OnMouseOver", "x").is_err());
        for name in [
            "srcdoc",
            "style",
            "type",
            "IS",
            "http-equiv",
            "attributeName",
            "to",
            "values",
        ] {
            assert!(check_attribute(name, "x").is_err(), "{name}");
        }
        assert!(check_attribute("data-augenblick-variant", "go").is_err());
        assert!(check_attribute("a b", "x").is_err());
        assert!(check_attribute("", "x").is_err());
        assert!(check_attribute("srcset", "/a.png 1x, /b.png 2x").is_ok());
        assert!(check_attribute("srcset", "/a.png 1x, javascript:alert(1) 2x").is_err());
    }
}
