
// ---- Augenblick.init: personalized slots (src/js/augenblick.js) ----

export type Daypart = "morning" | "afternoon" | "evening" | "night";

/** When a variant applies: the conditions of a `SlotRule`. */
export interface VariantConditions {
  moment: MomentKind;
  /** The moment's confidence must be at least this (0 to 1). */
  minConfidence?: number;
  /** The urgency must be at least this (0 to 1). */
  minUrgency?: number;
  device?: DeviceClass | DeviceClass[];
  daypart?: Daypart | Daypart[];
}

/**
 * A programmatic variant, for sites that cannot change their markup: the same as a
 * `<template data-moment>` inside a slot. Give `slot` or `selector`, and `template`, or
 * `text` and/or `attributes`.
 */
export interface SlotRule extends VariantConditions {
  /** The slots marked `data-augenblick-slot="…"` with this name. */
  slot?: string;
  /** Or: the elements this CSS selector finds, which become slots. */
  selector?: string;
  /** The value of `data-augenblick-variant` when it applies (default: the moment; not `"default"`). */
  name?: string;
  /** The `id` of a `<template>` whose content the slot shows, cloned. */
  template?: string;
  /** Text the slot shows instead of its content. */
  text?: string;
  /** Attributes set on the slot element. URLs must be relative or http, https, mailto, tel; no `on…`, `srcdoc`, `style`, `type`, `is` or SVG animation values. */
  attributes?: Record<string, string>;
}

/** A context to assume instead of the real one, for previews and QA. */
export interface SimulatedContext {
  device?: DeviceClass;
  /** Local hour, 0 to 23 (the daypart follows). */
  hour?: number;
  /** Metres to the nearest of your locations; `null`: no location. */
  distanceM?: number | null;
}

/** Where events go: a Segment-compatible batch endpoint. Sent only with events consent. */
export interface EventsOptions {
  /** e.g. `https://api.segment.io/v1/batch`, a RudderStack data plane's `/v1/batch`, or `augenblick-collector`'s. */
  endpoint: string;
  /** Segment's write key, sent in the body (beacons have no headers). */
  writeKey?: string;
  /** Send once this many events wait (default 20; 1 to 100). */
  flushAt?: number;
  /** …or once the oldest has waited this long, in ms (default 5000). */
  flushIntervalMs?: number;
  /** A request not answered within this many ms (1000 to 120000, default 10000) is given up and retried. */
  timeoutMs?: number;
  /** Events kept waiting at most (default 1000); the oldest are dropped beyond. */
  maxQueueEvents?: number;
  /** Bytes of events kept waiting at most (default 262144); the oldest are dropped beyond. */
  maxQueueBytes?: number;
}

/** Options of `Augenblick.init`. Unknown keys are an `InvalidOptionError`. */
export interface AugenblickOptions extends SignalOptions, MomentOptions {
  rules?: SlotRule[];
  simulate?: SimulatedContext;
  events?: EventsOptions;
}

/** What a slot shows, and for which moment. */
export interface SlotDecision {
  /** Its `data-augenblick-slot` name (`null` for an element a rule's selector found). */
  slot: string | null;
  element: Element;
  /** The variant's `data-variant`, rule `name` or moment; `"default"` for the slot's own content. */
  variant: string;
  /** `null` without personalization consent (every slot shows its default). */
  moment: MomentKind | null;
  confidence: number;
}

export type ConsentPurpose = "personalization" | "storage" | "geolocation" | "events";
export type ConsentSource = "default" | "site" | "tcf" | "consentMode" | "globalPrivacyControl";

/** The consent in effect, and for each purpose the source whose word it is (the latest). */
export interface ConsentState extends Record<ConsentPurpose, boolean> {
  sources: Record<ConsentPurpose, ConsentSource>;
  /** The browser sends Global Privacy Control: events stay off. */
  globalPrivacyControl: boolean;
}

