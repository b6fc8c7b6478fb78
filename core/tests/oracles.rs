//! The core against answers from libraries this project did not write
//! (`../shared/oracles/README.md`).

mod shared;

use augenblick_core::signals::{encode_geohash, DeviceClass};
use shared::read_shared;

/// ngeohash 0.6.4: 20,008 points, each at precision 1 to 12.
#[test]
fn geohash_matches_ngeohash_at_every_precision() {
    let oracle = read_shared("oracles/geohash-ngeohash.txt.gz");
    let mut checked = 0;
    for line in oracle.lines().filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let lat: f64 = fields[0].parse().unwrap();
        let lon: f64 = fields[1].parse().unwrap();
        for (precision, expected) in (1u8..=12).zip(&fields[2..]) {
            // Both sides put a point exactly on a cell boundary into the lower cell, so even
            // (0, 0) agrees: 7zzzzz…, not the s00000… of the Rust `geohash` crate.
            assert_eq!(
                encode_geohash(lat, lon, precision).unwrap(),
                *expected,
                "({lat}, {lon}) at precision {precision}"
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 20_008 * 12);
}

/// The User-Agent fallback on the strings where ua-parser-js 1.x, ua-parser-js 2.x and bowser
/// agree on mobile, tablet or desktop.
///
/// ua-parser-js never says "desktop": it gives no type ("desktop?" in the file), and only
/// bowser says "desktop" outright. So a string is agreed desktop when both ua-parser-js
/// versions give no type and bowser says "desktop". Strings where bowser says "unknown" as
/// well are left out: nobody classified them, and many are feature phones (MIDP/WAP
/// browsers) that are mobile, not desktop.
///
/// Where we still disagree, the oracle is often the one that is wrong: all three libraries
/// call Huawei MediaPads, a "Samsung Galaxy Tab" and Motorola XOOMs phones, and Windows CE
/// Palm handhelds desktops. We keep Google's rule (Android browsers without "Mobile" are
/// tablets) rather than copy those model lists.
#[test]
fn user_agent_classes_agree_with_the_reference_libraries() {
    /// 99.54% (10,598 of 10,647) when this test was written (BENCHMARKS.md); the issue's
    /// goal is 98%. It fails below the figure reached.
    const MIN_ACCURACY: f64 = 0.995;

    let oracle = read_shared("oracles/ua-classes.jsonl");
    let mut total = 0usize;
    let mut correct = 0usize;
    let mut per_class = [[0usize; 2]; 3];
    let mut misses = Vec::new();
    for line in oracle.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        let class = |key: &str| match record[key].as_str().unwrap_or_default() {
            "mobile" => Some(DeviceClass::Mobile),
            "tablet" => Some(DeviceClass::Tablet),
            "desktop" | "desktop?" => Some(DeviceClass::Desktop),
            _ => None,
        };
        let (Some(a), Some(b), Some(c)) =
            (class("uaParserJs1"), class("uaParserJs2"), class("bowser"))
        else {
            continue;
        };
        if a != b || b != c {
            continue;
        }
        let ua = record["ua"].as_str().unwrap();
        let ours = DeviceClass::from_user_agent(ua);
        let index = a as usize;
        total += 1;
        per_class[index][1] += 1;
        if ours == a {
            correct += 1;
            per_class[index][0] += 1;
        } else if misses.len() < 20 {
            misses.push(format!("{:?} (expected {:?}): {ua}", ours, a));
        }
    }
    let accuracy = correct as f64 / total as f64;
    println!(
        "agreed strings: {total}; ours correct: {correct} ({:.2}%)",
        accuracy * 100.0
    );
    for (class, [ok, n]) in ["mobile", "tablet", "desktop"].iter().zip(per_class) {
        println!("  {class}: {ok}/{n}");
    }
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(
        total > 10_000,
        "the oracle should give over 10,000 agreed strings, got {total}"
    );
    assert!(
        accuracy >= MIN_ACCURACY,
        "accuracy {accuracy:.4} fell below {MIN_ACCURACY}"
    );
}

