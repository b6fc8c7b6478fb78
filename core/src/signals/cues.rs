//! Content cues: the things on a page that say what a visitor can do there (buy, go, do),
//! in English, German and Dutch.

use super::raw::{element_text, RawPage};
use super::text::{contains_any, count_occurrences, fold};

/// Counts of each cue on a page (saturating at `u16::MAX`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cues {
    /// Amounts with a currency: "€ 12,99", "12.99 EUR", "$5".
    pub prices: u16,
    /// Add-to-cart and buy buttons or links.
    pub cart_buttons: u16,
    /// Links to a cart or checkout.
    pub cart_links: u16,
    /// Postal addresses: `<address>` elements and street-and-postcode text.
    pub addresses: u16,
    /// Opening-hours headings and time ranges ("9:00–18:00", "Mo–Fr 9–18 Uhr").
    pub opening_hours: u16,
    /// `tel:` links.
    pub tel_links: u16,
    /// Phone numbers in the text: after "Tel.", "Phone", "Telefon", "Fax" and the like,
    /// international ("+31 20 123 4567"), or North American ("(212) 998-2500").
    pub phone_numbers: u16,
    /// Embedded maps.
    pub map_embeds: u16,
    /// Links to directions (map apps, "Anfahrt", "Get directions").
    pub direction_links: u16,
    /// Items of ingredient lists.
    pub ingredient_items: u16,
    /// Items of step or instruction lists.
    pub step_items: u16,
    /// Videos: `<video>`, embedded players, `og:video`, schema.org `VideoObject`.
    pub videos: u16,
}

const CART_PHRASES: &[&str] = &[
    // English
    "add to cart",
    "add to basket",
    "add to bag",
    "add to trolley",
    "buy now",
    "buy it now",
    "order now",
    "add to order",
    "pre-order",
    "purchase",
    // German
    "in den warenkorb",
    "in den einkaufswagen",
    "zum warenkorb hinzufügen",
    "jetzt kaufen",
    "jetzt bestellen",
    "kaufen",
    "in die einkaufstasche",
    "vorbestellen",
    // Dutch
    "in winkelwagen",
    "in winkelmand",
    "aan winkelwagen",
    "in mijn winkelwagen",
    "nu kopen",
    "koop nu",
    "bestel nu",
    "in winkelwagentje",
];
const CART_PATHS: &[&str] = &[
    "/cart",
    "/basket",
    "/checkout",
    "/warenkorb",
    "/kasse",
    "/winkelwagen",
    "/winkelmand",
    "/afrekenen",
    "/bestellen",
];
const MAP_HOSTS: &[&str] = &[
    "google.com/maps",
    "maps.google.",
    "openstreetmap.org",
    "bing.com/maps",
    "api.mapbox.com",
    "maps.apple.com",
    "wego.here.com",
    "/maps/embed",
];
const DIRECTION_HOSTS: &[&str] = &[
    "google.com/maps",
    "maps.google.",
    "goo.gl/maps",
    "maps.app.goo.gl",
    "maps.apple.com",
    "openstreetmap.org/directions",
    "waze.com",
    "bing.com/maps",
];
const DIRECTION_PHRASES: &[&str] = &[
    "directions",
    "get directions",
    "route planen",
    "anfahrt",
    "wegbeschreibung",
    "route berechnen",
    "routebeschrijving",
    "plan je route",
    "plan uw route",
];
const VIDEO_HOSTS: &[&str] = &[
    "youtube.com/embed",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "dailymotion.com/embed",
    "fast.wistia.",
    "players.brightcove.net",
];
const INGREDIENT_WORDS: &[&str] = &["ingredient", "zutat", "ingrediënt", "ingredienten"];
const STEP_WORDS: &[&str] = &[
    "instruction",
    "direction",
    "method",
    "step",
    "preparation",
    "zubereitung",
    "anleitung",
    "schritt",
    "bereiding",
    "werkwijze",
    "stap",
];
const HOURS_PHRASES: &[&str] = &[
    "opening hours",
    "opening times",
    "hours of operation",
    "business hours",
    "öffnungszeiten",
    "geöffnet",
    "openingstijden",
    "openingsuren",
    "geopend",
];
/// Words that label a phone number (folded), each followed by at most a few of `: .-/`.
const PHONE_LABELS: &[&str] = &[
    "tel",
    "phone",
    "telephone",
    "call",
    "fax",
    "mobile",
    "telefon",
    "fon",
    "mobil",
    "handy",
    "telefoon",
    "mobiel",
    "bel",
];
const STREET_SUFFIXES: &[&str] = &[
    // German
    "straße", "strasse", "str.", "weg", "platz", "gasse", "allee", "damm", "ufer", "chaussee",
    // Dutch
    "straat", "laan", "plein", "gracht", "kade", "dijk", "singel", "steeg",
];
const STREET_TYPES: &[&str] = &[
    "street",
    "st",
    "st.",
    "road",
    "rd",
    "rd.",
    "avenue",
    "ave",
    "ave.",
    "lane",
    "ln",
    "drive",
    "dr",
    "dr.",
    "boulevard",
    "blvd",
    "blvd.",
    "way",
    "place",
    "square",
    "court",
];

