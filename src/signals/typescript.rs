//! TypeScript declarations for the signal types, written once here and emitted into the
//! package's `augenblick.d.ts`. They mirror `augenblick_core::signals` as serialised to
//! JavaScript (camelCase fields, `null` for absent values); `tests/typescript` compiles
//! usage against them and the browser tests check the runtime objects against them.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const SIGNAL_TYPES: &str = r#"
/** Consent for the SDK's purposes; the ones not named stay as they are. */
export interface SignalConsent {
  /** Read signals and decide the moment, on the device (on unless refused). */
  personalization?: boolean;
  /** Persist the session page-view count and the device's visit count (off until granted). */
  storage?: boolean;
  /** Ask the browser for the visitor's position, then coarsened on the device (off until granted). */
  geolocation?: boolean;
  /** Send events to the site's backend (off until granted; Global Privacy Control keeps it off). */
  events?: boolean;
}

/** A place of the site's own that the visitor's distance is measured to. */
export interface SiteLocation {
  id: string;
  /** Degrees, -90 to 90. */
  lat: number;
  /** Degrees, -180 to 180. */
  lon: number;
}

/** Options of `new SignalCollector(options)`. Unknown keys are an `InvalidOptionError`. */
export interface SignalOptions {
  consent?: SignalConsent;
  /** Query parameters that carry a site search, besides q, query, s, search, suche, k. */
  searchParams?: string[];
  /** Geohash length kept for a position, 1 to 12 (default 6: cells of about 1.2 x 0.6 km). */
  geohashPrecision?: number;
  locations?: SiteLocation[];
}

export type DeviceClass = "mobile" | "tablet" | "desktop";

export interface Device {
  class: DeviceClass;
  touch: boolean;
  pointer: "fine" | "coarse" | "none";
  viewportWidth: number;
  viewportHeight: number;
  pixelRatio: number;
  /** `navigator.connection.effectiveType` where known: "slow-2g" | "2g" | "3g" | "4g". */
  effectiveType: string | null;
  saveData: boolean;
  languages: string[];
  reducedMotion: boolean;
  hints: { mobile: boolean; platform: string } | null;
}

export interface LocalTime {
  hour: number;
  minute: number;
  weekday: "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";
  weekend: boolean;
  daypart: "morning" | "afternoon" | "evening" | "night";
  /** IANA name, e.g. "Europe/Berlin"; `null` where the browser reports none, and in the first snapshot of a page (reading it the first time takes 13 to 29 ms, so it is read in a task of its own). */
  timeZone: string | null;
  /** Minutes east of UTC. */
  utcOffsetMinutes: number;
}

export interface Cues {
  prices: number;
  cartButtons: number;
  cartLinks: number;
  addresses: number;
  openingHours: number;
  telLinks: number;
  phoneNumbers: number;
  mapEmbeds: number;
  directionLinks: number;
  ingredientItems: number;
  stepItems: number;
  videos: number;
}

export interface PageSignals {
  path: string;
  query: string;
  searchQuery: string | null;
  utm: { source: string | null; medium: string | null; campaign: string | null; term: string | null; content: string | null };
  referrer: "search" | "social" | "email" | "internal" | "direct" | "other";
  language: string | null;
  title: string;
  description: string | null;
  ogType: string | null;
  headings: { level: number; text: string }[];
  schemaTypes: string[];
  cues: Cues;
  /** Distinct words of the title, description, text and URL path, which the moment model reads (hashed; the text is not kept). */
  termCount: number;
  /** What the bounded extraction left out. */
  skipped: {
    readingLimitReached: boolean;
    /** Page scripts made reading the page throw; the page signals are then empty. */
    readingFailed: boolean;
    textTruncated: boolean;
    jsonLdMalformed: number;
    jsonLdTooLarge: number;
    itemsOverLimit: number;
  };
}

export interface Behaviour {
  pageViews: number;
  dwellMs: number;
  /** How far down the bottom of the viewport has been, 0 to 1 (1: the end was seen). */
  maxScrollDepth: number;
  /** Clicks on `data-augenblick-intent` elements: [know, go, do, buy]. */
  intentClicks: [number, number, number, number];
  cartActions: number;
  searchActions: number;
  visibilityChanges: number;
  /** Earlier visits on this device; null without storage consent. */
  repeatVisits: number | null;
}

/** What is kept of a position: never the coordinates. */
export interface LocationSignal {
  geohash: string;
  /** Metres from the centre of the cell to the nearest site location, rounded to 10. */
  nearestDistanceM: number | null;
  nearestId: string | null;
}

export interface Snapshot {
  device: Device;
  time: LocalTime;
  page: PageSignals;
  behaviour: Behaviour;
  location: LocationSignal | null;
}
"#;
