// Corpus pages in Chromium, for the parity test and the signals benchmark: each page is
// served at its original address through request interception (nothing reaches the
// network), with the package under /__augenblick/ on the same origin, and the page's own
// scripts blocked by CSP so what is read is the page as its HTML describes it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHARED = process.env.AUGENBLICK_SHARED ?? resolve(ROOT, "../shared");
export const CORPUS = join(SHARED, "corpus");
// The package served to the page: the built one, or another build (the inference benchmark
// builds one with its `bench` feature).
const PKG = process.env.AUGENBLICK_PKG ?? join(ROOT, "pkg");
const PKG_PREFIX = "/__augenblick/";

/** The first `perLabel` reviewed (high or medium confidence) pages of each label. */
export function pickPages(perLabel) {
  const lines = readFileSync(join(CORPUS, "labels.jsonl"), "utf8").split("\n").filter(Boolean);
  const taken = new Map();
  const picked = [];
  for (const entry of lines.map((line) => JSON.parse(line))) {
    if (entry.label_confidence === "source") continue;
    const count = taken.get(entry.label) ?? 0;
    if (count < perLabel) {
      taken.set(entry.label, count + 1);
      picked.push(entry);
    }
  }
  return picked;
}

/** Page signals from the native builder (tools/corpus), by corpus id. */
export function nativeSnapshots(ids) {
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--release", "-p", "augenblick-corpus", "--bin", "augenblick-snapshot", "--",
      "--corpus", CORPUS, "--ids", ids.join(",")],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`augenblick-snapshot failed:\n${run.stderr}`);
  const byId = new Map();
  for (const line of run.stdout.split("\n").filter(Boolean)) {
    const record = JSON.parse(line);
    byId.set(record.id, record);
  }
  return byId;
}

const MIME = { ".js": "text/javascript", ".wasm": "application/wasm" };

/**
 * Opens a corpus page at `url` in a new page of `browser`, decoded as `charset` (what the
 * native builder used), and waits until it has loaded.
 */
export async function openCorpusPage(browser, file, url, charset) {
  const bytes = readFileSync(join(CORPUS, file));
  const html = file.endsWith(".gz") ? gunzipSync(bytes) : bytes;
  const page = await browser.newPage();
  const target = new URL(url);
  await page.route("**/*", async (route) => {
    const requested = new URL(route.request().url());
    if (requested.origin === target.origin && requested.pathname.startsWith(PKG_PREFIX)) {
      const name = requested.pathname.slice(PKG_PREFIX.length);
      const type = MIME[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream";
      return route.fulfill({ status: 200, contentType: type, body: readFileSync(join(PKG, name)) });
    }
    if (requested.href.split("#")[0] === target.href.split("#")[0] && route.request().resourceType() === "document") {
      return route.fulfill({
        status: 200,
        headers: {
          "content-type": `text/html; charset=${charset}`,
          "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'",
        },
        body: html,
      });
    }
    return route.abort();
  });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(async (prefix) => {
    const module = await import(`${prefix}augenblick.js`);
    await module.default();
    window.__augenblick = module;
  }, PKG_PREFIX);
  return page;
}

/** The page signals the browser builder gives for the open page. */
export function browserPageSignals(page) {
  return page.evaluate(() => {
    const collector = new window.__augenblick.SignalCollector();
    const signals = collector.snapshot().page;
    collector.destroy();
    return signals;
  });
}
