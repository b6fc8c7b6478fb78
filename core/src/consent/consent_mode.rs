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
//! would not be; a global default that grants does not override it. An `update` wins over
//! every default, as in gtag.

use super::{PartialConsent, Purpose};
use crate::json::Value;

/// Consent Mode types and our purposes.
pub const CONSENT_MODE_MAPPING: [(&str, Purpose); 2] = [
    ("personalization_storage", Purpose::Storage),
    ("analytics_storage", Purpose::Events),
];

/// What a sequence of consent commands says, each `[command, parameters]` as the page
/// pushed it (`["consent", "default", {…}]` minus the first word). As gtag does, an
/// `update` wins over every `default`, whenever the default comes; and a regional default
/// that denies is not overridden by a global default that grants (the visitor may be in
/// that region). Other entries are ignored.
pub fn read_commands(commands: &Value) -> PartialConsent {
    read_commands_after(commands, &mut ConsentModeState::default())
}

/// What was said for each Consent Mode type so far: kept between calls, since defaults
/// and updates arrive one push at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConsentModeState {
    updated: [bool; 2],
    denied_in_a_region: [bool; 2],
}

/// [`read_commands`] for commands that follow those `state` has seen.
pub fn read_commands_after(commands: &Value, state: &mut ConsentModeState) -> PartialConsent {
    let mut partial = PartialConsent::default();
    for command in commands.items() {
        let [name, parameters] = [0, 1].map(|i| command.items().get(i));
        let (Some(name), Some(parameters)) = (name.and_then(Value::as_str), parameters) else {
            continue;
        };
        let update = match name {
            "update" => true,
            "default" => false,
            _ => continue,
        };
        let regional = !update && parameters.get("region").is_some();
        for (i, (key, purpose)) in CONSENT_MODE_MAPPING.into_iter().enumerate() {
            let granted = match parameters.get(key).and_then(Value::as_str) {
                Some("granted") => true,
                Some("denied") => false,
                _ => continue,
            };
            let applies = if update {
                state.updated[i] = true;
                true
            } else if regional {
                // A regional default can only deny.
                state.denied_in_a_region[i] |= !granted;
                !state.updated[i] && !granted
            } else {
                let overridden_in_a_region = granted && state.denied_in_a_region[i];
                !state.updated[i] && !overridden_in_a_region
            };
            if applies {
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
    fn an_update_wins_over_a_later_default_and_a_regional_denial_over_a_global_grant() {
        let partial = read(
            r#"[["update",{"analytics_storage":"granted"}],["default",{"analytics_storage":"denied"}],
                ["default",{"personalization_storage":"denied","region":["ES"]}],
                ["default",{"personalization_storage":"granted"}]]"#,
        );
        assert_eq!(partial.get(Purpose::Events), Some(true));
        assert_eq!(partial.get(Purpose::Storage), Some(false));
        let mut state = ConsentModeState::default();
        read_commands_after(
            &parse(r#"[["update",{"personalization_storage":"granted"}]]"#).unwrap(),
            &mut state,
        );
        let later = read_commands_after(
            &parse(r#"[["default",{"personalization_storage":"denied"}]]"#).unwrap(),
            &mut state,
        );
        assert!(
            later.is_empty(),
            "the update made on an earlier push still wins"
        );
    }

    #[test]
    fn anything_else_is_ignored() {
        assert!(read(r#"[["config","G-XYZ"],["set",{"x":1}],{"0":"consent"},7,["update",{"analytics_storage":"maybe"}]]"#).is_empty());
        assert!(read("{}").is_empty());
    }
}
