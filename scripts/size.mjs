// Prints the shipped sizes of the package (raw, gzip -9, brotli q11) and fails when the gzip
// total exceeds the budget in size-budget.json. Measures pkg/ as scripts/build.sh left it,
// i.e. the .wasm after wasm-opt -Oz.
//
//   node scripts/size.mjs [--markdown]
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const SHIPPED = ["augenblick_bg.wasm", "augenblick.js", "augenblick.css"];
/**
 * The ceiling the budget may never exceed: 88,000 bytes. It was raised from 40,000 when the
 * moment model came in, from 62,000 for slots and `Augenblick.init`, from 75,500 for
 * consent and from 83,000 to 95,000 for events, then lowered to 92,500 when one slice
 * that could panic was removed, to 89,500 when Binaryen stopped inlining large functions
 * with one caller, and to 88,000 when the model was built into the module as data
 * (BENCHMARKS.md, "Package size with the model", "… with slots", "… with consent", "… with
 * events", "… without std's formatting of slices", "… with less inlining" and "Start-up,
 * stop 14").
 */
const MAX_BUDGET_BYTES = 88_000;

const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));
const limit = budget.gzip_total_bytes;
if (!Number.isInteger(limit) || limit <= 0 || limit > MAX_BUDGET_BYTES) {
  throw new Error(`size-budget.json: gzip_total_bytes must be a whole number from 1 to ${MAX_BUDGET_BYTES}`);
}

function measure(file) {
  const bytes = readFileSync(join(root, "pkg", file));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length };
}

const rows = SHIPPED.map(measure);
const total = { file: "total", raw: 0, gzip: 0, brotli: 0 };
for (const row of rows) for (const key of ["raw", "gzip", "brotli"]) total[key] += row[key];
rows.push(total);

if (process.argv.includes("--markdown")) {
  console.log("| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
} else {
  console.log("file                      raw    gzip -9   brotli   (bytes)");
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(20)} ${String(r.raw).padStart(8)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(8)}`,
    );
  }
}

const verdict = `${total.gzip} of ${limit} bytes gzip (size-budget.json)`;
if (total.gzip > limit) {
  console.error(`size: over budget: ${verdict}`);
  process.exit(1);
}
console.log(`size: within budget: ${verdict}`);