impl Cues {
    /// Every cue with its name as features and reports use it (`cue:opening_hours`).
    pub fn named_counts(&self) -> [(&'static str, u16); 12] {
        [
            ("prices", self.prices),
            ("cart_buttons", self.cart_buttons),
            ("cart_links", self.cart_links),
            ("addresses", self.addresses),
            ("opening_hours", self.opening_hours),
            ("tel_links", self.tel_links),
            ("phone_numbers", self.phone_numbers),
            ("map_embeds", self.map_embeds),
            ("direction_links", self.direction_links),
            ("ingredient_items", self.ingredient_items),
            ("step_items", self.step_items),
            ("videos", self.videos),
        ]
    }

    /// Detects the cues of a page; `folded_text` is its collapsed body text, folded
    /// ([`fold`]), and `schema_types` its schema.org types.
    pub fn detect(raw: &RawPage, folded_text: &str, schema_types: &[String]) -> Self {
        let mut cues = Cues::default();
        let add = |counter: &mut u16, n: usize| {
            *counter = counter.saturating_add(n.min(usize::from(u16::MAX)) as u16)
        };

        add(&mut cues.prices, count_prices(folded_text));
        add(
            &mut cues.addresses,
            raw.addresses as usize + count_street_addresses(folded_text),
        );
        add(&mut cues.opening_hours, count_time_ranges(folded_text));
        add(&mut cues.phone_numbers, count_phone_numbers(folded_text));
        for phrase in HOURS_PHRASES {
            add(
                &mut cues.opening_hours,
                count_occurrences(folded_text, phrase),
            );
        }

        for link in &raw.links {
            let href = fold(link.href.trim());
            let label = fold(&element_text(&link.text));
            add(
                &mut cues.cart_buttons,
                usize::from(contains_any(&label, CART_PHRASES)),
            );
            add(
                &mut cues.cart_links,
                usize::from(contains_any(&href, CART_PATHS)),
            );
            add(&mut cues.tel_links, usize::from(href.starts_with("tel:")));
            let directions =
                contains_any(&href, DIRECTION_HOSTS) || contains_any(&label, DIRECTION_PHRASES);
            add(&mut cues.direction_links, usize::from(directions));
        }
        for button in &raw.buttons {
            add(
                &mut cues.cart_buttons,
                usize::from(is_cart_label(&element_text(button.label()))),
            );
        }
        for list in &raw.lists {
            let label = fold(&element_text(&list.label));
            if contains_any(&label, INGREDIENT_WORDS) {
                add(&mut cues.ingredient_items, list.items as usize);
            }
            if contains_any(&label, STEP_WORDS) {
                add(&mut cues.step_items, list.items as usize);
            }
        }

        add(&mut cues.videos, raw.videos as usize);
        for frame in &raw.frames {
            let frame = fold(frame);
            add(
                &mut cues.map_embeds,
                usize::from(contains_any(&frame, MAP_HOSTS)),
            );
            add(
                &mut cues.videos,
                usize::from(contains_any(&frame, VIDEO_HOSTS)),
            );
        }
        let og_video = raw.meta.iter().any(|(name, _)| {
            name.get(..8)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("og:video"))
        });
        add(&mut cues.videos, usize::from(og_video));
        add(
            &mut cues.videos,
            usize::from(schema_types.iter().any(|t| t == "VideoObject")),
        );
        cues
    }
}

