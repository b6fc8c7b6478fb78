//! What the visitor does in this session, as counters. Nothing here identifies anyone.

use crate::MomentKind;

/// Behaviour in the session so far.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Behaviour {
    /// Pages viewed in this session, this one included.
    pub page_views: u32,
    /// Milliseconds this page has been visible.
    pub dwell_ms: u64,
    /// Deepest scroll position reached on this page, 0 (top) to 1 (bottom).
    pub max_scroll_depth: f32,
    /// Clicks on elements marked `data-augenblick-intent="know|go|do|buy"`, per moment in
    /// canonical order (know, go, do, buy).
    pub intent_clicks: [u32; 4],
    /// Add-to-cart and checkout actions.
    pub cart_actions: u32,
    /// Site searches submitted.
    pub search_actions: u32,
    /// Times the page was hidden or shown again (tab switches).
    pub visibility_changes: u32,
    /// Earlier visits on this device: only known with storage consent, `None` otherwise.
    pub repeat_visits: Option<u32>,
}

/// One thing the visitor did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BehaviourEvent {
    /// A page was viewed.
    PageView,
    /// The page was visible for this many more milliseconds.
    Dwell(u64),
    /// The visitor scrolled to this depth (0 to 1; other values are clamped, NaN ignored).
    Scroll(f32),
    /// A click on an element marked with this moment.
    IntentClick(MomentKind),
    /// An add-to-cart or checkout action.
    CartAction,
    /// A site search was submitted.
    SearchAction,
    /// The page was hidden or shown.
    VisibilityChange,
}

impl Behaviour {
    /// Counts one event. Counters saturate instead of overflowing.
    pub fn record(&mut self, event: BehaviourEvent) {
        match event {
            BehaviourEvent::PageView => self.page_views = self.page_views.saturating_add(1),
            BehaviourEvent::Dwell(ms) => self.dwell_ms = self.dwell_ms.saturating_add(ms),
            BehaviourEvent::Scroll(depth) => {
                if !depth.is_nan() {
                    self.max_scroll_depth = self.max_scroll_depth.max(depth.clamp(0.0, 1.0));
                }
            }
            BehaviourEvent::IntentClick(kind) => {
                let index = MomentKind::ALL
                    .iter()
                    .position(|k| *k == kind)
                    .unwrap_or_default();
                self.intent_clicks[index] = self.intent_clicks[index].saturating_add(1);
            }
            BehaviourEvent::CartAction => self.cart_actions = self.cart_actions.saturating_add(1),
            BehaviourEvent::SearchAction => {
                self.search_actions = self.search_actions.saturating_add(1)
            }
            BehaviourEvent::VisibilityChange => {
                self.visibility_changes = self.visibility_changes.saturating_add(1)
            }
        }
    }

    /// Sets the repeat-visit count, read from storage by the browser layer. Without storage
    /// consent the count is dropped: the snapshot never holds it.
    pub fn set_repeat_visits(&mut self, visits: Option<u32>, storage_consent: bool) {
        self.repeat_visits = if storage_consent { visits } else { None };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_events() {
        let mut b = Behaviour::default();
        for event in [
            BehaviourEvent::PageView,
            BehaviourEvent::PageView,
            BehaviourEvent::Dwell(1500),
            BehaviourEvent::Dwell(500),
            BehaviourEvent::Scroll(0.4),
            BehaviourEvent::Scroll(0.2),
            BehaviourEvent::Scroll(f32::NAN),
            BehaviourEvent::Scroll(7.0),
            BehaviourEvent::IntentClick(MomentKind::Buy),
            BehaviourEvent::IntentClick(MomentKind::Go),
            BehaviourEvent::IntentClick(MomentKind::Buy),
            BehaviourEvent::CartAction,
            BehaviourEvent::SearchAction,
            BehaviourEvent::VisibilityChange,
        ] {
            b.record(event);
        }
        assert_eq!(b.page_views, 2);
        assert_eq!(b.dwell_ms, 2000);
        assert_eq!(b.max_scroll_depth, 1.0);
        assert_eq!(b.intent_clicks, [0, 1, 0, 2]);
        assert_eq!(
            (b.cart_actions, b.search_actions, b.visibility_changes),
            (1, 1, 1)
        );
    }

    #[test]
    fn counters_saturate() {
        let mut b = Behaviour {
            dwell_ms: u64::MAX - 1,
            page_views: u32::MAX,
            ..Behaviour::default()
        };
        b.record(BehaviourEvent::Dwell(10));
        b.record(BehaviourEvent::PageView);
        assert_eq!((b.dwell_ms, b.page_views), (u64::MAX, u32::MAX));
    }

    #[test]
    fn repeat_visits_need_storage_consent() {
        let mut b = Behaviour::default();
        b.set_repeat_visits(Some(3), false);
        assert_eq!(b.repeat_visits, None);
        b.set_repeat_visits(Some(3), true);
        assert_eq!(b.repeat_visits, Some(3));
    }
}
