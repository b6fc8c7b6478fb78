// The package's entry point: `Augenblick.init(options)`, and the classes of the module.
//
// This is the JavaScript half of an instance: it finds slots, describes them to the
// module's `Runtime` (src/runtime.rs), which decides the moment and every slot's variant,
// and applies what comes back. It never builds markup from strings: variants are cloned
// from `<template>` content or set as text and checked attributes.
import initModule, { Runtime } from "#glue";
import {
  consentModeCommands,
  globalPrivacyControl,
  safely,
  tcfCmpPresent,
  tcfCookie,
  watchConsentMode,
  watchTcf,
} from "./consent-sources.js";
import { Transport, uuid } from "./events-transport.js";
import { moduleSource } from "#module-source";

export { default, initSync, MomentEngine, SignalCollector, version } from "#glue";

const SLOT_ATTRIBUTE = "data-augenblick-slot";
const SLOT_SELECTOR = `[${SLOT_ATTRIBUTE}]`;
/** A template's condition attributes, in the order `augenblick_core::slots` reads them. */
const CONDITION_ATTRIBUTES = ["data-moment", "data-min-confidence", "data-min-urgency", "data-device", "data-daypart"];
const DEFAULT_VARIANT = "default";
/** What the site marked as not its page: not read (src/js/browser.js), not personalized. */
const IGNORED = "[data-augenblick-ignore]";
const EVENTS = ["moment", "decision", "consent"];
/**
 * Elements that never become slots: changing their text or attributes could run script or
 * redirect loads (`<script>`, `<base href>`, SVG animation of `href`), whatever a rule says.
 */
const NEVER_SLOTS = new Set([
  "script", "style", "base", "link", "meta", "iframe", "frame", "object", "embed", "noscript", "template",
  "set", "animate", "animatemotion", "animatetransform",
]);
/** How long the erasure of stored keys waits for a CMP's first answer. */
const CMP_ANSWER_MS = 3000;
/** Slots inside variants inside variants…: deeper than this is a template that contains itself. */
const MAX_NESTING = 4;

/** An `Error` with a stable `name`, like the ones the module throws. */
function namedError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * The start-up's phases as User Timing measures (`augenblick:runtime`, …): DevTools'
 * Performance panel shows them, and scripts/bench-slots.mjs reads them. Recorded in a task
 * of their own, after the slots are resolved: they are not part of the start-up.
 */
function startupMeasures(phases) {
  for (const [name, start, end] of phases) safely(() => performance.measure(`augenblick:${name}`, { start, end }));
}

/** Calls each listener; one that throws is reported and does not stop the others. */
function notifyAll(listeners, value) {
  // A copy: a listener added meanwhile had its replay from `on()` already.
  for (const listener of [...listeners]) safely(listener, value);
}

/** A slot's variant templates: its `<template data-moment>` children, in document order. */
function variantTemplates(slot) {
  const found = [];
  for (const child of slot.children) {
    if (child.localName === "template" && child.hasAttribute("data-moment")) found.push(child);
  }
  return found;
}

/** Shows the default content of every slot at once (the SDK could not start). */
function revealDefaults() {
  for (const slot of globalThis.document?.querySelectorAll(`${SLOT_SELECTOR}:not([data-augenblick-variant])`) ?? []) {
    slot.setAttribute("data-augenblick-variant", DEFAULT_VARIANT);
  }
}

let creating = false;
/** An instance starting or running on this page; one at a time, or they would fight over the slots. */
let owner = null;

export class Augenblick {
  /** @type {Runtime} */ #runtime;
  #rules;
  /** Each rule's selector (null for rules naming a slot), checked one by one. */
  #selectors;
  #moment = null;
  /** Element → what the slot is and shows. */
  #slots = new Map();
  #listeners = { moment: new Set(), decision: new Set(), consent: new Set() };
  #consent;
  #observer;
  #stopHistory;
  #stopConsentSources = [];
  /** Sends events, if the options configure them. */
  #transport = null;
  #pagePath;
  #navigationPending = false;
  /** What was warned about already: condition sets and slots. */
  #warned = new Set();
  #destroyed = false;

