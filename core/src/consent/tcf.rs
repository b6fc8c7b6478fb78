//! IAB TCF v2.2: a CMP's answer (`tcData` from `__tcfapi('addEventListener', 2, …)`, or
//! the TC string of its `euconsent-v2` cookie) read as our purposes.
//!
//! | ours | TCF | granted when |
//! |---|---|---|
//! | `personalization` | Purpose 11, use limited data to select content | consent or legitimate interest |
//! | `storage` | Purpose 1, store and/or access information on a device | consent |
//! | `geolocation` | Special Feature 1, use precise geolocation data | opt-in |
//! | `events` | Purpose 8, measure content performance | consent or legitimate interest |
//!
//! The SDK acts for the site, the TCF's publisher: where the CMP records the publisher's
//! own purposes (the publisher TC segment, `tcData.publisher`), those are read instead of
//! the purposes as consented for vendors. Where the GDPR does not apply
//! (`gdprApplies: false`) the TCF says nothing, and while the CMP's interface is shown
//! (`eventStatus: "cmpuishown"`) the visitor has not decided yet: both leave consent as
//! it is.

use super::{PartialConsent, Purpose, TcString};
use crate::json::Value;

/// One row of the mapping: a TCF purpose (or special feature) for one of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TcfMapping {
    /// Our purpose.
    pub purpose: Purpose,
    /// The TCF purpose id, or the special feature id when `special_feature`.
    pub tcf_id: u32,
    /// A special feature (opt-in) rather than a purpose.
    pub special_feature: bool,
    /// Legitimate interest counts as well as consent.
    pub legitimate_interest: bool,
}

/// The table above, as used.
pub const TCF_MAPPING: [TcfMapping; 4] = [
    TcfMapping {
        purpose: Purpose::Personalization,
        tcf_id: 11,
        special_feature: false,
        legitimate_interest: true,
    },
    TcfMapping {
        purpose: Purpose::Storage,
        tcf_id: 1,
        special_feature: false,
        legitimate_interest: false,
    },
    TcfMapping {
        purpose: Purpose::Geolocation,
        tcf_id: 1,
        special_feature: true,
        legitimate_interest: false,
    },
    TcfMapping {
        purpose: Purpose::Events,
        tcf_id: 8,
        special_feature: false,
        legitimate_interest: true,
    },
];

/// What a CMP records, as bit sets: bit `n - 1` for purpose (or feature) `n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TcfPurposes {
    /// Purpose consents (the publisher's, where recorded).
    pub consents: u32,
    /// Purpose legitimate interests (the publisher's, where recorded).
    pub legitimate_interests: u32,
    /// Special feature opt-ins.
    pub special_features: u32,
}

impl TcfPurposes {
    /// Our purposes, by [`TCF_MAPPING`].
    pub fn to_consent(self) -> PartialConsent {
        let mut partial = PartialConsent::default();
        for row in TCF_MAPPING {
            let bit = 1 << (row.tcf_id - 1);
            let granted = if row.special_feature {
                self.special_features & bit != 0
            } else {
                self.consents & bit != 0
                    || (row.legitimate_interest && self.legitimate_interests & bit != 0)
            };
            partial.set(row.purpose, granted);
        }
        partial
    }

    /// From a decoded TC string.
    pub fn from_tc_string(tc: &TcString) -> TcfPurposes {
        let (consents, legitimate_interests) = match &tc.publisher {
            Some(publisher) => (publisher.consents, publisher.legitimate_interests),
            None => (tc.purpose_consents, tc.purpose_legitimate_interests),
        };
        TcfPurposes {
            consents,
            legitimate_interests,
            special_features: u32::from(tc.special_feature_optins),
        }
    }

