// Augenblick side by side with GrowthBook, Uniform Context and Optimizely, in one run.
//
//   node scripts/bench-peers.mjs [--runs 15]      (after bash scripts/build.sh)
//
// 1. Bundle size: each SDK's whole API (`export *`) and a typical call, built with the same
//    bundler (esbuild, minified, ESM, browser), gzip -9. Augenblick's `.wasm` is fetched by
//    its module, so it is counted with it.
// 2. One test page (a recipe page with a hero block to personalize), served on 127.0.0.1
//    under the demo's Content-Security-Policy, in six versions: without any SDK, with
//    Augenblick (its slot and its CSS snippet), the same with the README's preload links
//    for its module and `.wasm`, with its classic script (deferred, as a tag manager adds
//    it), with GrowthBook (a feature targeted on the device, applied
//    by the page's code), and GrowthBook with an anti-flicker snippet modelled on the one
//    its script-tag SDK documents (the whole page at opacity 0 until the SDK is ready, at
//    most 3.5 s). Each run is a fresh page load, the versions interleaved; medians of
//    `--runs` runs, unthrottled and with the CPU throttled 4× (DevTools protocol), as a
//    mid-range phone:
//    - script start → personalized: from the first statement of the page's SDK module to
//      the hero holding its personalized content (a MutationObserver started in <head>);
//    - page start → personalized: the same from the navigation's start, which counts what
//      happens before the module runs (preloading moves the `.wasm` download there);
//    - first and largest contentful paint, each with its ratio to the page without an SDK
//      (the largest: the last candidate by the time the run is read, after the swap);
//    - default painted: runs in which a frame painted the hero's default content visibly
//      (a requestAnimationFrame probe started in <head>, as the slots tests do);
//    - layout shift: the sum of the layout-shift entries.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

import { launchChromium } from "../tests/e2e/browser.mjs";
import { argument, median, throttleCpu } from "./bench.mjs";
import { startServer } from "./serve.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "target/bench-peers");
const runs = argument("--runs", 15);
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

// ---- 1. Bundle sizes ----

const PKG = join(root, "pkg/augenblick.js");
const SIZE_ENTRIES = {
  Augenblick: {
    whole: `export * from ${JSON.stringify(PKG)};`,
    typical: `import { Augenblick } from ${JSON.stringify(PKG)};
const sdk = await Augenblick.init({ rules: [{ slot: "hero", moment: "go", text: "Open until 22:00" }] });
console.log(sdk.moment());`,
    wasm: join(root, "pkg/augenblick_bg.wasm"),
  },
  GrowthBook: {
    whole: `export * from "@growthbook/growthbook";`,
    typical: `import { GrowthBook } from "@growthbook/growthbook";
const gb = new GrowthBook({ attributes: { deviceType: "mobile" }, features: { hero: { defaultValue: "story", rules: [{ condition: { deviceType: "mobile" }, force: "visit" }] } } });
await gb.init({ payload: { features: gb.getFeatures() } });
console.log(gb.getFeatureValue("hero", "story"));`,
  },
  "Uniform Context": {
    whole: `export * from "@uniformdev/context";`,
    typical: `import { Context } from "@uniformdev/context";
const context = new Context({ manifest: { project: { pz: { sig: {} } } }, defaultConsent: true });
await context.update({ url: new URL(location.href) });
console.log(context.personalize({ name: "hero", variations: [{ id: "story" }, { id: "visit", pz: { crit: [] } }], take: 1 }));`,
  },
  Optimizely: {
    whole: `export * from "@optimizely/optimizely-sdk";`,
    typical: `import { createInstance, createStaticProjectConfigManager } from "@optimizely/optimizely-sdk";
const datafile = JSON.stringify({ version: "4", projectId: "1", accountId: "1", revision: "1", experiments: [], featureFlags: [], events: [], audiences: [], attributes: [], groups: [], rollouts: [] });
const client = createInstance({ projectConfigManager: createStaticProjectConfigManager({ datafile }) });
await client.onReady();
console.log(client.createUserContext("visitor", { device: "mobile" }).decide("hero"));`,
  },
};

