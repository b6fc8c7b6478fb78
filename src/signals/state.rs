//! What a `SignalCollector` knows between calls, shared with the tasks it starts (a
//! position request, a scheduled erasure).

use augenblick_core::consent::ConsentLedger;
use augenblick_core::signals::{BehaviourTracker, LocationSignal, SignalConfig};
use augenblick_core::Consent;

/// What the collector knows between calls.
pub(crate) struct State {
    pub config: SignalConfig,
    /// The page's one record of consent: what every source said, and what is in effect.
    pub ledger: ConsentLedger,
    pub behaviour: BehaviourTracker,
    pub location: Option<LocationSignal>,
}

impl State {
    /// The consent in effect.
    pub fn consent(&self) -> Consent {
        self.ledger.consent()
    }
}