  /**
   * Loads the module (once per page), checks the options and resolves every slot of the
   * page in one task. Rejects with an `InvalidOptionError` (or `InvalidModelError`,
   * `IncompatibleModelError`) naming what is wrong, and with an `AlreadyRunningError` while
   * another instance starts or runs on the page; if it cannot start at all, every slot
   * shows its default content at once.
   */
  static async init(options) {
    if (owner) {
      throw namedError("AlreadyRunningError", "Augenblick is already running on this page: destroy() that instance first");
    }
    const starting = {};
    owner = starting;
    try {
      const loading = initModule({ module_or_path: moduleSource() });
      // A page's first `document.cookie` waits on the browser's network process (about
      // 1 ms measured in Chromium, BENCHMARKS.md): asked while the module downloads, the
      // read of the CMP's cookie in the constructor finds it answered.
      tcfCookie();
      await loading;
      creating = true;
      const instance = new Augenblick(options);
      owner = instance;
      return instance;
    } catch (error) {
      if (owner === starting) owner = null;
      revealDefaults();
      throw error;
    } finally {
      creating = false;
    }
  }

  /** @private Use `Augenblick.init(options)`. */
  constructor(options) {
    if (!creating) throw new TypeError("use Augenblick.init(options), not new Augenblick()");
    // What consent sources say so far goes in before the collector starts, so that nothing
    // is stored that one of them refuses: Global Privacy Control, Consent Mode's commands,
    // the CMP's cookie.
    const started = performance.now();
    const sources = [globalPrivacyControl(), consentModeCommands(), tcfCookie(), uuid()];
    const read = performance.now();
    this.#runtime = new Runtime(options, ...sources);
    const constructed = performance.now();
    try {
      this.#rules = JSON.parse(this.#runtime.rules());
      this.#selectors = this.#rules.map((rule, index) => {
        if (rule.selector === null) return null;
        try {
          // An empty fragment checks the syntax without matching the whole page.
          document.createDocumentFragment().querySelector(rule.selector);
        } catch {
          throw namedError("InvalidOptionError", `invalid option rules[${index}].selector: expected a CSS selector`);
        }
        return rule.selector;
      });
      this.#consent = JSON.parse(this.#runtime.consent());
      const events = this.#runtime.eventsConfig();
      if (events) this.#transport = new Transport(this.#runtime, JSON.parse(events));
      const cmpAnswered = tcfCmpPresent() ? this.#holdSweepUntilCmpAnswers() : () => {};
      this.#stopConsentSources.push(
        cmpAnswered,
        watchConsentMode((commands) => this.#consentFrom(() => this.#runtime.consentMode(commands))),
        watchTcf((tcData) => {
          this.#consentFrom(() => this.#runtime.tcfData(tcData));
          cmpAnswered();
        }),
      );
      this.#pagePath = location.pathname + location.search;
      this.#stopHistory = watchHistory(() => this.#historyChanged());
      this.#observer = new MutationObserver((records) => this.#mutated(records));
      this.#observer.observe(document.documentElement, { childList: true, subtree: true });
      const watching = performance.now();
      this.refresh();
      const phases = [["consent-sources", started, read], ["runtime", read, constructed], ["watchers", constructed, watching], ["first-decision", watching, performance.now()]];
      setTimeout(startupMeasures, 0, phases);
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  /** The moment last decided. Still answers after `destroy()`. */
  moment() {
    return this.#moment;
  }

  /**
   * The index of the first of `variants` (`{moment, minConfidence?, minUrgency?, device?,
   * daypart?}`, the conditions of a rule) that holds for the moment last decided, or -1.
   * The same decision as for slots, for content the page renders itself (the React and
   * OpenFeature integrations use it).
   */
  choose(variants) {
    this.#assertAlive();
    return this.#runtime.choose(variants);
  }

