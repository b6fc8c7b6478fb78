// What both corpus benchmarks share: their command-line numbers and the reviewed corpus
// pages opened one by one in Chromium, with the CPU throttled as asked.
import { openCorpusPage } from "../tests/e2e/corpus.mjs";

/** The number after `name` on the command line, or `fallback`. */
export function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

/** The median of the numbers among `values` (null and undefined left out), or null. */
export function median(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? null : sorted[Math.floor(sorted.length / 2)];
}

/**
 * Opens a corpus page at its native record's address; `throttle` > 1 slows the CPU that
 * many times through the DevTools protocol (4: a mid-range phone).
 */
export async function openBenchPage(browser, entry, record, throttle) {
  const page = await openCorpusPage(browser, entry.file, record.url, record.charset);
  if (throttle !== 1) {
    const session = await page.context().newCDPSession(page);
    await session.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  }
  return page;
}
