// Bad input from the page itself: broken DOM methods, a page that changes while it is read,
// deep nesting, enormous content and hostile values. The collector never throws into the
// site, stays within its limits and says what it skipped.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The demo page with a fresh collector on `window.collector`, after `prepare` ran in it. */
async function pageWith(prepare, argument) {
  const { page, problems } = await openWatchedPage(browser);
  await page.goto(`${server.url}inspector.html`);
  await page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });
  await page.evaluate(prepare, argument);
  await page.evaluate(async () => {
    const { SignalCollector } = await import("/pkg/augenblick.js");
    window.collector = new SignalCollector();
  });
  return { page, problems };
}

const snapshot = (page) => page.evaluate(() => window.collector.snapshot());

test("page scripts that break DOM methods do not break the SDK", async () => {
  const { page } = await pageWith(() => {
    window.originalGetAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = () => {
      throw new Error("broken by the page");
    };
  });
  const broken = await snapshot(page);
  assert.equal(broken.page.skipped.readingFailed, true);
  assert.equal(broken.page.path, "/");
  assert.ok(broken.device.viewportWidth > 0, "the rest of the snapshot is still there");

  await page.evaluate(() => {
    Element.prototype.getAttribute = window.originalGetAttribute;
  });
  const repaired = await snapshot(page);
  assert.equal(repaired.page.skipped.readingFailed, false, "the next snapshot works again");
  assert.ok(repaired.page.cues.telLinks >= 1);
  await page.close();
});

test("a page that changes while it is read gives a consistent snapshot", async () => {
  const { page } = await pageWith(() => {
    const descriptor = Object.getOwnPropertyDescriptor(Node.prototype, "textContent");
    let calls = 0;
    Object.defineProperty(Node.prototype, "textContent", {
      ...descriptor,
      get() {
        // Every read removes a link and adds a heading somewhere else.
        if (calls++ < 50) {
          document.querySelector("a")?.remove();
          document.body.append(Object.assign(document.createElement("h2"), { className: "late" }));
        }
        return descriptor.get.call(this);
      },
    });
  });
  const result = await snapshot(page);
  assert.equal(result.page.skipped.readingFailed, false);
  assert.ok(result.page.headings.length <= 40);
  await page.close();
});

test("deep nesting, enormous content and hostile values stay within the limits", async () => {
  const { page, problems } = await pageWith(() => {
    const add = (tag, properties = {}, parent = document.body) =>
      parent.appendChild(Object.assign(document.createElement(tag), properties));
    let deepest = document.body;
    // Deeper than the HTML parser ever nests (512), built through the DOM as a script could.
    for (let i = 0; i < 1_000; i++) deepest = add("div", {}, deepest);
    add("span", { textContent: "Tief unten: 12,99 €" }, deepest);

    add("p", { textContent: "wort ".repeat(1_000_000) });
    for (let i = 0; i < 3_000; i++) {
      const link = add("a", { textContent: `Link ${i}` });
      link.setAttribute("href", i % 2 ? "javascript:alert(1)" : `/x?"'<>\u0000\u2028${"%".repeat(1000)}`);
    }
    for (let i = 0; i < 60; i++) add("h2", { textContent: `Heading ${i} ${"x".repeat(5000)}` });
    for (let i = 0; i < 30; i++) add("div").setAttribute("itemtype", `https://schema.org/T${i} https://schema.org/U${i}`);
    // One attribute value of 100 types is cut like any attribute: it cannot flood the list.
    add("div").setAttribute("itemtype", Array.from({ length: 100 }, (_, i) => `https://schema.org/V${i}`).join(" "));
    // The demo enforces Trusted Types; the test, standing in for the site, has a policy.
    const policy = trustedTypes.createPolicy("hostile-test", { createScript: (text) => text });
    const jsonLd = (text) => add("script", { type: "application/ld+json", textContent: policy.createScript(text) }, document.head);
    jsonLd(`{"@type":"Product","x":"${"a".repeat(300_000)}"}`);
    jsonLd('{"@type": "Recipe", broken');
    jsonLd(`${"[".repeat(5_000)}`);
    const meta = document.createElement("meta");
    meta.setAttribute("name", "description");
    meta.setAttribute("content", "</script><img src=x onerror=alert(1)>");
    document.head.prepend(meta); // the first description is the one read
  });
  const result = await snapshot(page);
  const skipped = result.page.skipped;
  assert.equal(skipped.readingLimitReached, true, "3,000 links are more than one kind may read");
  assert.equal(skipped.textTruncated, true);
  assert.equal(skipped.jsonLdTooLarge, 1);
  assert.equal(skipped.jsonLdMalformed, 2);
  assert.ok(skipped.itemsOverLimit >= 1);
  assert.equal(result.page.headings.length, 40);
  assert.ok(result.page.headings.every((h) => h.text.length <= 200));
  assert.equal(result.page.schemaTypes.length, 24);
  assert.equal(result.page.description, "</script><img src=x onerror=alert(1)>");
  assert.deepEqual(problems, [], "nothing the page held was executed or reported");
  await page.close();
});
