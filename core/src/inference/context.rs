//! Context and behaviour: the weights the visitor's situation adds to what the page says.
//!
//! The page model is learned from real pages ([`super::model`]); pages carry no visitor
//! context, so these effects are set by hand, from the micro-moments brief
//! (`shared/PRODUCT.md`): phones in the evening near a place mean *go*, a desktop on a
//! weekday afternoon means time to *do*, a cart action means *buy*. They live in this one
//! table ([`CONTEXT_TABLE`]), added as log-odds to the page's scores, so a site (or a
//! reviewer) can read every effect in one place.
//!
//! | signal | when | know | go | do | buy | urgency |
//! |---|---|---:|---:|---:|---:|---:|
//! | `context:phone` | device class mobile | -0.2 | +0.6 | -0.4 | 0 | +0.6 |
//! | `context:tablet` | device class tablet | 0 | 0 | +0.2 | 0 | 0 |
//! | `context:desktop` | device class desktop | +0.2 | -0.4 | +0.3 | 0 | -0.3 |
//! | `context:morning` | 05:00–11:59 | +0.2 | 0 | 0 | 0 | 0 |
//! | `context:weekday_afternoon` | 12:00–16:59, Monday to Friday | +0.1 | -0.1 | +0.2 | 0 | 0 |
//! | `context:evening` | 17:00–21:59 | -0.1 | +0.4 | +0.1 | 0 | +0.4 |
//! | `context:night` | 22:00–04:59 | +0.2 | -0.3 | -0.2 | +0.1 | -0.3 |
//! | `context:weekend` | Saturday, Sunday | 0 | +0.2 | +0.2 | 0 | 0 |
//! | `context:walking_distance` | nearest site location ≤ 1.5 km | 0 | +1.5 | -0.5 | 0 | +1.0 |
//! | `context:nearby` | nearest site location 1.5–10 km | 0 | +0.5 | 0 | 0 | +0.4 |
//! | `context:far_away` | nearest site location > 50 km | 0 | -0.6 | 0 | 0 | -0.3 |
//! | `behaviour:cart` | per cart action, up to 3 | 0 | 0 | 0 | +1.2 | +0.5 |
//! | `behaviour:intent_know` | per click on a `data-augenblick-intent="know"` element, up to 3 | +0.8 | 0 | 0 | 0 | 0 |
//! | `behaviour:intent_go` | the same for `go` | 0 | +0.8 | 0 | 0 | +0.3 |
//! | `behaviour:intent_do` | the same for `do` | 0 | 0 | +0.8 | 0 | 0 |
//! | `behaviour:intent_buy` | the same for `buy` | 0 | 0 | 0 | +0.8 | +0.3 |
//! | `behaviour:search` | a site search was submitted | +0.3 | 0 | 0 | +0.2 | +0.2 |
//! | `behaviour:long_dwell` | visible for over 2 minutes | +0.3 | -0.2 | +0.3 | -0.1 | -0.4 |
//! | `behaviour:deep_scroll` | scrolled past 75% | +0.3 | 0 | +0.2 | 0 | -0.2 |
//! | `behaviour:repeat_visit` | an earlier visit is known (storage consent) | 0 | 0 | 0 | +0.3 | +0.2 |
//! | `context:slow_connection` | save-data, or a 2g connection | 0 | +0.1 | 0 | 0 | +0.2 |
//!
//! Urgency is `sigmoid(-0.8 + Σ urgency column + Σₖ P(k) · m[k])`, with the moment terms
//! `m` = know -0.6, go +0.6, do -0.3, buy +0.3: wanting to go or to buy is more urgent than
//! wanting to know. A test checks that this page and the table agree.

use crate::signals::{Daypart, DeviceClass, Snapshot};

/// One row of the context table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContextRow {
    /// The signal's name in reasons and reports.
    pub signal: &'static str,
    /// The signal in words, for reasons.
    pub description: &'static str,
    /// Log-odds added per moment (canonical order) at strength 1.
    pub weights: [f32; 4],
    /// Added to the urgency's log-odds at strength 1.
    pub urgency: f32,
}

const fn row(
    signal: &'static str,
    description: &'static str,
    weights: [f32; 4],
    urgency: f32,
) -> ContextRow {
    ContextRow {
        signal,
        description,
        weights,
        urgency,
    }
}

