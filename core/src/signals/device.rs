//! The visitor's device: its class and the capabilities that change what fits.

use super::text::{find_bytes, split_before};

/// Mobile, tablet or desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeviceClass {
    /// A phone, or anything pocket-sized.
    Mobile,
    /// A tablet.
    Tablet,
    /// A desktop or laptop computer, and anything not recognised as the other two.
    Desktop,
}

impl DeviceClass {
    /// Every class, in the order of condition bits (`slots`).
    pub const ALL: [DeviceClass; 3] = [
        DeviceClass::Mobile,
        DeviceClass::Tablet,
        DeviceClass::Desktop,
    ];

    /// The names a device option or attribute may take, for error messages.
    pub const EXPECTED: &'static str = "mobile, tablet or desktop";

    /// The class called `name` (ASCII case and surrounding whitespace ignored).
    pub fn named(name: &str) -> Option<DeviceClass> {
        DeviceClass::ALL
            .into_iter()
            .find(|class| class.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// The lowercase name used in JavaScript, markup and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviceClass::Mobile => "mobile",
            DeviceClass::Tablet => "tablet",
            DeviceClass::Desktop => "desktop",
        }
    }

    /// Classifies a device from what the browser says about itself.
    ///
    /// User-Agent Client Hints win where present: `mobile: true` is a phone. Android with
    /// `mobile: false` is a tablet. Otherwise the User-Agent string decides, with one
    /// correction: iPadOS Safari claims to be a Mac, but Macs have no touch screen, so a
    /// "Macintosh" with several touch points is an iPad.
    pub fn classify(user_agent: &str, hints: Option<&ClientHints>, max_touch_points: u32) -> Self {
        if let Some(hints) = hints {
            if hints.mobile {
                return DeviceClass::Mobile;
            }
            if hints.platform.eq_ignore_ascii_case("Android") {
                return DeviceClass::Tablet;
            }
        }
        let from_ua = DeviceClass::from_user_agent(user_agent);
        if from_ua == DeviceClass::Desktop
            && max_touch_points > 1
            && contains_ignore_case(user_agent.as_bytes(), b"macintosh")
        {
            return DeviceClass::Tablet;
        }
        from_ua
    }

    /// Classifies a User-Agent string alone (the fallback where Client Hints are missing).
    ///
    /// Scored against `../shared/oracles/ua-classes.jsonl` in `core/tests/oracles.rs`.
    pub fn from_user_agent(user_agent: &str) -> Self {
        let ua = user_agent.as_bytes();
        if TABLET_MARKERS.iter().any(|m| contains_ignore_case(ua, m)) {
            return DeviceClass::Tablet;
        }
        if MOBILE_MARKERS.iter().any(|m| contains_ignore_case(ua, m)) {
            return DeviceClass::Mobile;
        }
        if contains_ignore_case(ua, b"android") {
            return android_class(user_agent);
        }
        DeviceClass::Desktop
    }
}

/// Android without the "Mobile" token is, by Google's convention since Android 3, a tablet,
/// but only browsers follow it: apps and SDKs ("WhatsApp/2.11 Android/2.3.5 …") and
/// Android 1 and 2 (phones only) leave "Mobile" out on phones too.
fn android_class(user_agent: &str) -> DeviceClass {
    let ua = user_agent.as_bytes();
    let is_browser = contains_ignore_case(ua, b"mozilla/") && contains_ignore_case(ua, b"safari/");
    let version_major = find_bytes(ua, b"Android ")
        .and_then(|i| user_agent.get(i + b"Android ".len()..))
        .map(|rest| split_before(rest, b".;) ").0)
        .and_then(|major| major.parse::<u32>().ok());
    if is_browser && version_major.is_some_and(|v| v >= 3) {
        DeviceClass::Tablet
    } else {
        DeviceClass::Mobile
    }
}

/// Tokens that only tablets send. Checked before the mobile tokens because several tablets
/// also send "Mobile" (iPad Safari, Kindle Fire).
const TABLET_MARKERS: &[&[u8]] = &[
    b"ipad",
    b"tablet",
    b"kindle",
    b"silk/",
    b"playbook",
    b"nexus 7",
    b"nexus 9",
    b"nexus 10",
    b"xoom",
    b"sm-t",
    b"gt-p",
];

