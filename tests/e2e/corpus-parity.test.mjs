// One snapshot, two builders: the page signals read in Chromium from the live DOM and read
// natively from the HTML file (tools/corpus) must agree on every field, on real pages.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { launchChromium } from "./browser.mjs";
import { browserPageSignals, nativeSnapshots, openCorpusPage, pickPages } from "./corpus.mjs";

/**
 * 10 reviewed pages per moment: 40 pages, from at least 30 sites (checked below), and two
 * classified-ads pages whose Cookiebot dialog (300,000 characters of vendor list) neither
 * builder may read.
 */
const CONSENT_DIALOG_PAGES = [156, 160];
const PICKED = pickPages(10);
const PAGES = [
  ...PICKED,
  ...pickPages(Infinity).filter((p) => CONSENT_DIALOG_PAGES.includes(p.id) && !PICKED.some((q) => q.id === p.id)),
];

let browser;
let native;

before(async () => {
  native = nativeSnapshots(PAGES.map((p) => p.id));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** Paths of the leaves where two JSON values differ. */
function differences(a, b, path = "") {
  if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
    return Object.is(a, b) ? [] : [`${path}: browser ${JSON.stringify(a)} / native ${JSON.stringify(b)}`];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => differences(a[key], b[key], `${path}.${key}`));
}

test(`browser and native page signals agree on ${PAGES.length} corpus pages`, async () => {
  assert.ok(PAGES.length >= 30, "the parity test needs at least 30 pages");
  const sites = new Set([...native.values()].map((record) => new URL(record.url).host));
  assert.ok(sites.size >= 30, `the pages come from ${sites.size} sites; 30 or more are wanted`);
  const failures = [];
  for (const entry of PAGES) {
    const expected = native.get(entry.id);
    assert.ok(expected, `native builder gave no signals for page ${entry.id}`);
    const page = await openCorpusPage(browser, entry.file, expected.url, expected.charset);
    const actual = await browserPageSignals(page);
    await page.close();
    const diff = differences(actual, expected.page);
    if (diff.length > 0) failures.push(`${entry.file} (${expected.url}):\n    ${diff.slice(0, 8).join("\n    ")}`);
  }
  assert.deepEqual(failures, [], `pages where the builders disagree:\n${failures.join("\n")}`);
  for (const id of CONSENT_DIALOG_PAGES) {
    // The ad's own price, not the dialog, is what both read first.
    assert.ok(native.get(id).page.cues.prices >= 1, `page ${id}: its price is read`);
  }
});
