// Consented events end to end: Chromium sends to the reference collector on 127.0.0.1
// (`augenblick-collector`, SQLite) and the tests read what it stored. With consent a visit
// produces exactly the expected events; with the collector stopped and restarted, answering
// 500 for a while, or the page closed mid-batch, every event arrives exactly once.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { build } from "esbuild";

import { buildCollector, freePort, startCollector } from "../../scripts/collector.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { SHARED } from "./corpus.mjs";
import { launchChromium } from "./browser.mjs";

const FIXTURES = fileURLToPath(new URL("fixtures", import.meta.url));
const BUILT = fileURLToPath(new URL("../../target/e2e-build", import.meta.url));
const GOING = { device: "mobile", hour: 19, distanceM: 300 };
/** What an event's properties may hold: the decision, and the site's own (here `item`). */
const ALLOWED_PROPERTIES = new Set(["moment", "confidence", "urgency", "deviceClass", "daypart", "slot", "variant", "item"]);

let collectorPort;
let collector;
let database;
let server;
let browser;

/** Starts the collector on its port and database; resolves once it listens. */
async function startTheCollector() {
  collector = await startCollector({ profile: "debug", port: collectorPort, database });
}

const endpoint = () => `http://127.0.0.1:${collectorPort}/v1/batch`;

async function stored() {
  const response = await fetch(`http://127.0.0.1:${collectorPort}/v1/events`);
  return (await response.json()).events;
}

/** Waits until `count` events are stored (or fails after `ms`). */
async function storedCount(count, ms = 15_000) {
  const deadline = Date.now() + ms;
  let events = [];
  while (Date.now() < deadline) {
    events = await stored();
    if (events.length >= count) return events;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`only ${events.length} of ${count} events stored`);
}

before(async () => {
  buildCollector("debug");
  database = join(mkdtempSync(join(tmpdir(), "augenblick-events-")), "events.sqlite");
  collectorPort = await freePort();
  await startTheCollector();
  mkdirSync(BUILT, { recursive: true });
  await build({ entryPoints: [`${FIXTURES}/cmp-src.js`], outfile: `${BUILT}/cmp.js`, bundle: true, format: "iife", logLevel: "warning" });
  server = await startServer({
    mounts: [["/fixtures/", FIXTURES], ["/e2e-build/", BUILT]],
    connect: [`http://127.0.0.1:${collectorPort}`],
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await collector?.stop();
});

/** Opens the store fixture with these init options and waits for the SDK. */
async function openStore(options) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify(options))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  return { context, page, requests };
}

const ids = (events) => events.map((e) => e.messageId);

