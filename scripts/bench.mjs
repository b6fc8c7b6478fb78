// What the benchmarks share: their command-line numbers, medians, CPU throttling, and the
// reviewed corpus pages opened one by one in Chromium.
import { openCorpusPage } from "../tests/e2e/corpus.mjs";

/** The number after `name` on the command line, or `fallback`. */
export function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/**
 * The `q` quantile (0.5: the median, 0.9: p90) of the numbers among `values` (null and
 * undefined left out): the value at that share of them, sorted; null if there are none.
 */
export function quantile(values, q) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** The median of the numbers among `values` (null and undefined left out), or null. */
export function median(values) {
  return quantile(values, 0.5);
}

/**
 * Slows `page`'s CPU `rate` times through the DevTools protocol (4: a mid-range phone);
 * 1 leaves it as it is.
 */
export async function throttleCpu(page, rate) {
  if (rate === 1) return;
  const session = await page.context().newCDPSession(page);
  await session.send("Emulation.setCPUThrottlingRate", { rate });
}

/** Opens a corpus page at its native record's address, the CPU throttled `throttle` times. */
export async function openBenchPage(browser, entry, record, throttle) {
  const page = await openCorpusPage(browser, entry.file, record.url, record.charset);
  await throttleCpu(page, throttle);
  return page;
}