    /// From the `tcData` a CMP passes to `addEventListener` callbacks, or `None` when it
    /// says nothing yet: the GDPR does not apply, the visitor has not decided, or it is not
    /// a `tcData` at all. Its `tcString` is decoded where it has one, so that the choice
    /// between the publisher's purposes and the vendors' is the same as for the cookie
    /// (whether the string has a publisher segment); the decoded objects are the fallback,
    /// where the publisher's purposes count when any is recorded.
    pub fn from_tc_data(tc_data: &Value) -> Option<TcfPurposes> {
        if tc_data.get("gdprApplies").and_then(Value::as_bool) == Some(false) {
            return None;
        }
        match tc_data.get("eventStatus").and_then(Value::as_str) {
            Some("tcloaded" | "useractioncomplete") => {}
            _ => return None,
        }
        if let Some(tc) = tc_data
            .get("tcString")
            .and_then(Value::as_str)
            .and_then(|text| TcString::decode(text).ok())
        {
            return Some(TcfPurposes::from_tc_string(&tc));
        }
        let flags = |value: Option<&Value>| -> Option<u32> {
            let Value::Object(entries) = value? else {
                return None;
            };
            let mut bits = 0u32;
            for (id, granted) in entries {
                let id: u32 = id.parse().ok().filter(|id| (1..=32).contains(id))?;
                if granted.as_bool() == Some(true) {
                    bits |= 1 << (id - 1);
                }
            }
            Some(bits)
        };
        let purpose = tc_data.get("purpose");
        let global = (
            flags(purpose.and_then(|p| p.get("consents"))),
            flags(purpose.and_then(|p| p.get("legitimateInterests"))),
        );
        let publisher = tc_data.get("publisher");
        let own = (
            flags(publisher.and_then(|p| p.get("consents"))),
            flags(publisher.and_then(|p| p.get("legitimateInterests"))),
        );
        let special_features = flags(tc_data.get("specialFeatureOptins"));
        // The publisher's purposes where the CMP records any, else the vendors'.
        let publisher_recorded = matches!(publisher.and_then(|p| p.get("consents")), Some(Value::Object(e)) if !e.is_empty());
        match (
            if publisher_recorded { own } else { global },
            special_features,
        ) {
            ((Some(consents), Some(legitimate_interests)), Some(special_features)) => {
                Some(TcfPurposes {
                    consents,
                    legitimate_interests,
                    special_features,
                })
            }
            _ => None,
        }
    }
}

/// A cookie older than this (ms) may still refuse, but not grant: the TCF asks CMPs to ask
/// again after at most 13 months.
pub const COOKIE_GRANTS_FOR_MS: f64 = 395.0 * 24.0 * 3_600_000.0;

/// How far in the future a cookie's last update may lie and still grant (ms): a visitor's
/// clock a little behind the one that wrote it. Further ahead, it would grant for ever.
pub const COOKIE_CLOCK_SKEW_MS: f64 = 24.0 * 3_600_000.0;

