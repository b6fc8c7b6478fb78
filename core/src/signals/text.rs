//! Small text helpers shared by the extractors; all bounded and panic-free on any input.

/// The first `max_chars` characters of `text`.
pub fn truncate_chars(text: &str, max_chars: usize) -> String {
    let end = text
        .char_indices()
        .nth(max_chars)
        .map_or(text.len(), |(end, _)| end);
    text.get(..end).unwrap_or(text).to_owned()
}

/// The longest start of `text` that is at most `max_units` UTF-16 code units long: what
/// JavaScript's `text.slice(0, max)` gives, except that a surrogate pair is never split.
/// Both page builders cut with this rule (`cut()` in `src/js/browser.js`).
pub fn cut_utf16(text: &str, max_units: usize) -> &str {
    let mut units = 0;
    let end = text
        .char_indices()
        .find(|(_, c)| {
            units += c.len_utf16();
            units > max_units
        })
        .map_or(text.len(), |(at, _)| at);
    text.get(..end).unwrap_or(text)
}

/// The first position of `needle` in `haystack`.
///
/// A plain scan instead of `str::find`/`contains`: the standard two-way searcher costs
/// kilobytes of wasm, and every needle here is a short word scanned for in bounded text.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = haystack.len().checked_sub(needle.len())?;
    (0..=last_start).find(|&i| haystack[i] == first && haystack[i + 1..].starts_with(rest))
}

/// Splits `text` before the first byte that is one of the ASCII `delimiters`: the part
/// before it, and the rest starting with it ("" when there is none).
///
/// Byte scans instead of `str::split`/`find`, whose searchers cost wasm bytes; ASCII
/// delimiters always sit on character boundaries.
pub fn split_before<'a>(text: &'a str, delimiters: &[u8]) -> (&'a str, &'a str) {
    let at = text
        .bytes()
        .position(|b| delimiters.contains(&b))
        .unwrap_or(text.len());
    (
        text.get(..at).unwrap_or(text),
        text.get(at..).unwrap_or_default(),
    )
}

/// The part of `text` after the last byte that is one of the ASCII `delimiters` (all of it
/// when there is none).
pub fn after_last<'a>(text: &'a str, delimiters: &[u8]) -> &'a str {
    let start = text
        .bytes()
        .rposition(|b| delimiters.contains(&b))
        .map_or(0, |at| at + 1);
    text.get(start..).unwrap_or(text)
}

/// How often `needle` occurs in `haystack`, not overlapping.
pub fn count_occurrences(haystack: &str, needle: &str) -> usize {
    let (mut count, mut from) = (0, 0);
    while let Some(at) = haystack
        .as_bytes()
        .get(from..)
        .and_then(|rest| find_bytes(rest, needle.as_bytes()))
    {
        count += 1;
        from += at + needle.len().max(1);
    }
    count
}

/// Collapses every run of whitespace to one space and trims the ends, keeping at most
/// `max_chars` characters. Returns the text and whether anything was cut.
pub fn collapse_whitespace(text: &str, max_chars: usize) -> (String, bool) {
    let mut out = String::with_capacity(text.len().min(max_chars * 2));
    let mut count = 0;
    for word in text.split_whitespace() {
        if count > 0 {
            if count == max_chars {
                return (out, true);
            }
            out.push(' ');
            count += 1;
        }
        for c in word.chars() {
            if count == max_chars {
                return (out, true);
            }
            out.push(c);
            count += 1;
        }
    }
    (out, false)
}

/// Lowercases for matching: ASCII and the letters of German and Dutch (`to_lowercase` on
/// everything would be larger and slower and is not needed for the cue vocabularies).
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            'Ä' => 'ä',
            'Ö' => 'ö',
            'Ü' => 'ü',
            'Ë' => 'ë',
            'Ï' => 'ï',
            'É' => 'é',
            _ => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Sorts by `key`, not stable, in place: a heapsort, because every `sort_unstable`
/// instantiation costs about 3 KB of wasm and this one costs a few hundred bytes.
pub fn heap_sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let sift_down = |items: &mut [T], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && key(&items[child]) < key(&items[child + 1]) {
            child += 1;
        }
        if key(&items[root]) >= key(&items[child]) {
            break;
        }
        items.swap(root, child);
        root = child;
    };
    for start in (0..items.len() / 2).rev() {
        sift_down(items, start, items.len());
    }
    for end in (1..items.len()).rev() {
        items.swap(0, end);
        sift_down(items, 0, end);
    }
}

/// Whether `text` (already folded) contains any of `phrases`.
pub fn contains_any(text: &str, phrases: &[&str]) -> bool {
    phrases
        .iter()
        .any(|phrase| find_bytes(text.as_bytes(), phrase.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_is_by_characters() {
        assert_eq!(truncate_chars("Größe", 3), "Grö");
        assert_eq!(truncate_chars("ab", 5), "ab");
        assert_eq!(truncate_chars("", 0), "");
    }

    #[test]
    fn whitespace_collapses_and_the_cut_is_reported() {
        assert_eq!(
            collapse_whitespace("  a \n\t b  ", 10),
            ("a b".to_owned(), false)
        );
        assert_eq!(
            collapse_whitespace("abc def", 5),
            ("abc d".to_owned(), true)
        );
        assert_eq!(
            collapse_whitespace("abc def", 7),
            ("abc def".to_owned(), false)
        );
        assert_eq!(collapse_whitespace("abc def", 3), ("abc".to_owned(), true));
    }

    #[test]
    fn cutting_counts_utf16_units_and_keeps_pairs_whole() {
        assert_eq!(cut_utf16("abc", 2), "ab");
        assert_eq!(cut_utf16("abc", 5), "abc");
        assert_eq!(cut_utf16("a🍕b", 2), "a"); // the pizza is two units and would not fit
        assert_eq!(cut_utf16("a🍕b", 3), "a🍕");
        assert_eq!(cut_utf16("", 0), "");
    }

    #[test]
    fn splitting_at_ascii_delimiters() {
        assert_eq!(split_before("a/b?c", b"/?"), ("a", "/b?c"));
        assert_eq!(split_before("abc", b"/"), ("abc", ""));
        assert_eq!(after_last("https://schema.org/Recipe", b"/#"), "Recipe");
        assert_eq!(after_last("Recipe", b"/#"), "Recipe");
        assert_eq!(after_last("a/", b"/"), "");
    }

    #[test]
    fn byte_search_finds_every_position() {
        assert_eq!(find_bytes(b"abcabc", b"cab"), Some(2));
        assert_eq!(find_bytes(b"abc", b"abcd"), None);
        assert_eq!(find_bytes(b"abc", b""), None);
        assert_eq!(find_bytes(b"", b"a"), None);
        assert_eq!(find_bytes(b"aaab", b"ab"), Some(2));
        assert_eq!(
            count_occurrences("öffnungszeiten und öffnungszeiten", "öffnungszeiten"),
            2
        );
        assert_eq!(count_occurrences("aaaa", "aa"), 2);
        assert_eq!(count_occurrences("abc", ""), 0);
    }

    #[test]
    fn heap_sort_sorts() {
        for len in 0..40u32 {
            let mut items: Vec<u32> = (0..len).map(|i| (i * 7919) % 31).collect();
            let mut expected = items.clone();
            expected.sort();
            heap_sort_by_key(&mut items, |x| *x);
            assert_eq!(items, expected);
        }
    }

    #[test]
    fn folding_covers_german_and_dutch_capitals() {
        assert_eq!(fold("ÖFFNUNGSZEITEN Über"), "öffnungszeiten über");
    }
}