test("with consent a visit produces exactly the expected events, and without it none is sent", async () => {
  const before = (await stored()).length;
  const { context, page } = await openStore({
    consent: { events: true },
    events: { endpoint: endpoint(), flushAt: 100, flushIntervalMs: 200 },
    rules: [{ selector: "#banner", moment: "go", name: "directions", text: "Directions" }],
    simulate: GOING,
  });
  assert.equal(await page.evaluate(() => window.augenblick.track("Order Clicked", { item: "Margherita" })), true);
  const events = (await storedCount(before + 8)).slice(before);
  // The page says its eight were answered: nothing of this visit is still on its way.
  await page.waitForFunction(() => window.augenblick.privacyReport().counts.eventsSent === 8);
  assert.equal((await stored()).length, before + 8, "exactly these events");
  const summary = events.map((e) => [e.event, e.properties.slot ?? null, e.properties.variant ?? null]).sort();
  assert.deepEqual(summary, [
    ["Moment Changed", null, null],
    ["Order Clicked", null, null],
    ["Variant Shown", "banner", "directions"],
    ["Variant Shown", "broken", "go"],
    ["Variant Shown", "cta", "default"],
    ["Variant Shown", "hero", "directions"],
    ["Variant Shown", "inner", "go"],
    ["Variant Shown", "outer", "go"],
  ]);
  for (const event of events) {
    assert.deepEqual(Object.keys(event.properties).filter((k) => !ALLOWED_PROPERTIES.has(k)), [], `${event.event}: decisions only`);
    assert.equal(event.properties.moment, "go");
    assert.equal(event.context.library.name, "augenblick");
  }
  assert.equal(new Set(events.map((e) => e.anonymousId)).size, 1, "one anonymous id for the page view");
  assert.equal(new Set(ids(events)).size, events.length, "a messageId per event");
  const report = await page.evaluate(() => window.augenblick.privacyReport());
  assert.equal(report.endpoints[0].url, endpoint());
  assert.equal(report.counts.eventsSent, 8);
  const storage = await page.evaluate(() => [Object.keys(localStorage), Object.keys(sessionStorage)]);
  assert.deepEqual(storage, [[], []], "no anonymous id or queue kept without storage consent");
  await context.close();

  // The same visit without events consent: no request to the collector at all.
  const without = await openStore({ events: { endpoint: endpoint(), flushAt: 1 }, simulate: GOING });
  assert.equal(await without.page.evaluate(() => window.augenblick.track("Order Clicked", { item: "Margherita" })), false);
  // Closed, its pagehide listeners (the beacon) have run: every request it would make is logged.
  await Promise.all([without.page.waitForEvent("close"), without.page.close({ runBeforeUnload: true })]);
  assert.deepEqual(without.requests.filter((url) => url.includes(`:${collectorPort}`)), []);
  assert.equal((await stored()).length, before + 8);
  await without.context.close();
});

test("the collector stopped and restarted: no event is lost and none is stored twice", async () => {
  const before = await stored();
  await collector.stop();
  const { context, page } = await openStore({
    consent: { events: true },
    events: { endpoint: endpoint(), flushAt: 1, flushIntervalMs: 100 },
    simulate: GOING,
  });
  await page.evaluate(() => {
    for (let i = 0; i < 5; i++) window.augenblick.track("Order Clicked", { item: `pizza ${i}` });
  });
  // A few attempts against nothing, as the page counts them.
  await page.waitForFunction(() => window.augenblick.privacyReport().counts.requestsSent >= 2, null, { timeout: 15_000 });
  await startTheCollector();
  const events = await storedCount(before.length + 11, 30_000);
  const fresh = events.filter((e) => !ids(before).includes(e.messageId));
  assert.equal(fresh.length, 11, "1 moment, 5 slots and 5 site events");
  assert.equal(new Set(ids(fresh)).size, 11, "none twice");
  assert.deepEqual(fresh.filter((e) => e.event === "Order Clicked").map((e) => e.properties.item).sort(),
    ["pizza 0", "pizza 1", "pizza 2", "pizza 3", "pizza 4"]);
  await context.close();
});

test("a page closed in the middle of a batch: the beacon delivers it", async () => {
  const before = await stored();
  const { context, page } = await openStore({
    consent: { events: true },
    // Nothing would be sent for a minute: only the beacon can deliver.
    events: { endpoint: endpoint(), flushAt: 100, flushIntervalMs: 60_000 },
    simulate: GOING,
  });
  await page.evaluate(() => window.augenblick.track("Order Clicked", { item: "last" }));
  await page.close({ runBeforeUnload: true });
  const events = await storedCount(before.length + 7);
  const fresh = events.filter((e) => !ids(before).includes(e.messageId));
  assert.equal(fresh.length, 7, "1 moment, 5 slots and the site's event");
  assert.ok(fresh.some((e) => e.properties.item === "last"));
  await context.close();
});

