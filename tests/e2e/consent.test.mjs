// Consent and privacy in Chromium, with request interception and storage inspection:
// nothing is sent and nothing stored without consent on a visit of the demo, each purpose
// acts only once granted (through the site's API, a real IAB CMP, Consent Mode), revoking
// erases at once, Global Privacy Control keeps events off, and the position is never asked
// for before its consent.
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { build } from "esbuild";

import { startServer } from "../../scripts/serve.mjs";
import { SHARED } from "./corpus.mjs";
import { launchChromium } from "./browser.mjs";

const FIXTURES = fileURLToPath(new URL("fixtures", import.meta.url));
const BUILT = fileURLToPath(new URL("../../target/e2e-build", import.meta.url));

let server;
let browser;

before(async () => {
  mkdirSync(BUILT, { recursive: true });
  await build({ entryPoints: [`${FIXTURES}/cmp-src.js`], outfile: `${BUILT}/cmp.js`, bundle: true, format: "iife", logLevel: "warning" });
  server = await startServer({ mounts: [["/fixtures/", FIXTURES], ["/e2e-build/", BUILT]] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A context whose pages count geolocation calls and record every request. */
async function countingContext(options = {}) {
  const context = await browser.newContext(options);
  const requests = [];
  context.on("request", (request) => requests.push({ method: request.method(), url: request.url(), type: request.resourceType() }));
  await context.addInitScript(() => {
    window.__geolocationCalls = 0;
    for (const name of ["getCurrentPosition", "watchPosition"]) {
      const original = navigator.geolocation[name].bind(navigator.geolocation);
      navigator.geolocation[name] = (...args) => {
        window.__geolocationCalls++;
        return original(...args);
      };
    }
  });
  return { context, requests };
}

async function stored(page, context) {
  const inPage = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name),
    cookie: document.cookie,
  }));
  return { ...inPage, cookies: (await context.cookies()).map((c) => c.name) };
}

const NOTHING_STORED = { local: [], session: [], indexedDb: [], cookie: "", cookies: [] };

async function visit(page, path) {
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => document.documentElement.dataset.augenblick || window.__started);
  if (await page.evaluate(() => !!window.__started)) await page.evaluate(() => window.__started);
}

test("without consent a visit of several demo pages sends nothing and stores nothing", async () => {
  const { context, requests } = await countingContext();
  const page = await context.newPage();
  for (const path of ["index.html", "recipe.html", "menu.html", "stores.html"]) {
    await visit(page, path);
    if (path === "menu.html") await page.click(".dish button");
    await page.mouse.wheel(0, 600);
  }
  await page.click('[data-augenblick-intent="go"]'); // a link: one more page
  await page.waitForFunction(() => document.documentElement.dataset.augenblick === "ready");

  const report = await page.evaluate(() => window.augenblick.privacyReport());
  const { storageWrites, positionsRequested } = report.counts;
  assert.deepEqual({ storageWrites, positionsRequested }, { storageWrites: 0, positionsRequested: 0 });
  assert.ok(report.counts.snapshots > 0, "the SDK did run");
  assert.deepEqual(report.endpoints.map((e) => e.url), ["http://127.0.0.1:8787/v1/batch"], "the demo's collector is declared…");
  assert.equal(report.counts.requestsSent, 0, "…and never sent to");
  assert.deepEqual(await stored(page, context), NOTHING_STORED);
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 0);
  assert.equal(await page.evaluate(async () => (await navigator.permissions.query({ name: "geolocation" })).state), "prompt",
    "the permission prompt was never triggered");
  const notStatic = requests.filter((r) => r.method !== "GET" || !r.url.startsWith(server.url) || !["document", "script", "stylesheet", "image", "fetch", "other"].includes(r.type));
  assert.deepEqual(notStatic, [], "only the site's own files were fetched");
  assert.ok(requests.every((r) => !new URL(r.url).search.includes("moment")), "no signal rides on a URL");
  await context.close();
});

