//! What the visitor does in this session, as counters. Nothing here identifies anyone.

use super::cues::is_cart_label;
use super::raw::{element_text, RawButton};
use super::SignalConfig;
use crate::json::Value;
use crate::MomentKind;

/// Behaviour in the session so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Behaviour {
    /// Pages viewed in this session, this one included.
    pub page_views: u32,
    /// Milliseconds this page has been visible.
    pub dwell_ms: u64,
    /// How far down the page the bottom of the viewport has been, 0 to 1; 1 when the
    /// end of the page was on screen (a page no taller than the viewport is 1 at once).
    pub max_scroll_depth: f64,
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
    Scroll(f64),
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
                let index = kind as usize;
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

/// Behaviour over time: the counters plus when the page became visible, so dwell time can
/// be read at any moment.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BehaviourTracker {
    /// The counters so far (dwell up to the last visibility change).
    pub behaviour: Behaviour,
    /// When the page last became visible, if it is visible now (ms since the epoch).
    visible_since: Option<f64>,
}

impl BehaviourTracker {
    /// Starts tracking a page view at `now`.
    pub fn start(now: f64, visible: bool) -> Self {
        let mut behaviour = Behaviour::default();
        behaviour.record(BehaviourEvent::PageView);
        BehaviourTracker {
            behaviour,
            visible_since: visible.then_some(now),
        }
    }

    /// Applies the browser's raw events, oldest first, deciding what each one means:
    /// `["scroll", depth]`, `["click", intent | null, [text, value, ariaLabel] | null]`
    /// (the clicked link or button control, labelled like [`RawButton::label`]),
    /// `["submit", [input types], [input names]]`, `["visibility", hidden, at]`.
    /// Anything else is ignored.
    pub fn apply(&mut self, events: &Value, config: &SignalConfig) {
        for event in events.items() {
            let fields = event.items();
            let field = |i: usize| fields.get(i).unwrap_or(&Value::Null);
            match field(0).as_str() {
                Some("scroll") => {
                    if let Some(depth) = field(1).as_f64() {
                        self.behaviour.record(BehaviourEvent::Scroll(depth));
                    }
                }
                Some("click") => {
                    if let Some(kind) = field(1).as_str().and_then(|v| v.parse::<MomentKind>().ok())
                    {
                        self.behaviour.record(BehaviourEvent::IntentClick(kind));
                    }
                    if let [text, value, aria_label] = field(2).items() {
                        let control = RawButton {
                            text: text.as_str().unwrap_or_default().to_owned(),
                            value: value.as_str().unwrap_or_default().to_owned(),
                            aria_label: aria_label.as_str().unwrap_or_default().to_owned(),
                        };
                        if is_cart_label(&element_text(control.label())) {
                            self.behaviour.record(BehaviourEvent::CartAction);
                        }
                    }
                }
                Some("submit") => {
                    let has_search_type = field(1)
                        .items()
                        .iter()
                        .any(|t| t.as_str().is_some_and(|t| t.eq_ignore_ascii_case("search")));
                    let has_search_name = field(2)
                        .items()
                        .iter()
                        .any(|n| n.as_str().is_some_and(|n| config.is_search_field(n)));
                    if has_search_type || has_search_name {
                        self.behaviour.record(BehaviourEvent::SearchAction);
                    }
                }
                Some("visibility") => {
                    if let (Some(hidden), Some(at)) = (field(1).as_bool(), field(2).as_f64()) {
                        self.visibility_changed(hidden, at);
                    }
                }
                _ => {}
            }
        }
    }

    fn visibility_changed(&mut self, hidden: bool, at: f64) {
        self.behaviour.record(BehaviourEvent::VisibilityChange);
        if hidden {
            if let Some(since) = self.visible_since.take() {
                self.behaviour
                    .record(BehaviourEvent::Dwell((at - since).max(0.0) as u64));
            }
        } else if self.visible_since.is_none() {
            self.visible_since = Some(at);
        }
    }

    /// The behaviour at `now`, including the visible time since the last change.
    pub fn at(&self, now: f64) -> Behaviour {
        let mut behaviour = self.behaviour.clone();
        if let Some(since) = self.visible_since {
            behaviour.record(BehaviourEvent::Dwell((now - since).max(0.0) as u64));
        }
        behaviour
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse;

    #[test]
    fn raw_browser_events_are_interpreted_by_the_core() {
        let mut tracker = BehaviourTracker::start(1_000.0, true);
        let events = parse(
            r#"[["scroll",0.35],["click","buy",["In den\n Warenkorb","",""]],["click",null,["Weiterlesen","","Add to cart"]],
                ["click",null,["","","Add to cart"]],
                ["click","shop",null],["submit",["text"],["suche"]],["submit",["email"],["newsletter"]],
                ["visibility",true,5000],["visibility",false,9000],["unknown"],"junk",["scroll","x"]]"#,
        )
        .unwrap();
        tracker.apply(&events, &SignalConfig::default());
        let b = tracker.at(10_000.0);
        assert_eq!(b.page_views, 1);
        assert_eq!(b.max_scroll_depth, 0.35);
        assert_eq!(b.intent_clicks, [0, 0, 0, 1]);
        // The second control's label is its text, so only the first and third are carts.
        assert_eq!(
            (b.cart_actions, b.search_actions, b.visibility_changes),
            (2, 1, 2)
        );
        // Visible 1 s → 5 s, hidden until 9 s, visible again until 10 s.
        assert_eq!(b.dwell_ms, 5_000);
    }

    #[test]
    fn a_page_opened_in_the_background_dwells_only_once_shown() {
        let mut tracker = BehaviourTracker::start(0.0, false);
        assert_eq!(tracker.at(3_000.0).dwell_ms, 0);
        tracker.apply(
            &parse(r#"[["visibility",false,3000]]"#).unwrap(),
            &SignalConfig::default(),
        );
        assert_eq!(tracker.at(4_500.0).dwell_ms, 1_500);
    }

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
            BehaviourEvent::Scroll(f64::NAN),
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
