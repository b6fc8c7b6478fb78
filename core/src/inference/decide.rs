//! A decision: the page model's evidence, the session's earlier pages and the context
//! table together give the moment, its confidence, the urgency and the reasons.

use super::context::{context_signals, ContextRow, MOMENT_URGENCY, URGENCY_BASE};
use super::model::{Model, ModelFeature};
use super::probability::{sigmoid, softmax};
use super::session::{Session, SessionOptions};
use crate::signals::Snapshot;
use crate::MomentKind;

/// Reasons reported with a moment, at most.
pub const MAX_REASONS: usize = 5;

/// The visitor's moment, as inferred now.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// The moment reported (the leader, or the previous moment within the hysteresis).
    pub kind: MomentKind,
    /// The probability of `kind`, 0 to 1.
    pub confidence: f32,
    /// The probability of each moment, canonical order; they sum to 1.
    pub scores: [f32; 4],
    /// How much the visitor wants it now, 0 to 1.
    pub urgency: f32,
    /// The signals that pushed most towards `kind`, strongest first.
    pub reasons: Vec<Reason>,
}

/// A signal that contributed to a moment.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The signal's name: a model feature (`word:rezept`, `cue:opening_hours`), a context row
    /// (`context:phone`) or `session:earlier_pages`.
    pub signal: String,
    /// The signal in words, for developers.
    pub description: String,
    /// How much it raised the moment's log-odds against the average of the four.
    pub weight: f32,
}

/// Decides moments for one visitor: a model and the session's evidence.
#[derive(Debug, Clone)]
pub struct Engine {
    model: Model,
    session: Session,
}

impl Engine {
    /// An engine with a model (see [`Model::default_model`]) and a fresh session.
    pub fn new(model: Model, options: SessionOptions) -> Self {
        Engine {
            model,
            session: Session::new(options),
        }
    }

    /// The model in use.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Forgets the session's evidence: the next decision knows only its own page.
    pub fn forget_session(&mut self) {
        self.session.forget();
    }

    /// Replaces the model; the session's evidence stays.
    pub fn set_model(&mut self, model: Model) {
        self.model = model;
    }

    /// The moment for a snapshot taken at `now` (ms since the epoch). The page is told apart
    /// from earlier ones by its path and query: a new one starts a page view of the session.
    pub fn decide(&mut self, snapshot: &Snapshot, now: f64) -> Moment {
        let page = &snapshot.page;
        let evidence = self.model.evidence(page);
        let page_key = [page.path.as_str(), "?", page.query.as_str()].concat();
        let mut logits = self.session.observe(&page_key, evidence.logits, now);
        // After `observe`, so that a page just left counts among the earlier ones.
        let earlier = self.session.earlier_evidence(now);
        let context = context_signals(snapshot);
        for (row, strength) in &context {
            for (logit, weight) in logits.iter_mut().zip(row.weights) {
                *logit += strength * weight;
            }
        }
        let scores = softmax(logits);
        let kind = self.session.choose(&scores);
        let k = kind as usize;

        // Each signal's push towards `kind`, against the average of the four moments.
        let towards = |weights: [f32; 4], strength: f32| {
            strength * (weights[k] - weights.iter().sum::<f32>() / 4.0)
        };
        let mut candidates: Vec<(f32, Source)> = Vec::new();
        for &(index, value) in &evidence.matched {
            let feature = &self.model.features()[index];
            let weight = towards(self.model.weights(feature), value);
            candidates.push((weight, Source::Feature(feature)));
        }
        for &(row, strength) in &context {
            candidates.push((towards(row.weights, strength), Source::Context(row)));
        }
        candidates.push((towards(earlier, 1.0), Source::EarlierPages));
        // Only the reasons shown are put in words.
        let reasons = strongest(candidates)
            .into_iter()
            .map(|(weight, source)| source.reason(weight))
            .collect();

        let urgency_logit = URGENCY_BASE
            + context.iter().map(|(row, s)| s * row.urgency).sum::<f32>()
            + scores
                .iter()
                .zip(MOMENT_URGENCY)
                .map(|(p, m)| p * m)
                .sum::<f32>();
        Moment {
            kind,
            confidence: scores[k],
            scores,
            urgency: sigmoid(urgency_logit),
            reasons,
        }
    }
}

/// What a reason is about, before it is put in words.
enum Source<'a> {
    Feature(&'a ModelFeature),
    Context(&'static ContextRow),
    EarlierPages,
}

impl Source<'_> {
    fn reason(&self, weight: f32) -> Reason {
        let (signal, description) = match self {
            Source::Feature(feature) => (
                String::from(&*feature.name),
                describe_feature(&feature.name),
            ),
            Source::Context(row) => (row.signal.to_owned(), row.description.to_owned()),
            Source::EarlierPages => (
                "session:earlier_pages".to_owned(),
                "what the visitor viewed earlier in the session".to_owned(),
            ),
        };
        Reason {
            signal,
            description,
            weight,
        }
    }
}

/// The [`MAX_REASONS`] candidates of greatest positive weight, strongest first (a
/// selection, not a sort: few are kept, and a sort costs kilobytes of wasm).
fn strongest<T>(mut candidates: Vec<(f32, T)>) -> Vec<(f32, T)> {
    let mut chosen = Vec::with_capacity(MAX_REASONS);
    while chosen.len() < MAX_REASONS {
        let best = (0..candidates.len())
            .filter(|&i| candidates[i].0 > 0.0)
            .max_by(|&a, &b| candidates[a].0.total_cmp(&candidates[b].0));
        match best {
            Some(i) => chosen.push(candidates.swap_remove(i)),
            None => break,
        }
    }
    chosen
}

/// A model feature in words: "the page mentions “rezept”".
fn describe_feature(name: &str) -> String {
    let (prefix, rest) = name.split_once(':').unwrap_or(("", name));
    let quoted = |before: &str| [before, "“", rest, "”"].concat();
    match prefix {
        "word" => quoted("the page mentions "),
        "url" => quoted("the address contains "),
        "schema" => ["schema.org type ", rest].concat(),
        "og" => ["og:type ", rest].concat(),
        "page" => "a site-search results page".to_owned(),
        _ => ["the page has ", &rest.replace('_', " ")].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_described_in_words() {
        assert_eq!(
            describe_feature("word:rezept"),
            "the page mentions “rezept”"
        );
        assert_eq!(
            describe_feature("url:checkout"),
            "the address contains “checkout”"
        );
        assert_eq!(
            describe_feature("cue:opening_hours"),
            "the page has opening hours"
        );
        assert_eq!(describe_feature("schema:Recipe"), "schema.org type Recipe");
        assert_eq!(describe_feature("og:article"), "og:type article");
        assert_eq!(
            describe_feature("page:search"),
            "a site-search results page"
        );
    }
}
