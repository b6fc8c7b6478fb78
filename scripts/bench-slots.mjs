// Benchmark: time from SDK start to every slot resolved, in Chromium, on the demo's pages
// and on generated pages with 10, 100 and 1,000 slots (each with four variant templates).
//
//   node scripts/bench-slots.mjs [--runs 21] [--throttle 4] [--eager-wasm] [--trace-compile]
//
// `--eager-wasm` is a diagnostic: Chromium with V8's lazy wasm compilation off, to see how
// much of the first call is V8 compiling each wasm function the first time it runs.
// `--trace-compile` is another: it records a Chrome trace of each page load and adds how
// many wasm functions V8 compiled during the first call and how long that took (the trace's
// `wasm.CompileLazy` events, and their Liftoff part). Tracing slows the page down, so the
// other columns of such a run are not comparable with a run without it.
//
// "SDK start" is the call of `Augenblick.init(options)` with the module already fetched
// and compiled (`await init()` before; that time is network and compilation, reported on
// its own column). The call checks the options, starts the collector, reads the page,
// decides the moment and resolves every slot; the figure ends when its promise resolves.
// Then `refresh()` five times (warm code, every slot re-chosen, as after a single-page
// navigation), median. "Page start → all slots resolved" is the same end from the
// navigation's start: what a visitor waits for, the module's download included (the demo's
// pages preload it, the generated ones do not). One row is a visit's second page: the menu
// after the home page in the same tab, where nothing comes from the HTTP cache (the server
// sends `no-store`) but what the browser keeps in memory for the tab is there. Each run is
// a fresh tab, the pages interleaved; the table gives medians and p90 of the runs, and the
// first call's phases from the SDK's User Timing measures.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../tests/e2e/browser.mjs";
import { argument, median, quantile, throttleCpu } from "./bench.mjs";
import { startServer } from "./serve.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const generated = `${root}target/bench-slots`;
const runs = argument("--runs", 21);
const throttle = argument("--throttle", 1);

const START = `import init, { Augenblick } from "/pkg/augenblick.js";
import { RULES, STORES } from "/config.js";
const loadStarted = performance.now();
await init();
const started = performance.now();
performance.mark("bench:call");
const instance = await Augenblick.init({ locations: STORES, rules: RULES });
const resolved = performance.now();
performance.mark("bench:resolved");
const slots = document.querySelectorAll("[data-augenblick-slot]");
// Then the same page decided again, as after a single-page navigation: warm code, every
// slot re-chosen.
const refreshes = [];
for (let i = 0; i < 5; i++) {
  const before = performance.now();
  instance.refresh();
  refreshes.push(performance.now() - before);
}
// The SDK records its phases in a task after the slots are resolved.
await new Promise((resolve) => setTimeout(resolve));
window.__bench = {
  refreshMs: refreshes.sort((a, b) => a - b)[2],
  loadMs: started - loadStarted,
  ms: resolved - started,
  // From the navigation's start: what the visitor waits for, module download included.
  sincePageStart: resolved,
  slots: slots.length,
  resolved: [...slots].filter((slot) => slot.hasAttribute("data-augenblick-variant")).length,
  kind: instance.moment().kind,
  // The first call's phases, from the SDK's own User Timing measures.
  phases: Object.fromEntries(
    performance.getEntriesByType("measure")
      .filter((m) => m.name.startsWith("augenblick:"))
      .map((m) => [m.name.slice("augenblick:".length), m.duration]),
  ),
};
`;

function generatedPage(count) {
  const slot = (i) => `<section data-augenblick-slot="s${i}"><h3>Offer ${i}</h3><p>Default text of slot ${i}.</p>
<template data-moment="know"><h3>Story ${i}</h3><p>How we make it.</p></template>
<template data-moment="go" data-min-urgency="0.4"><h3>Visit ${i}</h3><p>Open until 22:00.</p></template>
<template data-moment="do" data-device="desktop tablet"><h3>Recipe ${i}</h3><p>Step by step.</p></template>
<template data-moment="buy" data-min-confidence="0.5"><h3>Order ${i}</h3><p>Delivery in 30 minutes.</p></template></section>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${count} slots</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/pkg/augenblick.css">
<script type="module" src="/bench-slots/start.js"></script></head><body><h1>Generated page</h1>
${Array.from({ length: count }, (_, i) => slot(i)).join("\n")}</body></html>`;
}

mkdirSync(generated, { recursive: true });
writeFileSync(`${generated}/start.js`, START);
const SIZES = [10, 100, 1000];
for (const count of SIZES) writeFileSync(`${generated}/slots-${count}.html`, generatedPage(count));

const server = await startServer({ mounts: [["/bench-slots/", generated]] });
const eager = process.argv.includes("--eager-wasm");
const traceCompile = process.argv.includes("--trace-compile");
const browser = await launchChromium(eager ? ["--js-flags=--no-wasm-lazy-compilation"] : []);
const pages = [
  ...["index.html", "stores.html", "menu.html"].map((path) => ({ name: `demo ${path}`, path, demo: true })),
  // The same page as it was before it preloaded the module, for the page-start column.
  { name: "demo index.html, no preload links", path: "index.html", demo: true, withoutPreload: true },
  // Most page views are not a visit's first: the same tab after the home page.
  { name: "demo menu.html, after index.html in the same tab", path: "menu.html", demo: true, after: "index.html" },
  ...SIZES.map((count) => ({ name: `generated, ${count} slots`, path: `bench-slots/slots-${count}.html` })),
];
const PRELOAD_LINKS = /\s*<link rel="(?:modulepreload|preload)"[^>]*>/g;

