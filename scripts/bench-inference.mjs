// Benchmark: one moment decision in wasm in Chromium (page features, model, session,
// context, urgency and reasons; the page's extraction is not counted: see bench-signals.mjs),
// on every reviewed corpus page, with the shipped model.
//
//   node scripts/bench-inference.mjs [--per-label N] [--throttle 4]
//
// Builds the package once more with the `bench` feature into target/bench-pkg (the
// published package has no benchmark export). Per page: 5 batches of 200 decisions timed
// inside wasm with performance.now(); the page's figure is the median batch.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = `${root}target/bench-pkg`;
const build = spawnSync(
  "bash",
  ["-c", `source scripts/env.sh && wasm-pack --log-level warn build --release --target web --no-pack --out-dir "${out}" --out-name augenblick -- --features bench`],
  { cwd: root, stdio: "inherit" },
);
if (build.status !== 0) process.exit(1);
process.env.AUGENBLICK_PKG = out;

// Imported after AUGENBLICK_PKG is set: corpus.mjs reads it when it loads.
const { launchChromium } = await import("../tests/e2e/browser.mjs");
const { nativeSnapshots, pickPages } = await import("../tests/e2e/corpus.mjs");
const { argument, openBenchPage, quantile } = await import("./bench.mjs");
const perLabel = argument("--per-label", Infinity);
const throttle = argument("--throttle", 1);

const pages = pickPages(perLabel);
const native = nativeSnapshots(pages.map((p) => p.id));
const browser = await launchChromium();
const results = [];
for (const entry of pages) {
  const page = await openBenchPage(browser, entry, native.get(entry.id), throttle);
  const result = await page.evaluate(() => {
    const { SignalCollector, MomentEngine, benchInference } = window.__augenblick;
    const collector = new SignalCollector();
    benchInference(collector, 50); // warm-up
    const batches = [];
    for (let batch = 0; batch < 5; batch++) batches.push(benchInference(collector, 200));
    const moment = new MomentEngine().decide(collector);
    collector.destroy();
    return { ms: batches.sort((a, b) => a - b)[2], kind: moment.kind, terms: collector.snapshot().page.termCount };
  });
  results.push({ file: entry.file, label: entry.label, ...result });
  await page.close();
}
await browser.close();

const micros = results.map((r) => r.ms * 1000);
const right = results.filter((r) => r.kind === r.label).length;
console.log(`Chromium, CPU throttling ${throttle}x, ${results.length} reviewed corpus pages, one decision each`);
console.log("| pages | median | p90 | max | decided as labelled |");
console.log("|---:|---:|---:|---:|---:|");
console.log(`| ${results.length} | ${quantile(micros, 0.5).toFixed(1)} µs | ${quantile(micros, 0.9).toFixed(1)} µs | ${Math.max(...micros).toFixed(1)} µs | ${right} of ${results.length} |`);
const slowest = results.sort((a, b) => b.ms - a.ms).slice(0, 3);
console.log("slowest:", slowest.map((r) => `${r.file} ${(r.ms * 1000).toFixed(1)} µs (${r.terms} terms)`).join("; "));
