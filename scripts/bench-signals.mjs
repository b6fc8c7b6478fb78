// Benchmark: how long `SignalCollector.snapshot()` takes on real pages in Chromium, and
// whether the browser and native builders agree on each of them.
//
//   bash scripts/build.sh && node scripts/bench-signals.mjs [--per-label N] [--throttle 4]
//
// Each reviewed corpus page (high or medium confidence; N per moment, default all) is
// loaded at its own address through request interception, then timed: 5 batches of 10
// snapshots, per-snapshot time = batch time / 10, the page's figure = median of the 5.
// `--throttle 4` slows the CPU four times through the DevTools protocol (a mid-range phone).
import { launchChromium } from "../tests/e2e/browser.mjs";
import { browserPageSignals, nativeSnapshots, pickPages } from "../tests/e2e/corpus.mjs";
import { argument, openBenchPage, quantile } from "./bench.mjs";

const perLabel = argument("--per-label", Infinity);
const throttle = argument("--throttle", 1);

const pages = pickPages(perLabel);
const native = nativeSnapshots(pages.map((p) => p.id));
const browser = await launchChromium();
const results = [];
const disagreements = [];
for (const entry of pages) {
  const expected = native.get(entry.id);
  const page = await openBenchPage(browser, entry, expected, throttle);
  const signals = await browserPageSignals(page);
  if (JSON.stringify(signals) !== JSON.stringify(expected.page)) disagreements.push(entry.file);
  const ms = await page.evaluate(() => {
    const collector = new window.__augenblick.SignalCollector();
    collector.snapshot(); // warm-up
    const batches = [];
    for (let batch = 0; batch < 5; batch++) {
      const started = performance.now();
      for (let i = 0; i < 10; i++) collector.snapshot();
      batches.push((performance.now() - started) / 10);
    }
    collector.destroy();
    return batches.sort((a, b) => a - b)[2];
  });
  const size = await page.evaluate(() => document.getElementsByTagName("*").length);
  results.push({ file: entry.file, label: entry.label, ms, elements: size });
  await page.close();
}
await browser.close();

const times = results.map((r) => r.ms);
const fmt = (ms) => ms.toFixed(2);
console.log(`Chromium, CPU throttling ${throttle}x, ${results.length} reviewed corpus pages`);
console.log("| pages | median | p90 | max | builders agree |");
console.log("|---:|---:|---:|---:|---:|");
console.log(`| ${results.length} | ${fmt(quantile(times, 0.5))} ms | ${fmt(quantile(times, 0.9))} ms | ${fmt(Math.max(...times))} ms | ${results.length - disagreements.length} of ${results.length} |`);
for (const label of ["know", "go", "do", "buy"]) {
  const times = results.filter((r) => r.label === label).map((r) => r.ms).sort((a, b) => a - b);
  if (times.length) console.log(`- ${label}: median ${fmt(times[Math.floor(times.length / 2)])} ms over ${times.length} pages`);
}
console.log("slowest:", results.sort((a, b) => b.ms - a.ms).slice(0, 3).map((r) => `${r.file} ${fmt(r.ms)} ms (${r.elements} elements)`).join("; "));
if (disagreements.length) console.log("builders disagree on:", disagreements.join(", "));
