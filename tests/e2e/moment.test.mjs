// MomentEngine in Chromium, from the built (release) package, on real corpus pages: the
// moment crosses as a plain object, bad models and options are named errors, and a bad
// model leaves the one in use in place.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { launchChromium } from "./browser.mjs";
import { nativeSnapshots, openCorpusPage, pickPages } from "./corpus.mjs";

const PAGES = pickPages(2);
let browser;
let native;

before(async () => {
  native = nativeSnapshots(PAGES.map((p) => p.id));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

async function open(entry) {
  const record = native.get(entry.id);
  return openCorpusPage(browser, entry.file, record.url, record.charset);
}

test("a moment crosses as a plain object, with reasons", async () => {
  for (const entry of PAGES) {
    const page = await open(entry);
    const moment = await page.evaluate(() => {
      const { SignalCollector, MomentEngine } = window.__augenblick;
      const collector = new SignalCollector();
      const moment = new MomentEngine().decide(collector);
      collector.destroy();
      return moment;
    });
    await page.close();
    assert.ok(["know", "go", "do", "buy"].includes(moment.kind), entry.file);
    const sum = Object.values(moment.scores).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 0.01, `${entry.file}: scores sum to ${sum}`);
    assert.equal(moment.confidence, moment.scores[moment.kind]);
    assert.ok(moment.urgency >= 0 && moment.urgency <= 1);
    assert.ok(moment.reasons.length >= 1 && moment.reasons.length <= 5, entry.file);
    for (const reason of moment.reasons) {
      assert.equal(typeof reason.signal, "string");
      assert.equal(typeof reason.description, "string");
      assert.ok(reason.weight > 0);
    }
  }
});

test("a bad model is a named error and the model in use stays", async () => {
  const page = await open(PAGES.find((p) => p.label === "do"));
  const result = await page.evaluate(() => {
    const { SignalCollector, MomentEngine } = window.__augenblick;
    const collector = new SignalCollector();
    const engine = new MomentEngine();
    const shipped = engine.modelName;
    const caught = (f) => {
      try {
        f();
        return null;
      } catch (error) {
        return { isError: error instanceof Error, name: error.name, message: error.message };
      }
    };
    const invalid = caught(() => engine.loadModel("augenblick-model 1\nname x\nscale ten\n"));
    const incompatible = caught(() => engine.loadModel("augenblick-model 7\n"));
    const stays = engine.modelName === shipped;
    engine.loadModel("augenblick-model 1\nname own\nscale 1\nclasses know go do buy\nbias 0 0 0 9\n");
    const own = { name: engine.modelName, kind: engine.decide(collector).kind };
    const options = [{ halfLife: 3 }, { hysteresis: 1 }, { model: "{}" }].map((o) => caught(() => new MomentEngine(o)));
    collector.destroy();
    return { invalid, incompatible, stays, own, options };
  });
  await page.close();
  assert.deepEqual(result.invalid, { isError: true, name: "InvalidModelError", message: "invalid model, line 3: scale must be a positive integer" });
  assert.equal(result.incompatible.name, "IncompatibleModelError");
  assert.ok(result.stays);
  assert.deepEqual(result.own, { name: "own", kind: "buy" });
  assert.deepEqual(result.options.map((e) => e.name), ["InvalidOptionError", "InvalidOptionError", "InvalidModelError"]);
  assert.match(result.options[0].message, /halfLife/);
});