test("consent through the site's API: only the granted purposes act, and revoking erases at once", async () => {
  const { context } = await countingContext({ permissions: ["geolocation"], geolocation: { latitude: 52.5302, longitude: 13.4105 } });
  const page = await context.newPage();
  await visit(page, "stores.html");

  // The panel's storage box is the site's API.
  await page.check('[data-purpose="storage"]');
  let state = await stored(page, context);
  assert.deepEqual([state.local, state.session.sort()], [["augenblick:visits"], ["augenblick:pageViews", "augenblick:session"]]);
  let consent = await page.evaluate(() => window.augenblick.consent());
  assert.deepEqual([consent.storage, consent.sources.storage, consent.geolocation], [true, "site", false]);

  // Storage only: locate() does not ask the browser.
  await page.evaluate(() => window.augenblick.locate());
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 0, "no position without geolocation consent");

  // "Share my location" is the visitor's consent to geolocation: asked once, kept coarse.
  await page.click("#share-location");
  await page.waitForFunction(() => window.augenblick.snapshot().location !== null);
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 1);
  const location = await page.evaluate(() => window.augenblick.snapshot().location);
  assert.match(location.geohash, /^[0-9b-hjkmnp-z]{6}$/);
  assert.ok(!JSON.stringify(location).includes("52.53"), "no coordinates kept");

  // Revoking: the keys and the location go at once.
  await page.uncheck('[data-purpose="storage"]');
  await page.uncheck('[data-purpose="geolocation"]');
  state = await stored(page, context);
  assert.deepEqual([state.local, state.session], [[], []]);
  assert.equal(await page.evaluate(() => window.augenblick.snapshot().location), null);

  // Personalization withdrawn: every slot shows its default and nothing is read.
  const before = await page.evaluate(() => window.augenblick.privacyReport().counts.snapshots);
  await page.uncheck('[data-purpose="personalization"]');
  const off = await page.evaluate(() => ({
    moment: window.augenblick.refresh(),
    variants: [...document.querySelectorAll("[data-augenblick-slot]")].map((s) => s.getAttribute("data-augenblick-variant")),
    snapshots: window.augenblick.privacyReport().counts.snapshots,
  }));
  assert.equal(off.moment, null);
  assert.ok(off.variants.every((v) => v === "default"), off.variants.join());
  assert.equal(off.snapshots, before, "no snapshot without personalization consent");
  assert.deepEqual(await stored(page, context), NOTHING_STORED);
  await context.close();
});

/** Oracle TC strings (decoded by the IAB's own library) for the CMP to answer with. */
function oracleStrings() {
  return readFileSync(`${SHARED}/oracles/tcf-random-500.jsonl`, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line));
}

/** Whether a TC string has a publisher TC segment: one whose first three bits are 3. */
const hasPublisherSegment = (tcString) => tcString.split(".").slice(1).some((segment) => segment[0] >= "Y" && segment[0] <= "f");

/** Our purposes from the IAB library's decoding, by the documented table (docs/PRIVACY.md). */
function expectedConsent({ tcString, expected: e }) {
  const own = hasPublisherSegment(tcString);
  const consents = own ? e.publisherConsents : e.purposeConsents;
  const interests = own ? e.publisherLegitimateInterests : e.purposeLegitimateInterests;
  return {
    personalization: consents.includes(11) || interests.includes(11),
    storage: consents.includes(1),
    geolocation: e.specialFeatureOptins.includes(1),
    events: consents.includes(8) || interests.includes(8),
  };
}

/** An oracle TC string that grants storage and personalization. */
const grantingStorage = (strings = oracleStrings()) =>
  strings.find((s) => expectedConsent(s).storage && expectedConsent(s).personalization);

const purposesOf = (consent) => ({
  personalization: consent.personalization, storage: consent.storage, geolocation: consent.geolocation, events: consent.events,
});

/**
 * In `frame`, the SDK started with no CMP of its own (`why` says where the CMP is), then
 * heard `entry`'s consent from the CMP.
 */
async function heardFromCmpElsewhere(frame, entry, why) {
  assert.deepEqual(await frame.evaluate(() => window.__started), { ok: true });
  assert.equal(await frame.evaluate(() => typeof window.__tcfapi), "undefined", why);
  await frame.waitForFunction(() => window.augenblick.consent().sources.storage === "tcf");
  assert.deepEqual(purposesOf(await frame.evaluate(() => window.augenblick.consent())), expectedConsent(entry));
}