/// Whether a button or link label says "add to cart" or "buy" (in any supported language):
/// `BehaviourTracker` counts clicks on such controls as cart actions.
pub(crate) fn is_cart_label(label: &str) -> bool {
    contains_any(&fold(label), CART_PHRASES)
}

/// Currency markers next to a number: "€12", "12 €", "eur 12", "12,99 chf".
fn count_prices(text: &str) -> usize {
    let bytes = text.as_bytes();
    text.char_indices()
        .filter_map(|(start, c)| {
            currency_marker_len(text, start, c).map(|len| (start, start + len))
        })
        .filter(|&(start, end)| {
            first_non_space_is_digit(bytes[end..].iter().copied().take(2))
                || first_non_space_is_digit(bytes[..start].iter().rev().copied().take(2))
        })
        .count()
}

fn first_non_space_is_digit(mut near: impl Iterator<Item = u8>) -> bool {
    near.find(|b| *b != b' ')
        .is_some_and(|b| b.is_ascii_digit())
}

/// The length of the currency symbol or whole-word ISO code at `start`, if there is one.
fn currency_marker_len(text: &str, start: usize, c: char) -> Option<usize> {
    if matches!(c, '€' | '$' | '£') {
        return Some(c.len_utf8());
    }
    let rest = text.get(start..).unwrap_or_default();
    let code = ["euro", "eur", "chf", "usd", "gbp"]
        .into_iter()
        .find(|code| rest.starts_with(code))?;
    let bytes = text.as_bytes();
    let at_word_start = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let at_word_end = !bytes
        .get(start + code.len())
        .is_some_and(u8::is_ascii_alphabetic);
    (at_word_start && at_word_end).then_some(code.len())
}

/// Street names with a house number followed, within a few words, by a postcode:
/// "Hauptstraße 12, 10115 Berlin", "Keizersgracht 1, 1015 CJ Amsterdam",
/// "221 Baker Street, London NW1 6XE", "350 Fifth Avenue, New York, NY 10118".
fn count_street_addresses(text: &str) -> usize {
    let words: Vec<&str> = text
        .split_ascii_whitespace()
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '|')))
        .collect();
    let mut found = 0;
    let mut i = 0;
    while i < words.len() {
        let word = words[i];
        let european =
            is_european_street(word) && words.get(i + 1).is_some_and(|n| is_house_number(n));
        // American house numbers run to five digits ("16000 Maricopa Road").
        let english = STREET_TYPES.contains(&word)
            && (1..=3).any(|back| {
                i >= back
                    && (1..=5).contains(&words[i - back].len())
                    && words[i - back].bytes().all(|b| b.is_ascii_digit())
            });
        if european || english {
            if let Some(offset) = (1..=8).find(|k| is_postcode(&words, i + k)) {
                found += 1;
                i += offset;
            }
        }
        i += 1;
    }
    found
}

/// Phone numbers: a run of digits and ` ()+-./` separators, labelled ("tel. 030 1234567",
/// 6 to 15 digits), international ("+49 30 1234567", 9 to 15 digits in at least two
/// groups), or North American ("(212) 998-2500", "212-998-2500": groups of 3, 3 and 4).
/// Dates, prices and postcodes are none of these. (A labelled number run together with
/// more digits, "tel. 030 1234567 / 030 7654321", exceeds 15 digits and is missed.)
fn count_phone_numbers(text: &str) -> usize {
    const MAX_RUN_BYTES: usize = 24;
    let bytes = text.as_bytes();
    let is_run_byte = |b: u8| b.is_ascii_digit() || b" ()+-./".contains(&b);
    let mut found = 0;
    let mut i = 0;
    while i < bytes.len() {
        let starts = matches!(bytes[i], b'0'..=b'9' | b'+' | b'(')
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let run = &bytes[i..];
        let run = &run[..run
            .iter()
            .take(MAX_RUN_BYTES)
            .take_while(|b| is_run_byte(**b))
            .count()];
        // A number ends with its last digit, not with the space or dot after it.
        let run_len = run
            .iter()
            .rposition(u8::is_ascii_digit)
            .map_or(0, |p| p + 1);
        let run = &run[..run_len];
        if run_len == 0 {
            i += 1;
            continue;
        }
        let end_in_word = bytes
            .get(i + run_len)
            .is_some_and(u8::is_ascii_alphanumeric);
        // Digit groups: their count, total, and the lengths of the first four (no allocation:
        // this runs at every number of the page).
        let (mut groups, mut digits, mut lengths) = (0, 0, [0usize; 4]);
        for group in run.split(|b| !b.is_ascii_digit()).filter(|g| !g.is_empty()) {
            if let Some(length) = lengths.get_mut(groups) {
                *length = group.len();
            }
            groups += 1;
            digits += group.len();
        }
        let north_american = matches!((groups, lengths), (3, [3, 3, 4, _]) | (4, [1, 3, 3, 4]));
        let international = run[0] == b'+' && (9..=15).contains(&digits) && groups >= 2;
        let labelled = (6..=15).contains(&digits) && follows_phone_label(bytes, i);
        if !end_in_word && (north_american || international || labelled) {
            found += 1;
            i += run_len;
        } else {
            i += 1;
        }
    }
    found
}

