//! TypeScript declarations for the moment types, emitted into `augenblick.d.ts`. They mirror
//! `augenblick_core::inference` as serialised to JavaScript.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const MOMENT_TYPES: &str = r#"
export type MomentKind = "know" | "go" | "do" | "buy";

/** Options of `new MomentEngine(options)`. Unknown keys are an `InvalidOptionError`. */
export interface MomentOptions {
  /** The text of the site's own model file (made by `augenblick-train train`); default: the shipped model. */
  model?: string;
  /** Minutes after which an earlier page of the session counts half (default 15; 1/60 to 10080). */
  halfLifeMinutes?: number;
  /** The reported moment changes only when another leads it by more than this probability (default 0.1; 0 to 0.5). */
  hysteresis?: number;
}

/** A signal that pushed the moment, with how much (log-odds against the average of the four). */
export interface MomentReason {
  /** `word:…`, `url:…`, `cue:…`, `schema:…`, `og:…`, `page:search`, `context:…`, `behaviour:…` or `session:earlier_pages`. */
  signal: string;
  description: string;
  weight: number;
}

export interface Moment {
  kind: MomentKind;
  /** The probability of `kind`, 0 to 1. */
  confidence: number;
  /** The probability of each moment; they sum to 1. */
  scores: Record<MomentKind, number>;
  /** How much the visitor wants it now, 0 to 1. */
  urgency: number;
  /** Strongest first, at most 5. */
  reasons: MomentReason[];
}
"#;
