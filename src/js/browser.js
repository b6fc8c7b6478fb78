// The browser layer's reads of the page, as bulk calls: one call that returns a JSON text
// costs far fewer bytes and far less time than hundreds of calls across the wasm boundary.
// This file only reads; augenblick-core decides what everything means. The page rules
// mirror tools/corpus/src/html.rs (the native reader) and are written down on RawPage in
// core/src/signals/page.rs.

const NON_TEXT_ELEMENTS = new Set(["script", "style", "noscript", "template"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
/**
 * What is not read: what the site marked `data-augenblick-ignore` (its own chrome, a debug
 * panel), and slots showing a variant, because the page is read as the site wrote it and
 * content the SDK put in for a moment is not evidence for that moment.
 */
const SKIPPED = '[data-augenblick-ignore], [data-augenblick-variant]:not([data-augenblick-variant="default"])';

/** The first `max` UTF-16 code units of `text`, never splitting a surrogate pair. */
function cut(text, max) {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last < 0xdc00 ? max - 1 : max);
}

/** `read()`, or `fallback` if the page made it throw (hostile or broken page scripts). */
function attempt(read, fallback) {
  try {
    return read();
  } catch {
    return fallback;
  }
}

/** Surrounding ASCII whitespace and ASCII case are ignored, as `eq_ignore_ascii_case` does. */
const asciiWordPatterns = new Map();
const isAsciiWord = (value, words) => {
  let pattern = asciiWordPatterns.get(words);
  if (!pattern) {
    pattern = new RegExp(`^[\\t\\n\\f\\r ]*(?:${words})[\\t\\n\\f\\r ]*$`, "i");
    asciiWordPatterns.set(words, pattern);
  }
  return pattern.test(value || "");
};
const isButtonControl = (element) =>
  element.localName === "button" ||
  (element.localName === "input"
    ? isAsciiWord(element.getAttribute("type"), "submit|button")
    : isAsciiWord(element.getAttribute("role"), "button"));

/**
 * Reads the page as RawPage JSON. If the page makes reading throw (a page script that
 * breaks DOM methods or JSON), the result says so with `failed` instead of throwing into
 * the SDK.
 */
export function readPage(limits, consentDialogs) {
  return attempt(() => readPageUnguarded(limits, consentDialogs), '{"failed":true}');
}

/**
 * `limits`: [elementsPerKind, elementRawUnits, textNodes, textRawUnits, urlRawUnits,
 * jsonLdRawUnits, jsonLdBlocks]. `consentDialogs`: the selector of consent dialogs, which
 * are not read either (`CONSENT_DIALOGS` in core/src/signals/page.rs).
 */
function readPageUnguarded([
  elementsPerKind, elementRawUnits, textNodes, textRawUnits, urlRawUnits, jsonLdRawUnits, jsonLdBlocks,
], consentDialogs) {
  let truncated = false;
  // The skipped elements are found with one query; whether an element is inside one is
  // then a walk up its ancestors through a Set, not `closest()` with the whole selector for
  // every text node (with a consent dialog on the page, that was 8× the reading time).
  const skippedRoots = new Set(document.querySelectorAll(`${SKIPPED}, ${consentDialogs}`));
  const anySkipped = skippedRoots.size > 0;
  const notSkipped = (element) => {
    for (let ancestor = element; ancestor; ancestor = ancestor.parentElement) {
      if (skippedRoots.has(ancestor)) return false;
    }
    return true;
  };
  const select = (selector) => {
    let found = document.querySelectorAll(selector);
    if (found.length > 0 && anySkipped) found = Array.prototype.filter.call(found, notSkipped);
    if (found.length > elementsPerKind) truncated = true;
    return Array.prototype.slice.call(found, 0, elementsPerKind);
  };
  const text = (element) => cut(element.textContent || "", elementRawUnits);
  /** An attribute value, cut; null when absent. `type` and `role` are compared uncut. */
  const attribute = (element, name) => {
    const value = element.getAttribute(name);
    return value === null ? null : cut(value, elementRawUnits);
  };

  const meta = [];
  for (const element of select("meta")) {
    const name = attribute(element, "name");
    const key = name || attribute(element, "property") || "";
    const content = attribute(element, "content");
    if (key && content !== null) meta.push([key, content]);
  }
  const buttons = select("button, input, [role]")
    .filter(isButtonControl)
    .map((element) => [text(element), attribute(element, "value") || "", attribute(element, "aria-label") || ""]);
  const lists = select("ul, ol").map((list) => {
    const parts = [];
    const pushAttributes = (element) => {
      for (const name of ["class", "id"]) {
        const value = attribute(element, name);
        if (value !== null) parts.push(value);
      }
    };
    pushAttributes(list);
    if (list.parentElement) pushAttributes(list.parentElement);
    const previous = list.previousElementSibling;
    if (previous && HEADINGS.has(previous.localName)) parts.push(text(previous));
    let items = 0;
    for (const child of list.children) if (child.localName === "li") items++;
    return [parts.join(" "), items];
  });

  let body = "";
  if (document.body) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let units = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && NON_TEXT_ELEMENTS.has(parent.localName)) continue;
      if (parent && anySkipped && !notSkipped(parent)) continue;
      if (nodes === textNodes || units >= textRawUnits) {
        truncated = true;
        break;
      }
      const data = cut(node.data, textRawUnits - units);
      nodes++;
      units += data.length;
      body += " " + data;
    }
  }

  return JSON.stringify({
    url: cut(document.URL, urlRawUnits),
    referrer: cut(document.referrer, urlRawUnits),
    lang: attribute(document.documentElement, "lang") || "",
    title: cut(document.title, elementRawUnits),
    meta,
    headings: select("h1, h2, h3").map((h) => [Number(h.localName[1]), text(h)]),
    jsonLd: select("script")
      .filter((s) => isAsciiWord(s.getAttribute("type"), "application/ld\\+json"))
      .slice(0, jsonLdBlocks + 1)
      .map((s) => cut(s.textContent || "", jsonLdRawUnits)),
    itemtypes: select("[itemtype]").map((element) => attribute(element, "itemtype")),
    links: select("a[href]").map((a) => [attribute(a, "href"), text(a)]),
    buttons,
    frames: select("iframe")
      .map((frame) => attribute(frame, "src"))
      .filter((src) => src !== null),
    videos: select("video").length,
    addresses: select("address").length,
    lists,
    text: body,
    truncated,
  });
}

