// The README's demo command serves a page on which the built package loads in Chromium,
// collects signals and shows them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";

import { CONTENT_SECURITY_POLICY } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";
import { startDemo } from "./demo-command.mjs";

let server;
let browser;
let packageVersion;

before(async () => {
  server = await startDemo(); // builds pkg/ first
  packageVersion = JSON.parse(
    readFileSync(new URL("../../pkg/package.json", import.meta.url), "utf8"),
  ).version;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo() {
  const watched = await openWatchedPage(browser);
  await watched.page.goto(`${server.url}inspector.html`);
  await watched.page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });
  return watched;
}

/** The text of the <dd> after the <dt> labelled `label` in the list `#id`. */
function field(page, id, label) {
  return page.locator(`#${id} dt:text-is("${label}") + dd`).textContent();
}

test("the demo loads the module and shows the signals of the page", async () => {
  const { page, problems } = await openWatchedPage(browser);
  const wasmResponse = page.waitForResponse((response) => response.url().endsWith(".wasm"));
  await page.goto(`${server.url}inspector.html`);
  assert.equal((await wasmResponse).headers()["content-type"], "application/wasm");
  await page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });

  assert.equal(await page.textContent("#module-version"), `v${packageVersion}`);
  assert.equal(await field(page, "device", "Class"), "desktop");
  assert.equal(await field(page, "cues", "prices"), "1");
  assert.equal(await field(page, "cues", "openingHours"), "3"); // the heading and two ranges
  assert.equal(await field(page, "cues", "telLinks"), "1");
  assert.equal(await field(page, "cues", "ingredientItems"), "4");
  assert.equal(await field(page, "page", "Title"), "Augenblick — signals inspector");

  await page.click('.menu [data-augenblick-intent="buy"]');
  await page.waitForFunction(() => document.querySelector("#behaviour dd:nth-of-type(4)")?.textContent.endsWith("buy 1"));
  assert.equal(await field(page, "behaviour", "Cart actions"), "1");

  assert.deepEqual(problems, [], "no errors and no CSP or Trusted Types violations");
  await page.close();
});

test("invalid options throw real Error objects with a stable name", async () => {
  const { page, problems } = await openDemo();
  const thrown = await page.evaluate(async () => {
    const { SignalCollector } = await import("/pkg/augenblick.js");
    return [{ consnet: {} }, { geohashPrecision: 40 }, { locations: [{ id: 1 }] }, [], () => {}].map((options) => {
      try {
        new SignalCollector(options);
        return { returned: true };
      } catch (error) {
        return { isError: error instanceof Error, name: error.name, message: error.message };
      }
    });
  });
  assert.deepEqual(thrown.map((t) => [t.isError, t.name]), Array(5).fill([true, "InvalidOptionError"]));
  assert.equal(thrown[0].message, "unknown option consnet");
  assert.equal(thrown[1].message, "invalid option geohashPrecision: expected a whole number from 1 to 12");
  assert.equal(thrown[2].message, "invalid option locations[0].id: expected a string");
  assert.deepEqual(problems, []);
  await page.close();
});

test("the snapshot has exactly the fields its TypeScript declaration names", async () => {
  const declarations = readFileSync(new URL("../../pkg/augenblick.d.ts", import.meta.url), "utf8");
  const declaredKeys = (name) => {
    const body = declarations.match(new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`))?.[1];
    assert.ok(body, `augenblick.d.ts declares ${name}`);
    // Top-level fields are the least indented ones (nested object types sit deeper).
    const fields = [...body.matchAll(/^( +)(\w+)\??:/gm)];
    const indent = Math.min(...fields.map((m) => m[1].length));
    return fields.filter((m) => m[1].length === indent).map((m) => m[2]).sort();
  };
  const { page } = await openDemo();
  const snapshot = await page.evaluate(async () => {
    const { SignalCollector } = await import("/pkg/augenblick.js");
    return new SignalCollector().snapshot();
  });
  const parts = { Snapshot: snapshot, Device: snapshot.device, LocalTime: snapshot.time, PageSignals: snapshot.page,
    Cues: snapshot.page.cues, Behaviour: snapshot.behaviour };
  for (const [name, value] of Object.entries(parts)) {
    assert.deepEqual(Object.keys(value).sort(), declaredKeys(name), name);
  }
  await page.close();
});

test("the npm README's examples run as written", async () => {
  const readme = readFileSync(new URL("../../pkg/README.md", import.meta.url), "utf8");
  // Each js example, with the html example before it (if any) as the page it runs on.
  const examples = [];
  let markup = "";
  for (const [, language, code] of readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
    if (language === "html") markup = code;
    if (language === "js") {
      examples.push({ markup, code });
      markup = "";
    }
  }
  assert.equal(examples.length, 4, "pkg/README.md has the slot, consent, events and lower-level examples");
  for (const { markup, code } of examples) {
    // The page has no bundler: the bare specifier becomes the served path, and the static
    // import a dynamic one, so the example can run inside page.evaluate.
    const runnable = code.replace(
      /^import (?:(\w+), )?\{([^}]*)\} from "augenblick";$/m,
      (_, defaultName, names) =>
        `const { ${defaultName ? `default: ${defaultName}, ` : ""}${names} } = await import("/pkg/augenblick.js");`,
    );
    assert.notEqual(runnable, code, 'the example imports from "augenblick"');
    const { page, problems } = await openWatchedPage(browser);
    const pageUrl = new URL("readme-example.html", server.url).href;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: "text/html",
        headers: { "content-security-policy": CONTENT_SECURITY_POLICY },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Example</title>
          <link rel="icon" href="data:,"></head><body>${markup.replace("/node_modules/augenblick/", "/pkg/")}</body></html>`,
      }),
    );
    await page.goto(pageUrl);
    const logged = [];
    page.on("console", (message) => logged.push(message.text()));
    await page.evaluate(`(async () => {\n${runnable}\n})()`);
    assert.ok(logged.length > 0, "the example logs what it found");
    if (markup) {
      const hero = await page.getAttribute('[data-augenblick-slot="hero"]', "data-augenblick-variant");
      assert.ok(hero, "the example's slot is resolved");
    }
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test("the server refuses paths outside its folders", async () => {
  for (const path of ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/%2e%2e/%2e%2e/Cargo.toml", "/%E0%A4%A"]) {
    const response = await fetch(new URL(path, server.url));
    assert.equal(response.status, 404, path);
  }
});
