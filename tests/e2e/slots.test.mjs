// Personalized slots in Chromium, from the built package, under the demo's strict CSP and
// Trusted Types: a variant that applies is the first thing painted, swaps shift nothing,
// a slow or failing SDK still shows the page, single-page navigation and slots added later
// are followed, and bad input is a named error.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";

const FIXTURES = fileURLToPath(new URL("fixtures", import.meta.url));
/** A phone in the evening 300 m from the store: with the store page, a *go* moment. */
const GOING = { simulate: { device: "mobile", hour: 19, distanceM: 300 } };
/** Applies only when the visitor is going now (urgency 0.6 or more). */
const BANNER_RULE = { selector: "#banner", moment: "go", minUrgency: 0.6, name: "directions", text: "Directions", attributes: { href: "/stores" } };

let server;
let browser;

before(async () => {
  server = await startServer({ mounts: [["/fixtures/", FIXTURES]] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a fixture with these init options; resolves once `Augenblick.init` settled. */
async function open(fixture, options, { delayWasmMs = 0, failWasm = false } = {}) {
  const watched = await openWatchedPage(browser);
  const { page } = watched;
  watched.warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") watched.warnings.push(message.text());
  });
  await page.addInitScript(() => {
    window.__decisions = [];
    document.addEventListener("augenblick:decision", (event) => window.__decisions.push(event.detail));
  });
  if (delayWasmMs || failWasm) {
    await page.route("**/*.wasm", async (route) => {
      if (failWasm) return route.fulfill({ status: 404, body: "" });
      await new Promise((resolve) => setTimeout(resolve, delayWasmMs));
      return route.continue();
    });
  }
  await page.goto(`${server.url}fixtures/${fixture}?options=${encodeURIComponent(JSON.stringify(options))}`);
  watched.started = await page.evaluate(() => window.__started);
  return watched;
}

/** Waits two animation frames, so the probe has seen what was painted last. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** A slot's attributes and its shown text (templates left out). */
function slotState(page, name) {
  return page.evaluate((name) => {
    const slot = document.querySelector(`[data-augenblick-slot="${name}"]`);
    const shown = [...slot.childNodes].filter((n) => n.nodeName !== "TEMPLATE").map((n) => n.textContent).join("").trim();
    return {
      moment: slot.getAttribute("data-augenblick-moment"),
      variant: slot.getAttribute("data-augenblick-variant"),
      shown,
      templates: slot.querySelectorAll("template").length,
    };
  }, name);
}

test("a variant that applies is painted first, the default never, and nothing shifts", async () => {
  const scriptRule = { selector: "#inert", moment: "go", text: "alert(1)" };
  const { page, problems, warnings, started } = await open("store.html", { ...GOING, rules: [BANNER_RULE, scriptRule] });
  assert.deepEqual(started, { ok: true });
  await frames(page);
  const moment = await page.evaluate(() => window.augenblick.moment());
  assert.equal(moment.kind, "go", "the fixture must make a go moment, or this test proves nothing");

  const hero = await slotState(page, "hero");
  assert.deepEqual(hero, { moment: "go", variant: "directions", shown: "Open now: directions to Rosenthaler Straße 40.", templates: 2 });
  const cta = await slotState(page, "cta");
  assert.equal(cta.variant, "default", "a condition that does not hold keeps the default");
  assert.equal(cta.shown, "See the menu");
  const broken = await slotState(page, "broken");
  assert.equal(broken.variant, "go", "the template after the broken one applies");
  assert.ok(
    warnings.some((w) => w.includes('slot broken, template 1: invalid data-min-urgency="very"')),
    `a warning names the bad attribute: ${warnings.join(" | ")}`,
  );
  const banner = await page.evaluate(() => {
    const a = document.getElementById("banner");
    return [a.textContent, a.getAttribute("href"), a.getAttribute("data-augenblick-variant")];
  });
  assert.deepEqual(banner, ["Directions", "/stores", "directions"]);
  assert.equal(await page.textContent("#inert"), "not a script", "a <script> never becomes a slot");
  assert.ok(warnings.some((w) => w.includes("a <script> cannot be a slot")), warnings.join(" | "));

  const paint = await page.evaluate(() => window.__paint);
  assert.ok(paint.frames > 0, "the probe saw frames");
  assert.equal(paint.defaultPainted.hero, undefined, "the hero's default was never painted");
  assert.equal(paint.defaultPainted.broken, undefined);
  assert.equal(paint.shifts.reduce((a, b) => a + b, 0), 0, "no layout shift");

  assert.equal((await slotState(page, "inner")).variant, "go", "a slot inside a variant is resolved with it");
  assert.equal(paint.defaultPainted.inner, undefined);

  const events = await page.evaluate(() => window.__decisions);
  assert.deepEqual(
    events.map((e) => [e.slot, e.variant, e.moment]).sort(),
    [[null, "directions", "go"], ["broken", "go", "go"], ["cta", "default", "go"], ["hero", "directions", "go"],
      ["inner", "go", "go"], ["outer", "go", "go"]],
  );
  assert.deepEqual(problems, [], "no errors and no CSP or Trusted Types violations");
  await page.close();
});

test("a slow SDK shows the default after the timeout, then the variant; a failing one shows defaults at once", async () => {
  const slow = await open("store.html", GOING, { delayWasmMs: 2500 });
  assert.deepEqual(slow.started, { ok: true });
  await frames(slow.page);
  const paint = await slow.page.evaluate(() => window.__paint);
  assert.equal(paint.defaultPainted.hero, true, "after 1.5 s the default shows");
  assert.equal((await slotState(slow.page, "hero")).variant, "directions");
  await slow.page.close();

  const failing = await open("store.html", GOING, { failWasm: true });
  assert.equal(failing.started.ok, false);
  const shownAt = await failing.page.evaluate(() => [...document.querySelectorAll("[data-augenblick-slot]")]
    .map((slot) => [slot.getAttribute("data-augenblick-variant"), getComputedStyle(slot).visibility]));
  assert.deepEqual(shownAt, Array(4).fill(["default", "visible"]), "defaults show without waiting for the timeout");
  await failing.page.close();
});

test("bad options and arguments are named errors", async () => {
  const { page } = await open("store.html", GOING);
  const results = await page.evaluate(async () => {
    const { Augenblick } = await import("/pkg/augenblick.js");
    const attempt = async (run) => {
      try {
        await run();
        return "no error";
      } catch (error) {
        return `${error instanceof Error} ${error.name}: ${error.message}`;
      }
    };
    const running = await attempt(() => Augenblick.init({}));
    window.augenblick.destroy();
    return [
      running,
      await attempt(() => Augenblick.init({ rules: [{ slot: "hero", moment: "go", attributes: { href: "javascript:alert(1)" } }] })),
      await attempt(() => Augenblick.init({ rules: [{ selector: "##", moment: "go", text: "x" }] })),
      await attempt(() => Augenblick.init({ simulate: { hour: 30 } })),
      await attempt(() => Augenblick.init({ slots: [] })),
      await attempt(() => Augenblick.init("go")),
      await attempt(() => window.augenblick.on("click", () => {})),
      await attempt(() => new Augenblick()),
      // The failed calls left the page as it was.
      document.querySelector('[data-augenblick-slot="hero"]').getAttribute("data-augenblick-variant"),
      await attempt(async () => (await Augenblick.init({})).simulate({ device: "phone" })),
    ];
  });
  assert.deepEqual(results, [
    "true AlreadyRunningError: Augenblick is already running on this page: destroy() that instance first",
    "true InvalidOptionError: invalid option rules[0].attributes.href: expected a relative URL or one with http, https, mailto or tel",
    "true InvalidOptionError: invalid option rules[0].selector: expected a CSS selector",
    "true InvalidOptionError: invalid option simulate.hour: expected a whole number from 0 to 23",
    "true InvalidOptionError: unknown option slots",
    "true InvalidOptionError: invalid option options: expected an object",
    "true UnknownEventError: unknown event click: expected moment or decision",
    "true TypeError: use Augenblick.init(options), not new Augenblick()",
    "directions",
    "true InvalidOptionError: invalid option simulate.device: expected mobile, tablet or desktop",
  ]);
  await page.close();
});

test("simulate and refresh re-choose every slot and restore defaults exactly; listeners replay", async () => {
  const { page, problems } = await open("store.html", { ...GOING, rules: [BANNER_RULE] });
  const seen = await page.evaluate(() => {
    const ab = window.augenblick;
    const moments = [];
    const decisions = [];
    ab.on("moment", (m) => moments.push(m.kind));
    ab.on("decision", (d) => decisions.push(`${d.slot}:${d.variant}`));
    const replayed = [moments.length, decisions.length];
    ab.simulate({ device: "desktop", hour: 15, distanceM: null });
    return { replayed, moments, decisions, kind: ab.moment().kind };
  });
  assert.deepEqual(seen.replayed, [1, 6], "the current moment and the six decisions at once");
  assert.equal(seen.moments.length, 2);
  const broken = await slotState(page, "broken");
  assert.equal(broken.variant, "default", "the mobile-only variant no longer applies on a desktop");
  assert.equal(broken.shown, "Default of the broken slot.", "the default content is back, once");
  assert.equal(broken.templates, 2, "the templates stay");
  const banner = await page.evaluate(() => [document.getElementById("banner").textContent, document.getElementById("banner").getAttribute("href")]);
  assert.deepEqual(banner, ["Order online", "/menu"], "not urgent enough for the rule: its text and attributes are undone");

  await page.evaluate(() => window.augenblick.simulate({ device: "mobile", hour: 19, distanceM: 300 }));
  assert.deepEqual(await slotState(page, "broken"), { moment: "go", variant: "go", shown: "Mobile visitors going now.", templates: 2 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("slots added later are resolved before they paint; destroy stops everything", async () => {
  const { page, problems } = await open("store.html", GOING);
  const late = await page.evaluate(async () => {
    const slot = document.createElement("div");
    slot.setAttribute("data-augenblick-slot", "late");
    slot.append(document.createTextNode("Late default"));
    const template = document.createElement("template");
    template.setAttribute("data-moment", "go");
    template.content.append(document.createTextNode("Late variant"));
    slot.append(template);
    document.body.append(slot);
    // The observer's microtask runs before the next frame renders.
    await new Promise(requestAnimationFrame);
    return [slot.getAttribute("data-augenblick-variant"), slot.firstChild.textContent];
  });
  assert.deepEqual(late, ["go", "Late variant"]);

  const afterDestroy = await page.evaluate(async () => {
    const ab = window.augenblick;
    ab.destroy();
    const slot = document.createElement("div");
    slot.setAttribute("data-augenblick-slot", "after");
    document.body.append(slot);
    await new Promise(requestAnimationFrame);
    let refreshed;
    try {
      ab.refresh();
    } catch (error) {
      refreshed = error.name;
    }
    return [slot.hasAttribute("data-augenblick-variant"), refreshed, ab.moment().kind];
  });
  assert.deepEqual(afterDestroy, [false, "DestroyedError", "go"]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a rule's template must be the one element with its id, and slots the site marked ignored keep their default", async () => {
  const rules = [{ slot: "promo", moment: "go", name: "promo", template: "promo-template" }];
  const { page, problems, warnings } = await open("store.html", { ...GOING, rules });
  const shown = await page.evaluate(async () => {
    const template = (id, text) => {
      const element = document.createElement("template");
      element.id = id;
      element.content.append(document.createTextNode(text));
      return element;
    };
    const slot = (name, text) => {
      const element = document.createElement("div");
      element.setAttribute("data-augenblick-slot", name);
      element.append(document.createTextNode(text));
      const variant = document.createElement("template");
      variant.setAttribute("data-moment", "go");
      variant.content.append(document.createTextNode(`${text}, personalized`));
      element.append(variant);
      return element;
    };
    const state = (element) => [element.getAttribute("data-augenblick-variant"), element.firstChild.textContent];
    const site = template("promo-template", "The site's promo");
    document.body.append(site);
    const first = slot("promo", "Promo default");
    document.body.append(first);
    await new Promise(requestAnimationFrame);
    const alone = state(first);
    // Content earlier in the page, with the same id, must not take the rule over.
    document.body.prepend(template("promo-template", "Injected"));
    const second = slot("promo", "Second default");
    document.body.append(second);
    await new Promise(requestAnimationFrame);
    const ignored = document.createElement("div");
    ignored.setAttribute("data-augenblick-ignore", "");
    const inside = slot("ignored", "Ignored default");
    ignored.append(inside);
    document.body.append(ignored);
    await new Promise(requestAnimationFrame);
    window.augenblick.refresh();
    return { alone, duplicated: state(second), ignored: state(inside) };
  });
  assert.deepEqual(shown, {
    alone: ["promo", "The site's promo"],
    duplicated: ["default", "Second default"],
    ignored: ["default", "Ignored default"],
  });
  assert.ok(warnings.some((w) => w.includes('2 elements have the id "promo-template"')), warnings.join("\n"));
  assert.deepEqual(problems, []);
  await page.close();
});

/** The expected variant of the SPA's `tip` slot for a moment (its templates: do, go). */
const tipVariant = (kind) => (kind === "do" || kind === "go" ? kind : "default");

test("single-page navigation re-decides on the new content, without breaking a router that patches history", async () => {
  const { page, problems, started } = await open("spa.html", {});
  assert.deepEqual(started, { ok: true });
  await page.evaluate(() => {
    window.__seen = [];
    window.augenblick.on("moment", (m) => window.__seen.push(window.augenblick.snapshot().page.headings[0]?.text ?? ""));
  });
  const first = await slotState(page, "tip");
  assert.equal(first.variant, tipVariant(first.moment), "the first route's slot is resolved");

  await page.click('a[data-route="store"]');
  await page.waitForFunction(() => window.__seen.length >= 2);
  const decidedOn = await page.evaluate(() => window.__seen.at(-1));
  assert.equal(decidedOn, "Our store in Mitte: opening hours and directions", "decided on the new route's content");
  const tip = await slotState(page, "tip");
  assert.equal(tip.variant, tipVariant(tip.moment), "the new route's slot shows its moment's variant");
  assert.equal(await page.evaluate(() => window.__routerCalls), 1, "the router's own pushState patch still runs");

  // Back: the router renders in its own popstate listener; the decision is on the page it renders.
  await page.goBack();
  await page.waitForFunction(() => window.__seen.length >= 3);
  assert.equal(await page.evaluate(() => window.__seen.at(-1)), "Pizza Margherita: the recipe");
  assert.equal(await page.evaluate(() => window.__seen.length), 3, "one decision per navigation");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a router that patches history after the SDK keeps working when the SDK is destroyed", async () => {
  const { page, problems } = await open("spa.html", {});
  const result = await page.evaluate(async () => {
    let later = 0;
    const sdkPush = history.pushState;
    history.pushState = function (...args) {
      later++;
      return sdkPush.apply(this, args);
    };
    let moments = 0;
    window.augenblick.on("moment", () => moments++);
    window.augenblick.destroy();
    document.querySelector('a[data-route="store"]').click();
    await new Promise((r) => setTimeout(r, 50));
    return [later, window.__routerCalls, moments, location.search.includes("page=store")];
  });
  assert.deepEqual(result, [1, 1, 1, true], "both patches ran, the SDK decided nothing after destroy (1: the replay)");
  assert.deepEqual(problems, []);
  await page.close();
});
