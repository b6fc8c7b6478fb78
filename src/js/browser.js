// The browser layer's reads of the page, as bulk calls: one call that returns a JSON text
// costs far fewer bytes and far less time than hundreds of calls across the wasm boundary.
// This file only reads; augenblick-core decides what everything means. The page rules
// mirror tools/corpus/src/html.rs (the native reader) and are written down on RawPage in
// core/src/signals/page.rs.

const NON_TEXT_ELEMENTS = new Set(["script", "style", "noscript", "template"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

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

/**
 * Reads the page as RawPage JSON. If the page makes reading throw (a page script that
 * breaks DOM methods), the result says so with `failed` instead of throwing into the SDK.
 */
export function readPage(limits) {
  return attempt(
    () => readPageUnguarded(limits),
    JSON.stringify({ url: attempt(() => String(document.URL), ""), failed: true }),
  );
}

/** `limits`: [elementsPerKind, elementRawUnits, textNodes, textRawUnits, urlRawUnits, jsonLdRawUnits]. */
function readPageUnguarded([elementsPerKind, elementRawUnits, textNodes, textRawUnits, urlRawUnits, jsonLdRawUnits]) {
  let truncated = false;
  const select = (selector) => {
    const found = document.querySelectorAll(selector);
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
  const buttons = [];
  for (const element of select("button, input, [role]")) {
    const kind = element.localName;
    const isButton =
      kind === "button" ||
      (kind === "input"
        ? ["submit", "button"].includes((element.getAttribute("type") || "").toLowerCase())
        : (element.getAttribute("role") || "").trim().toLowerCase() === "button");
    if (isButton) {
      buttons.push([text(element), attribute(element, "value") || "", attribute(element, "aria-label") || ""]);
    }
  }
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
      .filter((s) => (s.getAttribute("type") || "").trim().toLowerCase() === "application/ld+json")
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

/** The device and the clock as JSON (see Environment in core/src/signals/input.rs). */
export function readEnvironment() {
  const nav = navigator;
  const connection = attempt(() => nav.connection || {}, {});
  const hints = attempt(() => nav.userAgentData, null);
  const matches = (query) => attempt(() => matchMedia(query).matches, false);
  const now = new Date();
  return JSON.stringify({
    userAgent: attempt(() => String(nav.userAgent), ""),
    hints: hints ? attempt(() => ({ mobile: hints.mobile === true, platform: String(hints.platform || "") }), null) : null,
    maxTouchPoints: attempt(() => Number(nav.maxTouchPoints) || 0, 0),
    pointer: matches("(pointer: coarse)") ? "coarse" : matches("(pointer: fine)") ? "fine" : "none",
    viewportWidth: attempt(() => innerWidth, 0),
    viewportHeight: attempt(() => innerHeight, 0),
    pixelRatio: attempt(() => devicePixelRatio, 1),
    effectiveType: attempt(() => (typeof connection.effectiveType === "string" ? connection.effectiveType : null), null),
    saveData: attempt(() => connection.saveData === true, false),
    languages: attempt(() => Array.from(nav.languages || [], String), []),
    reducedMotion: matches("(prefers-reduced-motion: reduce)"),
    now: now.getTime(),
    utcOffsetMinutes: -now.getTimezoneOffset(),
    timeZone: attempt(() => Intl.DateTimeFormat().resolvedOptions().timeZone || null, null),
  });
}

/** Whether there is a page to read (not a worker, not a server). */
export function hasDocument() {
  return typeof document !== "undefined";
}

/** Whether the page is visible now. */
export function pageVisible() {
  return document.visibilityState !== "hidden";
}

/** Raw behaviour events, kept until the core takes them (see BehaviourTracker::apply). */
export class EventLog {
  constructor(elementRawUnits) {
    const MAX_EVENTS = 1000;
    this.events = [];
    this.maxScroll = -1; // scroll events are many: only the deepest point is kept
    const push = (event) => {
      if (this.events.length < MAX_EVENTS) this.events.push(event);
    };
    const label = (control) =>
      cut([control.textContent, control.getAttribute("value"), control.getAttribute("aria-label")].join(" "), elementRawUnits);
    this.listeners = [
      [window, "scroll", () => {
        const root = document.documentElement;
        this.maxScroll = Math.max(this.maxScroll, (scrollY + innerHeight) / Math.max(root.scrollHeight, 1));
      }],
      [document, "click", (event) => {
        const target = event.target instanceof Element ? event.target : null;
        if (!target) return;
        const marked = target.closest("[data-augenblick-intent]");
        const control = target.closest("button, a, input, [role=button]");
        push(["click", marked && marked.getAttribute("data-augenblick-intent"), control && label(control)]);
      }],
      [document, "submit", (event) => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement)) return;
        const inputs = Array.from(form.querySelectorAll("input"));
        push(["submit", inputs.map((i) => i.getAttribute("type") || ""), inputs.map((i) => i.getAttribute("name") || "")]);
      }],
      [document, "visibilitychange", () => push(["visibility", document.visibilityState === "hidden", Date.now()])],
    ];
    for (const [target, type, listener] of this.listeners) {
      target.addEventListener(type, listener, { capture: true, passive: true });
    }
  }

  /** The events since the last call, as JSON, oldest first. */
  take() {
    const events = this.events;
    if (this.maxScroll >= 0) events.push(["scroll", this.maxScroll]);
    this.events = [];
    this.maxScroll = -1;
    return JSON.stringify(events);
  }

  stop() {
    for (const [target, type, listener] of this.listeners) {
      target.removeEventListener(type, listener, { capture: true });
    }
    this.listeners = [];
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
 * result the promise resolves to; the position itself goes nowhere else. On refusal,
 * timeout or a missing API the sink is freed and the promise resolves to null.
 */
export function requestPosition(sink, timeoutMs, maximumAgeMs) {
  return new Promise((resolve) => {
    const fail = () => {
      sink.free();
      resolve(null);
    };
    try {
      navigator.geolocation.getCurrentPosition(
        (position) => resolve(sink.accept(position.coords.latitude, position.coords.longitude)),
        fail,
        { enableHighAccuracy: false, timeout: timeoutMs, maximumAge: maximumAgeMs },
      );
    } catch {
      fail(); // no Geolocation API, or a page script broke it
    }
  });
}