#[rustfmt::skip]
mod rows {
    use super::{row, ContextRow};
    pub const PHONE: ContextRow = row("context:phone", "on a phone", [-0.2, 0.6, -0.4, 0.0], 0.6);
    pub const TABLET: ContextRow = row("context:tablet", "on a tablet", [0.0, 0.0, 0.2, 0.0], 0.0);
    pub const DESKTOP: ContextRow = row("context:desktop", "on a desktop", [0.2, -0.4, 0.3, 0.0], -0.3);
    pub const MORNING: ContextRow = row("context:morning", "in the morning", [0.2, 0.0, 0.0, 0.0], 0.0);
    pub const WEEKDAY_AFTERNOON: ContextRow = row("context:weekday_afternoon", "on a weekday afternoon", [0.1, -0.1, 0.2, 0.0], 0.0);
    pub const EVENING: ContextRow = row("context:evening", "in the evening", [-0.1, 0.4, 0.1, 0.0], 0.4);
    pub const NIGHT: ContextRow = row("context:night", "at night", [0.2, -0.3, -0.2, 0.1], -0.3);
    pub const WEEKEND: ContextRow = row("context:weekend", "at the weekend", [0.0, 0.2, 0.2, 0.0], 0.0);
    pub const WALKING_DISTANCE: ContextRow = row("context:walking_distance", "within walking distance of a site location", [0.0, 1.5, -0.5, 0.0], 1.0);
    pub const NEARBY: ContextRow = row("context:nearby", "a short trip from a site location", [0.0, 0.5, 0.0, 0.0], 0.4);
    pub const FAR_AWAY: ContextRow = row("context:far_away", "far from every site location", [0.0, -0.6, 0.0, 0.0], -0.3);
    pub const CART: ContextRow = row("behaviour:cart", "added to the cart", [0.0, 0.0, 0.0, 1.2], 0.5);
    pub const INTENT_KNOW: ContextRow = row("behaviour:intent_know", "clicked something to read", [0.8, 0.0, 0.0, 0.0], 0.0);
    pub const INTENT_GO: ContextRow = row("behaviour:intent_go", "clicked directions or a location", [0.0, 0.8, 0.0, 0.0], 0.3);
    pub const INTENT_DO: ContextRow = row("behaviour:intent_do", "clicked something to do", [0.0, 0.0, 0.8, 0.0], 0.0);
    pub const INTENT_BUY: ContextRow = row("behaviour:intent_buy", "clicked something to buy", [0.0, 0.0, 0.0, 0.8], 0.3);
    pub const SEARCH: ContextRow = row("behaviour:search", "searched the site", [0.3, 0.0, 0.0, 0.2], 0.2);
    pub const LONG_DWELL: ContextRow = row("behaviour:long_dwell", "stayed over two minutes", [0.3, -0.2, 0.3, -0.1], -0.4);
    pub const DEEP_SCROLL: ContextRow = row("behaviour:deep_scroll", "read most of the page", [0.3, 0.0, 0.2, 0.0], -0.2);
    pub const REPEAT_VISIT: ContextRow = row("behaviour:repeat_visit", "has visited before", [0.0, 0.0, 0.0, 0.3], 0.2);
    pub const SLOW_CONNECTION: ContextRow = row("context:slow_connection", "on a slow or metered connection", [0.0, 0.1, 0.0, 0.0], 0.2);
}
use rows::*;

/// Every row, in the order of the table above.
pub const CONTEXT_TABLE: [ContextRow; 21] = [
    PHONE,
    TABLET,
    DESKTOP,
    MORNING,
    WEEKDAY_AFTERNOON,
    EVENING,
    NIGHT,
    WEEKEND,
    WALKING_DISTANCE,
    NEARBY,
    FAR_AWAY,
    CART,
    INTENT_KNOW,
    INTENT_GO,
    INTENT_DO,
    INTENT_BUY,
    SEARCH,
    LONG_DWELL,
    DEEP_SCROLL,
    REPEAT_VISIT,
    SLOW_CONNECTION,
];

/// Log-odds of urgency before any signal.
pub const URGENCY_BASE: f32 = -0.8;
/// Urgency log-odds per moment, weighted by the moment's probability.
pub const MOMENT_URGENCY: [f32; 4] = [-0.6, 0.6, -0.3, 0.3];

