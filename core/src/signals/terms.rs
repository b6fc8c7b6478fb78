//! The page's words, for the moment model: every word of the title, description and body
//! text, and every word of the URL path, as hashed feature names (`word:rezept`,
//! `url:checkout`).
//!
//! They are hashed once, when the page is read, so that inference is a merge of two sorted
//! lists of numbers and never touches the text again. The trainer tokenizes with the same
//! [`for_each_term`] to learn which words matter; only those words ship in the model.

use super::text::{fold, heap_sort_by_key};

/// Words shorter than this (in bytes) are not terms: "a", "of", "de" carry no intent.
const MIN_TERM_BYTES: usize = 3;
/// Longer runs (in bytes) are not words but identifiers, hashes or unsegmented scripts.
const MAX_TERM_BYTES: usize = 40;

/// Where a word was seen; the namespace is part of its feature name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermField {
    /// The title, the meta description and the body text: `word:…`.
    Text,
    /// The URL path: `url:…`.
    Path,
}

impl TermField {
    /// The feature-name prefix of the field, colon included.
    pub const fn prefix(self) -> &'static str {
        match self {
            TermField::Text => "word:",
            TermField::Path => "url:",
        }
    }
}

/// Calls `visit` with every term of `text`, in order, repeats included: runs of letters and
/// digits (any non-ASCII character counts as a letter, so "größe" and "straße" stay whole),
/// folded to lowercase, from 3 to 40 bytes, not all digits.
pub fn for_each_term(text: &str, visit: impl FnMut(&str)) {
    for_each_folded_term(&fold(text), visit);
}

/// [`for_each_term`] for text that is folded already.
fn for_each_folded_term(folded: &str, mut visit: impl FnMut(&str)) {
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || !b.is_ascii();
    for word in folded.as_bytes().split(|b| !is_word_byte(*b)) {
        let long_enough = (MIN_TERM_BYTES..=MAX_TERM_BYTES).contains(&word.len());
        if long_enough && !word.iter().all(u8::is_ascii_digit) {
            // Split only at ASCII bytes, so every piece is valid UTF-8.
            if let Ok(word) = core::str::from_utf8(word) {
                visit(word);
            }
        }
    }
}

/// The 32-bit FNV-1a hash of a feature name given in parts (`["word:", "rezept"]`). Model
/// files name features in words; this is how both sides find them.
pub fn feature_hash(parts: &[&str]) -> u32 {
    parts
        .iter()
        .fold(FNV_OFFSET, |hash, part| fnv_1a(hash, part.as_bytes()))
}

/// FNV-1a's starting value.
pub(crate) const FNV_OFFSET: u32 = 0x811c_9dc5;

/// `hash` (FNV-1a so far) continued over `bytes`; `const` for the model's build check.
pub(crate) const fn fnv_1a(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut at = 0;
    while at < bytes.len() {
        hash ^= bytes[at] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        at += 1;
    }
    hash
}

/// The distinct term hashes of a page's fields, sorted; each text is folded already
/// ([`fold`]: the page folds its body text once, for these and for the cues).
pub(crate) fn term_hashes(folded_fields: &[(TermField, &str)]) -> Vec<u32> {
    let mut hashes = Vec::new();
    for (field, folded) in folded_fields {
        for_each_folded_term(folded, |term| {
            hashes.push(feature_hash(&[field.prefix(), term]))
        });
    }
    heap_sort_by_key(&mut hashes, |hash| *hash);
    hashes.dedup();
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        for_each_term(text, |t| out.push(t.to_owned()));
        out
    }

    #[test]
    fn words_are_folded_and_split_at_ascii_punctuation() {
        assert_eq!(
            terms("Pizza-Rezept: GRÖSSE & Größe, 12 Zutaten; 2019 a/b x86"),
            ["pizza", "rezept", "grösse", "größe", "zutaten", "x86"]
        );
        assert_eq!(
            terms("/de/rezepte/pizza_margherita.html"),
            ["rezepte", "pizza", "margherita", "html"]
        );
    }

    #[test]
    fn identifiers_and_numbers_are_not_terms() {
        assert!(terms(&"x".repeat(41)).is_empty());
        assert!(terms("123456 0042").is_empty());
        assert_eq!(terms(&"y".repeat(40)).len(), 1);
    }

    #[test]
    fn hashes_are_fnv1a_of_the_joined_name() {
        // FNV-1a 32 reference values.
        assert_eq!(feature_hash(&[]), 0x811c_9dc5);
        assert_eq!(feature_hash(&["a"]), 0xe40c_292c);
        assert_eq!(feature_hash(&["foo", "bar"]), feature_hash(&["foobar"]));
    }

    #[test]
    fn a_page_gives_distinct_sorted_hashes_per_field() {
        let hashes = term_hashes(&[
            (TermField::Text, &fold("Pizza pizza PIZZA")),
            (TermField::Path, "/pizza"),
        ]);
        assert_eq!(hashes.len(), 2);
        assert!(hashes.windows(2).all(|w| w[0] < w[1]));
        assert!(hashes.contains(&feature_hash(&["url:", "pizza"])));
    }
}