/**
 * The IANA time zone, or null until it has been read. The first `Intl.DateTimeFormat` of a
 * page loads locale data (13 to 32 ms measured, BENCHMARKS.md), too long for the first
 * decision before paint, and no decision uses the zone: it is read once the page is idle
 * (within `IDLE_TIMEOUT_MS`; a task of its own where there are no idle callbacks), and kept.
 */
let knownTimeZone;
function timeZone() {
  if (knownTimeZone === undefined) {
    knownTimeZone = null;
    whenIdle(() => {
      knownTimeZone = attempt(() => String(Intl.DateTimeFormat().resolvedOptions().timeZone || "") || null, null);
    });
  }
  return knownTimeZone;
}

/** The longest an idle task waits for the page to be idle. */
const IDLE_TIMEOUT_MS = 2000;

function whenIdle(task) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
  else setTimeout(task);
}

/** The device and the clock as JSON (see Environment in core/src/signals/input.rs). */
export function readEnvironment() {
  const nav = navigator;
  const connection = attempt(() => nav.connection || {}, {});
  const hints = attempt(() => nav.userAgentData, null);
  const matches = (query) => attempt(() => matchMedia(query).matches, false);
  const now = new Date();
  const clock = { now: now.getTime(), utcOffsetMinutes: -now.getTimezoneOffset() };
  return attempt(
    () =>
      JSON.stringify({
        userAgent: attempt(() => String(nav.userAgent), ""),
        hints: hints ? attempt(() => ({ mobile: hints.mobile === true, platform: String(hints.platform || "") }), null) : null,
        maxTouchPoints: attempt(() => Number(nav.maxTouchPoints) || 0, 0),
        pointer: matches("(pointer: coarse)") ? "coarse" : matches("(pointer: fine)") ? "fine" : "none",
        viewportWidth: attempt(() => Number(innerWidth), 0),
        viewportHeight: attempt(() => Number(innerHeight), 0),
        pixelRatio: attempt(() => Number(devicePixelRatio), 1),
        effectiveType: attempt(() => (typeof connection.effectiveType === "string" ? connection.effectiveType : null), null),
        saveData: attempt(() => connection.saveData === true, false),
        languages: attempt(() => Array.from(nav.languages || [], String), []),
        reducedMotion: matches("(prefers-reduced-motion: reduce)"),
        ...clock,
        timeZone: timeZone(),
      }),
    // A page that broke JSON still has a clock.
    `{"now":${Number(clock.now)},"utcOffsetMinutes":${Number(clock.utcOffsetMinutes)}}`,
  );
}

/** Whether there is a page to read (not a worker, not a server). */
export function hasDocument() {
  return typeof document !== "undefined";
}

/** Whether the page is visible now. */
export function pageVisible() {
  return document.visibilityState !== "hidden";
}

/**
 * Raw behaviour events, kept until the core takes them (see BehaviourTracker::apply).
 * Clicks and submits are capped between two takes; visibility changes, rare and needed for
 * dwell time, are not; scrolling keeps only the deepest point.
 */
