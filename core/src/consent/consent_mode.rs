//! Google Consent Mode: the `gtag('consent', 'default' | 'update', {…})` calls in the
//! page's `dataLayer`, read as our purposes, in the order they were made.
//!
//! | ours | Consent Mode |
//! |---|---|
//! | `storage` | `personalization_storage` ("storage related to personalization") |
//! | `events` | `analytics_storage` |
//!
//! `personalization` and `geolocation` have no Consent Mode type and are left as they
//! are. A default for some regions only (`region: [...]`) can only deny: the SDK does not
//! know the visitor's region, and a denial it applies too widely is safe where a grant
//! would not be.

use super::{PartialConsent, Purpose};
use crate::json::Value;

/// Consent Mode types and our purposes.
pub const CONSENT_MODE_MAPPING: [(&str, Purpose); 2] = [
    ("personalization_storage", Purpose::Storage),
    ("analytics_storage", Purpose::Events),
];

/// What a sequence of consent commands says, each `[command, parameters]` as the page
/// pushed it (`["consent", "default", {…}]` minus the first word). Other entries are
/// ignored.
pub fn read_commands(commands: &Value) -> PartialConsent {
    let mut partial = PartialConsent::default();
    for command in commands.items() {
        let [name, parameters] = [0, 1].map(|i| command.items().get(i));
        let (Some(name), Some(parameters)) = (name.and_then(Value::as_str), parameters) else {
            continue;
        };
        if name != "default" && name != "update" {
            continue;
        }
        let regional = name == "default" && parameters.get("region").is_some();
        for (key, purpose) in CONSENT_MODE_MAPPING {
            let granted = match parameters.get(key).and_then(Value::as_str) {
                Some("granted") => true,
                Some("denied") => false,
                _ => continue,
            };
            if !(regional && granted) {
                partial.set(purpose, granted);
            }
        }
    }
    partial
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    fn read(text: &str) -> PartialConsent {
        read_commands(&parse(text).unwrap())
    }

    #[test]
    fn defaults_then_updates_in_order() {
        let partial = read(
            r#"[["default",{"analytics_storage":"denied","personalization_storage":"denied","ad_storage":"denied"}],
                ["update",{"analytics_storage":"granted"}]]"#,
        );
        assert_eq!(partial.get(Purpose::Events), Some(true));
        assert_eq!(partial.get(Purpose::Storage), Some(false));
        assert_eq!(partial.get(Purpose::Personalization), None);
        assert_eq!(partial.get(Purpose::Geolocation), None);
    }

    #[test]
    fn a_regional_default_can_only_deny() {
        let partial = read(
            r#"[["default",{"analytics_storage":"granted","personalization_storage":"denied","region":["ES"]}]]"#,
        );
        assert_eq!(partial.get(Purpose::Events), None);
        assert_eq!(partial.get(Purpose::Storage), Some(false));
    }

    #[test]
    fn anything_else_is_ignored() {
        assert!(read(r#"[["config","G-XYZ"],["set",{"x":1}],{"0":"consent"},7,["update",{"analytics_storage":"maybe"}]]"#).is_empty());
        assert!(read("{}").is_empty());
    }
}
