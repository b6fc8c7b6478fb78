// The package as a user gets it: `npm pack` of pkg/, installed offline from the tarball
// into an empty project, as the package tests need it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(import.meta.url), "../../..");

/**
 * Packs pkg/ into `dir` (emptied first) and installs the tarball there, offline, as an
 * empty project's only dependency; returns `dir`.
 */
export function installPackedPackage(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("npm", ["pack", join(ROOT, "pkg"), "--pack-destination", dir, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  const tarball = readdirSync(dir).find((file) => file.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "empty-project", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", `./${tarball}`], {
    cwd: dir,
    stdio: ["ignore", "ignore", "inherit"],
  });
  return dir;
}
