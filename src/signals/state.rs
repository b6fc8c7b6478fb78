//! What a `SignalCollector` knows between calls, shared with the tasks it starts (a
//! position request, a scheduled erasure).

use augenblick_core::signals::{BehaviourTracker, LocationSignal, SignalConfig};
use augenblick_core::Consent;

/// What the collector knows between calls.
pub(crate) struct State {
    pub config: SignalConfig,
    pub consent: Consent,
    pub behaviour: BehaviourTracker,
    pub location: Option<LocationSignal>,
}
