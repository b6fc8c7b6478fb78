// The tarball from `npm pack`, installed offline into an empty Vite project, into a plain
// HTML page served as files, and into a page with the classic script: each must personalize
// in Chromium under the demo's strict Content-Security-Policy (Trusted Types included), with
// the module and its wasm from the installed package.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/serve.mjs";
import { launchChromium, openWatchedPage } from "./browser.mjs";
import { installPackedPackage, ROOT } from "./packed.mjs";

const FIXTURE = join(ROOT, "tests/e2e/fixtures/package");
const VITE = join(ROOT, "node_modules/vite/bin/vite.js");
const fixture = (file) => readFileSync(join(FIXTURE, file), "utf8");

let server;
let browser;

before(async () => {
  const vite = installPackedPackage(join(ROOT, "target/e2e-package/vite"));
  writeFileSync(join(vite, "index.html"), fixture("index.html").replace(/ *<link rel="stylesheet" href="STYLESHEET">\n/, ""));
  writeFileSync(join(vite, "main.js"), `import "augenblick/augenblick.css";\n${fixture("main.js")}`);
  execFileSync(process.execPath, [VITE, "build", "--base", "./", "--logLevel", "warn"], { cwd: vite, stdio: ["ignore", "ignore", "inherit"] });

  const plain = installPackedPackage(join(ROOT, "target/e2e-package/plain"));
  writeFileSync(join(plain, "index.html"), fixture("index.html").replace("STYLESHEET", "node_modules/augenblick/augenblick.css"));
  writeFileSync(join(plain, "main.js"), fixture("main.js").replace('from "augenblick"', 'from "./node_modules/augenblick/augenblick.js"'));

  // The classic script, as a tag manager or a CMS template adds it: no module anywhere.
  const classic = installPackedPackage(join(ROOT, "target/e2e-package/classic"));
  const classicScripts = `<script defer src="node_modules/augenblick/augenblick.classic.js"></script>
  <script defer src="main.js"></script>`;
  writeFileSync(
    join(classic, "index.html"),
    fixture("index.html").replace("STYLESHEET", "node_modules/augenblick/augenblick.css").replace('<script type="module" src="main.js"></script>', classicScripts),
  );
  writeFileSync(join(classic, "main.js"), 'Augenblick.init().then((sdk) => { document.body.dataset.moment = sdk.moment()?.kind ?? "none"; });\n');

  server = await startServer({ mounts: [["/vite/", join(vite, "dist")], ["/plain/", plain], ["/classic/", classic]] });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [project, path] of [["an empty Vite project", "vite/"], ["a plain HTML page", "plain/"]]) {
  test(`the packed package works in ${project}`, async () => {
    const { page, problems } = await openWatchedPage(browser);
    const requests = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(server.url + path);
    await page.waitForSelector("body[data-moment]");
    const kind = await page.evaluate(() => document.body.dataset.moment);
    assert.ok(["know", "go", "do", "buy"].includes(kind), `moment: ${kind}`);
    assert.equal(await page.textContent("#hero"), `variant-${kind}`);
    assert.equal(await page.getAttribute("#hero", "data-augenblick-variant"), kind);
    // Everything came from the project, nothing from the workspace's pkg/.
    assert.ok(requests.some((p) => p.startsWith(`/${path}`) && p.endsWith(".wasm")), requests.join(" "));
    assert.ok(!requests.some((p) => p.startsWith("/pkg/")), requests.join(" "));
    assert.deepEqual(problems, []);
    await page.close();
  });
}

test("the classic script personalizes with one request for the SDK and no module loader", async () => {
  const { page, problems } = await openWatchedPage(browser);
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(server.url + "classic/");
  await page.waitForSelector("body[data-moment]");
  const kind = await page.evaluate(() => document.body.dataset.moment);
  assert.ok(["know", "go", "do", "buy"].includes(kind), `moment: ${kind}`);
  assert.equal(await page.textContent("#hero"), `variant-${kind}`);
  // The module's bytes came inside the script: no .wasm request, and no module script.
  assert.ok(requests.includes("/classic/node_modules/augenblick/augenblick.classic.js"), requests.join(" "));
  assert.ok(!requests.some((p) => p.endsWith(".wasm")), requests.join(" "));
  assert.equal(await page.evaluate(() => document.querySelector('script[type="module"]')), null);
  assert.deepEqual(problems, []);
  await page.close();
});