test("consent through a real IAB CMP (stub and CmpApi): the mapping holds, and a withdrawal erases", async () => {
  const strings = oracleStrings();
  const withStorage = grantingStorage(strings);
  const withoutStorage = strings.find((s) => !expectedConsent(s).storage && expectedConsent(s).personalization);
  const withPublisherSegment = strings.find((s) => hasPublisherSegment(s.tcString) && s.expected.publisherConsents.length === 0);
  for (const entry of [withStorage, withoutStorage, withPublisherSegment]) {
    const { context } = await countingContext();
    const page = await context.newPage();
    await page.goto(`${server.url}fixtures/tcf.html?tc=${encodeURIComponent(entry.tcString)}&options={}`);
    assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
    await page.waitForFunction(() => window.augenblick.consent().sources.storage === "tcf");
    const consent = await page.evaluate(() => window.augenblick.consent());
    assert.deepEqual(purposesOf(consent), expectedConsent(entry), entry.tcString);
    const state = await stored(page, context);
    assert.equal(state.local.length > 0, consent.storage, "storage keys exist exactly when storage is granted");
    await context.close();
  }

  // The visitor changes their mind in the CMP: storage withdrawn, the keys go.
  const { context } = await countingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/tcf.html?tc=${encodeURIComponent(withStorage.tcString)}&options={}`);
  await page.waitForFunction(() => window.augenblick?.consent().storage === true);
  const seen = await page.evaluate((next) => {
    const events = [];
    window.augenblick.on("consent", (c) => events.push(c.storage));
    window.__cmpUpdate(next);
    return events;
  }, withoutStorage.tcString);
  await page.waitForFunction(() => window.augenblick.consent().storage === false);
  assert.deepEqual(seen, [true, false], "the listener gets the current state at once, then the withdrawal");
  assert.deepEqual(await stored(page, context), NOTHING_STORED);
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 0);
  await context.close();
});

test("a CMP without the IAB stub, defined after the page has loaded, is still heard", async () => {
  const withStorage = grantingStorage();
  const { context } = await countingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/tcf.html?tc=${encodeURIComponent(withStorage.tcString)}&late&options={}`);
  await heardFromCmpElsewhere(page, withStorage, "no CMP when the SDK starts");
  await context.close();
});

test("a tcData with a getter that throws is reported and skipped: the CMP's next answer is still heard", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    window.__tcfapi = (command, version, callback) => {
      if (command !== "addEventListener") return;
      const hostile = { eventStatus: "tcloaded", gdprApplies: true };
      Object.defineProperty(hostile, "purpose", { get: () => { throw new Error("hostile getter"); } });
      callback(hostile, true);
      callback({
        eventStatus: "tcloaded",
        gdprApplies: true,
        listenerId: 1,
        purpose: { consents: { 1: true }, legitimateInterests: {} },
        specialFeatureOptins: {},
        publisher: { consents: {}, legitimateInterests: {} },
      }, true);
    };
  });
  await page.goto(`${server.url}fixtures/store.html?options={}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  assert.deepEqual(await page.evaluate(() => [window.augenblick.consent().storage, window.augenblick.consent().sources.storage]), [true, "tcf"]);
  assert.ok(errors.some((message) => message.includes("hostile getter")), errors.join("\n"));
  await context.close();
});

test("a frozen dataLayer with an entry that throws neither stops the SDK nor is written to", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const hostile = {};
    Object.defineProperty(hostile, 0, { get: () => { throw new Error("hostile entry"); } });
    Object.defineProperty(window, "dataLayer", { value: Object.freeze([hostile]), writable: false });
  });
  await page.goto(`${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify({ simulate: { device: "mobile", hour: 19, distanceM: 300 } }))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  assert.equal(await page.evaluate(() => window.augenblick.moment().kind), "go");
  assert.equal(await page.evaluate(() => window.dataLayer.push === Array.prototype.push), true, "not wrapped");
  await page.evaluate(() => window.augenblick.destroy());
  await context.close();
});

test("a CMP that grants storage a moment after the SDK starts finds the visit counts kept", async () => {
  const withStorage = grantingStorage();
  const { context } = await countingContext();
  const visits = [];
  // Two visits (each page a new tab, so a new session); the CMP answers 800 ms after the
  // page starts, well after the SDK, and writes no cookie, so nothing grants storage when
  // the SDK starts.
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    await page.goto(`${server.url}fixtures/tcf.html?tc=${encodeURIComponent(withStorage.tcString)}&answerMs=800&options={}`);
    assert.equal(await page.evaluate(() => window.__started.then(() => window.augenblick.consent().storage)), false);
    await page.waitForFunction(() => window.augenblick?.consent().storage === true);
    // The erasure that was held waits no longer once the CMP answered.
    await page.waitForTimeout(100);
    visits.push(await page.evaluate(() => localStorage.getItem("augenblick:visits")));
    await page.close();
  }
  assert.deepEqual(visits, ["1", "2"]);
  await context.close();
});

