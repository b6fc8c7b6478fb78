//! IAB TCF v2.2 TC strings, decoded: the core segment's fixed fields and the publisher TC
//! segment, which is what a first-party SDK needs (the site is the publisher, not a
//! vendor). Used where only the CMP's `euconsent-v2` cookie is there, before its script
//! answers.
//!
//! The vendor sections are not decoded. A maintained crate decodes them (`lib_tcstring`
//! 0.5.0), but it expands vendor ranges without bound: one range entry of 33 bits can name
//! 65,535 vendors and a 3 KB cookie can hold 700 of them, tens of millions of entries in
//! memory, from a cookie any script of the site's domain can set. What is read here is
//! bounded by the string's length, which is itself capped.

use crate::Error;

/// Longer strings are refused: real TC strings are a few hundred characters, a few
/// thousand with many vendors.
pub const MAX_TC_STRING_CHARS: usize = 20_000;

/// The fields of a TC string the SDK uses or reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TcString {
    /// Always 2.
    pub version: u8,
    /// Deciseconds since 1970 (TCF 2.2 CMPs round to the day).
    pub created_ds: u64,
    /// Deciseconds since 1970.
    pub last_updated_ds: u64,
    /// The CMP's registered id.
    pub cmp_id: u16,
    /// The CMP's version.
    pub cmp_version: u16,
    /// The screen on which consent was given.
    pub consent_screen: u8,
    /// Two letters, e.g. "EN".
    pub consent_language: String,
    /// The Global Vendor List version.
    pub vendor_list_version: u16,
    /// The TCF policy version (4 for TCF 2.2).
    pub policy_version: u8,
    /// Consent for this service only, not shared.
    pub is_service_specific: bool,
    /// The CMP used non-standard texts.
    pub use_non_standard_texts: bool,
    /// Special feature opt-ins, bit `n - 1` for feature `n` (1: precise geolocation).
    pub special_feature_optins: u16,
    /// Purpose consents, bit `n - 1` for purpose `n`.
    pub purpose_consents: u32,
    /// Purpose legitimate interests (transparency established), bit `n - 1` for purpose `n`.
    pub purpose_legitimate_interests: u32,
    /// Purpose 1 was not disclosed (the publisher's country rules).
    pub purpose_one_treatment: bool,
    /// Two letters, e.g. "DE".
    pub publisher_country_code: String,
    /// The publisher TC segment, if the string has one.
    pub publisher: Option<PublisherTc>,
}

/// The publisher's own purposes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublisherTc {
    /// Bit `n - 1` for purpose `n`.
    pub consents: u32,
    /// Bit `n - 1` for purpose `n`.
    pub legitimate_interests: u32,
    /// How many custom purposes the publisher defined.
    pub custom_purposes: u8,
    /// Bit `n - 1` for custom purpose `n`.
    pub custom_consents: u64,
    /// Bit `n - 1` for custom purpose `n`.
    pub custom_legitimate_interests: u64,
}

/// The segment type of the publisher TC segment.
const PUBLISHER_TC: u64 = 3;

impl TcString {
    /// Decodes a TC string. An `InvalidTcStringError` says what is wrong with it.
    pub fn decode(text: &str) -> Result<TcString, Error> {
        if text.len() > MAX_TC_STRING_CHARS {
            return Err(Error::invalid_tc_string("longer than 20,000 characters"));
        }
        let mut segments = text.trim().split('.');
        let core = base64url(segments.next().unwrap_or_default())?;
        let mut bits = Bits::new(&core);
        let version = bits.read(6) as u8;
        if version != 2 {
            return Err(Error::invalid_tc_string("not a TCF v2 string"));
        }
        let mut tc = TcString {
            version,
            created_ds: bits.read(36),
            last_updated_ds: bits.read(36),
            cmp_id: bits.read(12) as u16,
            cmp_version: bits.read(12) as u16,
            consent_screen: bits.read(6) as u8,
            consent_language: bits.letters(),
            vendor_list_version: bits.read(12) as u16,
            policy_version: bits.read(6) as u8,
            is_service_specific: bits.read(1) == 1,
            use_non_standard_texts: bits.read(1) == 1,
            special_feature_optins: bits.flags(12) as u16,
            purpose_consents: bits.flags(24) as u32,
            purpose_legitimate_interests: bits.flags(24) as u32,
            purpose_one_treatment: bits.read(1) == 1,
            publisher_country_code: bits.letters(),
            publisher: None,
        };
        bits.check()?;
        for segment in segments {
            let bytes = base64url(segment)?;
            let mut bits = Bits::new(&bytes);
            if bits.read(3) != PUBLISHER_TC {
                continue; // disclosed or allowed vendors: not read
            }
            let consents = bits.flags(24) as u32;
            let legitimate_interests = bits.flags(24) as u32;
            let custom_purposes = bits.read(6) as u8;
            let width = u32::from(custom_purposes);
            tc.publisher = Some(PublisherTc {
                consents,
                legitimate_interests,
                custom_purposes,
                custom_consents: bits.flags(width),
                custom_legitimate_interests: bits.flags(width),
            });
            bits.check()?;
        }
        Ok(tc)
    }
}

