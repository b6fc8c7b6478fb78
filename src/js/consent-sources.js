// Where consent comes from besides the site's own calls: Global Privacy Control, an IAB
// TCF v2.2 CMP (its `__tcfapi`, in this frame or through the `__tcfapiLocator` frame of an
// ancestor, and its `euconsent-v2` cookie) and Google Consent Mode's `dataLayer`. This
// file only finds and forwards what they say; the core reads it (core/src/consent/).

/**
 * Calls `forward(value)`; what it throws is reported (`reportError`) and goes no further:
 * not into a CMP or gtag that called us, not past one listener to the next.
 */
export function safely(forward, value) {
  try {
    forward(value);
  } catch (error) {
    globalThis.reportError?.(error);
  }
}

/** `navigator.globalPrivacyControl === true`: the visitor asks not to be tracked or sold. */
export function globalPrivacyControl() {
  try {
    return navigator.globalPrivacyControl === true;
  } catch {
    return false;
  }
}

/** The TC string of the CMP's `euconsent-v2` cookie, or null. */
export function tcfCookie() {
  try {
    const match = document.cookie.match(/(?:^|;\s*)euconsent-v2=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}

/** The fields of a `tcData` the core reads: not the vendor maps, which can be large. */
function tcDataFields(tcData) {
  const { gdprApplies, eventStatus, tcString, purpose, specialFeatureOptins, publisher } = tcData ?? {};
  return JSON.stringify({
    gdprApplies,
    eventStatus,
    tcString,
    purpose: purpose && { consents: purpose.consents, legitimateInterests: purpose.legitimateInterests },
    specialFeatureOptins,
    publisher: publisher && { consents: publisher.consents, legitimateInterests: publisher.legitimateInterests },
  });
}

/**
 * Calls `onTcData(json)` with every `tcData` a CMP reports through `addEventListener`:
 * `window.__tcfapi` if the page has it (the IAB stub queues calls until the CMP loads),
 * else the `__tcfapiLocator` frame of the nearest ancestor, through `postMessage`. A CMP
 * loaded without the stub (the TCF asks sites to put the stub first; not every site does)
 * is looked for again when the page has loaded and once more after `LATE_CMP_MS`. Returns
 * a function that stops listening; nothing happens where there is no CMP.
 */
export function watchTcf(onTcData) {
  let stopCmp = connectTcf(onTcData);
  if (stopCmp) return stopCmp;
  const lookAgain = () => {
    stopCmp ??= connectTcf(onTcData);
  };
  const timer = setTimeout(lookAgain, LATE_CMP_MS);
  addEventListener("load", lookAgain, { once: true });
  return () => {
    clearTimeout(timer);
    removeEventListener("load", lookAgain);
    stopCmp?.();
  };
}

/** Whether the page has a TCF CMP now: `__tcfapi`, or an ancestor's `__tcfapiLocator` frame. */
export function tcfCmpPresent() {
  try {
    return typeof window.__tcfapi === "function" || findLocator() !== null;
  } catch {
    return false;
  }
}

/** How long after the SDK starts a CMP without the stub is looked for the last time. */
const LATE_CMP_MS = 3000;

/** Starts listening to the page's CMP; returns the function that stops, or null if there is none. */
function connectTcf(onTcData) {
  let listenerId = null;
  let stopped = false;
  // All of it guarded: a hostile or broken `tcData` (a getter that throws) must neither
  // throw into the CMP, which would stop it calling us again, nor stop us.
  const callback = (tcData, success) =>
    safely(() => {
      if (stopped || !success) return;
      if (tcData && listenerId === null) listenerId = tcData.listenerId ?? null;
      onTcData(tcDataFields(tcData));
    });
  try {
    if (typeof window.__tcfapi === "function") {
      window.__tcfapi("addEventListener", 2, callback);
      return () => {
        stopped = true;
        if (listenerId !== null) attemptCall(() => window.__tcfapi("removeEventListener", 2, () => {}, listenerId));
      };
    }
  } catch {
    return () => {};
  }
  const locator = findLocator();
  if (!locator) return null;
  const callId = `augenblick-${Math.random().toString(36).slice(2)}`;
  const onMessage = (event) => {
    if (event.source !== locator) return;
    let data = event.data;
    if (typeof data === "string") {
      try {
        data = JSON.parse(data);
      } catch {
        return;
      }
    }
    const answer = data?.__tcfapiReturn;
    if (answer?.callId === callId) callback(answer.returnValue, answer.success);
  };
  addEventListener("message", onMessage);
  const call = (command, parameter) =>
    attemptCall(() => locator.postMessage({ __tcfapiCall: { command, parameter, version: 2, callId } }, "*"));
  call("addEventListener");
  return () => {
    stopped = true;
    removeEventListener("message", onMessage);
    if (listenerId !== null) call("removeEventListener", listenerId);
  };
}

/** The nearest window, this one or an ancestor, with a `__tcfapiLocator` frame, or null. */
function findLocator() {
  for (let frame = window; ; frame = frame.parent) {
    try {
      if (frame.frames.__tcfapiLocator) return frame;
    } catch {
      // A cross-origin ancestor can still be asked for its named frames in every browser
      // we know; one that refuses is skipped.
    }
    if (frame === window.top) return null;
  }
}

function attemptCall(call) {
  try {
    call();
  } catch {
    // A CMP that throws answers nothing.
  }
}

/** Whether a `dataLayer` entry is a Consent Mode command: `gtag` pushes its `arguments`. */
const isConsentCommand = (entry) =>
  entry !== null && typeof entry === "object" && entry[0] === "consent" && typeof entry[1] === "string";

/** Consent Mode commands in entries of `dataLayer`, as JSON `[[command, parameters], …]`, or null. */
function consentCommands(entries) {
  const commands = entries.filter(isConsentCommand).map((entry) => [entry[1], entry[2] ?? null]);
  return commands.length > 0 ? JSON.stringify(commands) : null;
}

/**
 * The Consent Mode commands in `window.dataLayer` so far (JSON), or null; null too for a
 * `dataLayer` that throws when read (a getter, a proxy): it is read before the SDK starts.
 */
export function consentModeCommands() {
  try {
    return Array.isArray(window.dataLayer) ? consentCommands(Array.from(window.dataLayer)) : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onCommands(json)` with each Consent Mode command pushed to `window.dataLayer`
 * from now on. Wraps `dataLayer.push` as it is (gtag.js wraps it too, and keeps calling
 * what it found); returns a function that stops and unwraps where no one wrapped after.
 */
export function watchConsentMode(onCommands) {
  let layer;
  let original;
  try {
    // As gtag's own snippet does, so that commands pushed after the SDK started are seen too.
    window.dataLayer = window.dataLayer || [];
    layer = window.dataLayer;
    if (!Array.isArray(layer)) return () => {};
    original = layer.push;
  } catch {
    return () => {}; // a dataLayer that cannot be set or read is not listened to
  }
  let active = true;
  const push = function (...entries) {
    const result = original.apply(this, entries);
    if (active) safely((pushed) => {
      const commands = consentCommands(pushed);
      if (commands) onCommands(commands);
    }, entries);
    return result;
  };
  try {
    layer.push = push;
  } catch {
    return () => {}; // a frozen dataLayer: what it holds was read at start, nothing comes later
  }
  return () => {
    active = false;
    attemptCall(() => {
      if (layer.push === push) layer.push = original;
    });
  };
}
