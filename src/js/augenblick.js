// The package's entry point: `Augenblick.init(options)`, and the classes of the module.
//
// This is the JavaScript half of an instance: it finds slots, describes them to the
// module's `Runtime` (src/runtime.rs), which decides the moment and every slot's variant,
// and applies what comes back. It never builds markup from strings: variants are cloned
// from `<template>` content or set as text and checked attributes.
import initModule, { Runtime } from "#glue";

export { default, initSync, MomentEngine, SignalCollector, version } from "#glue";

const SLOT_ATTRIBUTE = "data-augenblick-slot";
const SLOT_SELECTOR = `[${SLOT_ATTRIBUTE}]`;
/** A template's condition attributes, in the order `augenblick_core::slots` reads them. */
const CONDITION_ATTRIBUTES = ["data-moment", "data-min-confidence", "data-min-urgency", "data-device", "data-daypart"];
const DEFAULT_VARIANT = "default";
const EVENTS = ["moment", "decision"];

/** A slot's variant templates: its `<template data-moment>` children, in document order. */
function variantTemplates(slot) {
  const found = [];
  for (const child of slot.children) {
    if (child.localName === "template" && child.hasAttribute("data-moment")) found.push(child);
  }
  return found;
}

/** An `Error` with a stable `name`, like the ones the module throws. */
function namedError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** Calls a listener; one that throws is reported and does not stop the others. */
function notify(listener, value) {
  try {
    listener(value);
  } catch (error) {
    globalThis.reportError?.(error);
  }
}

/** Shows the default content of every slot at once (the SDK could not start). */
function revealDefaults() {
  for (const slot of globalThis.document?.querySelectorAll(`${SLOT_SELECTOR}:not([data-augenblick-variant])`) ?? []) {
    slot.setAttribute("data-augenblick-variant", DEFAULT_VARIANT);
  }
}

let creating = false;
/** The instance managing this page's slots; one at a time, or they would fight over them. */
let running = null;

export class Augenblick {
  /** @type {Runtime} */ #runtime;
  #rules;
  #moment = null;
  /** Element → what the slot is and shows. */
  #slots = new Map();
  #listeners = { moment: new Set(), decision: new Set() };
  #observer;
  #stopHistory;
  #pagePath;
  #navigationPending = false;
  /** What was warned about already: condition sets and slots. */
  #warned = new Set();
  /** Marked slots and whatever the rules' selectors find. */
  #slotSelector = SLOT_SELECTOR;
  #destroyed = false;

  /**
   * Loads the module (once per page), checks the options and resolves every slot of the
   * page in one task. Rejects with an `InvalidOptionError` (or `InvalidModelError`,
   * `IncompatibleModelError`) naming what is wrong, and with an `AlreadyRunningError` while
   * another instance runs on the page; if it cannot start at all, every slot shows its
   * default content at once.
   */
  static async init(options) {
    if (running) {
      throw namedError("AlreadyRunningError", "Augenblick is already running on this page: destroy() that instance first");
    }
    try {
      await initModule();
      creating = true;
      return new Augenblick(options);
    } catch (error) {
      revealDefaults();
      throw error;
    } finally {
      creating = false;
    }
  }

  /** @private Use `Augenblick.init(options)`. */
  constructor(options) {
    if (!creating) throw namedError("TypeError", "use Augenblick.init(options), not new Augenblick()");
    this.#runtime = new Runtime(options);
    try {
      this.#rules = JSON.parse(this.#runtime.rules());
      this.#rules.forEach((rule, index) => {
        if (rule.selector === null) return;
        try {
          document.querySelector(rule.selector);
        } catch {
          throw namedError("InvalidOptionError", `invalid option rules[${index}].selector: expected a CSS selector`);
        }
        this.#slotSelector += `, ${rule.selector}`;
      });
      this.#pagePath = location.pathname + location.search;
      this.#stopHistory = watchHistory(() => this.#historyChanged());
      this.#observer = new MutationObserver((records) => this.#mutated(records));
      this.#observer.observe(document.documentElement, { childList: true, subtree: true });
      this.refresh();
      running = this;
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  /** The moment last decided. */
  moment() {
    return this.#moment;
  }

  /** The signals snapshot of the last decision (with the simulated context, if any). */
  snapshot() {
    this.#assertAlive();
    return this.#runtime.snapshot();
  }

