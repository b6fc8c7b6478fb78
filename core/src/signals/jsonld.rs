//! schema.org types from JSON-LD: a small, bounded JSON reader that collects every `@type`
//! at any depth (so arrays, `@graph` and nested objects need no special case).

/// Largest JSON-LD block read, in bytes; larger ones are skipped and counted.
pub const MAX_JSON_LD_BYTES: usize = 256 * 1024;
/// Deepest nesting followed; deeper blocks are abandoned as malformed.
pub const MAX_JSON_LD_DEPTH: usize = 64;

/// Why a JSON-LD block gave no (or only some) types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonLdProblem {
    /// Longer than [`MAX_JSON_LD_BYTES`]; not read at all.
    TooLarge,
    /// Not valid JSON, or nested deeper than [`MAX_JSON_LD_DEPTH`]; the types found before
    /// the error are kept.
    Malformed,
}

/// Appends the `@type` values of one JSON-LD block to `types` (as found: normalise with
/// [`schema_type_name`]).
pub fn collect_types(json: &str, types: &mut Vec<String>) -> Result<(), JsonLdProblem> {
    if json.len() > MAX_JSON_LD_BYTES {
        return Err(JsonLdProblem::TooLarge);
    }
    let mut reader = Reader {
        bytes: json.as_bytes(),
        pos: 0,
        types,
    };
    reader.skip_ws();
    reader.value(0, false)?;
    reader.skip_ws();
    if reader.pos == reader.bytes.len() {
        Ok(())
    } else {
        Err(JsonLdProblem::Malformed)
    }
}

