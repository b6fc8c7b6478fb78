//! The page address: path, query, site search, UTM parameters and where the visitor came from.

use super::text::{after_last, find_bytes, split_before, truncate_chars};

/// Query parameters that carry a site-search query on common sites and CMSs
/// (`s` is WordPress, `suche` German sites, `k` Amazon-style shops).
pub const DEFAULT_SEARCH_PARAMS: [&str; 6] = ["q", "query", "s", "search", "suche", "k"];

/// Longest site-search query kept, in characters.
const SEARCH_QUERY_MAX_CHARS: usize = 200;
/// Longest UTM value kept, in characters.
const UTM_MAX_CHARS: usize = 100;
/// Longest path or query kept, in characters.
const URL_PART_MAX_CHARS: usize = 512;

/// The parts of an absolute URL this crate needs.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedUrl {
    /// Lowercase host without port or `www.`.
    pub host: String,
    /// The path, starting with `/`.
    pub path: String,
    /// The raw query string without `?`.
    pub query: String,
}

impl ParsedUrl {
    /// Splits an absolute URL (`https://host/path?query#fragment`). Anything else gives an
    /// empty host and treats the whole string as a path.
    pub fn parse(url: &str) -> Self {
        let (without_fragment, _) = split_before(url, b"#");
        let after_scheme = find_bytes(without_fragment.as_bytes(), b"://")
            .and_then(|at| without_fragment.get(at + 3..));
        let (host, rest) = match after_scheme {
            Some(after_scheme) => {
                let (authority, rest) = split_before(after_scheme, b"/?");
                let (host, _) = split_before(after_last(authority, b"@"), b":");
                (normalise_host(host), rest)
            }
            None => (String::new(), without_fragment),
        };
        let (path, query) = split_before(rest, b"?");
        ParsedUrl {
            host,
            path: if path.is_empty() {
                "/".to_owned()
            } else {
                truncate_chars(path, URL_PART_MAX_CHARS)
            },
            query: truncate_chars(query.get(1..).unwrap_or_default(), URL_PART_MAX_CHARS),
        }
    }

    /// The decoded value of the first query parameter called `name`.
    pub fn param(&self, name: &str) -> Option<String> {
        let mut rest = self.query.as_str();
        while !rest.is_empty() {
            let (pair, next) = split_before(rest, b"&");
            let (key, value) = split_before(pair, b"=");
            if percent_decode(key) == name {
                return Some(percent_decode(value.get(1..).unwrap_or_default()));
            }
            rest = next.get(1..).unwrap_or_default();
        }
        None
    }
}

fn normalise_host(host: &str) -> String {
    let host = host.to_ascii_lowercase();
    match host.strip_prefix("www.") {
        Some(bare) => bare.to_owned(),
        None => host,
    }
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes stay as they are, and input
/// whose escapes do not decode to UTF-8 is kept as written, so no input can fail.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match bytes.get(i..i + 3) {
            Some([b'%', high, low]) => hex_value(*high).zip(hex_value(*low)),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some((high, low)), _) => {
                out.push(high << 4 | low);
                i += 3;
                continue;
            }
            (None, b'+') => out.push(b' '),
            (None, byte) => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| input.to_owned())
}

fn hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        b'A'..=b'F' => Some(digit - b'A' + 10),
        _ => None,
    }
}

/// The site-search query: the first non-empty value of `search_params`, trimmed and cut
/// to 200 characters.
pub fn search_query(url: &ParsedUrl, search_params: &[String]) -> Option<String> {
    search_params.iter().find_map(|name| {
        let value = url.param(name)?;
        let trimmed = value.trim();
        (!trimmed.is_empty()).then(|| truncate_chars(trimmed, SEARCH_QUERY_MAX_CHARS))
    })
}

/// Campaign parameters (`utm_*`), each cut to 100 characters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[allow(missing_docs)]
pub struct Utm {
    pub source: Option<String>,
    pub medium: Option<String>,
    pub campaign: Option<String>,
    pub term: Option<String>,
    pub content: Option<String>,
}

