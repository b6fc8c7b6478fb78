//! Evidence across the page views of a session: earlier pages count, less the longer ago
//! they were, and the reported moment only changes when the new one leads clearly.

use super::probability::log_softmax;
use crate::error::Error;
use crate::MomentKind;

/// How evidence accumulates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SessionOptions {
    /// After this many milliseconds an earlier page counts half as much.
    pub half_life_ms: f64,
    /// The reported moment changes only when another one's probability is ahead of it by
    /// more than this (0 to 1); 0 reports the leader every time.
    pub hysteresis: f32,
}

impl Default for SessionOptions {
    /// A half-life of 15 minutes (micro-moment sessions are short) and a hysteresis of 0.1.
    fn default() -> Self {
        SessionOptions {
            half_life_ms: 15.0 * 60_000.0,
            hysteresis: 0.1,
        }
    }
}

impl SessionOptions {
    /// Checked options: the half-life from one second to one week, the hysteresis from 0
    /// to 0.5.
    pub fn new(half_life_ms: f64, hysteresis: f32) -> Result<Self, Error> {
        if !(1_000.0..=7.0 * 24.0 * 3_600_000.0).contains(&half_life_ms) {
            return Err(Error::invalid_option(
                "halfLifeMinutes",
                Some("a number of minutes from 1/60 to 10080 (one week)"),
            ));
        }
        if !(0.0..=0.5).contains(&hysteresis) {
            return Err(Error::invalid_option(
                "hysteresis",
                Some("a number from 0 to 0.5"),
            ));
        }
        Ok(SessionOptions {
            half_life_ms,
            hysteresis,
        })
    }
}

/// Accumulated evidence is kept within this many nats of its leader, so that a long run of
/// one moment can still be overturned by a few pages of another.
const MAX_SPREAD: f32 = 6.0;
/// One page's evidence is kept within this many nats of its leader: however sure the
/// model is of one page, it takes two to overturn a settled session.
const MAX_PAGE_SPREAD: f32 = 4.0;

/// The page being viewed now.
#[derive(Debug, Clone, PartialEq)]
struct CurrentPage {
    key: String,
    evidence: [f32; 4],
}

/// A session's evidence: what earlier pages said, decayed, and what this page says.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    options: SessionOptions,
    /// Evidence of earlier pages as of `earlier_at` (log-probabilities, leader at 0).
    earlier: [f32; 4],
    earlier_at: f64,
    current: Option<CurrentPage>,
    shown: Option<MomentKind>,
}

impl Session {
    /// A session with no evidence yet.
    pub fn new(options: SessionOptions) -> Self {
        Session {
            options,
            earlier: [0.0; 4],
            earlier_at: 0.0,
            current: None,
            shown: None,
        }
    }

    /// Forgets every page seen (personalization consent withdrawn): the next page starts
    /// a new session.
    pub fn forget(&mut self) {
        *self = Session::new(self.options);
    }

    /// The evidence of earlier pages at `now` (log-odds per moment, 0 when there were none).
    pub fn earlier_evidence(&self, now: f64) -> [f32; 4] {
        let elapsed = (now - self.earlier_at).max(0.0);
        // 0.5^(elapsed / half-life), with exp only (pow would add a libm routine to the wasm).
        let factor =
            (-(elapsed / self.options.half_life_ms) as f32 * core::f32::consts::LN_2).exp();
        self.earlier.map(|e| e * factor)
    }

    /// Records what the page `page_key` says (log-odds per moment) at `now` and returns the
    /// session's evidence. A key unlike the last one starts a new page view, and the last
    /// page joins the earlier ones; the same key again replaces this page's evidence.
    pub fn observe(&mut self, page_key: &str, page_logits: [f32; 4], now: f64) -> [f32; 4] {
        let evidence = log_softmax(page_logits).map(|e| e.max(-MAX_PAGE_SPREAD));
        match &mut self.current {
            Some(current) if current.key == page_key => current.evidence = evidence,
            _ => {
                if let Some(finished) = self.current.take() {
                    let decayed = self.earlier_evidence(now);
                    let mut sum = [0.0; 4];
                    for k in 0..4 {
                        sum[k] = decayed[k] + finished.evidence[k];
                    }
                    self.earlier = within_spread(sum);
                    self.earlier_at = now;
                }
                self.current = Some(CurrentPage {
                    key: page_key.to_owned(),
                    evidence,
                });
            }
        }
        let earlier = self.earlier_evidence(now);
        let mut total = evidence;
        for k in 0..4 {
            total[k] += earlier[k];
        }
        total
    }

