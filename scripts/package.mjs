// Completes pkg/ after wasm-pack: the JS glue and the browser snippet bundled into one
// minified module, package.json from pkg-template/ with the crate's version, the npm README
// and the licence. Fails if a file the package lists is missing.
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const root = resolve(fileURLToPath(import.meta.url), "../..");
const pkg = join(root, "pkg");

const cargoToml = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = cargoToml.match(/\[workspace\.package\][^[]*?\nversion\s*=\s*"([^"]+)"/)?.[1];
if (!version) throw new Error("package: no version in [workspace.package] of Cargo.toml");

// One file: the entry point (src/js/augenblick.js, `Augenblick.init`) with wasm-pack's glue
// and the browser snippet: one request, and minified 8,300 → 5,049 bytes gzip when measured
// (BENCHMARKS.md). `new URL("augenblick_bg.wasm", import.meta.url)` is kept as is.
const glue = join(pkg, "augenblick.js");
const wasm = join(pkg, "augenblick_bg.wasm");
/** Resolves the entry point's `#glue` and, per build, where the module comes from. */
const resolveInternal = (moduleSource) => ({
  name: "internal",
  setup(build) {
    build.onResolve({ filter: /^#glue$/ }, () => ({ path: glue }));
    build.onResolve({ filter: /^#module-source$/ }, () => ({ path: join(root, "src/js", moduleSource) }));
    build.onResolve({ filter: /^#wasm-bytes$/ }, () => ({ path: wasm }));
  },
});
// The classic script (one `<script>` tag, the module's bytes inside it: no second request
// before the first decision; BENCHMARKS.md, "The classic script"), built from the glue as
// wasm-pack wrote it, before the ESM build below replaces that with the bundle.
await build({
  entryPoints: [join(root, "src/js/classic.js")],
  outfile: join(pkg, "augenblick.classic.js"),
  banner: { js: "//# allFunctionsCalledOnLoad" },
  bundle: true,
  minify: true,
  format: "iife",
  loader: { ".wasm": "binary" },
  // The glue's fallback `new URL(…, import.meta.url)` is never reached: the module source
  // is always passed.
  logOverride: { "empty-import-meta": "silent" },
  plugins: [resolveInternal("module-source.classic.js")],
  logLevel: "warning",
});
await build({
  entryPoints: [join(root, "src/js/augenblick.js")],
  outfile: glue,
  // V8 compiles every function when the file loads, not at its first call, which is
  // inside Augenblick.init (BENCHMARKS.md, "Where the first call's time goes").
  banner: { js: "//# allFunctionsCalledOnLoad" },
  allowOverwrite: true,
  bundle: true,
  minify: true,
  format: "esm",
  plugins: [resolveInternal("module-source.js")],
  logLevel: "warning",
});
rmSync(join(pkg, "snippets"), { recursive: true, force: true });
// The integrations, each its own module (`augenblick/react`, `augenblick/openfeature`):
// their imports (the entry point, React, OpenFeature) stay imports, so an application that
// uses neither never loads them, and one that does shares one Augenblick module.
const integrations = ["react", "openfeature"];
await build({
  entryPoints: integrations.map((name) => join(root, `src/js/${name}.js`)),
  outdir: pkg,
  bundle: false,
  minify: true,
  format: "esm",
  logLevel: "warning",
});
for (const name of integrations) copyFileSync(join(root, `src/js/${name}.d.ts`), join(pkg, `${name}.d.ts`));
// The entry point's declarations after those wasm-bindgen wrote for the module.
const declarations = join(pkg, "augenblick.d.ts");
writeFileSync(declarations, readFileSync(declarations, "utf8") + readFileSync(join(root, "src/js/augenblick.d.ts"), "utf8"));
copyFileSync(join(root, "src/js/augenblick.css"), join(pkg, "augenblick.css"));

const manifest = JSON.parse(readFileSync(join(root, "pkg-template/package.json"), "utf8"));
// Name first, then version, as npm writes it.
const { name, ...rest } = manifest;
writeFileSync(join(pkg, "package.json"), JSON.stringify({ name, version, ...rest }, null, 2) + "\n");
copyFileSync(join(root, "pkg-template/README.md"), join(pkg, "README.md"));
copyFileSync(join(root, "LICENSE"), join(pkg, "LICENSE"));

const missing = manifest.files.filter((file) => !existsSync(join(pkg, file)));
if (missing.length > 0) {
  throw new Error(`package: pkg/ lacks files that package.json lists: ${missing.join(", ")}`);
}
console.log(`package: pkg/ is ${name}@${version}`);