/// Whether the text before `at` ends with a phone label and at most 3 of `: .-/`.
fn follows_phone_label(bytes: &[u8], at: usize) -> bool {
    let before = &bytes[..at];
    let separators = before
        .iter()
        .rev()
        .take(4)
        .take_while(|b| b" :.-/".contains(b))
        .count();
    let before = &before[..before.len() - separators];
    let word_len = before
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let word_start = before.len() - word_len;
    let word = &before[word_start..];
    // The whole word: "möbel" and "hôtel" do not end in a label.
    let whole_word = word_start == 0
        || before[word_start - 1].is_ascii_whitespace()
        || before[word_start - 1].is_ascii_punctuation();
    (1..=3).contains(&separators)
        && whole_word
        && PHONE_LABELS.iter().any(|label| label.as_bytes() == word)
}

/// "hauptstraße", "kirchweg", "keizersgracht", or the suffix alone ("Lange Straße").
fn is_european_street(word: &str) -> bool {
    STREET_SUFFIXES.iter().any(|suffix| word.ends_with(suffix))
}

/// "12", "12a", "1-3" is not (ranges are rare and ambiguous).
fn is_house_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (1..=4).contains(&digits) && word.len() - digits <= 1
}

/// A German, Austrian, Swiss, Dutch or US postcode (4 or 5 digits) or a British one
/// ("nw1 6xe": an outward code with a digit, then digit-letter-letter).
fn is_postcode(words: &[&str], i: usize) -> bool {
    let Some(word) = words.get(i) else {
        return false;
    };
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.len() == 4 || word.len() == 5;
    }
    let outward = (2..=4).contains(&word.len())
        && word.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && word.bytes().any(|b| b.is_ascii_digit())
        && word.bytes().all(|b| b.is_ascii_alphanumeric());
    let inward = words.get(i + 1).is_some_and(|w| {
        let b = w.as_bytes();
        b.len() == 3
            && b[0].is_ascii_digit()
            && b[1].is_ascii_alphabetic()
            && b[2].is_ascii_alphabetic()
    });
    outward && inward
}

/// Time ranges with minutes or a unit on at least one side, so "1-2 cups" is not one:
/// "9:00 - 18:00", "11.30–22.00", "9-17 uhr", "9am to 5pm", "10 bis 18 uhr".
fn count_time_ranges(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut found = 0;
    let mut i = 0;
    while i < bytes.len() {
        let starts_number =
            bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if starts_number {
            if let Some((first, after_first)) = read_time(bytes, i) {
                if let Some(after_separator) = read_range_separator(bytes, after_first) {
                    if let Some((second, end)) = read_time(bytes, after_separator) {
                        if first.explicit || second.explicit {
                            found += 1;
                            i = end;
                            continue;
                        }
                    }
                }
            }
        }
        i += 1;
    }
    found
}

struct ClockTime {
    /// Has minutes or a unit (am, pm, uhr, h), so it is surely a time of day.
    explicit: bool,
}