/// The schema.org type name of a `@type` value: `"https://schema.org/Recipe"`,
/// `"schema:Recipe"` and `"Recipe"` are all `Recipe`. Empty for an empty value.
pub fn schema_type_name(value: &str) -> &str {
    let value = value.trim();
    let after_slash = value.rsplit(['/', '#']).next().unwrap_or(value);
    after_slash.rsplit(':').next().unwrap_or(after_slash)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    types: &'a mut Vec<String>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), JsonLdProblem> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(JsonLdProblem::Malformed)
        }
    }

    /// Reads one value; `is_type` says it is the value of an `@type` key, whose strings
    /// (directly or in an array) are collected.
    fn value(&mut self, depth: usize, is_type: bool) -> Result<(), JsonLdProblem> {
        if depth > MAX_JSON_LD_DEPTH {
            return Err(JsonLdProblem::Malformed);
        }
        match self.peek().ok_or(JsonLdProblem::Malformed)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth, is_type),
            b'"' => {
                let text = self.string()?;
                if is_type {
                    self.types.push(text);
                }
                Ok(())
            }
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(JsonLdProblem::Malformed),
        }
    }

    fn object(&mut self, depth: usize) -> Result<(), JsonLdProblem> {
        self.expect(b'{')?;
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            self.value(depth + 1, key == "@type")?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(JsonLdProblem::Malformed),
            }
        }
    }

    fn array(&mut self, depth: usize, is_type: bool) -> Result<(), JsonLdProblem> {
        self.expect(b'[')?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(());
        }
        loop {
            self.skip_ws();
            self.value(depth + 1, is_type)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(JsonLdProblem::Malformed),
            }
        }
    }

    /// A string, with escapes decoded (`\uXXXX` surrogate pairs included; a lone surrogate
    /// becomes U+FFFD).
    fn string(&mut self) -> Result<String, JsonLdProblem> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            let byte = self.peek().ok_or(JsonLdProblem::Malformed)?;
            self.pos += 1;
            match byte {
                b'"' => return String::from_utf8(out).map_err(|_| JsonLdProblem::Malformed),
                b'\\' => {
                    let escape = self.peek().ok_or(JsonLdProblem::Malformed)?;
                    self.pos += 1;
                    let decoded = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(JsonLdProblem::Malformed),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(decoded.encode_utf8(&mut buffer).as_bytes());
                }
                // Real pages put raw newlines and tabs in JSON-LD strings; browsers' JSON.parse
                // rejects them, but the types are still readable, so accept them.
                _ => out.push(byte),
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, JsonLdProblem> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first)
            && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            let saved = self.pos;
            self.pos += 2;
            let second = self.hex4()?;
            if (0xDC00..0xE000).contains(&second) {
                let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
            }
            self.pos = saved;
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }

    fn hex4(&mut self) -> Result<u32, JsonLdProblem> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or(JsonLdProblem::Malformed)?;
        let mut value = 0;
        for &digit in digits {
            let nibble = (digit as char)
                .to_digit(16)
                .ok_or(JsonLdProblem::Malformed)?;
            value = value * 16 + nibble;
        }
        self.pos += 4;
        Ok(value)
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), JsonLdProblem> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(JsonLdProblem::Malformed)
        }
    }

    fn number(&mut self) -> Result<(), JsonLdProblem> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.pos += 1;
        }
        if self.pos > start {
            Ok(())
        } else {
            Err(JsonLdProblem::Malformed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types_of(json: &str) -> (Vec<String>, Result<(), JsonLdProblem>) {
        let mut types = Vec::new();
        let result = collect_types(json, &mut types);
        (types, result)
    }

    #[test]
    fn finds_types_at_every_depth() {
        let json = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","breadcrumb":{"@type":"BreadcrumbList"}},
            {"@type":["Recipe","HowTo"],"author":{"@type":"Person","name":"A \"B\""}},
            {"@type":"https://schema.org/VideoObject","n":[1,-2.5e3,true,null]}]}"#;
        let (types, result) = types_of(json);
        assert_eq!(result, Ok(()));
        assert_eq!(
            types,
            [
                "WebPage",
                "BreadcrumbList",
                "Recipe",
                "HowTo",
                "Person",
                "https://schema.org/VideoObject"
            ]
        );
    }

    #[test]
    fn a_top_level_array_works() {
        let (types, result) = types_of(r#"[{"@type":"Product"},{"@type":"Organization"}]"#);
        assert_eq!(result, Ok(()));
        assert_eq!(types, ["Product", "Organization"]);
    }

    #[test]
    fn malformed_json_keeps_what_was_found_before_the_error() {
        let (types, result) = types_of(r#"{"@type":"Recipe", "name": "unterminated"#);
        assert_eq!(result, Err(JsonLdProblem::Malformed));
        assert_eq!(types, ["Recipe"]);
        for bad in [
            "",
            "{",
            "{]",
            "{\"a\" 1}",
            "[1,]x",
            "{\"a\":tru}",
            "\"\\x\"",
        ] {
            assert_eq!(types_of(bad).1, Err(JsonLdProblem::Malformed), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        assert_eq!(types_of(&deep).1, Err(JsonLdProblem::Malformed));
        let ok = format!(
            "{}{}",
            "[".repeat(MAX_JSON_LD_DEPTH),
            "]".repeat(MAX_JSON_LD_DEPTH)
        );
        assert_eq!(types_of(&ok).1, Ok(()));
    }

    #[test]
    fn huge_blocks_are_not_read() {
        let huge = format!(
            r#"{{"@type":"Product","x":"{}"}}"#,
            "a".repeat(MAX_JSON_LD_BYTES)
        );
        assert_eq!(types_of(&huge), (vec![], Err(JsonLdProblem::TooLarge)));
    }

    #[test]
    fn escapes_are_decoded() {
        let (types, _) = types_of(r#"{"@type":"Caf\u00e9 \ud83c\udf55 \ud800"}"#);
        assert_eq!(types, ["Café 🍕 \u{FFFD}"]);
    }

    #[test]
    fn type_names_are_normalised() {
        assert_eq!(schema_type_name("https://schema.org/Recipe"), "Recipe");
        assert_eq!(schema_type_name("http://schema.org/Product "), "Product");
        assert_eq!(schema_type_name("schema:Restaurant"), "Restaurant");
        assert_eq!(schema_type_name("Article"), "Article");
        assert_eq!(schema_type_name(""), "");
    }
}
