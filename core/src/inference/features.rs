//! Page features: what the trained model sees of a page, by name.
//!
//! | feature | value | from |
//! |---|---|---|
//! | `word:<w>` | 1/√n | a word of the title, description or body text |
//! | `url:<w>` | 1/√n | a word of the URL path |
//! | `cue:<name>` | 1 for one, 2 for 2–3, 3 for 4–7, 4 for 8 or more | a content cue ([`Cues`]) |
//! | `schema:<Type>` | 1 | a schema.org type from JSON-LD or microdata |
//! | `og:<type>` | 1 | `<meta property="og:type">` |
//! | `page:search` | 1 | the URL carries a site search |
//!
//! *n* is the number of the page's words (`word:` and `url:`) that the model knows, so
//! that the words of a long page weigh no more in all than those of a short one.
//!
//! Left out on purpose, because they tell the age of a site rather than what a visitor
//! does there: the schema.org types every current CMS adds to every page
//! ([`SITE_FURNITURE_TYPES`]) and `og:type` `website`. A 2013 contact page and the same
//! page on a 2026 CMS must look alike to the model.
//!
//! [`Cues`]: crate::signals::Cues

use crate::signals::PageSignals;

/// schema.org types that say nothing about the page's purpose: site-wide markup that
/// WordPress, Yoast, Shopify themes and the like put on every page.
pub const SITE_FURNITURE_TYPES: &[&str] = &[
    "WebSite",
    "WebPage",
    "Organization",
    "BreadcrumbList",
    "ListItem",
    "SiteNavigationElement",
    "WPHeader",
    "WPFooter",
    "WPSideBar",
    "SearchAction",
    "EntryPoint",
    "PropertyValueSpecification",
    "ImageObject",
    "Thing",
];

/// Calls `visit(prefix, name, value)` for each named feature of a page.
pub fn for_each_named_feature(page: &PageSignals, mut visit: impl FnMut(&str, &str, f32)) {
    for (name, count) in page.cues.named_counts() {
        if count > 0 {
            visit("cue:", name, count_bucket(count));
        }
    }
    for schema_type in &page.schema_types {
        if !SITE_FURNITURE_TYPES.contains(&schema_type.as_str()) {
            visit("schema:", schema_type, 1.0);
        }
    }
    if let Some(og_type) = page.og_type.as_deref().filter(|t| *t != "website") {
        visit("og:", og_type, 1.0);
    }
    if page.search_query.is_some() {
        visit("page:", "search", 1.0);
    }
}

/// 1 for one, 2 for 2–3, 3 for 4–7, 4 for 8 or more: a count's order of magnitude, so
/// forty prices weigh more than one but not forty times more.
fn count_bucket(count: u16) -> f32 {
    (16 - count.leading_zeros()).min(4) as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::{PageSignals, RawPage};

    fn features(raw: &RawPage) -> Vec<(String, f32)> {
        let page = PageSignals::from_raw(raw, &[]);
        let mut out = Vec::new();
        for_each_named_feature(&page, |prefix, name, value| {
            out.push(([prefix, name].concat(), value))
        });
        out
    }

    #[test]
    fn counts_are_bucketed_by_magnitude() {
        let buckets: Vec<f32> = [1, 2, 3, 4, 7, 8, 500].map(count_bucket).to_vec();
        assert_eq!(buckets, [1.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0]);
    }

    #[test]
    fn site_furniture_is_not_a_feature() {
        let raw = RawPage {
            json_ld: vec![
                r#"{"@graph":[{"@type":"WebSite"},{"@type":"WebPage"},{"@type":"Organization"},
                   {"@type":"BreadcrumbList"},{"@type":"Restaurant"}]}"#
                    .into(),
            ],
            meta: vec![("og:type".into(), "website".into())],
            ..RawPage::default()
        };
        assert_eq!(features(&raw), [("schema:Restaurant".to_owned(), 1.0)]);
    }

    #[test]
    fn cues_og_type_and_site_search_are_features() {
        let raw = RawPage {
            url: "https://shop.example/search?q=pizza".into(),
            meta: vec![("og:type".into(), "Product".into())],
            text: "12,99 € 4,99 € 1,00 €".into(),
            ..RawPage::default()
        };
        let page = PageSignals::from_raw(&raw, &["q".to_owned()]);
        let mut names = Vec::new();
        for_each_named_feature(&page, |prefix, name, value| {
            names.push(([prefix, name].concat(), value))
        });
        assert_eq!(
            names,
            [
                ("cue:prices".to_owned(), 2.0),
                ("og:product".to_owned(), 1.0),
                ("page:search".to_owned(), 1.0)
            ]
        );
    }
}
