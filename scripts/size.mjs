// Prints the shipped sizes of the package (raw, gzip -9, brotli q11), split into what a page
// must load before its first decision (the critical path) and what loads after it, and fails
// when either gzip sum exceeds its budget in size-budget.json. Measures pkg/ as
// scripts/build.sh left it, i.e. the .wasm after wasm-opt -Oz. `augenblick/react` and
// `augenblick/openfeature` are not counted: a page that uses neither never loads them.
//
//   node scripts/size.mjs [--markdown | --json]
//
// --json prints one line: {"criticalPathGzip", "totalGzip", "budget": {…}, "files": […]}.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(fileURLToPath(import.meta.url), "../..");

/**
 * Every file the package loads, and whether a page needs it before its first decision.
 * Today all of it does: the module decides, sends events and decodes consent alike.
 */
const SHIPPED = [
  { file: "augenblick_bg.wasm", critical: true },
  { file: "augenblick.js", critical: true },
  { file: "augenblick.css", critical: true },
];

/** The product's goals (issue 16): what the smallest deciders' whole SDK weighs, and twice that. */
const GOALS = { criticalPathGzip: 16_000, totalGzip: 32_000 };

/**
 * The ceilings a budget may never exceed: the sizes reached when the budget was split in two
 * (86,790 bytes gzip, all of it on the critical path) plus 1.4%. Budgets only come down
 * from here (BENCHMARKS.md, "Package size").
 */
const MAX_BUDGET = { criticalPathGzip: 88_000, totalGzip: 88_000 };

const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));
for (const [key, max] of Object.entries(MAX_BUDGET)) {
  const limit = budget[key];
  if (!Number.isInteger(limit) || limit <= 0 || limit > max) {
    throw new Error(`size-budget.json: ${key} must be a whole number from 1 to ${max}`);
  }
}

function measure({ file, critical }) {
  const bytes = readFileSync(join(root, "pkg", file));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
  });
  return { file, critical, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length };
}

const files = SHIPPED.map(measure);
const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
const criticalPathGzip = sum(files.filter((f) => f.critical), "gzip");
const totalGzip = sum(files, "gzip");
const measured = { criticalPathGzip, totalGzip };

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ criticalPathGzip, totalGzip, budget: { criticalPathGzip: budget.criticalPathGzip, totalGzip: budget.totalGzip }, goals: GOALS, files }));
} else {
  const totals = ["raw", "gzip", "brotli"].map((key) => sum(files, key));
  const rows = [...files.map((f) => [`${f.file}${f.critical ? "" : " (after)"}`, f.raw, f.gzip, f.brotli]), ["total", ...totals]];
  if (process.argv.includes("--markdown")) {
    console.log("| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|");
    for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  } else {
    console.log("file                      raw    gzip -9   brotli   (bytes)");
    const widths = [8, 10, 8];
    for (const [name, ...sizes] of rows) console.log(`${name.padEnd(20)} ${sizes.map((s, i) => String(s).padStart(widths[i])).join(" ")}`);
  }
}

let over = false;
for (const key of Object.keys(MAX_BUDGET)) {
  const line = `${key} ${measured[key]} of ${budget[key]} bytes gzip (size-budget.json; goal ${GOALS[key]})`;
  if (measured[key] > budget[key]) {
    console.error(`size: over budget: ${line}`);
    over = true;
  } else if (!process.argv.includes("--json")) {
    console.log(`size: within budget: ${line}`);
  }
}
if (over) process.exit(1);