    /// The moment to report for these probabilities: the leader, unless the moment
    /// reported last is within the hysteresis of it.
    pub fn choose(&mut self, probabilities: &[f32; 4]) -> MomentKind {
        let leader = MomentKind::leader(probabilities);
        let kind = match self.shown {
            Some(shown)
                if probabilities[leader as usize] - probabilities[shown as usize]
                    <= self.options.hysteresis =>
            {
                shown
            }
            _ => leader,
        };
        self.shown = Some(kind);
        kind
    }
}

/// Shifts evidence so its leader is at 0 and keeps every moment within [`MAX_SPREAD`].
fn within_spread(evidence: [f32; 4]) -> [f32; 4] {
    let max = evidence.iter().copied().fold(f32::MIN, f32::max);
    evidence.map(|e| (e - max).max(-MAX_SPREAD))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: f64 = 60_000.0;

    #[test]
    fn a_new_page_joins_the_earlier_ones_and_fades() {
        let mut session = Session::new(SessionOptions::default());
        session.observe("/a", [2.0, 0.0, 0.0, 0.0], 0.0);
        let at_b = session.observe("/b", [0.0; 4], MINUTE);
        assert!(at_b[0] > at_b[1] + 1.0, "page /a still counts: {at_b:?}");
        let later = session.observe("/b", [0.0; 4], 16.0 * MINUTE);
        let lead = |e: [f32; 4]| e[0] - e[1];
        // 15 minutes after /a was left, its lead is about half.
        assert!((lead(later) / lead(at_b) - 0.5).abs() < 0.01, "{later:?}");
    }

    #[test]
    fn the_same_page_again_replaces_its_own_evidence() {
        let mut session = Session::new(SessionOptions::default());
        session.observe("/a", [5.0, 0.0, 0.0, 0.0], 0.0);
        let again = session.observe("/a", [0.0, 0.0, 0.0, 5.0], 1_000.0);
        assert!(again[3] > again[0], "{again:?}");
    }

    #[test]
    fn one_page_says_at_most_so_much() {
        let mut session = Session::new(SessionOptions::default());
        let evidence = session.observe("/a", [100.0, 0.0, 0.0, 0.0], 0.0);
        assert_eq!(evidence[0] - evidence[1], MAX_PAGE_SPREAD);
    }

    #[test]
    fn hysteresis_keeps_the_moment_on_a_close_call() {
        let mut session = Session::new(SessionOptions::default());
        assert_eq!(session.choose(&[0.6, 0.2, 0.1, 0.1]), MomentKind::Know);
        assert_eq!(session.choose(&[0.4, 0.1, 0.0, 0.45]), MomentKind::Know);
        assert_eq!(session.choose(&[0.3, 0.1, 0.0, 0.6]), MomentKind::Buy);
        let mut eager = Session::new(SessionOptions::new(MINUTE, 0.0).unwrap());
        eager.choose(&[0.6, 0.2, 0.1, 0.1]);
        assert_eq!(eager.choose(&[0.4, 0.1, 0.0, 0.45]), MomentKind::Buy);
    }

    #[test]
    fn long_runs_stay_within_reach() {
        let mut session = Session::new(SessionOptions::default());
        for page in 0..50 {
            session.observe(&page.to_string(), [9.0, 0.0, 0.0, 0.0], f64::from(page));
        }
        let evidence = session.observe("next", [0.0; 4], 51.0);
        assert!(
            evidence[0] - evidence[3] <= MAX_SPREAD + 0.01,
            "{evidence:?}"
        );
    }

    #[test]
    fn options_out_of_range_are_refused() {
        let err = SessionOptions::new(0.0, 0.1).unwrap_err();
        assert!(err.message().contains("halfLifeMinutes"));
        assert!(SessionOptions::new(f64::NAN, 0.1).is_err());
        let err = SessionOptions::new(MINUTE, 0.9).unwrap_err();
        assert!(err.message().contains("hysteresis"));
        assert!(SessionOptions::new(MINUTE, f32::NAN).is_err());
    }
}