test("the collector down as the page closes: with storage consent the next page sends what the beacon could not", async () => {
  const before = await stored();
  await collector.stop();
  const context = await browser.newContext();
  const options = {
    consent: { events: true, storage: true },
    events: { endpoint: endpoint(), flushAt: 100, flushIntervalMs: 60_000 },
    simulate: GOING,
  };
  const url = `${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify(options))}`;
  const first = await context.newPage();
  await first.goto(url);
  assert.deepEqual(await first.evaluate(() => window.__started), { ok: true });
  await first.evaluate(() => window.augenblick.track("Order Clicked", { item: "offline" }));
  await first.close({ runBeforeUnload: true }); // its beacon goes to a collector that is not there
  await startTheCollector();
  const second = await context.newPage();
  await second.goto(url);
  assert.deepEqual(await second.evaluate(() => window.__started), { ok: true });
  // The first page's 7 (its decisions and the site's event) go as the second page starts,
  // and its own 6 decisions right after them, in the same drain of the queue.
  await storedCount(before.length + 13, 30_000);
  await second.waitForFunction(() => window.augenblick.privacyReport().counts.eventsSent === 13);
  const fresh = (await stored()).filter((e) => !ids(before).includes(e.messageId));
  assert.equal(fresh.length, 13);
  assert.equal(fresh.filter((e) => e.properties.item === "offline").length, 1, "arrived, once");
  assert.equal(new Set(ids(fresh)).size, fresh.length, "none twice");
  assert.equal(new Set(fresh.map((e) => e.anonymousId)).size, 1, "one anonymous id for the device, with storage consent");
  await context.close();
});

test("the collector answering 500 for a while: every event arrives exactly once", async () => {
  const before = await stored();
  const context = await browser.newContext();
  let failures = 3;
  await context.route(endpoint(), async (route) => {
    if (route.request().method() === "POST" && failures > 0) {
      failures--;
      return route.fulfill({ status: 500, headers: { "access-control-allow-origin": "*" }, body: "{}" });
    }
    return route.continue();
  });
  const page = await context.newPage();
  const options = { consent: { events: true }, events: { endpoint: endpoint(), flushAt: 3, flushIntervalMs: 100 }, simulate: GOING };
  await page.goto(`${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify(options))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  await page.evaluate(() => {
    for (let i = 0; i < 4; i++) window.augenblick.track("Order Clicked", { item: `retry ${i}` });
  });
  await storedCount(before.length + 10, 30_000);
  await page.waitForFunction(() => window.augenblick.privacyReport().counts.eventsSent === 10);
  const fresh = (await stored()).filter((e) => !ids(before).includes(e.messageId));
  assert.equal(failures, 0, "the 500s were answered");
  assert.equal(fresh.length, 10, "6 decisions and 4 site events, once each");
  assert.equal(new Set(ids(fresh)).size, 10);
  await context.close();
});

test("a request that never answers is given up after timeoutMs, and every event still arrives once", async () => {
  const before = await stored();
  const context = await browser.newContext();
  let hanging = 0;
  await context.route(endpoint(), async (route) => {
    if (route.request().method() === "POST" && hanging === 0) {
      hanging++;
      return; // neither answered nor passed on: the request hangs
    }
    return route.continue();
  });
  const page = await context.newPage();
  const options = {
    consent: { events: true },
    events: { endpoint: endpoint(), flushAt: 3, flushIntervalMs: 100, timeoutMs: 1000 },
    simulate: GOING,
  };
  await page.goto(`${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify(options))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  await page.evaluate(() => {
    for (let i = 0; i < 4; i++) window.augenblick.track("Order Clicked", { item: `after a hang ${i}` });
  });
  await storedCount(before.length + 10, 30_000);
  // Nothing more arrives: the page reports its ten events answered.
  await page.waitForFunction(() => window.augenblick.privacyReport().counts.eventsSent === 10);
  // This page's events: those with its anonymous id (events of earlier tests may still come).
  const mine = (await stored()).find((e) => e.properties.item === "after a hang 0").anonymousId;
  const fresh = (await stored()).filter((e) => !ids(before).includes(e.messageId) && e.anonymousId === mine);
  assert.equal(hanging, 1, "one request hung");
  assert.equal(fresh.length, 10, "6 decisions and 4 site events, once each");
  assert.equal(new Set(ids(fresh)).size, 10);
  await context.close();
});

test("batches sent one after another in keepalive requests are never refused for the page's budget", async () => {
  const before = (await stored()).length;
  const { context, page } = await openStore({
    consent: { events: true },
    events: { endpoint: endpoint(), flushAt: 20, flushIntervalMs: 100 },
    simulate: GOING,
  });
  const counts = await page.evaluate(async () => {
    const ab = window.augenblick;
    const report = () => ab.privacyReport().counts;
    const settled = async (sent) => {
      while (report().eventsSent < sent) await new Promise((r) => setTimeout(r, 10));
    };
    // The page's own decisions first: a moment and five slots.
    let sent = 6;
    await settled(sent);
    const requestsBefore = report().requestsSent;
    // Four batches of about 25 KB, each a keepalive request, the next queued as soon as the
    // last was answered. While answers went unread, two answered batches still counted
    // against the page's 64 KiB, and the third was refused.
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 20; i++) ab.track("Order Clicked", { item: `${round}-${i} ${"x".repeat(1200)}` });
      sent += 20;
      await settled(sent);
    }
    return { requests: report().requestsSent - requestsBefore, dropped: report().eventsDropped };
  });
  assert.deepEqual(counts, { requests: 4, dropped: 0 }, "one request per batch: none refused and retried");
  await storedCount(before + 80);
  await context.close();
});