/** `augenblick.privacyReport()`; `docs/PRIVACY.md` explains every field. */
export interface PrivacyReport {
  consent: ConsentState;
  signalsRead: { signal: string; source: string; purpose: ConsentPurpose; kept: string; leavesDevice: false }[];
  storage: { key: string; area: "localStorage" | "sessionStorage"; purpose: "storage"; holds: string }[];
  /** The events endpoint, if configured, with the fields events may carry. */
  endpoints: { url: string; purpose: "events"; fields: string[] }[];
  counts: {
    snapshots: number; storageWrites: number; storedKeys: number; positionsRequested: number;
    requestsSent: number; eventsSent: number; eventsDropped: number;
  };
}

/** The `detail` of the `augenblick:decision` DOM event, dispatched on the slot (it bubbles). */
export type SlotDecisionDetail = Omit<SlotDecision, "element">;

export declare class Augenblick {
  /**
   * Loads the module (once per page), checks the options and resolves every slot of the
   * page in one task. Rejects with an `InvalidOptionError`, `InvalidModelError` or
   * `IncompatibleModelError` naming what is wrong, and with an `AlreadyRunningError` while
   * another instance runs on the page (`destroy()` it first).
   */
  static init(options?: AugenblickOptions): Promise<Augenblick>;
  private constructor();
  /** The moment last decided (also after `destroy()`); `null` without personalization consent. */
  moment(): Moment | null;
  /** The consent in effect, from every source. */
  consent(): ConsentState;
  /** What the SDK reads, may store and send, and did on this page view. */
  privacyReport(): PrivacyReport;
  /**
   * Sends the site's own event (with the decision's `moment`, `confidence`, `urgency`,
   * `deviceClass`, `daypart` added where the properties lack them). `false`: no events
   * consent, nothing queued. Throws an `InvalidOptionError` without an `events` option.
   */
  track(event: string, properties?: Record<string, unknown>): boolean;
  /**
   * The index of the first of `variants` that holds for the moment last decided, or -1
   * (also before any decision): the slots' decision, for content the page renders itself.
   * Throws an `InvalidOptionError` naming a bad field (`variants[1].minUrgency`).
   */
  choose(variants: readonly VariantConditions[]): number;
  /**
   * Reports that content the page renders itself shows `variant` in `slot`: a
   * `Variant Shown` event, as for slots, when events are configured and consented to.
   */
  shown(slot: string, variant: string): void;
  /** The snapshot of the last decision, with the simulated context if any. */
  snapshot(): Snapshot;
  /** What every slot shows now (also after `destroy()`). */
  decisions(): SlotDecision[];
  /**
   * Called at once with what is current, then on every change: each moment decided; each
   * slot whose variant or moment changed. Returns a function that removes the listener.
   */
  on(event: "moment", listener: (moment: Moment) => void): () => void;
  on(event: "decision", listener: (decision: SlotDecision) => void): () => void;
  on(event: "consent", listener: (consent: ConsentState) => void): () => void;
  /** Decides again and re-chooses every slot, in this task; `null` without personalization consent. */
  refresh(): Moment | null;
  /** Assumes this context (`null`: the real one) and refreshes. */
  simulate(context: SimulatedContext | null): Moment | null;
  /**
   * The site's word on the purposes named (the others stay; the latest word of any source
   * wins). Withdrawing a purpose erases at once what it allowed. Returns the consent in effect.
   */
  setConsent(consent: SignalConsent): ConsentState;
  /** With geolocation consent, asks the browser for the position once (kept as a coarse cell and a distance) and refreshes. */
  locate(): Promise<Moment | null>;
  /**
   * Stops watching the page and the consent sources; slots keep what they show. `refresh`,
   * `simulate`, `setConsent`, `locate`, `snapshot` and `privacyReport` then throw a
   * `DestroyedError`.
   */
  destroy(): void;
}

declare global {
  interface HTMLElementEventMap {
    "augenblick:decision": CustomEvent<SlotDecisionDetail>;
  }
  /** It bubbles up to the document. */
  interface DocumentEventMap {
    "augenblick:decision": CustomEvent<SlotDecisionDetail>;
  }
}
