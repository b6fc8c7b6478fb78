//! A small JSON reader and writer: how values cross between the core and JavaScript, and
//! how the native tools print them.
//!
//! Why not serde: the first browser layer built on web-sys and serde-wasm-bindgen came to
//! 65 KB gzip, over the package's 40 KB ceiling (BENCHMARKS.md). Strings through one
//! boundary call, with this reader and writer, cost a fraction of that. Numbers are read
//! and written without `core::fmt` and `str::parse::<f64>` for the same reason.

use crate::error::decimal_u64;

/// Deepest nesting the reader follows; deeper input is malformed.
pub const MAX_DEPTH: usize = 64;

/// A parsed JSON value. Objects keep their keys in order (duplicates too).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, as (key, value) pairs in document order.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value of `key` in an object (the first, if repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The elements, if this is an array; empty otherwise.
    pub fn items(&self) -> &[Value] {
        match self {
            Value::Array(items) => items,
            _ => &[],
        }
    }

    /// A string field of an object, or "".
    pub fn str_field(&self, key: &str) -> String {
        self.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }

    /// A boolean field of an object, or `false`.
    pub fn bool_field(&self, key: &str) -> bool {
        self.get(key).and_then(Value::as_bool).unwrap_or(false)
    }

    /// The number as a `u32`, clamped (fractions cut), or 0 if this is not a number.
    pub fn as_u32(&self) -> u32 {
        self.as_f64()
            .map_or(0, |n| n.clamp(0.0, f64::from(u32::MAX)) as u32)
    }

    /// A whole-number field of an object, clamped to `u32`, or 0.
    pub fn u32_field(&self, key: &str) -> u32 {
        self.get(key).map_or(0, Value::as_u32)
    }

    /// Visits this value and everything inside it, depth first.
    pub fn walk(&self, visit: &mut impl FnMut(&Value)) {
        visit(self);
        match self {
            Value::Array(items) => items.iter().for_each(|item| item.walk(visit)),
            Value::Object(entries) => entries.iter().for_each(|(_, value)| value.walk(visit)),
            _ => {}
        }
    }
}

/// Why a text is not JSON this reader accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Parses a JSON text. Lenient in one way real pages need: raw control characters inside
/// strings (newlines in JSON-LD) are kept rather than refused.
pub fn parse(text: &str) -> Result<Value, Malformed> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = reader.value(0)?;
    reader.skip_ws();
    if reader.pos == reader.bytes.len() {
        Ok(value)
    } else {
        Err(Malformed)
    }
}