test("a real IAB CMP grants events: they flow; the visitor withdraws in the CMP: nothing more is sent", async () => {
  const strings = readFileSync(`${SHARED}/oracles/tcf-random-500.jsonl`, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  // No publisher segment, so the vendor purposes count: Purpose 8 consented (events), and
  // Purpose 11 (personalization); then one without Purpose 8 at all.
  const hasPublisherSegment = (t) => t.split(".").slice(1).some((segment) => segment[0] >= "Y" && segment[0] <= "f");
  const granting = strings.find((s) => !hasPublisherSegment(s.tcString) && s.expected.purposeConsents.includes(8)
    && s.expected.purposeConsents.includes(11));
  const refusing = strings.find((s) => !hasPublisherSegment(s.tcString) && !s.expected.purposeConsents.includes(8)
    && !s.expected.purposeLegitimateInterests.includes(8));
  const before = await stored();
  const context = await browser.newContext();
  const page = await context.newPage();
  const options = { events: { endpoint: endpoint(), flushAt: 1, flushIntervalMs: 100 } };
  await page.goto(`${server.url}fixtures/tcf.html?tc=${encodeURIComponent(granting.tcString)}&options=${encodeURIComponent(JSON.stringify(options))}`);
  assert.deepEqual(await page.evaluate(() => window.__started), { ok: true });
  await page.waitForFunction(() => window.augenblick.consent().sources.events === "tcf");
  assert.equal(await page.evaluate(() => window.augenblick.track("Order Clicked", { item: "via the CMP" })), true);
  const deadline = Date.now() + 15_000;
  while (!(await stored()).some((e) => e.properties.item === "via the CMP") && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok((await stored()).some((e) => e.properties.item === "via the CMP"), "events flow with the CMP's consent");

  const requests = [];
  page.on("request", (request) => request.url().startsWith(endpoint()) && requests.push(request.url()));
  await page.evaluate((next) => window.__cmpUpdate(next), refusing.tcString);
  await page.waitForFunction(() => window.augenblick.consent().events === false);
  assert.equal(await page.evaluate(() => window.augenblick.track("Order Clicked", { item: "after" })), false);
  await Promise.all([page.waitForEvent("close"), page.close({ runBeforeUnload: true })]);
  assert.deepEqual(requests, [], "nothing more is sent, not even a beacon");
  assert.ok(!(await stored()).some((e) => e.properties.item === "after"));
  await context.close();
});