/// Nearest site location within this many metres: walking distance.
const WALKING_DISTANCE_M: u32 = 1_500;
/// … within this many: a short trip.
const NEARBY_M: u32 = 10_000;
/// … beyond this many: too far to go now.
const FAR_AWAY_M: u32 = 50_000;
/// Dwell after which the visitor is taking their time.
const LONG_DWELL_MS: u64 = 120_000;
/// Scroll depth after which most of the page has been read.
const DEEP_SCROLL_DEPTH: f64 = 0.75;
/// Repeated actions count up to this many times.
const MAX_REPEATS: u32 = 3;

/// The rows that apply to a snapshot, each with its strength (1, or a count up to 3).
pub fn context_signals(snapshot: &Snapshot) -> Vec<(&'static ContextRow, f32)> {
    let mut found: Vec<(&'static ContextRow, f32)> = Vec::new();
    let mut add = |row: &'static ContextRow, applies: bool| {
        if applies {
            found.push((row, 1.0));
        }
    };
    let device = &snapshot.device;
    add(&PHONE, device.class == DeviceClass::Mobile);
    add(&TABLET, device.class == DeviceClass::Tablet);
    add(&DESKTOP, device.class == DeviceClass::Desktop);

    let time = &snapshot.time;
    add(&MORNING, time.daypart == Daypart::Morning);
    add(
        &WEEKDAY_AFTERNOON,
        time.daypart == Daypart::Afternoon && !time.weekend,
    );
    add(&EVENING, time.daypart == Daypart::Evening);
    add(&NIGHT, time.daypart == Daypart::Night);
    add(&WEEKEND, time.weekend);

    let distance = snapshot
        .location
        .as_ref()
        .and_then(|location| location.nearest_distance_m);
    if let Some(metres) = distance {
        add(&WALKING_DISTANCE, metres <= WALKING_DISTANCE_M);
        add(&NEARBY, metres > WALKING_DISTANCE_M && metres <= NEARBY_M);
        add(&FAR_AWAY, metres > FAR_AWAY_M);
    }
    let slow =
        device.save_data || matches!(device.effective_type.as_deref(), Some("2g" | "slow-2g"));
    add(&SLOW_CONNECTION, slow);

    let behaviour = &snapshot.behaviour;
    add(&SEARCH, behaviour.search_actions > 0);
    add(&LONG_DWELL, behaviour.dwell_ms > LONG_DWELL_MS);
    add(&DEEP_SCROLL, behaviour.max_scroll_depth > DEEP_SCROLL_DEPTH);
    add(
        &REPEAT_VISIT,
        behaviour.repeat_visits.is_some_and(|v| v > 0),
    );
    let counted = [
        (&CART, behaviour.cart_actions),
        (&INTENT_KNOW, behaviour.intent_clicks[0]),
        (&INTENT_GO, behaviour.intent_clicks[1]),
        (&INTENT_DO, behaviour.intent_clicks[2]),
        (&INTENT_BUY, behaviour.intent_clicks[3]),
    ];
    for (row, count) in counted {
        if count > 0 {
            found.push((row, count.min(MAX_REPEATS) as f32));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A weight as the table on this page writes it: "0", "+0.6", "-0.2".
    fn written(weight: f32) -> String {
        if weight == 0.0 {
            "0".to_owned()
        } else {
            format!("{weight:+.1}")
        }
    }

    #[test]
    fn the_documented_table_is_the_table_in_use() {
        let docs = include_str!("context.rs");
        for row in CONTEXT_TABLE {
            let cells: Vec<String> = row
                .weights
                .iter()
                .chain([&row.urgency])
                .map(|w| written(*w))
                .collect();
            let needle = format!("| {} |", cells.join(" | "));
            let line = docs
                .lines()
                .find(|line| line.starts_with(&format!("//! | `{}` |", row.signal)))
                .unwrap_or_else(|| panic!("{} is not in the documented table", row.signal));
            assert!(
                line.ends_with(&needle),
                "{}: documented as {line:?}, in use {needle:?}",
                row.signal
            );
        }
        let documented_rows = docs.lines().filter(|l| l.starts_with("//! | `")).count();
        assert_eq!(documented_rows, CONTEXT_TABLE.len());
        assert!(docs.contains("sigmoid(-0.8 "), "urgency base");
        assert_eq!(URGENCY_BASE, -0.8);
        assert_eq!(MOMENT_URGENCY, [-0.6, 0.6, -0.3, 0.3]);
    }

    #[test]
    fn signal_names_are_distinct() {
        let mut names: Vec<_> = CONTEXT_TABLE.iter().map(|r| r.signal).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CONTEXT_TABLE.len());
    }
}