impl Utm {
    /// The `utm_*` parameters of a URL.
    pub fn of(url: &ParsedUrl) -> Self {
        let get = |name: &str| {
            url.param(name)
                .map(|value| truncate_chars(value.trim(), UTM_MAX_CHARS))
                .filter(|value| !value.is_empty())
        };
        Utm {
            source: get("utm_source"),
            medium: get("utm_medium"),
            campaign: get("utm_campaign"),
            term: get("utm_term"),
            content: get("utm_content"),
        }
    }
}

/// Where the visitor came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferrerClass {
    /// A web search engine.
    Search,
    /// A social network or messenger.
    Social,
    /// A webmail client, or a link tagged `utm_medium=email`/`newsletter`.
    Email,
    /// Another page of the same site.
    Internal,
    /// No referrer: typed, bookmarked, or the referrer was withheld.
    Direct,
    /// Any other site.
    Other,
}

const SEARCH_HOSTS: &[&str] = &[
    "google.",
    "bing.com",
    "duckduckgo.com",
    "search.yahoo.",
    "yahoo.com",
    "ecosia.org",
    "baidu.com",
    "yandex.",
    "qwant.com",
    "startpage.com",
    "search.brave.com",
    "ask.com",
    "t-online.de",
    "web.de",
    "gmx.net",
    "metager.de",
];
const SOCIAL_HOSTS: &[&str] = &[
    "facebook.com",
    "fb.com",
    "instagram.com",
    "t.co",
    "twitter.com",
    "x.com",
    "linkedin.com",
    "lnkd.in",
    "xing.com",
    "pinterest.",
    "reddit.com",
    "tiktok.com",
    "youtube.com",
    "youtu.be",
    "whatsapp.com",
    "telegram.org",
    "t.me",
    "threads.net",
    "bsky.app",
    "mastodon.social",
    "snapchat.com",
    "tumblr.com",
];
const EMAIL_HOSTS: &[&str] = &[
    "mail.google.com",
    "outlook.live.com",
    "outlook.office.com",
    "outlook.office365.com",
    "mail.yahoo.com",
    "mail.gmx.net",
    "navigator.gmx.net",
    "navigator.web.de",
    "mail.web.de",
    "email.t-online.de",
    "mail.proton.me",
    "mail.aol.com",
    "icloud.com",
];

impl ReferrerClass {
    /// The lowercase name used in JavaScript and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            ReferrerClass::Search => "search",
            ReferrerClass::Social => "social",
            ReferrerClass::Email => "email",
            ReferrerClass::Internal => "internal",
            ReferrerClass::Direct => "direct",
            ReferrerClass::Other => "other",
        }
    }

    /// Classifies `referrer` (a URL, or empty) for a page on `page_host`; `utm_medium`
    /// marks email campaigns whose links arrive without a referrer.
    pub fn classify(referrer: &str, page_host: &str, utm_medium: Option<&str>) -> Self {
        if let Some(medium) = utm_medium {
            if ["email", "e-mail", "newsletter", "mail"]
                .iter()
                .any(|m| medium.eq_ignore_ascii_case(m))
            {
                return ReferrerClass::Email;
            }
        }
        let referrer = referrer.trim();
        if referrer.is_empty() {
            return ReferrerClass::Direct;
        }
        let host = ParsedUrl::parse(referrer).host;
        if host.is_empty() {
            return ReferrerClass::Other;
        }
        if host == page_host {
            return ReferrerClass::Internal;
        }
        // Webmail hosts first: mail.google.com is not a search.
        if host_matches(&host, EMAIL_HOSTS) {
            ReferrerClass::Email
        } else if host_matches(&host, SEARCH_HOSTS) {
            ReferrerClass::Search
        } else if host_matches(&host, SOCIAL_HOSTS) {
            ReferrerClass::Social
        } else {
            ReferrerClass::Other
        }
    }
}

