//! Bytes to text the way a browser would: byte-order mark, then a `<meta charset>` in the
//! first 1024 bytes, then UTF-8 when the bytes are valid UTF-8, else windows-1252.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// A decoded document and the encoding used, whose WHATWG name a browser can be given
/// (`Content-Type: text/html; charset=…`) to decode the same bytes the same way.
pub struct Decoded {
    /// The document text.
    pub html: String,
    /// The encoding's name, e.g. "UTF-8" or "windows-1252".
    pub charset: &'static str,
}

/// Decodes an HTML document.
pub fn decode_html(bytes: &[u8]) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| meta_charset(bytes))
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
    let (html, used, _) = encoding.decode(bytes);
    Decoded {
        html: html.into_owned(),
        charset: used.name(),
    }
}

/// A simplified form of the HTML prescan: the first `charset=` inside a `<meta` tag.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut search_from = 0;
    while let Some(meta) = find(&lower[search_from..], b"<meta").map(|i| i + search_from) {
        let tag_end = find(&lower[meta..], b">").map_or(lower.len(), |i| i + meta);
        let tag = &lower[meta..tag_end];
        if let Some(at) = find(tag, b"charset=") {
            let value = &tag[at + b"charset=".len()..];
            let value = value
                .strip_prefix(b"\"")
                .or_else(|| value.strip_prefix(b"'"))
                .unwrap_or(value);
            let end = value
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
                })
                .unwrap_or(value.len());
            if let Some(encoding) = Encoding::for_label(&value[..end]) {
                // A document that declares UTF-16 in ASCII bytes is not UTF-16 (HTML spec).
                let is_utf16 =
                    encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE;
                return Some(if is_utf16 { UTF_8 } else { encoding });
            }
        }
        search_from = tag_end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_wins_over_guessing() {
        let latin1 = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>Stra\xdfe</body></html>";
        let decoded = decode_html(latin1);
        assert_eq!(decoded.charset, "windows-1252");
        assert!(decoded.html.contains("Straße"));
        let declared = decode_html(b"<meta charset='utf-8'><p>\xc3\xa4</p>");
        assert_eq!(
            (declared.charset, declared.html.contains('ä')),
            ("UTF-8", true)
        );
    }

    #[test]
    fn without_a_declaration_valid_utf8_is_utf8() {
        assert_eq!(decode_html("<p>Größe</p>".as_bytes()).charset, "UTF-8");
        assert_eq!(decode_html(b"<p>Gr\xf6\xdfe</p>").charset, "windows-1252");
    }

    #[test]
    fn a_byte_order_mark_wins() {
        assert_eq!(
            decode_html(b"\xef\xbb\xbf<meta charset=latin1>x").charset,
            "UTF-8"
        );
    }
}