  /**
   * Reports that content the page renders itself shows `variant` in `slot`: a
   * `Variant Shown` event, as for slots, when events are configured and consented to.
   */
  shown(slot, variant) {
    this.#assertAlive();
    if (this.#moment) this.#decisionEvent(String(slot), String(variant));
  }

  /** The signals snapshot of the last decision (with the simulated context, if any). */
  snapshot() {
    this.#assertAlive();
    return this.#runtime.snapshot();
  }

  /** What every slot shows now. Still answers after `destroy()`. */
  decisions() {
    return [...this.#slots.values()].filter((slot) => slot.decision).map((slot) => slot.decision);
  }

  /**
   * The consent in effect: `{ personalization, storage, geolocation, events, sources,
   * globalPrivacyControl }`, `sources` saying for each purpose which source's word it is.
   */
  consent() {
    return structuredClone(this.#consent);
  }

  /**
   * The privacy report: every signal read, every storage key and endpoint with its
   * purpose, and what was stored and sent on this page view.
   */
  privacyReport() {
    this.#assertAlive();
    return JSON.parse(this.#runtime.privacyReport());
  }

  /**
   * Calls `listener` with what is current at once, then on every change: `"moment"` with
   * each moment decided, `"decision"` with each slot whose variant or moment changed,
   * `"consent"` with the consent in effect whenever it changes. Returns a function that
   * removes the listener.
   */
  on(event, listener) {
    if (!EVENTS.includes(event)) {
      throw namedError("UnknownEventError", `unknown event ${String(event)}: expected moment or decision`);
    }
    if (typeof listener !== "function") {
      throw namedError("InvalidOptionError", `invalid option listener: expected a function`);
    }
    this.#listeners[event].add(listener);
    if (event === "moment" && this.#moment) notifyAll([listener], this.#moment);
    if (event === "consent") notifyAll([listener], structuredClone(this.#consent));
    if (event === "decision") for (const decision of this.decisions()) notifyAll([listener], decision);
    return () => this.#listeners[event].delete(listener);
  }

  /**
   * Decides the moment again (new behaviour, new content) and re-chooses every slot of the
   * page, all in this task. Returns the moment.
   */
  refresh() {
    this.#assertAlive();
    this.#navigationPending = false;
    this.#pagePath = location.pathname + location.search;
    const previous = this.#moment?.kind;
    this.#moment = this.#runtime.decide();
    if (this.#moment && this.#moment.kind !== previous) this.#decisionEvent(null, null);
    if (this.#moment === null) {
      // No personalization consent: nothing was read, and every slot shows its default.
      this.#discover([document.documentElement]);
      this.#resolve([...this.#slots.values()]);
      return null;
    }
    this.#discover([document.documentElement]);
    this.#resolve([...this.#slots.values()]);
    notifyAll(this.#listeners.moment, this.#moment);
    return this.#moment;
  }

  /**
   * Assumes this device class, local hour or distance to the nearest location
   * (`{ device?, hour?, distanceM? }`; `null`: the real context) and refreshes. For
   * previews and QA.
   */
  simulate(context) {
    this.#assertAlive();
    this.#runtime.simulate(context ?? null);
    return this.refresh();
  }

  /**
   * The site's word on the purposes named (`{ personalization?, storage?, geolocation?,
   * events? }`, the others stay); the latest word of any source wins. Withdrawing a
   * purpose erases at once what it allowed: the stored keys, the location, the session's
   * pages and every personalized slot. Returns the consent in effect.
   */
  setConsent(consent) {
    this.#assertAlive();
    this.#consentFrom(() => this.#runtime.setConsent(consent));
    return structuredClone(this.#consent);
  }

  /**
   * With geolocation consent, asks the browser for the position once (kept only as a
   * coarse cell and the distance to the nearest of your `locations`) and refreshes.
   * Resolves to the moment; without consent the browser is not asked.
   */
  async locate() {
    this.#assertAlive();
    await this.#runtime.locate();
    return this.#destroyed ? this.#moment : this.refresh();
  }

  /** Stops watching the page (history, new slots, behaviour). Slots keep what they show. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    if (owner === this) owner = null;
    this.#observer?.disconnect();
    this.#stopHistory?.();
    this.#transport?.stop();
    for (const stop of this.#stopConsentSources) stop();
    this.#runtime.destroy();
    this.#runtime.free();
  }

  /**
   * Sends the site's own event to the events endpoint, with what was decided added to its
   * properties (`moment`, `confidence`, `urgency`, `deviceClass`, `daypart`, where the site
   * did not set them). Returns whether it was queued: `false` without events consent.
   * Throws an `InvalidOptionError` without an `events` option, or for bad properties.
   */
  track(event, properties) {
    this.#assertAlive();
    const waiting = this.#runtime.track(String(event ?? ""), properties ?? null, uuid(), new Date().toISOString());
    this.#transport?.queued(waiting);
    return waiting >= 0;
  }

  /**
   * Holds the erasure of stored keys without consent (scheduled for the next task) until
   * the page's CMP first answers, since it may grant storage a moment later, or for at most
   * `CMP_ANSWER_MS`; the page going erases at once. Returns the function that releases it.
   */
  #holdSweepUntilCmpAnswers() {
    this.#runtime.holdStorageSweep(true);
    let timer = null;
    const release = () => {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      this.#runtime.holdStorageSweep(false);
    };
    timer = setTimeout(release, CMP_ANSWER_MS);
    return release;
  }

  /** Queues `Moment Changed` (no slot) or `Variant Shown`, with events consent. */
  #decisionEvent(slot, variant) {
    if (!this.#transport) return;
    this.#transport.queued(this.#runtime.decisionEvent(slot, variant, uuid(), new Date().toISOString()));
  }

  /**
   * Records what a source says; if a purpose (or Global Privacy Control) changed, refreshes
   * and tells listeners. A source repeating what is in effect changes nothing.
   */
  #consentFrom(record) {
    const inEffect = ({ sources, ...purposes }) => JSON.stringify(purposes);
    const before = inEffect(this.#consent);
    this.#consent = JSON.parse(record());
    if (inEffect(this.#consent) === before) return;
    // Before the first decision (the constructor is still reading sources) there is
    // nothing to redo.
    if (!this.#destroyed && this.#observer) this.refresh();
    if (this.#consent.events) this.#transport?.flush();
    notifyAll(this.#listeners.consent, structuredClone(this.#consent));
  }

  #assertAlive() {
    if (this.#destroyed) throw namedError("DestroyedError", "this Augenblick instance was destroyed");
  }

  /** Adds the slots in and under `roots` not known yet: marked ones and those rules select. */
  #discover(roots) {
    const selectors = [SLOT_SELECTOR, ...this.#selectors.filter((selector) => selector !== null)];
    for (const root of roots) {
      for (const selector of selectors) {
        if (root.matches(selector)) this.#add(root);
        for (const element of root.querySelectorAll(selector)) this.#add(element);
      }
    }
  }

  #add(element) {
    if (this.#slots.has(element)) return;
    if (NEVER_SLOTS.has(element.localName.toLowerCase())) {
      this.#warn(element, `a <${element.localName}> cannot be a slot; it is left as it is`);
      return;
    }
    // What the site marked as not its page (its chrome, a debug panel, content it does not
    // vouch for) is neither read nor personalized: such a slot shows its default.
    if (element.closest(IGNORED)) {
      if (element.hasAttribute(SLOT_ATTRIBUTE)) element.setAttribute("data-augenblick-variant", DEFAULT_VARIANT);
      return;
    }
    const marked = element.hasAttribute(SLOT_ATTRIBUTE);
    const name = marked ? element.getAttribute(SLOT_ATTRIBUTE) : null;
    const ruleIndices = [];
    this.#rules.forEach((rule, index) => {
      const selector = this.#selectors[index];
      if (selector === null ? marked && rule.slot === name : element.matches(selector)) ruleIndices.push(index);
    });
    const shown = [...element.childNodes].filter((node) => node.localName !== "template");
    this.#slots.set(element, { element, name, ruleIndices, defaultNodes: shown, shown, attributes: new Map(), source: null, decision: null });
  }

  /** Puts a slot that left the page back to its default and forgets it: found again, it starts afresh. */
  #forget(slot) {
    this.#apply(slot, null, null);
    slot.element.removeAttribute("data-augenblick-moment");
    slot.element.removeAttribute("data-augenblick-variant");
    this.#slots.delete(slot.element);
  }

  /** Chooses and applies the variant of each of these slots, in one go. */
  #resolve(slots, depth = 0) {
    const connected = [];
    for (const slot of slots) {
      if (slot.element.isConnected) connected.push(slot);
      else this.#forget(slot);
    }
    // Each distinct set of condition attributes is sent, and checked, once.
    const conditions = [];
    const conditionIndex = new Map();
    const firstUse = [];
    const templates = connected.map((slot) => variantTemplates(slot.element));
    const plan = connected.map((slot, i) => [
      slot.ruleIndices,
      templates[i].map((template, t) => {
        const values = CONDITION_ATTRIBUTES.map((name) => template.getAttribute(name));
        const key = values.join("\u0000") + values.map((v) => (v === null ? 0 : 1)).join("");
        let index = conditionIndex.get(key);
        if (index === undefined) {
          index = conditions.push(values) - 1;
          conditionIndex.set(key, index);
          firstUse.push([i, t, key]);
        }
        return index;
      }),
    ]);
    const { choices, problems } = JSON.parse(this.#runtime.chooseSlots(JSON.stringify({ conditions, slots: plan })));
    for (const [index, message] of problems) {
      const [slotIndex, templateIndex, key] = firstUse[index];
      this.#warn(key, `slot ${connected[slotIndex].name ?? "(rule)"}, template ${templateIndex + 1}: ${message}`);
    }
    const changed = [];
    const inserted = [];
    connected.forEach((slot, i) => {
      const choice = choices[i] ?? -1;
      let rule = choice >= 0 && choice < slot.ruleIndices.length ? this.#rules[slot.ruleIndices[choice]] : null;
      let template = choice >= slot.ruleIndices.length ? templates[i][choice - slot.ruleIndices.length] : null;
      if (slot.source !== (rule ?? template)) {
        if (!this.#apply(slot, rule, template)) {
          rule = template = null;
          this.#apply(slot, null, null);
        }
        if (rule ?? template) inserted.push(...slot.shown.filter((node) => node.nodeType === Node.ELEMENT_NODE));
      }
      slot.source = rule ?? template;
      const variant = rule?.name ?? (template ? this.#templateName(template) : DEFAULT_VARIANT);
      const kind = this.#moment?.kind ?? null;
      if (slot.decision?.variant === variant && slot.decision.moment === kind) return;
      if (kind && slot.decision?.variant !== variant) this.#decisionEvent(slot.name ?? (slot.element.id || ""), variant);
      slot.decision = { slot: slot.name, element: slot.element, variant, moment: kind, confidence: this.#moment?.confidence ?? 0 };
      if (kind) slot.element.setAttribute("data-augenblick-moment", kind);
      else slot.element.removeAttribute("data-augenblick-moment");
      slot.element.setAttribute("data-augenblick-variant", variant);
      changed.push(slot.decision);
    });
    // Our own changes are not new slots for the observer; slots inside the variants just
    // shown are resolved here, before they paint.
    this.#observer.takeRecords();
    const known = this.#slots.size;
    this.#discover(inserted);
    if (this.#slots.size > known && depth < MAX_NESTING) this.#resolve([...this.#slots.values()].slice(known), depth + 1);
    for (const decision of changed) {
      const { element, ...detail } = decision;
      element.dispatchEvent(new CustomEvent("augenblick:decision", { bubbles: true, detail }));
      notifyAll(this.#listeners.decision, decision);
    }
  }

  /** A template's variant name: its `data-variant`, else its moment ("default" is the slot's own). */
  #templateName(template) {
    const moment = template.getAttribute("data-moment").trim().toLowerCase();
    const name = template.getAttribute("data-variant");
    if (name === DEFAULT_VARIANT) {
      this.#warn(template, `data-variant="default" names the slot's own content; the template is called "${moment}"`);
      return moment;
    }
    return name || moment;
  }

  /** Shows a rule's or a template's content, or the default; `false` if it cannot. */
  #apply(slot, rule, template) {
    let nodes = slot.defaultNodes;
    if (template) {
      nodes = [...template.content.cloneNode(true).childNodes];
    } else if (rule?.template != null) {
      // Exactly one element may have the id: with `getElementById`, content earlier in the
      // page (user-generated, say) with the same id would take the rule over.
      const found = document.querySelectorAll(`#${CSS.escape(rule.template)}`);
      const source = found[0];
      if (found.length !== 1 || !(source instanceof HTMLTemplateElement)) {
        const problem = found.length > 1 ? `${found.length} elements have the id "${rule.template}"` : `no <template id="${rule.template}">`;
        this.#warn(slot.element, `rule ${rule.name}: ${problem}; the slot shows its default`);
        return false;
      }
      nodes = [...source.content.cloneNode(true).childNodes];
    } else if (rule?.text != null) {
      nodes = [document.createTextNode(rule.text)];
    }
    // Attributes a rule set go back to what the page had, then the new rule's are set.
    for (const [name, value] of slot.attributes) {
      if (value === null) slot.element.removeAttribute(name);
      else slot.element.setAttribute(name, value);
    }
    slot.attributes.clear();
    for (const [name, value] of rule?.attributes ?? []) {
      slot.attributes.set(name, slot.element.getAttribute(name));
      slot.element.setAttribute(name, value);
    }
    if (nodes !== slot.shown) {
      const anchor = slot.shown.find((node) => node.parentNode === slot.element) ?? variantTemplates(slot.element)[0] ?? null;
      // The new content goes in with one insertion (a fragment), whatever its size.
      const fragment = document.createDocumentFragment();
      fragment.append(...nodes);
      slot.element.insertBefore(fragment, anchor);
      for (const node of slot.shown) if (!nodes.includes(node)) node.remove();
      slot.shown = nodes;
    }
    return true;
  }

  #warn(key, message) {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`augenblick: ${message}`);
  }

  #historyChanged() {
    const path = location.pathname + location.search;
    if (path === this.#pagePath || this.#destroyed) return;
    this.#pagePath = path;
    // Routers render after they change the URL: decide once the new content is there
    // (the next mutation, or the next task at the latest).
    this.#navigationPending = true;
    setTimeout(() => this.#navigationPending && !this.#destroyed && this.refresh());
  }

  #mutated(records) {
    if (this.#destroyed) return;
    // A router that rendered in its own popstate listener, before ours ran, changed the URL
    // too: this content belongs to the new page, and is decided as such.
    if (this.#navigationPending || location.pathname + location.search !== this.#pagePath) {
      this.refresh();
      return;
    }
    const added = [];
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) added.push(node);
    }
    const known = this.#slots.size;
    this.#discover(added);
    if (this.#slots.size > known) this.#resolve([...this.#slots.values()].slice(known));
  }
}

/**
 * Calls `onChange` after `pushState`, `replaceState` and `popstate`. Wraps the history
 * methods as they are when called, so routers that patch them, before or after, keep
 * working; the returned function stops the calls and unwraps only where no one wrapped
 * after us. `popstate` is heard in the capture phase, before a router's own listener
 * renders the page it goes back to.
 */
function watchHistory(onChange) {
  let active = true;
  const restores = ["pushState", "replaceState"].map((name) => {
    const original = history[name];
    const wrapper = function (...args) {
      const result = original.apply(this, args);
      if (active) onChange();
      return result;
    };
    history[name] = wrapper;
    return () => {
      if (history[name] === wrapper) history[name] = original;
    };
  });
  addEventListener("popstate", onChange, { capture: true });
  return () => {
    active = false;
    restores.forEach((restore) => restore());
    removeEventListener("popstate", onChange, { capture: true });
  };
}
