// Signals and privacy in a real browser: nothing stored and no position asked for before
// consent, nothing sent at all, and a position, once allowed, kept only as a coarse cell.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium } from "./browser.mjs";

const STORE = { lat: 52.5265, lon: 13.4019 }; // the demo's store
const VISITOR = { latitude: 52.5302, longitude: 13.4105 }; // about 700 m away

let server;
let browser;

before(async () => {
  server = await startServer(); // serves the pkg/ that test.sh (or demo.sh) built
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose geolocation calls are counted, and every request it makes recorded. */
async function openCountingPage(context) {
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
  await page.addInitScript(() => {
    window.__geolocationCalls = 0;
    const geolocation = navigator.geolocation;
    for (const name of ["getCurrentPosition", "watchPosition"]) {
      const original = geolocation[name].bind(geolocation);
      geolocation[name] = (...args) => {
        window.__geolocationCalls++;
        return original(...args);
      };
    }
  });
  await page.goto(`${server.url}inspector.html`);
  await page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });
  return { page, requests };
}

async function storedState(page, context) {
  const inPage = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDb: (await indexedDB.databases()).map((db) => db.name),
  }));
  return { ...inPage, cookies: (await context.cookies()).map((c) => c.name) };
}

test("without consent nothing is stored, no position is asked for, nothing is sent", async () => {
  const context = await browser.newContext();
  const { page, requests } = await openCountingPage(context);
  for (const intent of ["do", "go", "buy", "know"]) {
    await page.click(`.menu [data-augenblick-intent="${intent}"]`);
  }
  await page.mouse.wheel(0, 2000);
  await page.click("#refresh");
  await page.reload();
  await page.locator('#module-status[data-status="ready"]').waitFor();
  await page.click("#locate");
  await page.locator("#location dd").filter({ hasText: "no location" }).waitFor();

  assert.deepEqual(await storedState(page, context), { local: [], session: [], indexedDb: [], cookies: [] });
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 0, "the position was never requested");
  const foreign = requests.filter((r) => !r.startsWith(`GET ${server.url}`));
  assert.deepEqual(foreign, [], "only the page's own files were fetched");
  await context.close();
});

test("storage consent stores the visit counters, and withdrawing it erases them", async () => {
  const context = await browser.newContext();
  const { page } = await openCountingPage(context);
  await page.check("#consent-storage");
  let state = await storedState(page, context);
  assert.deepEqual(state.local, ["augenblick:visits"]);
  assert.deepEqual(state.session.sort(), ["augenblick:pageViews", "augenblick:session"]);
  assert.equal(await page.locator('#behaviour dt:text-is("Earlier visits") + dd').textContent(), "0");

  await page.uncheck("#consent-storage");
  state = await storedState(page, context);
  assert.deepEqual([state.local, state.session], [[], []]);
  await context.close();
});

test("with geolocation consent only a geohash cell and a distance are kept", async () => {
  const context = await browser.newContext({ permissions: ["geolocation"], geolocation: VISITOR });
  const { page, requests } = await openCountingPage(context);
  await page.check("#consent-geolocation");
  await page.click("#locate");
  await page.locator('#location dt:text-is("Geohash cell")').waitFor();
  assert.equal(await page.evaluate(() => window.__geolocationCalls), 1);

  const cell = await page.locator('#location dt:text-is("Geohash cell") + dd').textContent();
  assert.match(cell, /^[0-9b-hjkmnp-z]{6}$/, "a precision-6 geohash");
  const metres = Number((await page.locator('#location dt:text-is("Distance") + dd').textContent()).replace(" m", ""));
  // Measured from the centre of the visitor's cell, not from the visitor, rounded to 10 m.
  const [centreLat, centreLon] = geohashCentre(cell);
  const expected = haversineMetres(centreLat, centreLon, STORE.lat, STORE.lon);
  assert.equal(metres, Math.round(expected / 10) * 10);

  const snapshot = await page.evaluate(async () => {
    const { SignalCollector } = await import("/pkg/augenblick.js");
    const collector = new SignalCollector({ consent: { geolocation: true } });
    const location = await collector.locate();
    return JSON.stringify({ location, snapshot: collector.snapshot() });
  });
  assert.ok(!snapshot.includes("52.53") && !snapshot.includes("13.41"), "no coordinates in what the SDK returns");
  assert.deepEqual(requests.filter((r) => !r.startsWith(`GET ${server.url}`)), []);
  await context.close();
});

/** The centre of a geohash cell, decoded here independently of the SDK. */
function geohashCentre(hash) {
  const alphabet = "0123456789bcdefghjkmnpqrstuvwxyz";
  const lat = [-90, 90];
  const lon = [-180, 180];
  let isLon = true;
  for (const char of hash) {
    const bits = alphabet.indexOf(char);
    for (let bit = 4; bit >= 0; bit--) {
      const range = isLon ? lon : lat;
      const mid = (range[0] + range[1]) / 2;
      range[(bits >> bit) & 1 ? 0 : 1] = mid;
      isLon = !isLon;
    }
  }
  return [(lat[0] + lat[1]) / 2, (lon[0] + lon[1]) / 2];
}

/** An independent distance formula (haversine, mean Earth radius) to check the SDK's. */
function haversineMetres(lat1, lon1, lat2, lon2) {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(a));
}