test("the CMP's cookie is read before anything is stored: options granting storage do not write it", async () => {
  const refusing = oracleStrings().find((s) => !expectedConsent(s).storage);
  const { context } = await countingContext();
  await context.addCookies([{ name: "euconsent-v2", value: refusing.tcString, url: server.url }]);
  const page = await context.newPage();
  // Consent Mode on this page grants storage too: the cookie, read last, is the latest word.
  await page.goto(`${server.url}fixtures/consent-mode.html?options=${encodeURIComponent(JSON.stringify({ consent: { storage: true } }))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  const { consent, counts } = await page.evaluate(() => window.augenblick.privacyReport());
  assert.deepEqual([consent.storage, consent.sources.storage], [false, "tcf"]);
  assert.equal(counts.storageWrites, 0, "not written, not even for a moment");
  const state = await stored(page, context);
  assert.deepEqual([state.local, state.session], [[], []]);
  await context.close();
});

test("a CMP in the top frame is found from a child frame through __tcfapiLocator", async () => {
  const entry = oracleStrings().find((s) => expectedConsent(s).storage);
  const { context } = await countingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/tcf-parent.html?tc=${encodeURIComponent(entry.tcString)}`);
  const child = await (await page.waitForSelector('iframe[name="sdk"]')).contentFrame();
  await child.waitForFunction(() => window.__started);
  await heardFromCmpElsewhere(child, entry, "the child has no CMP of its own");
  await context.close();
});

test("Consent Mode in dataLayer is read, and its updates act at once", async () => {
  const { context } = await countingContext();
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/consent-mode.html?options={}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  let consent = await page.evaluate(() => window.augenblick.consent());
  assert.deepEqual([consent.storage, consent.events, consent.sources.storage], [true, true, "consentMode"]);
  assert.ok((await stored(page, context)).local.includes("augenblick:visits"));

  await page.evaluate(() => window.gtag("consent", "update", { personalization_storage: "denied" }));
  consent = await page.evaluate(() => window.augenblick.consent());
  assert.deepEqual([consent.storage, consent.events], [false, true]);
  assert.deepEqual(await stored(page, context), NOTHING_STORED);
  await context.close();
});

test("Global Privacy Control keeps events off, whatever else says yes", async () => {
  const { context } = await countingContext();
  // Chromium has no GPC (../shared/oracles/README.md): the page sees what Firefox with
  // privacy.globalprivacycontrol.enabled would show.
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true }));
  const page = await context.newPage();
  await page.goto(`${server.url}fixtures/consent-mode.html?options=${encodeURIComponent(JSON.stringify({ consent: { events: true } }))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  const consent = await page.evaluate(() => window.augenblick.setConsent({ events: true }));
  assert.deepEqual([consent.events, consent.sources.events, consent.globalPrivacyControl], [false, "globalPrivacyControl", true]);
  assert.equal(consent.storage, true, "other purposes are untouched");
  await context.close();
});

test("the privacy report names every storage key the SDK can write, and nothing else is ever written", async () => {
  const { context } = await countingContext();
  const page = await context.newPage();
  await visit(page, "menu.html");
  const report = await page.evaluate(() => {
    window.augenblick.setConsent({ storage: true, geolocation: true, events: true });
    return window.augenblick.privacyReport();
  });
  const declared = report.storage.map((k) => k.key);
  const state = await stored(page, context);
  const written = [...state.local, ...state.session].sort();
  assert.deepEqual(written, ["augenblick:anonymousId", "augenblick:pageViews", "augenblick:session", "augenblick:visits"],
    "the counts, and with events consent the anonymous id");
  assert.deepEqual(written.filter((key) => !declared.includes(key)), [], "every key written is declared");
  assert.deepEqual([state.indexedDb, state.cookies], [[], []]);
  assert.ok(report.signalsRead.every((s) => s.leavesDevice === false && s.purpose));
  assert.equal(report.counts.storedKeys, written.length);
  await context.close();
});

