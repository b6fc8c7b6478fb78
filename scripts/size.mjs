// Prints the shipped sizes of the package (raw, gzip -9, brotli q11) for each way a page
// loads it, split into what the page must load before its first decision (the critical
// path) and what loads after it, and fails when a gzip sum exceeds its budget in
// size-budget.json. Measures pkg/ as scripts/build.sh left it (the .wasm after wasm-opt).
// `augenblick/react` and `augenblick/openfeature` are not counted: a page that uses neither
// never loads them.
//
//   node scripts/size.mjs [--markdown | --json]
//
// --json prints one line: {"criticalPathGzip", "totalGzip", "builds": {…}, "budget": {…},
// "goals": {…}}; the two top-level figures are those of the build that loads the most.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = resolve(fileURLToPath(import.meta.url), "../..");

/**
 * The package's two builds and every file each loads, with whether the page needs it before
 * its first decision. Today all of it: the one module decides, sends events and decodes
 * consent alike.
 */
const BUILDS = {
  // ESM, for bundlers and `<script type="module">`: the entry point fetches the .wasm.
  esm: [
    { file: "augenblick.js", critical: true },
    { file: "augenblick_bg.wasm", critical: true },
    { file: "augenblick.css", critical: true },
  ],
  // One classic `<script>`, the module's bytes inside it (base64).
  classic: [
    { file: "augenblick.classic.js", critical: true },
    { file: "augenblick.css", critical: true },
  ],
};

/** The product's goals (issue 16): what the smallest deciders' whole SDK weighs, and twice that. */
const GOALS = { criticalPathGzip: 16_000, totalGzip: 32_000 };

/**
 * The ceilings a build's budget may never exceed; budgets only come down from here
 * (BENCHMARKS.md, "Package size"). ESM: 88,000, where the single budget stood. Classic: the
 * ESM ceiling and what base64 adds to the same module after gzip (24.2 KB measured, rounded
 * up to 25,000).
 */
const MAX_BUDGET = {
  esm: { criticalPathGzip: 88_000, totalGzip: 88_000 },
  classic: { criticalPathGzip: 113_000, totalGzip: 113_000 },
};

const budget = JSON.parse(readFileSync(join(root, "size-budget.json"), "utf8"));
for (const [build, ceilings] of Object.entries(MAX_BUDGET)) {
  for (const [key, max] of Object.entries(ceilings)) {
    const limit = budget[build]?.[key];
    if (!Number.isInteger(limit) || limit <= 0 || limit > max) {
      throw new Error(`size-budget.json: ${build}.${key} must be a whole number from 1 to ${max}`);
    }
  }
}

const measured = new Map();
function measure(file) {
  if (!measured.has(file)) {
    const bytes = readFileSync(join(root, "pkg", file));
    const brotli = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    });
    measured.set(file, { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotli.length });
  }
  return measured.get(file);
}

const sum = (rows, key) => rows.reduce((total, row) => total + row[key], 0);
const builds = Object.fromEntries(
  Object.entries(BUILDS).map(([name, files]) => {
    const rows = files.map(({ file, critical }) => ({ ...measure(file), critical }));
    return [name, { criticalPathGzip: sum(rows.filter((r) => r.critical), "gzip"), totalGzip: sum(rows, "gzip"), files: rows }];
  }),
);
const worst = (key) => Math.max(...Object.values(builds).map((b) => b[key]));

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ criticalPathGzip: worst("criticalPathGzip"), totalGzip: worst("totalGzip"), builds, budget, goals: GOALS }));
} else {
  const markdown = process.argv.includes("--markdown");
  for (const [name, build] of Object.entries(builds)) {
    const rows = [
      ...build.files.map((f) => [`${f.file}${f.critical ? "" : " (after)"}`, f.raw, f.gzip, f.brotli]),
      ["total", ...["raw", "gzip", "brotli"].map((key) => sum(build.files, key))],
    ];
    if (markdown) {
      console.log(`\n${name} build:\n\n| file | raw | gzip -9 | brotli |\n|---|---:|---:|---:|`);
      for (const row of rows) console.log(`| ${row.join(" | ")} |`);
    } else {
      console.log(`\n${name} build                      raw    gzip -9   brotli   (bytes)`);
      const widths = [8, 10, 8];
      for (const [label, ...sizes] of rows) console.log(`${label.padEnd(26)} ${sizes.map((s, i) => String(s).padStart(widths[i])).join(" ")}`);
    }
  }
}

let over = false;
for (const [name, build] of Object.entries(builds)) {
  for (const key of Object.keys(GOALS)) {
    const line = `${name} ${key} ${build[key]} of ${budget[name][key]} bytes gzip (size-budget.json; goal ${GOALS[key]})`;
    if (build[key] > budget[name][key]) {
      console.error(`size: over budget: ${line}`);
      over = true;
    } else if (!process.argv.includes("--json")) {
      console.log(`size: within budget: ${line}`);
    }
  }
}
if (over) process.exit(1);
