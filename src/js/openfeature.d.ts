// augenblick/openfeature (src/js/openfeature.js).
import type { JsonValue, OpenFeatureEventEmitter, Provider, ResolutionDetails } from "@openfeature/web-sdk";

import type { Augenblick, AugenblickOptions, VariantConditions } from "./augenblick.js";

export interface AugenblickTargetingRule extends VariantConditions {
  /** The name of the variant served while this rule's conditions hold. */
  variant: string;
}

export interface AugenblickFlag {
  variants: Record<string, JsonValue>;
  /** The name of the variant served before the first moment, without consent, and when no rule holds. */
  defaultVariant: string;
  /** The first rule that holds picks the variant. */
  targeting?: readonly AugenblickTargetingRule[];
}

export interface AugenblickProviderOptions {
  flags: Record<string, AugenblickFlag>;
  /** Passed to `Augenblick.init` in `initialize` (the provider destroys it on close). */
  options?: AugenblickOptions;
  /** Or: an instance started already (not destroyed on close). */
  instance?: Augenblick;
}

/**
 * An OpenFeature provider whose flags target the visitor's moment and urgency. Throws an
 * `InvalidOptionError` naming a malformed flag; `initialize` rejects with one naming a bad
 * targeting condition. Resolutions carry `flagMetadata` `{moment, confidence, urgency}`.
 */
export declare class AugenblickProvider implements Provider {
  constructor(options: AugenblickProviderOptions);
  readonly metadata: { readonly name: "augenblick" };
  readonly runsOn: "client";
  readonly events: OpenFeatureEventEmitter;
  initialize(): Promise<void>;
  onClose(): Promise<void>;
  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean): ResolutionDetails<boolean>;
  resolveStringEvaluation(flagKey: string, defaultValue: string): ResolutionDetails<string>;
  resolveNumberEvaluation(flagKey: string, defaultValue: number): ResolutionDetails<number>;
  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T): ResolutionDetails<T>;
}

/**
 * Keeps OpenFeature's evaluation context holding the moment of `instance` (`moment`,
 * `momentConfidence`, `urgency`; none of them without a moment), so that any provider's
 * targeting can use them. Returns the function that stops.
 */
export declare function shareMoment(instance: Augenblick): () => void;
