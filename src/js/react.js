// augenblick/react: <AugenblickProvider>, useMoment(), useAugenblick() and <Slot>.
//
// Server rendering and hydration see no moment (the SDK runs in the browser only), so a
// <Slot> renders its default content on the server and in the first client render, and
// hydration matches; the variant follows once the SDK has decided, after hydration.
import { createContext, createElement, Fragment, useContext, useEffect, useMemo, useState } from "react";

import { Augenblick } from "./augenblick.js";

const AugenblickContext = createContext({ instance: null, moment: null });

// `Augenblick.init` allows one instance per page: every provider shares it, and it is
// destroyed only when the last one unmounts. A provider unmounted and mounted again at once
// (React's StrictMode in development) keeps it; one mounted after the last has gone starts
// a new instance once the old one is destroyed.
let shared = null;
let teardown = Promise.resolve();

/** The shared start, counted; give it back to `release`. */
function acquire(options) {
  if (shared) {
    clearTimeout(shared.destroyTimer);
    shared.users++;
    return shared;
  }
  const record = { started: teardown.then(() => Augenblick.init(options)), users: 1, destroyTimer: 0 };
  // A failed start leaves nothing to share: the next provider tries again.
  record.started.catch(() => shared === record && (shared = null));
  shared = record;
  return record;
}

function release(record) {
  if (record !== shared || --record.users > 0) return;
  record.destroyTimer = setTimeout(() => {
    if (shared === record) shared = null;
    teardown = record.started.then((instance) => instance.destroy(), () => {});
  });
}

/** A <Slot> variant without what is not a condition: what `Augenblick.choose` reads. */
const conditionsOf = ({ content, name, ...conditions }) => conditions;

/**
 * `value` as JSON, or a value of its own (never equal to another) when it has none (a
 * cycle, a BigInt): such conditions are chosen, and refused by the SDK, on every render.
 */
function safeJson(value) {
  try {
    return JSON.stringify(value);
  } catch {
    return {};
  }
}

/** Console messages already given, so that a re-rendered <Slot> does not repeat them. */
const reported = new Set();
function reportOnce(message) {
  if (reported.has(message)) return;
  reported.add(message);
  console.error(message);
}

/**
 * Starts the SDK in the browser (once per page, whatever the number of providers) with
 * `options`, read once, or uses the started `instance` given; `onError` hears a failed
 * start (the page keeps its default content).
 */
export function AugenblickProvider({ options, instance: given, onError, children }) {
  const [instance, setInstance] = useState(null);
  const [moment, setMoment] = useState(null);
  useEffect(() => {
    let active = true;
    let unsubscribe = () => {};
    const record = given ? null : acquire(options);
    (record ? record.started : Promise.resolve(given)).then(
      (ready) => {
        if (!active) return;
        setInstance(ready);
        // Consent withdrawn leaves no moment, and tells only consent listeners.
        const update = () => setMoment(ready.moment());
        const stops = [ready.on("moment", update), ready.on("consent", update)];
        unsubscribe = () => stops.forEach((stop) => stop());
      },
      (error) => {
        if (!active) return;
        if (onError) onError(error);
        else console.error("augenblick/react: the SDK did not start", error);
      },
    );
    return () => {
      active = false;
      unsubscribe();
      if (record) release(record);
    };
    // The options are read once, as Augenblick.init reads them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [given]);
  const value = useMemo(() => ({ instance, moment }), [instance, moment]);
  return createElement(AugenblickContext.Provider, { value }, children);
}

/** The moment last decided; `null` on the server, while starting and without consent. */
export function useMoment() {
  return useContext(AugenblickContext).moment;
}

/** The started SDK instance, or `null` (on the server, while starting, after a failure). */
export function useAugenblick() {
  return useContext(AugenblickContext).instance;
}

/**
 * Shows the first of `variants` (`{moment, minConfidence?, minUrgency?, device?,
 * daypart?, content, name?}`) whose conditions hold, decided as the SDK decides slots, or
 * its children (the default) until then and when none holds. A variant that does not
 * read is reported once on the console and never shown. With `name`, what it shows is
 * reported as a `Variant Shown` event (with events consent).
 */
export function Slot({ name, variants, children }) {
  const { instance, moment } = useContext(AugenblickContext);
  // Variants written inline are a new array on every render: they are chosen again only
  // when their conditions change, compared as JSON (as the SDK reads them too). Nothing is
  // read before there is a moment (on the server, while hydrating).
  const conditions = instance && moment && variants?.length ? variants.map(conditionsOf) : null;
  const conditionsKey = conditions ? safeJson(conditions) : null;
  const chosen = useMemo(() => {
    if (!conditions) return -1;
    try {
      return instance.choose(conditions);
    } catch (error) {
      reportOnce(`augenblick/react: <Slot${name ? ` name="${name}"` : ""}>: ${error.message}`);
      return -1;
    }
    // `conditions` is a new array on every render; `conditionsKey` is what it holds.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [instance, moment, conditionsKey, name]);
  const variant = chosen >= 0 ? variants[chosen] : null;
  const variantName = variant ? (variant.name ?? variant.moment) : "default";
  const decided = moment !== null;
  // Like slots: reported when what it shows changes, not on every moment.
  useEffect(() => {
    if (!name || !instance || !decided) return;
    try {
      instance.shown(name, variantName);
    } catch (error) {
      // A given instance destroyed meanwhile: nothing to report to, and no reason to break the tree.
      reportOnce(`augenblick/react: <Slot name="${name}">: ${error.message}`);
    }
  }, [instance, decided, name, variantName]);
  return createElement(Fragment, null, variant ? variant.content : children);
}
