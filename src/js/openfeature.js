// augenblick/openfeature: an OpenFeature provider (for @openfeature/web-sdk) whose flags
// target the visitor's moment and urgency, decided on the device as slots are, and the
// moment in OpenFeature's evaluation context, for any other provider's targeting.
import {
  FlagNotFoundError,
  OpenFeature,
  OpenFeatureEventEmitter,
  ProviderEvents,
  StandardResolutionReasons,
  TypeMismatchError,
} from "@openfeature/web-sdk";

import { Augenblick } from "./augenblick.js";

function invalidOption(path, expected) {
  const error = new Error(`invalid option ${path}: expected ${expected}`);
  error.name = "InvalidOptionError";
  return error;
}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** Checks a flag's shape here; its conditions are checked by the SDK in `initialize`. */
function readFlag(key, flag) {
  const path = `flags[${JSON.stringify(key)}]`;
  if (!isObject(flag)) throw invalidOption(path, "a flag: {variants, defaultVariant, targeting?}");
  if (!isObject(flag.variants) || Object.keys(flag.variants).length === 0) {
    throw invalidOption(`${path}.variants`, "an object of named values");
  }
  if (!Object.hasOwn(flag.variants, flag.defaultVariant)) throw invalidOption(`${path}.defaultVariant`, "the name of one of its variants");
  const targeting = flag.targeting ?? [];
  if (!Array.isArray(targeting)) throw invalidOption(`${path}.targeting`, "an array of {variant, moment, …}");
  const conditions = targeting.map((rule, i) => {
    if (!isObject(rule) || !Object.hasOwn(flag.variants, rule.variant)) {
      throw invalidOption(`${path}.targeting[${i}].variant`, "the name of one of its variants");
    }
    const { variant, ...when } = rule;
    return when;
  });
  // Copies: what was checked is what is used, whatever the caller changes later.
  return {
    variants: { ...flag.variants },
    defaultVariant: flag.defaultVariant,
    ruleVariants: targeting.map((rule) => rule.variant),
    conditions,
    path,
    // The moment `chosen` was made for (see `#resolve`).
    chosenFor: undefined,
    chosen: -1,
  };
}

/**
 * `new AugenblickProvider({ flags, options?, instance? })`: `flags` maps each flag key to
 * `{ variants: {name: value}, defaultVariant, targeting?: [{ variant, moment,
 * minConfidence?, minUrgency?, device?, daypart? }] }`; the first targeting rule that holds
 * for the moment picks the variant. It uses the started `instance`, or starts the SDK with
 * `options`. Every moment decided tells OpenFeature that the flags may have changed.
 */
export class AugenblickProvider {
  metadata = { name: "augenblick" };
  runsOn = "client";
  events = new OpenFeatureEventEmitter();
  #flags = new Map();
  #options;
  #given;
  #instance = null;
  #unsubscribe = () => {};
  #closed = false;

  constructor({ flags, options, instance } = {}) {
    if (!isObject(flags)) throw invalidOption("flags", "an object of flags by key");
    for (const [key, flag] of Object.entries(flags)) this.#flags.set(key, readFlag(key, flag));
    this.#options = options;
    this.#given = instance ?? null;
  }

  async initialize() {
    this.#closed = false;
    const instance = this.#given ?? (await Augenblick.init(this.#options));
    const release = () => this.#given || instance.destroy();
    // Closed while the SDK was starting (OpenFeature replaced this provider): let it go.
    if (this.#closed) {
      release();
      return;
    }
    const moment = instance.moment();
    for (const flag of this.#flags.values()) {
      try {
        // Checks the conditions, and is the flag's first choice (see `#resolve`).
        flag.chosen = instance.choose(flag.conditions);
        flag.chosenFor = moment;
      } catch (error) {
        release();
        if (error instanceof Error) error.message = error.message.replace("variants", () => `${flag.path}.targeting`);
        throw error;
      }
    }
    this.#instance = instance;
    // Every moment, and consent withdrawn (no moment), may change what the flags resolve to.
    let replay = true;
    const changed = () => {
      if (!replay) this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: [...this.#flags.keys()] });
    };
    const stops = watchMoment(instance, changed);
    this.#unsubscribe = () => stops.forEach((stop) => stop());
    replay = false;
  }

  async onClose() {
    this.#closed = true;
    this.#unsubscribe();
    this.#unsubscribe = () => {};
    if (!this.#given) this.#instance?.destroy();
    this.#instance = null;
  }

  resolveBooleanEvaluation(flagKey) {
    return this.#resolve(flagKey, "boolean");
  }

  resolveStringEvaluation(flagKey) {
    return this.#resolve(flagKey, "string");
  }

  resolveNumberEvaluation(flagKey) {
    return this.#resolve(flagKey, "number");
  }

  resolveObjectEvaluation(flagKey) {
    return this.#resolve(flagKey, "object");
  }

  #resolve(flagKey, type) {
    const flag = this.#flags.get(flagKey);
    if (!flag) throw new FlagNotFoundError(`augenblick: no flag ${JSON.stringify(flagKey)}`);
    const moment = this.#instance?.moment() ?? null;
    // Flags are read on every render: a flag's choice is made once per moment decided.
    if (flag.chosenFor !== moment) {
      flag.chosenFor = moment;
      flag.chosen = moment ? this.#instance.choose(flag.conditions) : -1;
    }
    const chosen = flag.chosen;
    const variant = chosen >= 0 ? flag.ruleVariants[chosen] : flag.defaultVariant;
    const value = flag.variants[variant];
    const actual = value === null ? "null" : typeof value;
    if (actual !== type) throw new TypeMismatchError(`augenblick: flag ${JSON.stringify(flagKey)} is ${actual}, not ${type}`);
    return {
      value,
      variant,
      reason: chosen >= 0 ? StandardResolutionReasons.TARGETING_MATCH : StandardResolutionReasons.DEFAULT,
      flagMetadata: moment ? { moment: moment.kind, confidence: moment.confidence, urgency: moment.urgency } : {},
    };
  }
}

/** The evaluation context attributes `shareMoment` keeps current. */
const CONTEXT_KEYS = ["moment", "momentConfidence", "urgency"];

/**
 * Keeps OpenFeature's evaluation context holding the moment of `instance` (`moment`,
 * `momentConfidence`, `urgency`; none of them without a moment, e.g. without consent), so
 * that any provider's targeting rules can use them. Returns the function that stops.
 */
export function shareMoment(instance) {
  const update = () => {
    const moment = instance.moment();
    const context = Object.fromEntries(Object.entries(OpenFeature.getContext()).filter(([key]) => !CONTEXT_KEYS.includes(key)));
    if (moment) Object.assign(context, { moment: moment.kind, momentConfidence: moment.confidence, urgency: moment.urgency });
    OpenFeature.setContext(context).catch((error) => globalThis.reportError?.(error));
  };
  const stops = watchMoment(instance, update);
  return () => stops.forEach((stop) => stop());
}

/**
 * Calls `onChange` with every moment decided and when consent leaves none; returns the
 * functions that stop. A consent change that leaves a moment is told once, by the moment
 * it is decided again with.
 */
function watchMoment(instance, onChange) {
  return [instance.on("moment", onChange), instance.on("consent", () => instance.moment() === null && onChange())];
}