/// Whether `host` is one of `patterns` or a subdomain of one. A pattern ending in `.`
/// matches any top-level domain (`google.` matches google.de and google.co.uk).
fn host_matches(host: &str, patterns: &[&str]) -> bool {
    patterns.iter().any(|pattern| {
        let labels_start = |i: usize| i == 0 || host.as_bytes()[i - 1] == b'.';
        if pattern.ends_with('.') {
            (0..host.len())
                .any(|i| labels_start(i) && host.as_bytes()[i..].starts_with(pattern.as_bytes()))
        } else {
            host.strip_suffix(pattern)
                .is_some_and(|prefix| prefix.is_empty() || prefix.ends_with('.'))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| n.to_string()).collect()
    }

    #[test]
    fn parses_the_parts_of_a_url() {
        let url =
            ParsedUrl::parse("https://user@WWW.Example.de:8443/pizza/rezept?q=margherita&x=1#top");
        assert_eq!(url.host, "example.de");
        assert_eq!(url.path, "/pizza/rezept");
        assert_eq!(url.query, "q=margherita&x=1");
        assert_eq!(ParsedUrl::parse("https://example.de").path, "/");
        assert_eq!(ParsedUrl::parse("https://example.de?q=1").query, "q=1");
    }

    #[test]
    fn decodes_parameters() {
        let url = ParsedUrl::parse("https://a.de/?suche=pizza+in+k%C3%B6ln&bad=%zz%4&empty=");
        assert_eq!(url.param("suche").as_deref(), Some("pizza in köln"));
        assert_eq!(url.param("bad").as_deref(), Some("%zz%4"));
        assert_eq!(url.param("empty").as_deref(), Some(""));
        assert_eq!(url.param("missing"), None);
        assert_eq!(percent_decode("%FF%FE"), "%FF%FE");
        assert_eq!(url.param("x"), None);
    }

    #[test]
    fn finds_the_site_search_query() {
        let defaults = params(&DEFAULT_SEARCH_PARAMS);
        let url = ParsedUrl::parse("https://shop.de/search?q=&query=%20pizza%20ofen%20");
        assert_eq!(search_query(&url, &defaults).as_deref(), Some("pizza ofen"));
        let url = ParsedUrl::parse("https://shop.de/?term=teig");
        assert_eq!(search_query(&url, &defaults), None);
        assert_eq!(
            search_query(&url, &params(&["term"])).as_deref(),
            Some("teig")
        );
    }

    #[test]
    fn reads_utm_parameters() {
        let url = ParsedUrl::parse(
            "https://a.de/?utm_source=newsletter&utm_medium=email&utm_campaign=herbst",
        );
        let utm = Utm::of(&url);
        assert_eq!(utm.source.as_deref(), Some("newsletter"));
        assert_eq!(utm.medium.as_deref(), Some("email"));
        assert_eq!(utm.campaign.as_deref(), Some("herbst"));
        assert_eq!(utm.term, None);
    }

    #[test]
    fn classifies_referrers() {
        let c = |referrer, medium| ReferrerClass::classify(referrer, "pizza.de", medium);
        assert_eq!(c("", None), ReferrerClass::Direct);
        assert_eq!(c("https://www.google.co.uk/", None), ReferrerClass::Search);
        assert_eq!(c("https://duckduckgo.com/", None), ReferrerClass::Search);
        assert_eq!(
            c("https://mail.google.com/mail/u/0/", None),
            ReferrerClass::Email
        );
        assert_eq!(
            c("https://l.facebook.com/l.php", None),
            ReferrerClass::Social
        );
        assert_eq!(c("https://t.co/abc", None), ReferrerClass::Social);
        assert_eq!(
            c("https://www.pizza.de/menu", None),
            ReferrerClass::Internal
        );
        assert_eq!(c("https://blog.example.org/", None), ReferrerClass::Other);
        assert_eq!(c("", Some("Newsletter")), ReferrerClass::Email);
        // Look-alikes are not the real thing.
        assert_eq!(c("https://notgoogle.com/", None), ReferrerClass::Other);
        assert_eq!(c("https://fakex.com/", None), ReferrerClass::Other);
        assert_eq!(c("not a url", None), ReferrerClass::Other);
    }
}
