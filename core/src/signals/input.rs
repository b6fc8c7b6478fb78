//! What the browser layer reads, as JSON, into the core's types. The browser snippet
//! (`src/js/browser.js`) writes these shapes; reading is lenient (a missing or mistyped
//! field is empty) because the snippet, not the site, produces them. Site options are read
//! strictly in `options.rs`.

use super::{
    ClientHints, Device, DeviceClass, LocalTime, Pointer, RawButton, RawLink, RawList, RawPage,
};
use crate::json::Value;

/// Languages kept from `navigator.languages`.
const MAX_LANGUAGES: usize = 8;

impl RawPage {
    /// Reads the browser snippet's page reading:
    /// `{url, referrer, lang, title, meta: [[key, content]], headings: [[level, text]],
    /// jsonLd: [text], itemtypes: [text], links: [[href, text]],
    /// buttons: [[text, value, ariaLabel]],
    /// frames: [src], videos, addresses, lists: [[label, items]], text, truncated, failed}`.
    pub fn from_json(value: &Value) -> RawPage {
        let strings = |key: &str| -> Vec<String> {
            value
                .get(key)
                .map_or(&[][..], Value::items)
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        };
        let pairs = |key: &str| -> Vec<(&Value, &Value)> {
            value
                .get(key)
                .map_or(&[][..], Value::items)
                .iter()
                .filter_map(|pair| match pair.items() {
                    [first, second] => Some((first, second)),
                    _ => None,
                })
                .collect()
        };
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        RawPage {
            url: value.str_field("url"),
            referrer: value.str_field("referrer"),
            lang: value.str_field("lang"),
            title: value.str_field("title"),
            meta: pairs("meta")
                .into_iter()
                .map(|(k, v)| (text(k), text(v)))
                .collect(),
            headings: pairs("headings")
                .into_iter()
                .map(|(level, t)| (level.as_u32().min(u32::from(u8::MAX)) as u8, text(t)))
                .collect(),
            json_ld: strings("jsonLd"),
            itemtypes: strings("itemtypes"),
            links: pairs("links")
                .into_iter()
                .map(|(href, t)| RawLink {
                    href: text(href),
                    text: text(t),
                })
                .collect(),
            buttons: value
                .get("buttons")
                .map_or(&[][..], Value::items)
                .iter()
                .filter_map(|button| match button.items() {
                    [t, v, a] => Some(RawButton {
                        text: text(t),
                        value: text(v),
                        aria_label: text(a),
                    }),
                    _ => None,
                })
                .collect(),
            frames: strings("frames"),
            videos: value.u32_field("videos"),
            addresses: value.u32_field("addresses"),
            lists: pairs("lists")
                .into_iter()
                .map(|(label, items)| RawList {
                    label: text(label),
                    items: items.as_u32(),
                })
                .collect(),
            text: value.str_field("text"),
            truncated: value.bool_field("truncated"),
            failed: value.bool_field("failed"),
        }
    }
}

/// The device and the clock, as the browser snippet reads them in one call.
pub struct Environment {
    /// The device.
    pub device: Device,
    /// Local time.
    pub time: LocalTime,
}

impl Environment {
    /// Reads `{userAgent, hints: {mobile, platform} | null, maxTouchPoints, pointer,
    /// viewportWidth, viewportHeight, pixelRatio, effectiveType, saveData, languages,
    /// reducedMotion, now, utcOffsetMinutes, timeZone}`.
    pub fn from_json(value: &Value) -> Environment {
        let hints = value
            .get("hints")
            .filter(|h| matches!(h, Value::Object(_)))
            .map(|h| ClientHints {
                mobile: h.get("mobile").and_then(Value::as_bool).unwrap_or(false),
                platform: h.str_field("platform"),
            });
        let user_agent = value.str_field("userAgent");
        let max_touch_points = value.u32_field("maxTouchPoints");
        let pointer = match value.get("pointer").and_then(Value::as_str) {
            Some("coarse") => Pointer::Coarse,
            Some("fine") => Pointer::Fine,
            _ => Pointer::None,
        };
        let pixel_ratio = value
            .get("pixelRatio")
            .and_then(Value::as_f64)
            .filter(|r| r.is_finite() && *r > 0.0);
        let device = Device {
            class: DeviceClass::classify(&user_agent, hints.as_ref(), max_touch_points),
            touch: max_touch_points > 0,
            pointer,
            viewport_width: value.u32_field("viewportWidth"),
            viewport_height: value.u32_field("viewportHeight"),
            pixel_ratio: pixel_ratio.unwrap_or(1.0),
            effective_type: value
                .get("effectiveType")
                .and_then(Value::as_str)
                .map(str::to_owned),
            save_data: value.bool_field("saveData"),
            languages: value
                .get("languages")
                .map_or(&[][..], Value::items)
                .iter()
                .filter_map(Value::as_str)
                .take(MAX_LANGUAGES)
                .map(str::to_ascii_lowercase)
                .collect(),
            reduced_motion: value.bool_field("reducedMotion"),
            hints,
        };
        let now = value.get("now").and_then(Value::as_f64).unwrap_or(0.0);
        let offset = value
            .get("utcOffsetMinutes")
            .and_then(Value::as_f64)
            .unwrap_or(0.0);
        let time_zone = value
            .get("timeZone")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let time = LocalTime::at(now as i64, offset.clamp(-1080.0, 1080.0) as i16, time_zone);
        Environment { device, time }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::signals::Weekday;

    #[test]
    fn reads_a_page() {
        let value = parse(
            r#"{"url":"https://a.de/","title":"T","meta":[["description","D"],["bad"]],
                "headings":[[1,"H"]],"jsonLd":["{}"],"links":[["tel:1","Call"]],"videos":2,
                "lists":[["ingredients",5]],"text":" x ","truncated":true}"#,
        )
        .unwrap();
        let page = RawPage::from_json(&value);
        assert_eq!(page.url, "https://a.de/");
        assert_eq!(page.meta, [("description".to_owned(), "D".to_owned())]);
        assert_eq!(page.headings, [(1, "H".to_owned())]);
        assert_eq!(page.links[0].href, "tel:1");
        assert_eq!((page.videos, page.lists[0].items), (2, 5));
        assert!(page.truncated);
    }

    #[test]
    fn anything_else_reads_as_an_empty_page() {
        for text in ["null", "[]", "{\"url\": 5, \"meta\": {}, \"videos\": -3}"] {
            let page = RawPage::from_json(&parse(text).unwrap());
            assert_eq!(page, RawPage::default(), "{text}");
        }
    }

    #[test]
    fn reads_the_environment() {
        let value = parse(
            r#"{"userAgent":"Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
                "hints":{"mobile":true,"platform":"Android"},"maxTouchPoints":5,"pointer":"coarse",
                "viewportWidth":412,"viewportHeight":915,"pixelRatio":2.625,"effectiveType":"4g",
                "saveData":false,"languages":["de-DE","en"],"reducedMotion":true,
                "now":1795192200000,"utcOffsetMinutes":60,"timeZone":"Europe/Berlin"}"#,
        )
        .unwrap();
        let Environment { device, time } = Environment::from_json(&value);
        assert_eq!(device.class, DeviceClass::Mobile);
        assert_eq!((device.touch, device.pointer), (true, Pointer::Coarse));
        assert_eq!((device.viewport_width, device.pixel_ratio), (412, 2.625));
        assert_eq!(device.languages, ["de-de", "en"]);
        assert_eq!((time.hour, time.weekday), (17, Weekday::Friday));
        assert_eq!(time.time_zone.as_deref(), Some("Europe/Berlin"));
    }
}
