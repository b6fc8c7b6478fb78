//! The JSON form of a [`Moment`], as JavaScript receives it (declared for TypeScript in
//! `src/inference/typescript.rs`).

use super::{Moment, Reason};
use crate::json::ToJson;
use crate::json_object;

impl ToJson for Moment {
    fn write_json(&self, out: &mut String) {
        let [know, go, make, buy] = self.scores.map(f64::from);
        json_object!(out,
            "kind" => self.kind.as_str(),
            "confidence" => f64::from(self.confidence),
            "scores" => Scores { know, go, make, buy },
            "urgency" => f64::from(self.urgency),
            "reasons" => self.reasons,
        );
    }
}

struct Scores {
    know: f64,
    go: f64,
    make: f64,
    buy: f64,
}

impl ToJson for Scores {
    fn write_json(&self, out: &mut String) {
        json_object!(out, "know" => self.know, "go" => self.go, "do" => self.make, "buy" => self.buy);
    }
}

impl ToJson for Reason {
    fn write_json(&self, out: &mut String) {
        json_object!(out,
            "signal" => self.signal,
            "description" => self.description,
            "weight" => f64::from(self.weight),
        );
    }
}
