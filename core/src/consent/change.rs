//! What a change of consent asks of the SDK: what is erased, forgotten or started, decided
//! once here for every part that acts on it (the collector, the engine, the events).

use super::Consent;

/// The consent in effect before and after a source spoke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentChange {
    /// What was in effect.
    pub before: Consent,
    /// What is in effect now.
    pub after: Consent,
}

impl ConsentChange {
    /// Personalization went: the behaviour seen and the events not taken are dropped, and
    /// nothing is read until it is given again.
    pub fn stops_reading(&self) -> bool {
        self.before.personalization && !self.after.personalization
    }

    /// Personalization came (back): the page's behaviour is listened to again.
    pub fn starts_reading(&self) -> bool {
        !self.before.personalization && self.after.personalization
    }

    /// Without personalization the session's pages and the last decision are forgotten.
    pub fn forgets_session(&self) -> bool {
        !self.after.personalization
    }

    /// Storage went: every stored key is erased at once.
    pub fn erases_storage(&self) -> bool {
        self.before.storage && !self.after.storage
    }

    /// Storage came: this page view is counted in storage.
    pub fn counts_page_view(&self) -> bool {
        !self.before.storage && self.after.storage
    }

    /// Without geolocation consent the coarse location is forgotten.
    pub fn forgets_location(&self) -> bool {
        !self.after.geolocation
    }

    /// Events went: everything queued is dropped, in memory and in storage.
    pub fn drops_events(&self) -> bool {
        self.before.events && !self.after.events
    }

    /// Storage and events are now both granted, and were not: the anonymous id is kept for
    /// the device from now on.
    pub fn keeps_device_id(&self) -> bool {
        device_id_allowed(self.after) && !device_id_allowed(self.before)
    }

    /// Storage or events went, and both were granted: the device's anonymous id is no
    /// longer the one events carry (storage's erasure or events' removes it from storage).
    pub fn forgets_device_id(&self) -> bool {
        device_id_allowed(self.before) && !device_id_allowed(self.after)
    }
}

/// The anonymous id is kept for the device only with storage and events consent.
fn device_id_allowed(consent: Consent) -> bool {
    consent.storage && consent.events
}

#[cfg(test)]
mod tests {
    use super::*;

    fn consent(personalization: bool, storage: bool, geolocation: bool, events: bool) -> Consent {
        Consent {
            personalization,
            storage,
            geolocation,
            events,
        }
    }

    #[test]
    fn withdrawing_everything_erases_and_forgets_everything() {
        let change = ConsentChange {
            before: consent(true, true, true, true),
            after: consent(false, false, false, false),
        };
        assert!(change.stops_reading() && change.forgets_session());
        assert!(change.erases_storage() && change.forgets_location() && change.drops_events());
        assert!(
            !change.starts_reading() && !change.counts_page_view() && !change.keeps_device_id()
        );
        assert!(change.forgets_device_id());
    }

    #[test]
    fn granting_storage_after_events_keeps_the_device_id_once() {
        let granted = ConsentChange {
            before: consent(true, false, false, true),
            after: consent(true, true, false, true),
        };
        assert!(granted.keeps_device_id() && granted.counts_page_view());
        let again = ConsentChange {
            before: granted.after,
            after: granted.after,
        };
        assert!(!again.keeps_device_id() && !again.counts_page_view());
    }

    #[test]
    fn withdrawing_storage_alone_forgets_the_device_id() {
        let change = ConsentChange {
            before: consent(true, true, false, true),
            after: consent(true, false, false, true),
        };
        assert!(change.forgets_device_id() && change.erases_storage() && !change.drops_events());
    }

    #[test]
    fn a_source_repeating_the_consent_in_effect_changes_nothing_stored() {
        let same = consent(true, true, true, true);
        let change = ConsentChange {
            before: same,
            after: same,
        };
        assert!(!change.stops_reading() && !change.starts_reading());
        assert!(!change.erases_storage() && !change.drops_events() && !change.forgets_location());
        assert!(!change.forgets_device_id());
    }
}
