// augenblick/openfeature from the packed package, with @openfeature/web-sdk, in Chromium.
import assert from "node:assert/strict";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { build } from "esbuild";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";
import { installPackedPackage, ROOT } from "./packed.mjs";

const FIXTURE = join(ROOT, "tests/e2e/fixtures/openfeature");
const PAGES = ["given-instance", "own-instance"];

let server;
let browser;

before(async () => {
  const app = installPackedPackage(join(ROOT, "target/e2e-openfeature"));
  for (const name of PAGES) {
    copyFileSync(join(FIXTURE, `${name}.js`), join(app, `${name}.js`));
    await build({ entryPoints: [join(app, `${name}.js`)], outfile: join(app, `public/${name}.js`), bundle: true, format: "esm", logLevel: "warning" });
    // The package tests' page, with this test's script and without the stylesheet.
    const html = readFileSync(join(ROOT, "tests/e2e/fixtures/package/index.html"), "utf8")
      .replace(/ *<link rel="stylesheet" href="STYLESHEET">\n/, "")
      .replace("main.js", `${name}.js`);
    writeFileSync(join(app, `public/${name}.html`), html);
  }
  copyFileSync(join(app, "node_modules/augenblick/augenblick_bg.wasm"), join(app, "public/augenblick_bg.wasm"));
  server = await startServer({ mounts: [["/openfeature/", join(app, "public")]] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function result(name) {
  const { page, problems } = await openWatchedPage(browser);
  await page.goto(`${server.url}openfeature/${name}.html`);
  await page.waitForFunction(() => window.__result);
  const value = await page.evaluate(() => window.__result);
  await page.close();
  return { value, problems };
}

test("flags target the moment and the urgency, and follow them and the consent", async () => {
  const { value, problems } = await result("given-instance");
  const { calm, hurried } = value;
  for (const state of [calm, hurried]) {
    assert.equal(state.details.value, state.kind);
    assert.equal(state.details.variant, state.kind);
    assert.equal(state.details.reason, "TARGETING_MATCH");
    assert.deepEqual(state.details.flagMetadata, {
      moment: state.kind,
      confidence: state.details.flagMetadata.confidence,
      urgency: state.urgency,
    });
    assert.equal(state.urgent, state.urgency >= 0.5);
  }
  // Both sides of the urgency rule were seen.
  assert.ok(calm.urgency < 0.5 && hurried.urgency >= 0.5, `urgency ${calm.urgency} then ${hurried.urgency}`);
  // Consent withdrawn: no moment, the default variant, and OpenFeature told.
  assert.deepEqual(value.changes, [calm.kind, hurried.kind, null]);
  assert.equal(value.withdrawn.value, "none");
  assert.equal(value.withdrawn.reason, "DEFAULT");
  // The moment in the evaluation context, for another provider's targeting.
  assert.deepEqual(value.shared.context, { region: "de", moment: hurried.kind, momentConfidence: hurried.details.flagMetadata.confidence, urgency: hurried.urgency });
  assert.equal(value.shared.visit, hurried.kind === "go");
  assert.deepEqual(value.unshared, { region: "de" });
  assert.equal(value.missing.value, true);
  assert.equal(value.missing.errorCode, "FLAG_NOT_FOUND");
  assert.equal(value.mismatch.value, 7);
  assert.equal(value.mismatch.errorCode, "TYPE_MISMATCH");
  assert.deepEqual(problems, []);
});

test("malformed flags are named; a provider that fails to start leaves the page to the next", async () => {
  const { value } = await result("own-instance");
  assert.deepEqual(value.failure, {
    name: "InvalidOptionError",
    message: 'invalid option flags["directions"].targeting[0].minUrgency: expected a number from 0 to 1',
  });
  assert.deepEqual(value.construction, {
    name: "InvalidOptionError",
    message: 'invalid option flags["directions"].defaultVariant: expected the name of one of its variants',
  });
  assert.ok(["TARGETING_MATCH", "DEFAULT"].includes(value.details.reason), JSON.stringify(value.details));
  assert.equal(value.details.value, value.details.reason === "TARGETING_MATCH");
});