async function bundleSize(name, code) {
  const file = join(out, `size-${name.replace(/\W+/g, "-")}.js`);
  writeFileSync(file, code);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "error",
  });
  return result.outputFiles[0].contents;
}

// ---- 2. The test page in five versions ----

const HERO_DEFAULT = `<h2 data-default>Our story</h2><p>Since 1962 we bake with a 48-hour dough.</p>`;
const HERO_VISIT = `<h2 data-personalized>Visit us tonight</h2><p>Open until 22:00, 400 m from you.</p>`;
// Augenblick's hero has a variant for every moment: whichever it decides is the
// personalized content (the page leans do, a phone in the evening near the store go).
const MOMENT_HEROES = {
  know: `<h2 data-personalized>Our story</h2><p>Since 1962: the 48-hour dough.</p>`,
  go: HERO_VISIT,
  do: `<h2 data-personalized>Bake it at home</h2><p>The recipe, step by step.</p>`,
  buy: `<h2 data-personalized>Order now</h2><p>Delivered in 30 minutes.</p>`,
};

function page({ head = "", hero = HERO_DEFAULT, heroAttributes = "" }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pizza Margherita – Pizzeria Roma</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="page.css"><script src="probe.js"></script>${head}</head>
<body><h1>Pizza Margherita</h1>
<div id="hero" class="hero"${heroAttributes}>${hero}</div>
<h2>Ingredients</h2><ul class="ingredients"><li>500 g flour</li><li>325 ml water</li><li>7 g yeast</li><li>Salt</li><li>Tomatoes</li><li>Mozzarella</li></ul>
<h2>Preparation</h2><ol class="steps"><li>Knead the dough.</li><li>Let it rise overnight.</li><li>Roll it out and top it.</li><li>Bake at 250 °C.</li></ol>
<p>Pizzeria Roma, Torstraße 12, 10119 Berlin. Opening hours: Mo–Su 11:30–22:00. Phone 030 123456.</p>
</body></html>`;
}

// Started in <head>: every animation frame records whether the hero's default content is
// visible (that frame paints it); a MutationObserver notes when the personalized content
// arrives; FCP and layout shifts are collected.
const PROBE = `window.__bench = { defaultPainted: false, personalizedAt: null, fcp: null, lcp: null, shift: 0 };
function frame() {
  const hero = document.getElementById("hero");
  const shown = hero?.querySelector("[data-default]");
  if (shown && shown.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
    window.__bench.defaultPainted = true;
  }
  if (window.__bench.personalizedAt === null) requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
new MutationObserver(() => {
  const hero = document.getElementById("hero");
  if (window.__bench.personalizedAt === null && hero?.querySelector("[data-personalized]")) {
    window.__bench.personalizedAt = performance.now();
    window.__bench.shown = hero.querySelector("[data-personalized]").textContent;
  }
}).observe(document, { subtree: true, childList: true, characterData: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (entry.name === "first-contentful-paint") window.__bench.fcp = entry.startTime;
}).observe({ type: "paint", buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
}).observe({ type: "largest-contentful-paint", buffered: true });
`;

// The page's own module, first statement: the script start.
const MARK = `window.__bench.scriptStart = performance.now();\n`;

// Augenblick decides the moment from the page and the context; the simulated context (a
// phone in the evening, 400 m from the store) makes the visit variant apply in every run,
// as GrowthBook's forced rule does.
const AUGENBLICK_MAIN = `${MARK}import { Augenblick } from "./augenblick.js";
await Augenblick.init({ simulate: { device: "mobile", hour: 19, distanceM: 400 } });
`;

// The classic-script builds, as a tag manager or a CMS template adds them: the SDK's script
// and the page's own, both deferred (run in order after parsing, as module scripts are).
const AUGENBLICK_CLASSIC_MAIN = `${MARK}Augenblick.init({ simulate: { device: "mobile", hour: 19, distanceM: 400 } });
`;

const GROWTHBOOK_MAIN = `${MARK}import { GrowthBook } from "@growthbook/growthbook";
const gb = new GrowthBook({
  attributes: { deviceType: "mobile" },
  features: { hero: { defaultValue: "story", rules: [{ condition: { deviceType: "mobile" }, force: "visit" }] } },
});
await gb.init({ payload: { features: gb.getFeatures() } });
if (gb.getFeatureValue("hero", "story") === "visit") {
  document.getElementById("hero").replaceChildren(document.getElementById("visit").content.cloneNode(true));
}
document.documentElement.classList.remove("gb-anti-flicker");
`;

// Modelled on GrowthBook's documented snippet: hide the page at once, show it when the SDK
// is ready or after 3.5 s at the latest. (An external file: the page's CSP refuses inline.)
const ANTI_FLICKER = `document.documentElement.classList.add("gb-anti-flicker");
setTimeout(() => document.documentElement.classList.remove("gb-anti-flicker"), 3500);
`;

const PAGE_CSS = `body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; }
/* Default and variants reserve the same size, as the slots documentation asks. */
.hero { height: 9rem; overflow: hidden; padding: 1rem; background: #fdf3e7; }
.gb-anti-flicker { opacity: 0 !important; pointer-events: none; }
`;

const VISIT_TEMPLATE = `<template id="visit">${HERO_VISIT}</template>`;

const AUGENBLICK_PAGE = {
  head: `<link rel="stylesheet" href="augenblick.css"><script type="module" src="augenblick-main.js"></script>`,
  heroAttributes: ` data-augenblick-slot="hero"`,
  hero: HERO_DEFAULT + Object.entries(MOMENT_HEROES).map(([kind, html]) => `<template data-moment="${kind}">${html}</template>`).join(""),
};
const AUGENBLICK_PRELOAD = `<link rel="modulepreload" href="augenblick.js">
<link rel="preload" href="augenblick_bg.wasm" as="fetch" type="application/wasm" crossorigin>`;

function classicHead(script) {
  return `<link rel="stylesheet" href="augenblick.css"><script defer src="${script}"></script><script defer src="augenblick-classic-main.js"></script>`;
}

const VERSIONS = {
  "no SDK": page({}),
  Augenblick: page(AUGENBLICK_PAGE),
  // The README's loading advice: the module and the .wasm requested while the HTML parses,
  // not when the module runs.
  "Augenblick + preload": page({ ...AUGENBLICK_PAGE, head: AUGENBLICK_PRELOAD + AUGENBLICK_PAGE.head }),
  // The classic script: one file, the module's bytes inside it.
  "Augenblick classic": page({ ...AUGENBLICK_PAGE, head: classicHead("augenblick.classic.js") }),
  GrowthBook: page({
    head: `<script type="module" src="growthbook-main.js"></script>`,
    hero: HERO_DEFAULT + VISIT_TEMPLATE,
  }),
  "GrowthBook + anti-flicker": page({
    head: `<script src="anti-flicker.js"></script><script type="module" src="growthbook-main.js"></script>`,
    hero: HERO_DEFAULT + VISIT_TEMPLATE,
  }),
};

async function writeSite() {
  const site = join(out, "site");
  mkdirSync(site, { recursive: true });
  const files = {
    "probe.js": PROBE,
    "page.css": PAGE_CSS,
    "anti-flicker.js": ANTI_FLICKER,
    "augenblick-main.js": AUGENBLICK_MAIN,
    "augenblick-classic-main.js": AUGENBLICK_CLASSIC_MAIN,
  };
  for (const [file, text] of Object.entries(files)) writeFileSync(join(site, file), text);
  for (const file of ["augenblick.js", "augenblick.classic.js", "augenblick_bg.wasm", "augenblick.css"]) {
    writeFileSync(join(site, file), readFileSync(join(root, "pkg", file)));
  }
  writeFileSync(join(out, "growthbook-main.src.js"), GROWTHBOOK_MAIN);
  await build({
    entryPoints: [join(out, "growthbook-main.src.js")],
    outfile: join(site, "growthbook-main.js"),
    bundle: true,
    minify: true,
    format: "esm",
    logLevel: "error",
  });
  const names = {};
  for (const [version, html] of Object.entries(VERSIONS)) {
    names[version] = `${version.replace(/\W+/g, "-").toLowerCase()}.html`;
    writeFileSync(join(site, names[version]), html);
  }
  return { site, names };
}

async function measure(browser, url, throttle, expectPersonalized) {
  const context = await browser.newContext({ viewport: { width: 412, height: 900 } });
  const tab = await context.newPage();
  await throttleCpu(tab, throttle);
  await tab.goto(url, { waitUntil: "load" });
  await tab.waitForFunction(
    (expect) => window.__bench.fcp !== null && (!expect || window.__bench.personalizedAt !== null),
    expectPersonalized,
    { timeout: 30_000 },
  );
  // Layout shifts after the swap are counted too.
  await tab.waitForTimeout(300);
  const result = await tab.evaluate(() => window.__bench);
  await context.close();
  return result;
}

const ms = (value) => (value === null ? "–" : `${value.toFixed(1)} ms`);

async function pageBenchmark(browser, server, names, throttle) {
  const samples = Object.fromEntries(Object.keys(VERSIONS).map((v) => [v, []]));
  for (let run = 0; run < runs; run++) {
    for (const version of Object.keys(VERSIONS)) {
      samples[version].push(await measure(browser, server.url + names[version], throttle, version !== "no SDK"));
    }
  }
  const baseline = median(samples["no SDK"].map((s) => s.fcp));
  const lcpBaseline = median(samples["no SDK"].map((s) => s.lcp));
  const rows = [];
  for (const [version, list] of Object.entries(samples)) {
    const toContent = median(list.map((s) => (s.personalizedAt === null ? null : s.personalizedAt - s.scriptStart)));
    const fromPageStart = median(list.map((s) => s.personalizedAt));
    const fcp = median(list.map((s) => s.fcp));
    const lcp = median(list.map((s) => s.lcp));
    const painted = list.filter((s) => s.defaultPainted).length;
    const shift = median(list.map((s) => s.shift));
    rows.push(
      `| ${version} | ${version === "no SDK" ? "–" : ms(toContent)} | ${version === "no SDK" ? "–" : ms(fromPageStart)} | ${ms(fcp)} | ${(fcp / baseline).toFixed(2)}× | ${ms(lcp)} | ${(lcp / lcpBaseline).toFixed(2)}× | ` +
        `${version === "no SDK" ? "–" : `${painted} of ${list.length}`} | ${shift.toFixed(4)} |`,
    );
  }
  return [
    `CPU ${throttle === 1 ? "unthrottled" : `throttled ${throttle}×`}, ${runs} page loads per version, medians:`,
    "",
    "| page | script start → personalized | page start → personalized | first contentful paint | FCP / no SDK | largest contentful paint | LCP / no SDK | default painted first | layout shift |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

mkdirSync(out, { recursive: true });
const sizeRows = [];
for (const [name, entry] of Object.entries(SIZE_ENTRIES)) {
  const wasm = entry.wasm ? readFileSync(entry.wasm) : null;
  const wasmGzip = wasm ? gzip(wasm) : 0;
  const whole = await bundleSize(`${name}-whole`, entry.whole);
  const typical = await bundleSize(`${name}-typical`, entry.typical);
  sizeRows.push(
    `| ${name} | ${gzip(whole) + wasmGzip} | ${gzip(typical) + wasmGzip} | ${wasm ? wasmGzip : "–"} |`,
  );
}
console.log(
  [
    "Bundle size, esbuild (minified, ESM, browser), bytes gzip -9:",
    "",
    "| SDK | whole API | typical call | of which .wasm |",
    "|---|---:|---:|---:|",
    ...sizeRows,
  ].join("\n"),
);

const { site, names } = await writeSite();
const server = await startServer({ mounts: [["/peers/", site]] });
const peersServer = { url: `${server.url}peers/` };
const browser = await launchChromium();
try {
  for (const throttle of [1, 4]) console.log(`\n${await pageBenchmark(browser, peersServer, names, throttle)}`);
} finally {
  await browser.close();
  await server.close();
}