/// Tokens that phones and other pocket devices send.
const MOBILE_MARKERS: &[&[u8]] = &[
    b"mobile",
    b"iphone",
    b"ipod",
    b"windows phone",
    b"blackberry",
    b"bb10",
    b"opera mini",
    b"opera mobi",
    b"iemobile",
    b"symbian",
    b"series60",
    b"series40",
    b"nokia",
    b"webos",
    b"palm",
    b"midp",
    b"cldc",
    b"up.browser",
    b"kaios",
    b"fennec",
    b"phone",
];

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle))
}

/// User-Agent Client Hints (`navigator.userAgentData`), where the browser has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientHints {
    /// `userAgentData.mobile`.
    pub mobile: bool,
    /// `userAgentData.platform`, e.g. "Android", "Windows", "macOS".
    pub platform: String,
}

/// The primary pointer, from the `pointer` media feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pointer {
    /// A mouse or trackpad.
    Fine,
    /// A finger.
    Coarse,
    /// No pointing device (also what headless browsers report).
    None,
}

impl Pointer {
    /// The lowercase name used in JavaScript and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Pointer::Fine => "fine",
            Pointer::Coarse => "coarse",
            Pointer::None => "none",
        }
    }
}

/// Everything the snapshot knows about the device.
#[derive(Debug, Clone, PartialEq)]
pub struct Device {
    /// Mobile, tablet or desktop.
    pub class: DeviceClass,
    /// Whether the device has a touch screen (`maxTouchPoints > 0`).
    pub touch: bool,
    /// The primary pointer.
    pub pointer: Pointer,
    /// Layout viewport width in CSS pixels.
    pub viewport_width: u32,
    /// Layout viewport height in CSS pixels.
    pub viewport_height: u32,
    /// `devicePixelRatio`.
    pub pixel_ratio: f64,
    /// `navigator.connection.effectiveType` ("slow-2g", "2g", "3g", "4g"), where known.
    pub effective_type: Option<String>,
    /// `navigator.connection.saveData`: the visitor asked for less data.
    pub save_data: bool,
    /// `navigator.languages`, most preferred first, lowercased (at most 8).
    pub languages: Vec<String>,
    /// `prefers-reduced-motion: reduce`.
    pub reduced_motion: bool,
    /// User-Agent Client Hints, where the browser sends them.
    pub hints: Option<ClientHints>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    const IPAD_AS_MAC: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
    const ANDROID_PHONE: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
    const ANDROID_TABLET: &str = "Mozilla/5.0 (Linux; Android 13; SM-X700) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    const WINDOWS: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    // Chrome's reduced UA: the same string on every Android device, so only hints can tell.
    const REDUCED_ANDROID: &str = "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";

    #[test]
    fn user_agent_fallback() {
        assert_eq!(DeviceClass::from_user_agent(IPHONE), DeviceClass::Mobile);
        assert_eq!(
            DeviceClass::from_user_agent(ANDROID_PHONE),
            DeviceClass::Mobile
        );
        assert_eq!(
            DeviceClass::from_user_agent(ANDROID_TABLET),
            DeviceClass::Tablet
        );
        assert_eq!(DeviceClass::from_user_agent(WINDOWS), DeviceClass::Desktop);
        assert_eq!(DeviceClass::from_user_agent(""), DeviceClass::Desktop);
    }

    #[test]
    fn client_hints_win_over_the_user_agent() {
        let phone = ClientHints {
            mobile: true,
            platform: "Android".into(),
        };
        let tablet = ClientHints {
            mobile: false,
            platform: "Android".into(),
        };
        let desktop = ClientHints {
            mobile: false,
            platform: "Windows".into(),
        };
        assert_eq!(
            DeviceClass::classify(REDUCED_ANDROID, Some(&phone), 5),
            DeviceClass::Mobile
        );
        assert_eq!(
            DeviceClass::classify(REDUCED_ANDROID, Some(&tablet), 5),
            DeviceClass::Tablet
        );
        assert_eq!(
            DeviceClass::classify(WINDOWS, Some(&desktop), 0),
            DeviceClass::Desktop
        );
    }

    #[test]
    fn an_ipad_claiming_to_be_a_mac_is_found_by_its_touch_screen() {
        assert_eq!(
            DeviceClass::classify(IPAD_AS_MAC, None, 5),
            DeviceClass::Tablet
        );
        assert_eq!(
            DeviceClass::classify(IPAD_AS_MAC, None, 0),
            DeviceClass::Desktop
        );
    }
}