/// A number as HTML writes one in an attribute ("a valid floating-point number"): JSON's
/// number with leading zeros allowed and the integer part optional before a fraction
/// (`0.5`, `.5` and `05` alike), surrounding ASCII whitespace ignored. `None` for anything
/// else.
pub fn parse_html_number(text: &str) -> Option<f64> {
    let text = text.trim_ascii();
    let mut reader = Reader {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let number = reader.number(Grammar::Html).ok()?;
    (reader.pos == text.len()).then_some(number)
}

/// Whose rules a number follows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grammar {
    Json,
    Html,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
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

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_ws();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value, Malformed> {
        if depth > MAX_DEPTH {
            return Err(Malformed);
        }
        self.skip_ws();
        match self.peek().ok_or(Malformed)? {
            b'{' => {
                self.pos += 1;
                let mut entries = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.skip_ws();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err(Malformed);
                        }
                        entries.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(Malformed);
                        }
                    }
                }
                Ok(Value::Object(entries))
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err(Malformed);
                        }
                    }
                }
                Ok(Value::Array(items))
            }
            b'"' => self.string().map(Value::String),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Null),
            _ => self.number(Grammar::Json).map(Value::Number),
        }
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Result<Value, Malformed> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(Malformed)
        }
    }

    /// A string, with escapes decoded (`\uXXXX` surrogate pairs included; a lone surrogate
    /// becomes U+FFFD).
    fn string(&mut self) -> Result<String, Malformed> {
        if self.peek() != Some(b'"') {
            return Err(Malformed);
        }
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let byte = self.peek().ok_or(Malformed)?;
            self.pos += 1;
            match byte {
                b'"' => return String::from_utf8(out).map_err(|_| Malformed),
                b'\\' => {
                    let escape = self.peek().ok_or(Malformed)?;
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
                        _ => return Err(Malformed),
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(decoded.encode_utf8(&mut buffer).as_bytes());
                }
                _ => out.push(byte),
            }
        }
    }

    fn unicode_escape(&mut self) -> Result<char, Malformed> {
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

    fn hex4(&mut self) -> Result<u32, Malformed> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(Malformed)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + (digit as char).to_digit(16).ok_or(Malformed)?;
        }
        self.pos += 4;
        Ok(value)
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`, as mantissa × 10^exponent. Exact for up to 15
    /// significant digits, which covers everything this crate reads (coordinates, pixel
    /// ratios, counts, timestamps).
    fn number(&mut self, grammar: Grammar) -> Result<f64, Malformed> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        // Digits beyond 17 cannot change an f64; they only move the exponent.
        const MANTISSA_LIMIT: u64 = 100_000_000_000_000_000;
        let (mut mantissa, mut exponent, mut digits) = (0u64, 0i32, 0);
        let leading_zero = self.peek() == Some(b'0');
        while let Some(d @ b'0'..=b'9') = self.peek() {
            if mantissa < MANTISSA_LIMIT {
                mantissa = mantissa * 10 + u64::from(d - b'0');
            } else {
                exponent += 1;
            }
            self.pos += 1;
            digits += 1;
        }
        // JSON's grammar: an integer part of one digit or more, no leading zero, and a
        // fraction of one digit or more ("01", ".5" and "1." are not JSON). HTML's allows
        // the first two.
        let fraction_follows = self.peek() == Some(b'.');
        let integer_part_ok = match grammar {
            Grammar::Json => digits > 0 && !(leading_zero && digits > 1),
            Grammar::Html => digits > 0 || fraction_follows,
        };
        if !integer_part_ok {
            return Err(Malformed);
        }
        if fraction_follows {
            self.pos += 1;
            let integer_digits = digits;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                if mantissa < MANTISSA_LIMIT {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    exponent -= 1;
                }
                self.pos += 1;
                digits += 1;
            }
            if digits == integer_digits {
                return Err(Malformed);
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let sign = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    -1
                }
                Some(b'+') => {
                    self.pos += 1;
                    1
                }
                _ => 1,
            };
            let mut power = 0i32;
            let mut power_digits = 0;
            while let Some(d @ b'0'..=b'9') = self.peek() {
                power = power.saturating_mul(10).saturating_add(i32::from(d - b'0'));
                self.pos += 1;
                power_digits += 1;
            }
            if power_digits == 0 {
                return Err(Malformed);
            }
            exponent = exponent.saturating_add(sign * power);
        }
        // Zero whatever the exponent: `scale` would make 0e400 0 × ∞.
        let magnitude = if mantissa == 0 {
            0.0
        } else {
            scale(mantissa as f64, exponent)
        };
        Ok(if negative { -magnitude } else { magnitude })
    }
}

/// `value × 10^exponent`, dividing by an exact power of ten where possible so the common
/// case ("52.520008") is correctly rounded.
fn scale(value: f64, exponent: i32) -> f64 {
    let mut power = 1.0;
    for _ in 0..exponent.unsigned_abs().min(400) {
        power *= 10.0;
    }
    if exponent < 0 {
        value / power
    } else {
        value * power
    }
}

/// Writes values as JSON text.
pub trait ToJson {
    /// Appends this value's JSON to `out`.
    fn write_json(&self, out: &mut String);

    /// This value as a JSON text.
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Writes a JSON object from `(key, value)` pairs: `json_object!(out, "a" => x, "b" => y)`.
/// Keys are literals that need no escaping, so each becomes one constant `"key":` string.
#[macro_export]
#[doc(hidden)]
macro_rules! json_object {
    ($out:expr, $first_key:literal => $first:expr $(, $key:literal => $value:expr)* $(,)?) => {{
        let out: &mut String = $out;
        out.push_str(concat!("{\"", $first_key, "\":"));
        $crate::json::ToJson::write_json(&$first, out);
        $(
            out.push_str(concat!(",\"", $key, "\":"));
            $crate::json::ToJson::write_json(&$value, out);
        )*
        out.push('}');
    }};
}

/// Appends `text` as a JSON string.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_string(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! unsigned_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                out.push_str(&decimal_u64(u64::from(*self)));
            }
        }
    )*};
}
unsigned_to_json!(u8, u16, u32, u64);

impl ToJson for i16 {
    fn write_json(&self, out: &mut String) {
        if *self < 0 {
            out.push('-');
        }
        out.push_str(&decimal_u64(u64::from(self.unsigned_abs())));
    }
}

/// A parsed value written back; numbers as [`f64`] writes them (three decimals at most).
impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => n.write_json(out),
            Value::String(s) => write_string(out, s),
            Value::Array(items) => items.write_json(out),
            Value::Object(entries) => {
                out.push('{');
                for (i, (key, value)) in entries.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(out, key);
                    out.push(':');
                    value.write_json(out);
                }
                out.push('}');
            }
        }
    }
}

/// Numbers with a fraction are written to three decimals ("2.625", "0.4"): enough for pixel
/// ratios and scroll depths, and no float formatter in the binary.
impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        if !self.is_finite() {
            out.push_str("null");
            return;
        }
        if *self < 0.0 {
            out.push('-');
        }
        let thousandths = (self.abs() * 1000.0).round().min(9.0e18) as u64;
        out.push_str(&decimal_u64(thousandths / 1000));
        let fraction = thousandths % 1000;
        if fraction != 0 {
            let digits = decimal_u64(1000 + fraction);
            out.push('.');
            out.push_str(digits.get(1..).unwrap_or_default().trim_end_matches('0'));
        }
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (i, item) in self.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            item.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_json_in_json_and_html_in_attributes() {
        for text in ["01", ".5", "1.", "-.5", "+1"] {
            assert_eq!(parse(text), Err(Malformed), "{text}");
        }
        assert_eq!(parse_html_number(" .5 "), Some(0.5));
        assert_eq!(parse_html_number("05"), Some(5.0));
        assert_eq!(parse_html_number("-.25"), Some(-0.25));
        assert_eq!(parse_html_number("0.5e1"), Some(5.0));
        for text in ["1.", ".", "", "-", "0.5.5", "1e", "+1", "0x1", "\"0.5\""] {
            assert_eq!(parse_html_number(text), None, "{text}");
        }
    }

    #[test]
    fn parses_every_kind_of_value() {
        let value = parse(r#" {"a": [1, -2.5, 3e2, 1E-2, true, false, null], "b": {"c": "d\"\u00e9\ud83c\udf55"}} "#).unwrap();
        let numbers: Vec<_> = value
            .get("a")
            .unwrap()
            .items()
            .iter()
            .filter_map(Value::as_f64)
            .collect();
        assert_eq!(numbers, [1.0, -2.5, 300.0, 0.01]);
        assert_eq!(
            value.get("b").unwrap().get("c").unwrap().as_str(),
            Some("d\"é🍕")
        );
        assert_eq!(parse("[]").unwrap(), Value::Array(vec![]));
        assert_eq!(parse("{}").unwrap(), Value::Object(vec![]));
    }

    #[test]
    fn coordinates_parse_exactly() {
        for text in [
            "52.520008",
            "-13.404954",
            "0.000001",
            "179.9999999",
            "-89.99999999999",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(parse(text).unwrap().as_f64(), Some(expected), "{text}");
        }
    }

    #[test]
    fn malformed_text_is_refused() {
        for bad in [
            "",
            "{",
            "{]",
            "{\"a\" 1}",
            "[1,]",
            "[1 2]",
            "tru",
            "\"\\x\"",
            "-",
            "1e",
            "{\"a\":1,}",
            "[1]x",
        ] {
            assert_eq!(parse(bad), Err(Malformed), "{bad:?}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflowing_the_stack() {
        assert_eq!(parse(&"[".repeat(100_000)), Err(Malformed));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn raw_control_characters_in_strings_are_kept() {
        assert_eq!(parse("\"a\nb\"").unwrap().as_str(), Some("a\nb"));
    }

    #[test]
    fn writes_and_reads_back() {
        let mut out = String::new();
        json_object!(&mut out, "s" => "q\"\\\n\u{1}é", "n" => 42u32, "neg" => -120i16, "f" => 2.625f64, "g" => 0.4f64,
            "whole" => 3.0f64, "none" => None::<u8>, "list" => vec![true, false]);
        assert_eq!(
            out,
            r#"{"s":"q\"\\\n\u0001é","n":42,"neg":-120,"f":2.625,"g":0.4,"whole":3,"none":null,"list":[true,false]}"#
        );
        let back = parse(&out).unwrap();
        assert_eq!(back.get("s").unwrap().as_str(), Some("q\"\\\n\u{1}é"));
        assert_eq!(back.get("f").unwrap().as_f64(), Some(2.625));
    }

    #[test]
    fn non_finite_numbers_are_written_as_null() {
        assert_eq!(f64::NAN.to_json(), "null");
        assert_eq!(f64::INFINITY.to_json(), "null");
    }
}