/// What the CMP's `euconsent-v2` cookie says at `now_ms`, before the CMP itself answers: a
/// cookie may always refuse, but grants only while it is recent (last updated within 13
/// months, and not more than [`COOKIE_CLOCK_SKEW_MS`] ahead) and of TCF 2.2 (policy version
/// 4 or later); otherwise its grants say nothing.
pub fn cookie_consent(tc: &TcString, now_ms: f64) -> PartialConsent {
    let consent = TcfPurposes::from_tc_string(tc).to_consent();
    let age = now_ms - tc.last_updated_ds as f64 * 100.0;
    if tc.policy_version >= 4 && (-COOKIE_CLOCK_SKEW_MS..=COOKIE_GRANTS_FOR_MS).contains(&age) {
        return consent;
    }
    let mut refusals = PartialConsent::default();
    for purpose in Purpose::ALL {
        if consent.get(purpose) == Some(false) {
            refusals.set(purpose, false);
        }
    }
    refusals
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;
    use crate::Consent;

    fn read(text: &str) -> Option<Consent> {
        TcfPurposes::from_tc_data(&parse(text).unwrap())
            .map(|p| Consent::default().with(&p.to_consent()))
    }

    #[test]
    fn the_mapping_table_is_applied() {
        let consent = read(
            r#"{"gdprApplies":true,"eventStatus":"useractioncomplete",
                "purpose":{"consents":{"1":true,"8":false,"11":false},"legitimateInterests":{"8":true,"11":true}},
                "specialFeatureOptins":{"1":false},"publisher":{"consents":{},"legitimateInterests":{}}}"#,
        )
        .unwrap();
        assert_eq!(
            consent,
            Consent {
                personalization: true,
                storage: true,
                geolocation: false,
                events: true
            }
        );
        // Purpose 1 only by legitimate interest does not allow storage.
        let consent = read(
            r#"{"eventStatus":"tcloaded","purpose":{"consents":{},"legitimateInterests":{"1":true}},
                "specialFeatureOptins":{"1":true}}"#,
        )
        .unwrap();
        assert!(!consent.storage && consent.geolocation && !consent.personalization);
    }

    #[test]
    fn the_publishers_own_purposes_come_first() {
        let consent = read(
            r#"{"eventStatus":"tcloaded","purpose":{"consents":{"1":true},"legitimateInterests":{}},
                "specialFeatureOptins":{},"publisher":{"consents":{"1":false,"11":true},"legitimateInterests":{}}}"#,
        )
        .unwrap();
        assert!(!consent.storage && consent.personalization);
    }

    #[test]
    fn no_answer_until_the_visitor_decided_or_where_the_gdpr_does_not_apply() {
        assert_eq!(
            read(r#"{"gdprApplies":false,"eventStatus":"tcloaded"}"#),
            None
        );
        assert_eq!(
            read(r#"{"eventStatus":"cmpuishown","purpose":{"consents":{"1":true}}}"#),
            None
        );
        assert_eq!(read("[]"), None);
    }

    #[test]
    fn an_old_cookie_may_refuse_but_not_grant() {
        // Purposes 1, 2, 3 consented in February 2020, policy version 2.
        let tc = TcString::decode("COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA").unwrap();
        let then = tc.last_updated_ds as f64 * 100.0;
        let old = cookie_consent(&tc, then + 1000.0);
        assert_eq!(
            old.get(Purpose::Storage),
            None,
            "policy version 2 grants nothing"
        );
        assert_eq!(old.get(Purpose::Events), Some(false));
        let mut current = tc.clone();
        current.policy_version = 4;
        assert_eq!(
            cookie_consent(&current, then + 1000.0).get(Purpose::Storage),
            Some(true)
        );
        let stale = cookie_consent(&current, then + COOKIE_GRANTS_FOR_MS + 1.0);
        assert_eq!(stale.get(Purpose::Storage), None);
        assert_eq!(stale.get(Purpose::Personalization), Some(false));
    }

    #[test]
    fn a_cookie_from_the_future_may_refuse_but_not_grant() {
        let mut tc = TcString::decode("COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA").unwrap();
        tc.policy_version = 4;
        let then = tc.last_updated_ds as f64 * 100.0;
        // A visitor's clock an hour behind the CMP's: it still grants.
        let skewed = cookie_consent(&tc, then - 3_600_000.0);
        assert_eq!(skewed.get(Purpose::Storage), Some(true));
        // Dated two days ahead: it would grant for ever, so it grants nothing.
        let ahead = cookie_consent(&tc, then - 2.0 * COOKIE_CLOCK_SKEW_MS);
        assert_eq!(ahead.get(Purpose::Storage), None);
        assert_eq!(ahead.get(Purpose::Personalization), Some(false));
    }

    #[test]
    fn the_tc_string_is_decoded_where_the_objects_are_missing() {
        // Purposes 1, 2, 3 consented (see tcstring.rs): storage yes, the rest no.
        let consent = read(r#"{"eventStatus":"tcloaded","tcString":"COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA"}"#).unwrap();
        assert!(
            consent.storage && !consent.personalization && !consent.events && !consent.geolocation
        );
    }
}
