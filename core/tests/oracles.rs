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