export class EventLog {
  constructor(elementRawUnits) {
    const MAX_EVENTS = 1000;
    const MAX_FIELDS = 50;
    this.events = [];
    this.maxScroll = -1;
    const push = (event) => {
      if (this.events.length < MAX_EVENTS) this.events.push(event);
    };
    const attribute = (element, name) => cut(element.getAttribute(name) || "", elementRawUnits);
    const measureScroll = () => {
      const depth = (scrollY + innerHeight) / Math.max(document.documentElement.scrollHeight, 1);
      if (Number.isFinite(depth)) this.maxScroll = Math.max(this.maxScroll, depth);
    };
    this.listeners = [
      [window, "scroll", () => attempt(measureScroll)],
      [document, "click", (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (!target) return;
        const marked = target.closest("[data-augenblick-intent]");
        const control = target.closest("button, a, input, [role]");
        const button = control && (control.localName === "a" || isButtonControl(control)) ? control : null;
        push([
          "click",
          marked && attribute(marked, "data-augenblick-intent"),
          button && [cut(button.textContent || "", elementRawUnits), attribute(button, "value"), attribute(button, "aria-label")],
        ]);
      }],
      [document, "submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) return;
        const inputs = Array.from(form.querySelectorAll("input")).slice(0, MAX_FIELDS);
        push(["submit", inputs.map((i) => attribute(i, "type")), inputs.map((i) => attribute(i, "name"))]);
      }],
      [document, "visibilitychange", () =>
        this.events.push(["visibility", document.visibilityState === "hidden", Date.now()])],
    ];
    this.measureScroll = measureScroll;
    this.listening = false;
    this.start();
  }

  /** Listens to the page (again, after `stop()`). */
  start() {
    if (this.listening) return;
    this.listening = true;
    for (const [target, type, listener] of this.listeners) {
      target.addEventListener(type, listener, { capture: true, passive: true });
    }
    // Where the visitor starts (a short page is read to its end), measured in a task of its
    // own: reading scrollHeight before the first layout forces one, 2 to 55 ms measured at
    // module-script time (BENCHMARKS.md), and the slots would make it redo it anyway.
    setTimeout(() => this.listening && attempt(this.measureScroll));
  }

  /** The events since the last call, as JSON, oldest first. */
  take() {
    const events = this.events;
    if (this.maxScroll >= 0) events.push(["scroll", this.maxScroll]);
    this.events = [];
    this.maxScroll = -1;
    return attempt(() => JSON.stringify(events), "[]");
  }

  /** Stops listening and forgets what was not taken yet. */
  stop() {
    this.listening = false;
    for (const [target, type, listener] of this.listeners) {
      target.removeEventListener(type, listener, { capture: true });
    }
    this.events = [];
    this.maxScroll = -1;
  }
}

/** Storage that may be missing or throw (private modes, blocked cookies): null, or false. */
function area(name) {
  try {
    return name === "local" ? localStorage : sessionStorage;
  } catch {
    return null;
  }
}

export function storageGet(name, key) {
  try {
    return area(name)?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function storageSet(name, key, value) {
  try {
    const storage = area(name);
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function storageRemove(name, key) {
  try {
    area(name)?.removeItem(key);
  } catch {
    // Nothing stored can be removed from storage that cannot be reached.
  }
}

/**
 * Asks for the position once and hands it straight to `sink.accept(lat, lon)` (Rust), whose
 * result the promise resolves to; the position itself goes nowhere else. On refusal, after
 * `timeoutMs` however the browser behaves, or without the API, the sink is freed and the
 * promise resolves to null.
 */
export function requestPosition(sink, timeoutMs, maximumAgeMs) {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (lat, lon) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (Number.isFinite(lat) && Number.isFinite(lon)) {
        resolve(sink.accept(lat, lon));
      } else {
        sink.free();
        resolve(null);
      }
    };
    // The API's own timeout does not count time spent at the permission prompt, and some
    // browsers answer "not now" with no callback at all.
    const timer = setTimeout(() => settle(NaN, NaN), timeoutMs);
    try {
      navigator.geolocation.getCurrentPosition(
        (position) => settle(position.coords.latitude, position.coords.longitude),
        () => settle(NaN, NaN),
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: maximumAgeMs },
      );
    } catch {
      settle(NaN, NaN); // no Geolocation API, or a page script broke it
    }
  });
}

/**
 * Runs `task.run(leaving)` in a task of its own, or when the page is hidden or left if that
 * comes first (`leaving`: a timer may never fire in a tab closed at once, and is throttled
 * in a hidden one); again a moment later while it answers `false` (busy, or waiting); then
 * frees it. For work that must happen soon but not before the first decision.
 */
export function runSoon(task) {
  let done = false;
  const tick = (leaving) => {
    if (done) return;
    if (!task.run(leaving)) {
      setTimeout(tick, RUN_SOON_RETRY_MS, false);
      return;
    }
    done = true;
    removeEventListener("pagehide", whenLeaving);
    document.removeEventListener("visibilitychange", whenHidden);
    task.free();
  };
  const whenLeaving = () => tick(true);
  const whenHidden = () => document.visibilityState === "hidden" && tick(true);
  addEventListener("pagehide", whenLeaving);
  document.addEventListener("visibilitychange", whenHidden);
  setTimeout(tick, 0, false);
}

/** How often a task that could not run yet is asked again. */
const RUN_SOON_RETRY_MS = 20;