fn read_time(bytes: &[u8], start: usize) -> Option<(ClockTime, usize)> {
    let mut i = start;
    let hour_digits = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hour_digits) {
        return None;
    }
    let hour = digits_value(&bytes[i..i + hour_digits]);
    i += hour_digits;
    let mut explicit = false;
    if matches!(bytes.get(i), Some(b':' | b'.'))
        && bytes
            .get(i + 1..i + 3)
            .is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        && !bytes.get(i + 3).is_some_and(u8::is_ascii_digit)
    {
        if digits_value(&bytes[i + 1..i + 3]) >= 60 {
            return None;
        }
        explicit = true;
        i += 3;
    }
    if hour > 24 {
        return None;
    }
    let unit_start = if bytes.get(i) == Some(&b' ') {
        i + 1
    } else {
        i
    };
    for unit in [&b"am"[..], b"pm", b"a.m.", b"p.m.", b"uhr", b"h"] {
        if bytes[unit_start.min(bytes.len())..].starts_with(unit)
            && !bytes
                .get(unit_start + unit.len())
                .is_some_and(u8::is_ascii_alphabetic)
        {
            return Some((ClockTime { explicit: true }, unit_start + unit.len()));
        }
    }
    Some((ClockTime { explicit }, i))
}

fn read_range_separator(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    let rest = bytes.get(i..)?;
    let separator_len = [
        &b"-"[..],
        "–".as_bytes(),
        "—".as_bytes(),
        b"to ",
        b"bis ",
        b"tot ",
        b"until ",
    ]
    .iter()
    .find(|s| rest.starts_with(s))?
    .len();
    i += separator_len;
    while bytes.get(i) == Some(&b' ') {
        i += 1;
    }
    bytes.get(i).is_some_and(u8::is_ascii_digit).then_some(i)
}

