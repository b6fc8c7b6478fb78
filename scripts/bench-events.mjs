// Benchmark: 10,000 events through the SDK in Chromium to the reference collector on
// 127.0.0.1, in bursts, and none lost. One page with events consent calls
// `augenblick.track()` `--burst` times at once, waits until the SDK reports all of them
// sent, and starts the next burst, until `--events` were tracked; then the collector's
// database is checked: every event stored exactly once.
//
//   bash scripts/build.sh && node scripts/bench-events.mjs [--events 10000] [--burst 500] [--flush-at 100]
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { launchChromium } from "../tests/e2e/browser.mjs";
import { argument, median, quantile } from "./bench.mjs";
import { buildCollector, freePort, startCollector } from "./collector.mjs";
import { startServer } from "./serve.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const total = argument("--events", 10_000);
const burst = argument("--burst", 500);
const flushAt = argument("--flush-at", 100);

buildCollector("release");
const database = join(mkdtempSync(join(tmpdir(), "augenblick-bench-events-")), "events.sqlite");
const collector = await startCollector({ profile: "release", port: await freePort(), database });
const collectorUrl = collector.url;
const server = await startServer({ mounts: [["/fixtures/", join(root, "tests/e2e/fixtures")]], connect: [collectorUrl] });
const browser = await launchChromium();

try {
  const page = await browser.newPage();
  const options = {
    consent: { events: true },
    events: { endpoint: `${collectorUrl}/v1/batch`, flushAt, flushIntervalMs: 100, maxQueueEvents: 10_000, maxQueueBytes: 4_194_304 },
  };
  await page.goto(`${server.url}fixtures/store.html?options=${encodeURIComponent(JSON.stringify(options))}`);
  const started = await page.evaluate(() => window.__started);
  if (!started.ok) throw new Error(`the SDK did not start: ${started.message}`);
  const result = await page.evaluate(async ({ total, burst }) => {
    const ab = window.augenblick;
    const sent = () => ab.privacyReport().counts.eventsSent;
    // The page's own decisions go first: wait until nothing more is sent for 300 ms.
    let base = -1;
    while (base !== sent()) {
      base = sent();
      await new Promise((r) => setTimeout(r, 300));
    }
    const bursts = [];
    const began = performance.now();
    let tracked = 0;
    while (tracked < total) {
      const size = Math.min(burst, total - tracked);
      const t0 = performance.now();
      for (let i = 0; i < size; i++) ab.track("Load Test", { i: tracked + i });
      tracked += size;
      while (sent() < base + tracked) await new Promise((r) => setTimeout(r, 5));
      bursts.push(performance.now() - t0);
    }
    const report = ab.privacyReport().counts;
    return { ms: performance.now() - began, bursts, requests: report.requestsSent, dropped: report.eventsDropped };
  }, { total, burst });
  const listed = await (await fetch(`${collectorUrl}/v1/events`)).json();
  const load = listed.events.filter((e) => e.event === "Load Test");
  const unique = new Set(load.map((e) => e.properties.i)).size;
  console.log(`Chromium → augenblick-collector on 127.0.0.1: ${total} events tracked in bursts of ${burst}, flushAt ${flushAt}`);
  console.log("| events stored | stored twice | dropped | requests | events/s | burst delivered, p50 | p90 | max |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|---:|");
  console.log(`| ${unique} of ${total} | ${load.length - unique} | ${result.dropped} | ${result.requests} | ${Math.round(total / (result.ms / 1000))} | ${median(result.bursts).toFixed(0)} ms | ${quantile(result.bursts, 0.9).toFixed(0)} ms | ${Math.max(...result.bursts).toFixed(0)} ms |`);
  if (unique !== total || load.length !== total) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await collector.stop();
}
