// augenblick/react from the packed package: rendered on the server (react-dom/server),
// hydrated in Chromium in StrictMode, with no hydration mismatch, then personalized.
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, test } from "node:test";

import { build } from "esbuild";
import { createElement } from "react";
import { renderToString } from "react-dom/server";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";
import { installPackedPackage, ROOT } from "./packed.mjs";

const FIXTURE = join(ROOT, "tests/e2e/fixtures/react");

let server;
let browser;
let serverHtml;

before(async () => {
  const app = installPackedPackage(join(ROOT, "target/e2e-react"));
  for (const file of ["app.jsx", "client.jsx"]) copyFileSync(join(FIXTURE, file), join(app, file));
  const common = { bundle: true, format: "esm", jsx: "automatic", logLevel: "warning" };
  // The server imports the installed package as Node resolves it.
  await build({ ...common, entryPoints: [join(app, "app.jsx")], outfile: join(app, "server.mjs"), platform: "node", packages: "external" });
  // The browser bundle holds React and the package; esbuild leaves the module's
  // `new URL("augenblick_bg.wasm", import.meta.url)` alone, so the wasm goes next to it.
  await build({
    ...common,
    entryPoints: [join(app, "client.jsx")],
    outfile: join(app, "public/client.js"),
    define: { "process.env.NODE_ENV": '"development"' },
  });
  copyFileSync(join(app, "node_modules/augenblick/augenblick_bg.wasm"), join(app, "public/augenblick_bg.wasm"));

  const { App } = await import(pathToFileURL(join(app, "server.mjs")).href);
  serverHtml = renderToString(createElement(App));
  await writeFile(
    join(app, "public/index.html"),
    `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Pizza Margherita</title><link rel="icon" href="data:,">` +
      `<script type="module" src="client.js"></script></head><body><div id="root">${serverHtml}</div></body></html>`,
  );
  server = await startServer({ mounts: [["/react/", join(app, "public")]] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("the server renders every slot's default content and no moment", () => {
  assert.match(serverHtml, /<div id="hero"[^>]*><p>default<\/p><\/div>/);
  assert.match(serverHtml, /<p id="moment">deciding<\/p>/);
  assert.doesNotMatch(serverHtml, /variant-/);
});

test("the client hydrates without a mismatch, shows the variant of the moment decided, and the default once consent is withdrawn", async () => {
  const { page, problems } = await openWatchedPage(browser);
  await page.goto(server.url + "react/");
  await page.waitForFunction(() => document.getElementById("moment")?.textContent !== "deciding");
  const kind = await page.textContent("#moment");
  assert.ok(["know", "go", "do", "buy"].includes(kind), `moment: ${kind}`);
  await page.waitForFunction((k) => document.getElementById("hero").textContent === `variant-${k}`, kind);
  assert.deepEqual(await page.evaluate(() => window.__recoverableErrors), []);
  // Rendered again with the same conditions (a new inline array each time): the choice
  // is kept, not asked of the SDK again.
  await page.evaluate(() => {
    const sdk = window.__augenblick;
    const choose = sdk.choose;
    window.__chooseCalls = 0;
    sdk.choose = function (...args) {
      window.__chooseCalls++;
      return choose.apply(this, args);
    };
  });
  for (let renders = 1; renders <= 3; renders++) {
    await page.evaluate(() => window.__renderHeroAgain());
    await page.waitForFunction((n) => document.getElementById("hero").dataset.renders === String(n), renders);
  }
  assert.equal(await page.evaluate(() => window.__chooseCalls), 0);
  assert.equal(await page.textContent("#hero"), `variant-${kind}`);
  // Personalization consent withdrawn: no moment, and the default content again.
  await page.evaluate(() => window.__augenblick.setConsent({ personalization: false }));
  await page.waitForFunction(() => document.getElementById("moment").textContent === "deciding");
  assert.equal(await page.textContent("#hero"), "default");
  // StrictMode mounts the provider twice: one SDK instance, no AlreadyRunningError.
  assert.deepEqual(problems, []);
  await page.close();
});