/**
 * Starts a Chrome trace of `page`'s wasm compilation; the function returned ends it and
 * resolves to the lazy compilations between the measuring script's two marks:
 * `{ functions, ms, liftoffMs }`.
 */
async function traceLazyCompilation(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", ({ value }) => {
    for (const event of value) events.push(event);
  });
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  const categories = ["v8.wasm", "disabled-by-default-v8.wasm.detailed", "blink.user_timing"];
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: categories }, transferMode: "ReportEvents" });
  return async () => {
    await cdp.send("Tracing.end");
    await complete;
    // The latest marks: with `after`, the tab's first page set them too.
    const mark = (name) => {
      const times = events.filter((e) => e.name === name && e.cat.includes("user_timing")).map((e) => e.ts);
      if (times.length === 0) throw new Error(`the trace has no ${name} mark`);
      return Math.max(...times);
    };
    const [from, to] = [mark("bench:call"), mark("bench:resolved")];
    const spans = (name) => events.filter((e) => e.name === name && e.ph === "X");
    const lazy = spans("wasm.CompileLazy").filter((e) => e.ts >= from && e.ts + e.dur <= to);
    // Liftoff's part of those compilations only: its events inside theirs, on their thread.
    const liftoff = spans("wasm.CompileBaseline").filter((e) =>
      lazy.some((l) => l.pid === e.pid && l.tid === e.tid && l.ts <= e.ts && e.ts + e.dur <= l.ts + l.dur));
    const totalMs = (list) => list.reduce((sum, e) => sum + e.dur, 0) / 1000;
    return { functions: lazy.length, ms: totalMs(lazy), liftoffMs: totalMs(liftoff) };
  };
}

/** One fresh page load of `page` (after the page `after`, in the same tab), measured. */
async function sample({ name, path, demo, withoutPreload, after }) {
  const page = await browser.newPage();
  await throttleCpu(page, throttle);
  const endTrace = traceCompile ? await traceLazyCompilation(page) : null;
  // The demo's own start-up script is replaced by the measuring one.
  if (demo) await page.route("**/site.js", (route) => route.fulfill({ contentType: "text/javascript", body: START }));
  if (withoutPreload) {
    await page.route(`**/${path}`, async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, body: (await response.text()).replace(PRELOAD_LINKS, "") });
    });
  }
  page.on("pageerror", (error) => console.error(`${name}: ${error.message}`));
  if (after) {
    await page.goto(new URL(after, server.url).href);
    await page.waitForFunction(() => window.__bench);
  }
  await page.goto(new URL(path, server.url).href);
  await page.waitForFunction(() => window.__bench);
  const result = await page.evaluate(() => window.__bench);
  if (endTrace) result.compilation = await endTrace();
  await page.close();
  return result;
}

// The pages interleaved, run after run, so that the machine's drift affects them alike.
const samplesOf = pages.map(() => []);
for (let run = 0; run < runs; run++) {
  for (const [i, page] of pages.entries()) samplesOf[i].push(await sample(page));
}
const rows = pages.map(({ name }, i) => {
  const samples = samplesOf[i];
  const times = samples.map((s) => s.ms);
  const { slots, resolved, kind } = samples[0];
  if (resolved !== slots) throw new Error(`${name}: ${resolved} of ${slots} slots resolved`);
  const phases = Object.keys(samples[0].phases).map((phase) => `${phase} ${median(samples.map((s) => s.phases[phase])).toFixed(1)}`);
  return {
    name, slots, kind, median: median(times), p90: quantile(times, 0.9),
    load: median(samples.map((s) => s.loadMs)),
    refresh: median(samples.map((s) => s.refreshMs)),
    sincePageStart: median(samples.map((s) => s.sincePageStart)),
    phases: phases.join(", "),
    compilation: traceCompile
      ? ["functions", "ms", "liftoffMs"].map((key) => median(samples.map((s) => s.compilation[key])))
      : null,
  };
});
await browser.close();
await server.close();

const conditions = [eager && "lazy wasm compilation off", traceCompile && "traced"].filter(Boolean);
console.log(`Chromium${conditions.length ? ` (${conditions.join(", ")})` : ""}, CPU throttling ${throttle}x, ${runs} page loads each`);
const compilationHeads = traceCompile ? " wasm functions compiled in the first call | their lazy compilation | of which Liftoff |" : "";
console.log(`| page | slots | moment | SDK start → all slots resolved, median | p90 | \`refresh()\` after, median | module fetch + compile, median | page start → all slots resolved, median | first call's phases, medians (ms) |${compilationHeads}`);
console.log(`|---|---:|---|---:|---:|---:|---:|---:|---|${traceCompile ? "---:|---:|---:|" : ""}`);
for (const r of rows) {
  const compilation = r.compilation ? ` ${r.compilation[0]} | ${r.compilation[1].toFixed(2)} ms | ${r.compilation[2].toFixed(2)} ms |` : "";
  console.log(`| ${r.name} | ${r.slots} | ${r.kind} | ${r.median.toFixed(2)} ms | ${r.p90.toFixed(2)} ms | ${r.refresh.toFixed(2)} ms | ${r.load.toFixed(1)} ms | ${r.sincePageStart.toFixed(1)} ms | ${r.phases} |${compilation}`);
}