fn digits_value(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |value, d| value * 10 + u32::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::raw::{RawButton, RawLink, RawList};

    fn cues_of_text(text: &str) -> Cues {
        Cues::detect(&RawPage::default(), &fold(text), &[])
    }

    fn link(href: &str, text: &str) -> RawLink {
        RawLink {
            href: href.into(),
            text: text.into(),
        }
    }

    #[test]
    fn phone_numbers_are_labelled_international_or_north_american() {
        for phone in [
            "tel. 030 1234567",
            "telefon: 0511/123 45 67",
            "phone: 020-1234567",
            "fax 030 12 34 56",
            "+31 20 123 4567",
            "+49 (0)30 1234567",
            "(212) 998-2500",
            "212-998-2500",
            "bel 0900-1234567",
        ] {
            assert_eq!(count_phone_numbers(&fold(phone)), 1, "{phone}");
        }
        for not_phone in [
            "2013-11-05",
            "12.99 € 4.99 €",
            "10115 berlin",
            "isbn 978-3-16-148410-0",
            "+5 km +10 km",
            "9:00 - 18:00",
            "telefon",
            "tel. 12",
            "call 1234567abc",
            "möbel 1234567",
            "hôtel 0123456789",
        ] {
            assert_eq!(count_phone_numbers(&fold(not_phone)), 0, "{not_phone}");
        }
        assert_eq!(
            count_phone_numbers("new york, ny 10012 (212) 998-2500 quick links"),
            1
        );
    }

    #[test]
    fn prices_need_a_currency_next_to_a_number() {
        assert_eq!(
            count_prices("€12 12 € 12,99€ eur 5 7.50 chf $5 £3.20 5 euro"),
            8
        );
        assert_eq!(count_prices("europe euro-zone 12 cups eurasia €uro usd"), 0);
    }

    #[test]
    fn time_ranges_need_minutes_or_a_unit() {
        for hours in [
            "9:00 - 18:00",
            "11.30–22.00",
            "9-17 uhr",
            "9am to 5pm",
            "10 bis 18 uhr",
            "12:00-14:30",
            "9 h – 18 h",
        ] {
            assert_eq!(count_time_ranges(hours), 1, "{hours}");
        }
        for not_hours in [
            "1-2 cups",
            "2019-2020",
            "bake 20-25 minutes",
            "12.5 - 13.5",
            "10:75-11:00",
        ] {
            assert_eq!(count_time_ranges(not_hours), 0, "{not_hours}");
        }
        assert_eq!(count_time_ranges("mo-fr 9:00-18:00, sa 10:00-14:00"), 2);
    }

    #[test]
    fn street_addresses_in_german_dutch_and_english() {
        for address in [
            "hauptstraße 12, 10115 berlin",
            "musterstr. 5a 80331 münchen",
            "am kirchweg 3 1010 wien",
            "keizersgracht 123 1015 cj amsterdam",
            "221 baker street london nw1 6xe",
            "350 fifth avenue, new york, ny 10118",
            "16000 maricopa road maricopa az 85139",
        ] {
            assert_eq!(count_street_addresses(address), 1, "{address}");
        }
        for not_address in [
            "the street was busy in 2019",
            "weg 3 mal",
            "we walked 5 streets",
        ] {
            assert_eq!(count_street_addresses(not_address), 0, "{not_address}");
        }
    }

    #[test]
    fn opening_hours_from_headings_and_ranges() {
        assert_eq!(
            cues_of_text("Öffnungszeiten: Mo–Fr 11:30–22:00").opening_hours,
            2
        );
        assert_eq!(
            cues_of_text("Openingstijden ma t/m vr 9.00 - 17.00").opening_hours,
            2
        );
        assert_eq!(cues_of_text("Bake for 20-25 minutes").opening_hours, 0);
    }

    #[test]
    fn shop_cues_from_buttons_and_links() {
        let raw = RawPage {
            buttons: vec![
                RawButton {
                    text: "In den\n Warenkorb".into(),
                    ..RawButton::default()
                },
                RawButton {
                    text: " ".into(),
                    value: "Add to Cart".into(),
                    ..RawButton::default()
                },
                RawButton {
                    aria_label: "Toevoegen aan winkelwagen".into(),
                    ..RawButton::default()
                },
                // The label is the text; a cart-like value behind it does not count.
                RawButton {
                    text: "Search".into(),
                    value: "Add to cart".into(),
                    ..RawButton::default()
                },
            ],
            links: vec![
                link("/warenkorb", "Warenkorb"),
                link("https://shop.de/checkout/", "Kasse"),
                link("/blog", "Blog"),
            ],
            ..RawPage::default()
        };
        let cues = Cues::detect(&raw, "", &[]);
        assert_eq!(cues.cart_buttons, 3);
        assert_eq!(cues.cart_links, 2);
    }

    #[test]
    fn place_cues_from_links_and_frames() {
        let raw = RawPage {
            links: vec![
                link("tel:+49301234567", "Anrufen"),
                link(" TEL:030 123", "030 123"),
                link(
                    "https://www.google.com/maps/dir/?api=1&destination=x",
                    "Route",
                ),
                link("/anfahrt", "Anfahrt"),
                link("/kontakt", "Kontakt"),
            ],
            frames: vec![
                "https://www.google.com/maps/embed?pb=1".into(),
                "https://www.youtube-nocookie.com/embed/x".into(),
            ],
            addresses: 1,
            ..RawPage::default()
        };
        let cues = Cues::detect(&raw, "", &[]);
        assert_eq!(cues.tel_links, 2);
        assert_eq!(cues.direction_links, 2);
        assert_eq!(cues.map_embeds, 1);
        assert_eq!(cues.videos, 1);
        assert_eq!(cues.addresses, 1);
    }

    #[test]
    fn recipe_lists_by_their_labels() {
        let raw = RawPage {
            lists: vec![
                RawList {
                    label: "wprm-recipe-ingredients".into(),
                    items: 7,
                },
                RawList {
                    label: "Zutaten".into(),
                    items: 5,
                },
                RawList {
                    label: "wprm-recipe-instructions".into(),
                    items: 4,
                },
                RawList {
                    label: "Zubereitung".into(),
                    items: 3,
                },
                RawList {
                    label: "nav menu".into(),
                    items: 20,
                },
            ],
            ..RawPage::default()
        };
        let cues = Cues::detect(&raw, "", &[]);
        assert_eq!((cues.ingredient_items, cues.step_items), (12, 7));
    }

    #[test]
    fn videos_from_every_source() {
        let raw = RawPage {
            videos: 2,
            meta: vec![("og:video:url".into(), "https://v.example/x.mp4".into())],
            ..RawPage::default()
        };
        let cues = Cues::detect(&raw, "", &["VideoObject".to_owned()]);
        assert_eq!(cues.videos, 4);
    }
}
