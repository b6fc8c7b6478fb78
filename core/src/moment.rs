use core::fmt;
use core::str::FromStr;

use crate::Error;

/// The four micro-moments: what the visitor wants right now.
///
/// The order is the canonical one used everywhere a list of moments appears (scores,
/// model weights, reports), so `MomentKind::ALL[i]` and `kind as usize` always agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MomentKind {
    /// *I want to know*: reading, researching, comparing.
    Know,
    /// *I want to go*: looking for a place, its address, hours or directions.
    Go,
    /// *I want to do*: following a recipe, a how-to, a set of steps.
    Do,
    /// *I want to buy*: choosing, pricing, adding to a cart, checking out.
    Buy,
}

impl MomentKind {
    /// Every moment, in canonical order.
    pub const ALL: [MomentKind; 4] = [
        MomentKind::Know,
        MomentKind::Go,
        MomentKind::Do,
        MomentKind::Buy,
    ];

    /// The moment with the highest of these scores (canonical order); the first of equals.
    pub fn leader(scores: &[f32; 4]) -> MomentKind {
        MomentKind::ALL
            .into_iter()
            .fold(MomentKind::Know, |best, k| {
                if scores[k as usize] > scores[best as usize] {
                    k
                } else {
                    best
                }
            })
    }

    /// The lowercase name used in markup (`data-moment="go"`), JavaScript and reports.
    pub const fn as_str(self) -> &'static str {
        match self {
            MomentKind::Know => "know",
            MomentKind::Go => "go",
            MomentKind::Do => "do",
            MomentKind::Buy => "buy",
        }
    }
}

impl fmt::Display for MomentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for MomentKind {
    type Err = Error;

    /// Accepts the canonical names in any ASCII case, with surrounding whitespace, because
    /// they come from hand-written markup and configuration.
    fn from_str(value: &str) -> Result<Self, Error> {
        let trimmed = value.trim();
        MomentKind::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(trimmed))
            .ok_or_else(|| Error::unknown_moment_kind(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_name() {
        for kind in MomentKind::ALL {
            assert_eq!(kind.as_str().parse::<MomentKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
    }

    #[test]
    fn parsing_ignores_case_and_surrounding_whitespace() {
        assert_eq!("  GO\n".parse::<MomentKind>(), Ok(MomentKind::Go));
        assert_eq!("Do".parse::<MomentKind>(), Ok(MomentKind::Do));
    }

    #[test]
    fn unknown_names_are_rejected_with_a_named_error() {
        for bad in ["", "shop", "go!", "kn ow", "bu"] {
            let err = bad.parse::<MomentKind>().unwrap_err();
            assert_eq!(err.name(), "UnknownMomentKindError", "input {bad:?}");
        }
    }

    #[test]
    fn the_leader_is_the_highest_score_and_the_first_of_equals() {
        assert_eq!(MomentKind::leader(&[0.1, 0.2, 0.6, 0.1]), MomentKind::Do);
        assert_eq!(MomentKind::leader(&[0.3, 0.3, 0.1, 0.3]), MomentKind::Know);
        assert_eq!(
            MomentKind::leader(&[-1.0, -2.0, -3.0, 0.0]),
            MomentKind::Buy
        );
    }

    #[test]
    fn canonical_order_matches_the_index_used_by_scores() {
        let names: Vec<_> = MomentKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(names, ["know", "go", "do", "buy"]);
    }
}