/// The ids whose bits are set, bit `n - 1` for id `n`, among the first `width`.
pub fn set_ids(flags: u64, width: u32) -> Vec<u32> {
    (1..=width.min(64))
        .filter(|id| flags & (1 << (id - 1)) != 0)
        .collect()
}

/// Bits read most significant first, as the TCF writes them. Reading past the end gives
/// zeros and is remembered; [`Bits::check`] turns it into the error, once.
struct Bits<'a> {
    bytes: &'a [u8],
    position: usize,
    overrun: bool,
    bad_letter: bool,
}

impl<'a> Bits<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Bits {
            bytes,
            position: 0,
            overrun: false,
            bad_letter: false,
        }
    }

    /// The next `width` bits (at most 64) as a number.
    fn read(&mut self, width: u32) -> u64 {
        let mut value = 0u64;
        for _ in 0..width {
            let bit = match self.bytes.get(self.position / 8) {
                Some(byte) => (byte >> (7 - self.position % 8)) & 1,
                None => {
                    self.overrun = true;
                    0
                }
            };
            value = (value << 1) | u64::from(bit);
            self.position += 1;
        }
        value
    }

    /// The next `width` bits as flags for ids 1 to `width`: bit `n - 1` for id `n`.
    fn flags(&mut self, width: u32) -> u64 {
        let mut flags = 0u64;
        for id in 0..width {
            flags |= self.read(1) << id;
        }
        flags
    }

    /// Two letters of six bits each, 0 = "A".
    fn letters(&mut self) -> String {
        let mut text = String::with_capacity(2);
        for _ in 0..2 {
            let offset = self.read(6) as u8;
            self.bad_letter |= offset > 25;
            text.push(char::from(b'A' + offset.min(25)));
        }
        text
    }

    /// Whether everything read was there and well-formed.
    fn check(&self) -> Result<(), Error> {
        if self.overrun {
            Err(Error::invalid_tc_string("shorter than its fields"))
        } else if self.bad_letter {
            Err(Error::invalid_tc_string("a letter outside A to Z"))
        } else {
            Ok(())
        }
    }
}

/// Base64url without padding (RFC 4648 §5), as TC strings are written; standard base64's
/// `+` and `/` and trailing `=` are accepted too, since some CMPs write them.
fn base64url(text: &str) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::with_capacity(text.len() * 3 / 4 + 1);
    let (mut buffer, mut held) = (0u32, 0u32);
    for c in text.trim_end_matches('=').bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return Err(Error::invalid_tc_string("a character outside base64url")),
        };
        buffer = (buffer << 6) | u32::from(value);
        held += 6;
        if held >= 8 {
            held -= 8;
            bytes.push((buffer >> held) as u8);
            buffer &= (1 << held) - 1;
        }
    }
    // Leftover bits (fewer than 8) are the zero padding of the last character; the TCF
    // counts fields in bits, so a last partial byte still holds field bits: keep it.
    if held > 0 {
        bytes.push((buffer << (8 - held)) as u8);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The IAB's example in the TCF v2 string format document.
    const EXAMPLE: &str = "COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA";

    #[test]
    fn the_core_fields_of_the_iab_example() {
        let tc = TcString::decode(EXAMPLE).unwrap();
        assert_eq!(tc.version, 2);
        assert_eq!(tc.cmp_id, 27);
        assert_eq!(tc.consent_language, "EN");
        assert_eq!(tc.publisher_country_code, "AA");
        assert_eq!(set_ids(u64::from(tc.purpose_consents), 24), [1, 2, 3]);
        assert_eq!(tc.publisher, None);
    }

    #[test]
    fn broken_strings_are_named_errors() {
        for bad in [
            "",
            "C",
            "BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA",
            "COvF*GBO",
            "COvFyGBOvFyGBAbA",
        ] {
            let err = TcString::decode(bad).unwrap_err();
            assert_eq!(err.name(), "InvalidTcStringError", "{bad:?}");
        }
        let long = "C".repeat(MAX_TC_STRING_CHARS + 1);
        assert_eq!(
            TcString::decode(&long).unwrap_err().message(),
            "invalid TC string: longer than 20,000 characters"
        );
    }

    #[test]
    fn ids_are_read_from_their_bits() {
        assert_eq!(set_ids(0b1011, 24), [1, 2, 4]);
        assert_eq!(set_ids(u64::MAX, 3), [1, 2, 3]);
        assert_eq!(set_ids(0, 24), Vec::<u32>::new());
    }
}
