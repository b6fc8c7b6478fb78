// The README's demo command serves a page on which the built package loads in Chromium and
// the wasm module answers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";

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

test("the demo loads the wasm module and shows its answers", async () => {
  const { page, problems } = await openWatchedPage(browser);
  const wasmResponse = page.waitForResponse((response) => response.url().endsWith(".wasm"));
  await page.goto(server.url);

  assert.equal((await wasmResponse).headers()["content-type"], "application/wasm");
  await page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });
  assert.equal(await page.textContent("#module-version"), packageVersion);
  assert.equal(await page.textContent("#moment-output"), '" Buy " → "buy"');

  await page.fill("#moment-input", "shop");
  await page.click('#moment-form button[type="submit"]');
  const output = page.locator('#moment-output[data-result="error"]');
  await output.waitFor();
  assert.match(await output.textContent(), /^UnknownMomentKindError: unknown moment kind "shop"/);

  assert.deepEqual(problems, [], "no errors and no CSP or Trusted Types violations");
  await page.close();
});

test("the module's errors are real Error objects with a stable name", async () => {
  const { page, problems } = await openWatchedPage(browser);
  await page.goto(server.url);
  await page.locator('#module-status[data-status="ready"]').waitFor({ timeout: 10_000 });

  // The page's module instance is already initialised; a second import shares it.
  const thrown = await page.evaluate(async () => {
    const { parseMomentKind } = await import("/pkg/augenblick.js");
    return [42, null, "kn ow", "x".repeat(100_000)].map((value) => {
      try {
        return { returned: parseMomentKind(value) };
      } catch (error) {
        return { isError: error instanceof Error, name: error.name, length: error.message.length };
      }
    });
  });
  for (const result of thrown) {
    assert.equal(result.isError, true, JSON.stringify(result));
    assert.equal(result.name, "UnknownMomentKindError");
    assert.ok(result.length < 120, "a hostile input does not make a huge message");
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test("the npm README's example runs as written", async () => {
  const readme = readFileSync(new URL("../../pkg/README.md", import.meta.url), "utf8");
  const example = readme.match(/```js\n([\s\S]*?)```/)?.[1];
  assert.ok(example, "pkg/README.md has a js example");
  // The page has no bundler: the bare specifier becomes the served path, and the static
  // import a dynamic one, so the example can run inside page.evaluate.
  const runnable = example.replace(
    /^import init, \{([^}]*)\} from "augenblick";$/m,
    'const { default: init, $1 } = await import("/pkg/augenblick.js");',
  );
  assert.notEqual(runnable, example, "the example imports from \"augenblick\"");

  const { page, problems } = await openWatchedPage(browser);
  await page.goto(server.url);
  const logged = [];
  page.on("console", (message) => logged.push(message.text()));
  await page.evaluate(`(async () => {\n${runnable}\n})()`);
  assert.deepEqual(logged, [packageVersion]);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the server refuses paths outside its folders", async () => {
  for (const path of ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/pkg/%2e%2e/%2e%2e/Cargo.toml", "/%E0%A4%A"]) {
    const response = await fetch(new URL(path, server.url));
    assert.equal(response.status, 404, path);
  }
});