/// @iabtechlabtcf/core 1.5.21, the IAB Tech Lab's own library: 500 random TC strings. Every
/// field the SDK decodes must agree; the vendor sections are not decoded (see
/// `consent/tcstring.rs` for why) and are not compared.
#[test]
fn tc_strings_agree_with_the_iab_library() {
    use augenblick_core::consent::tcf::TcfPurposes;
    use augenblick_core::consent::{set_ids, TcString};
    use augenblick_core::json::{self, Value};

    let ids = |value: &Value| -> Vec<u32> { value.items().iter().map(Value::as_u32).collect() };
    let oracle = read_shared("oracles/tcf-random-500.jsonl");
    let mut checked = 0;
    for line in oracle.lines().filter(|l| !l.trim().is_empty()) {
        let record = json::parse(line).unwrap();
        let text = record.str_field("tcString");
        let want = record.get("expected").unwrap();
        let tc = TcString::decode(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let n = |key: &str| want.u32_field(key);
        let b = |key: &str| want.bool_field(key);
        assert_eq!(u32::from(tc.version), n("version"), "{text}");
        assert_eq!(iso_date(tc.created_ds), want.str_field("created"), "{text}");
        assert_eq!(
            iso_date(tc.last_updated_ds),
            want.str_field("lastUpdated"),
            "{text}"
        );
        assert_eq!(
            [tc.cmp_id, tc.cmp_version, tc.vendor_list_version].map(u32::from),
            [n("cmpId"), n("cmpVersion"), n("vendorListVersion")],
            "{text}"
        );
        assert_eq!(
            [tc.consent_screen, tc.policy_version].map(u32::from),
            [n("consentScreen"), n("policyVersion")],
            "{text}"
        );
        assert_eq!(
            tc.consent_language,
            want.str_field("consentLanguage"),
            "{text}"
        );
        assert_eq!(
            tc.publisher_country_code,
            want.str_field("publisherCountryCode"),
            "{text}"
        );
        assert_eq!(
            [
                tc.is_service_specific,
                tc.use_non_standard_texts,
                tc.purpose_one_treatment
            ],
            [
                b("isServiceSpecific"),
                b("useNonStandardTexts"),
                b("purposeOneTreatment")
            ],
            "{text}"
        );
        let list = |key: &str| ids(want.get(key).unwrap());
        let publisher = tc
            .publisher
            .clone()
            .unwrap_or(augenblick_core::consent::PublisherTc {
                consents: 0,
                legitimate_interests: 0,
                custom_purposes: 0,
                custom_consents: 0,
                custom_legitimate_interests: 0,
            });
        for (bits, width, field) in [
            (
                u64::from(tc.special_feature_optins),
                12,
                "specialFeatureOptins",
            ),
            (u64::from(tc.purpose_consents), 24, "purposeConsents"),
            (
                u64::from(tc.purpose_legitimate_interests),
                24,
                "purposeLegitimateInterests",
            ),
            (u64::from(publisher.consents), 24, "publisherConsents"),
            (
                u64::from(publisher.legitimate_interests),
                24,
                "publisherLegitimateInterests",
            ),
        ] {
            assert_eq!(set_ids(bits, width), list(field), "{field} of {text}");
        }
        // Whether a publisher TC segment is there, read off the string itself: a segment
        // whose first three bits are 3 (its first character is 'Y' to 'f' in base64url).
        let has_publisher_segment = text
            .split('.')
            .skip(1)
            .any(|segment| segment.starts_with(|c: char| ('Y'..='f').contains(&c)));
        assert_eq!(tc.publisher.is_some(), has_publisher_segment, "{text}");
        let custom = u32::from(publisher.custom_purposes);
        assert_eq!(custom, n("numCustomPurposes"), "{text}");
        assert_eq!(
            set_ids(publisher.custom_consents, custom),
            list("publisherCustomConsents"),
            "{text}"
        );
        assert_eq!(
            set_ids(publisher.custom_legitimate_interests, custom),
            list("publisherCustomLegitimateInterests"),
            "{text}"
        );
        // Our purposes, by the table in docs/PRIVACY.md, from the IAB library's decoding.
        let (consents, interests) = if has_publisher_segment {
            (
                list("publisherConsents"),
                list("publisherLegitimateInterests"),
            )
        } else {
            (list("purposeConsents"), list("purposeLegitimateInterests"))
        };
        let want = augenblick_core::Consent {
            personalization: consents.contains(&11) || interests.contains(&11),
            storage: consents.contains(&1),
            geolocation: list("specialFeatureOptins").contains(&1),
            events: consents.contains(&8) || interests.contains(&8),
        };
        let ours = augenblick_core::Consent::default()
            .with(&TcfPurposes::from_tc_string(&tc).to_consent());
        assert_eq!(ours, want, "{text}");
        checked += 1;
    }
    assert_eq!(checked, 500);
}

/// Deciseconds since 1970 as the IAB library prints dates: `2023-06-24T00:00:00.000Z`.
fn iso_date(deciseconds: u64) -> String {
    let ms = deciseconds * 100;
    let days = (ms / 86_400_000) as i64;
    let ms_of_day = ms % 86_400_000;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        ms_of_day / 3_600_000,
        ms_of_day / 60_000 % 60,
        ms_of_day / 1000 % 60,
        ms_of_day % 1000
    )
}

/// A cookie is input any script of the domain can write: every prefix of the oracle's
/// strings, and each with one character changed, decodes or is refused, never panics.
#[test]
fn broken_tc_strings_are_refused_without_panicking() {
    use augenblick_core::consent::TcString;
    use augenblick_core::json;

    let oracle = read_shared("oracles/tcf-random-500.jsonl");
    let mut refused = 0;
    for line in oracle.lines().filter(|l| !l.trim().is_empty()).take(40) {
        let text = json::parse(line).unwrap().str_field("tcString");
        for end in 0..text.len() {
            refused += usize::from(TcString::decode(&text[..end]).is_err());
        }
        for (i, replacement) in text
            .char_indices()
            .map(|(i, _)| (i, "*"))
            .chain([(0, "B"), (1, "_")])
        {
            let mut changed = text.clone();
            changed.replace_range(i..i + 1, replacement);
            refused += usize::from(TcString::decode(&changed).is_err());
        }
    }
    assert!(refused > 0);
}