  /** What every slot shows now. */
  decisions() {
    return [...this.#slots.values()].filter((slot) => slot.decision).map((slot) => slot.decision);
  }

  /**
   * Calls `listener` with what is current at once, then on every change: `"moment"` with
   * each moment decided, `"decision"` with each slot whose variant changed. Returns a
   * function that removes the listener.
   */
  on(event, listener) {
    if (!EVENTS.includes(event)) {
      throw namedError("UnknownEventError", `unknown event ${String(event)}: expected moment or decision`);
    }
    if (typeof listener !== "function") {
      throw namedError("InvalidOptionError", `invalid option listener: expected a function`);
    }
    this.#listeners[event].add(listener);
    if (event === "moment" && this.#moment) notify(listener, this.#moment);
    if (event === "decision") for (const decision of this.decisions()) notify(listener, decision);
    return () => this.#listeners[event].delete(listener);
  }

  /**
   * Decides the moment again (new behaviour, new content) and re-chooses every slot of the
   * page, all in this task. Returns the moment.
   */
  refresh() {
    this.#assertAlive();
    this.#navigationPending = false;
    this.#moment = this.#runtime.decide();
    this.#discover([document.documentElement]);
    this.#resolve([...this.#slots.values()]);
    for (const listener of this.#listeners.moment) notify(listener, this.#moment);
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

  /** Stops watching the page (history, new slots, behaviour). Slots keep what they show. */
  destroy() {
    if (this.#destroyed) return;
    this.#destroyed = true;
    if (running === this) running = null;
    this.#observer?.disconnect();
    this.#stopHistory?.();
    this.#runtime.destroy();
    this.#runtime.free();
  }

  #assertAlive() {
    if (this.#destroyed) throw namedError("DestroyedError", "this Augenblick instance was destroyed");
  }

  /** Adds the slots in and under `roots` not known yet: marked ones and those rules select. */
  #discover(roots) {
    for (const root of roots) {
      if (root.matches(this.#slotSelector)) this.#add(root);
      for (const element of root.querySelectorAll(this.#slotSelector)) this.#add(element);
    }
  }

  #add(element) {
    if (this.#slots.has(element)) return;
    const marked = element.hasAttribute(SLOT_ATTRIBUTE);
    const name = marked ? element.getAttribute(SLOT_ATTRIBUTE) : null;
    const ruleIndices = [];
    this.#rules.forEach((rule, index) => {
      if (rule.slot !== null ? marked && rule.slot === name : element.matches(rule.selector)) ruleIndices.push(index);
    });
    const shown = [...element.childNodes].filter((node) => node.localName !== "template");
    this.#slots.set(element, { element, name, ruleIndices, defaultNodes: shown, shown, attributes: new Map(), source: null, decision: null });
  }

  /** Chooses and applies the variant of each of these slots, in one go. */
  #resolve(slots) {
    const connected = slots.filter((slot) => {
      if (slot.element.isConnected) return true;
      this.#slots.delete(slot.element);
      return false;
    });
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
    connected.forEach((slot, i) => {
      const choice = choices[i] ?? -1;
      let rule = choice >= 0 && choice < slot.ruleIndices.length ? this.#rules[slot.ruleIndices[choice]] : null;
      let template = choice >= slot.ruleIndices.length ? templates[i][choice - slot.ruleIndices.length] : null;
      if (slot.source !== (rule ?? template) && !this.#apply(slot, rule, template)) {
        rule = template = null;
        this.#apply(slot, null, null);
      }
      slot.source = rule ?? template;
      const variant = rule?.name ?? (template ? template.getAttribute("data-variant") || template.getAttribute("data-moment").trim().toLowerCase() : DEFAULT_VARIANT);
      if (slot.decision?.variant === variant && slot.decision.moment === this.#moment.kind) return;
      slot.decision = { slot: slot.name, element: slot.element, variant, moment: this.#moment.kind, confidence: this.#moment.confidence };
      slot.element.setAttribute("data-augenblick-moment", this.#moment.kind);
      slot.element.setAttribute("data-augenblick-variant", variant);
      changed.push(slot.decision);
    });
    // Our own changes are not new slots.
    this.#observer.takeRecords();
    for (const decision of changed) {
      const { element, ...detail } = decision;
      element.dispatchEvent(new CustomEvent("augenblick:decision", { bubbles: true, detail }));
      for (const listener of this.#listeners.decision) notify(listener, decision);
    }
  }

  /** Shows a rule's or a template's content, or the default; `false` if it cannot. */
  #apply(slot, rule, template) {
    let nodes = slot.defaultNodes;
    if (template) {
      nodes = [...template.content.cloneNode(true).childNodes];
    } else if (rule?.template != null) {
      const source = document.querySelector(rule.template);
      if (!(source instanceof HTMLTemplateElement)) {
        this.#warn(slot.element, `rule ${rule.name}: no <template> matches ${rule.template}; the slot keeps its content`);
        return false;
      }
      nodes = [...source.content.cloneNode(true).childNodes];
    } else if (rule?.text != null) {
      nodes = [document.createTextNode(rule.text)];
    } else if (rule) {
      nodes = slot.shown;
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
      // One insertion for all nodes: a thousand slots are a thousand DOM mutations, not more.
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
    if (this.#navigationPending) {
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
 * after us.
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
  addEventListener("popstate", onChange);
  return () => {
    active = false;
    restores.forEach((restore) => restore());
    removeEventListener("popstate", onChange);
  };
}
