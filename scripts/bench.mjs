// What both corpus benchmarks share: their command-line numbers and the reviewed corpus
// pages opened one by one in Chromium, with the CPU throttled as asked.
import { openCorpusPage } from "../tests/e2e/corpus.mjs";

/** The number after `name` on the command line, or `fallback`. */
export function argument(name, fallback) {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
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
