// The demo site (the pizza chain of the product brief) as `scripts/demo.sh` serves it: every
// page adapts to the moment, the simulator changes it, the debug panel shows it, and nothing
// breaks the strict CSP. Screenshots of each state go to target/screenshots/ to be looked at.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";

const SCREENSHOTS = fileURLToPath(new URL("../../target/screenshots/", import.meta.url));
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let server;
let browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer(); // the pkg/ that test.sh built
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function visit(path, viewport = DESKTOP) {
  const watched = await openWatchedPage(browser);
  await watched.page.setViewportSize(viewport);
  await watched.page.goto(new URL(path, server.url).href);
  await watched.page.waitForFunction(() => document.documentElement.dataset.augenblick);
  assert.equal(await watched.page.evaluate(() => document.documentElement.dataset.augenblick), "ready");
  return watched;
}

const variantOf = (page, slot) => page.getAttribute(`[data-augenblick-slot="${slot}"]`, "data-augenblick-variant");

test("every page starts, resolves its slots and shows the moment in the debug panel", async () => {
  for (const path of ["index.html", "recipe.html", "menu.html", "stores.html"]) {
    const { page, problems } = await visit(path);
    const { kind, slots } = await page.evaluate(() => ({
      kind: window.augenblick.moment().kind,
      slots: [...document.querySelectorAll("[data-augenblick-slot]")].map((s) => s.getAttribute("data-augenblick-variant")),
    }));
    assert.ok(slots.length > 0 && slots.every(Boolean), `${path}: every slot resolved (${slots})`);
    assert.equal((await page.textContent("#debug-moment")).slice(0, kind.length), kind, `${path}: the panel shows the moment`);
    assert.equal(await page.locator("#debug-reasons li").count(), 5, `${path}: five reasons`);
    await page.screenshot({ path: `${SCREENSHOTS}${path.replace(".html", "")}-desktop.png` });
    assert.deepEqual(problems, [], path);
    await page.close();
  }
});

test("every page preloads the SDK's module and .wasm, and the SDK uses those downloads", async () => {
  for (const path of ["index.html", "recipe.html", "menu.html", "stores.html"]) {
    const watched = await openWatchedPage(browser);
    const requested = [];
    const warnings = [];
    watched.page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    watched.page.on("console", (message) => message.type() === "warning" && warnings.push(message.text()));
    await watched.page.goto(new URL(path, server.url).href, { waitUntil: "load" });
    await watched.page.waitForFunction(() => document.documentElement.dataset.augenblick === "ready");
    // A preload the SDK's own request does not match (no `crossorigin`) is fetched twice.
    for (const file of ["/pkg/augenblick.js", "/pkg/augenblick_bg.wasm"]) {
      assert.equal(requested.filter((p) => p === file).length, 1, `${path}: ${file} requested once`);
    }
    assert.deepEqual(warnings.filter((text) => /preload/i.test(text)), [], path);
    assert.deepEqual(watched.problems, [], path);
    await watched.page.close();
  }
});

test("the same store page adapts to a phone in the evening near the store, and back", async () => {
  const { page, problems } = await visit("stores.html#sim=mobile,19,300", PHONE);
  assert.equal(await page.evaluate(() => window.augenblick.moment().kind), "go");
  assert.equal(await variantOf(page, "store-hero"), "go-now");
  assert.equal(await page.textContent("#header-cta"), "Directions", "the rule adapts the header button");
  const read = await page.evaluate(() => {
    const { page } = window.augenblick.refresh() && window.augenblick.snapshot();
    return { headings: page.headings.map((h) => h.text), kind: window.augenblick.moment().kind };
  });
  assert.ok(!read.headings.some((h) => h.startsWith("Mitte is the closest")), "a variant's content is not read as the page's");
  assert.equal(read.kind, "go");
  // The debug panel is marked data-augenblick-ignore: unmarked, it would be read.
  const terms = await page.evaluate(() => {
    const count = () => window.augenblick.refresh() && window.augenblick.snapshot().page.termCount;
    const ignored = count();
    document.getElementById("debug").removeAttribute("data-augenblick-ignore");
    const read = count();
    document.getElementById("debug").setAttribute("data-augenblick-ignore", "");
    return { ignored, read };
  });
  assert.ok(terms.read > terms.ignored, `the panel's words are not read while it is ignored (${JSON.stringify(terms)})`);
  await page.screenshot({ path: `${SCREENSHOTS}stores-phone-evening-near.png` });

  // The simulator: a desktop at 15:00 with no location, chosen in the panel.
  await page.selectOption('[data-simulate="device"]', "desktop");
  await page.selectOption('[data-simulate="hour"]', "15");
  await page.selectOption('[data-simulate="distanceM"]', "");
  const urgency = await page.evaluate(() => window.augenblick.moment().urgency);
  assert.ok(urgency < 0.5, `urgency fell to ${urgency}`);
  assert.equal(await variantOf(page, "store-hero"), "default", "not urgent enough for the go-now variant");
  assert.match(await page.evaluate(() => location.hash), /^#sim=desktop,15,$/, "the simulation travels in the URL");
  assert.deepEqual(problems, []);
  await page.close();
});

test("cart actions on the menu turn the order bar into a checkout", async () => {
  const { page, problems } = await visit("menu.html#sim=desktop,15,");
  for (const button of (await page.locator(".dish button").all()).slice(0, 2)) await button.click();
  await page.waitForFunction(() => window.augenblick.moment().kind === "buy");
  assert.equal(await variantOf(page, "order-bar"), "checkout");
  await page.screenshot({ path: `${SCREENSHOTS}menu-after-cart.png` });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the recipe page, on a desktop in the afternoon, is a do moment with the step-by-step tip", async () => {
  const { page, problems } = await visit("recipe.html#sim=desktop,15,");
  assert.equal(await page.evaluate(() => window.augenblick.moment().kind), "do");
  assert.equal(await variantOf(page, "recipe-tip"), "do");
  assert.equal(await page.textContent("#header-cta"), "Cook it at home");
  await page.screenshot({ path: `${SCREENSHOTS}recipe-desktop-afternoon.png`, fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
