// The reference events collector (`augenblick-collector`) run from Node, for the demo, the
// events tests and the events benchmark: built once with cargo, started on a port with a
// database, stopped at will.
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** A port free on 127.0.0.1 now. */
export function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the collector (`profile`: "debug" or "release"); throws if cargo fails. */
export function buildCollector(profile) {
  const args = ["build", "--quiet", "-p", "augenblick-collector", ...(profile === "release" ? ["--release"] : [])];
  if (spawnSync("cargo", args, { cwd: ROOT, stdio: "inherit" }).status !== 0) {
    throw new Error("could not build augenblick-collector");
  }
}

/**
 * Starts a built collector on 127.0.0.1:`port` storing in `database`, answering any local
 * page (`http://127.0.0.1:*`). Resolves once it listens, to `{ url, stop }`; `stop()`
 * kills it and resolves when it is gone.
 */
export function startCollector({ profile, port, database }) {
  const binary = join(ROOT, "target", profile, "augenblick-collector");
  const child = spawn(binary, ["--addr", `127.0.0.1:${port}`, "--db", database, "--origin", "http://127.0.0.1:*"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", resolve);
      child.kill("SIGKILL");
    });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`augenblick-collector exited with ${code}`)));
    child.stdout.once("data", () => resolve({ url: `http://127.0.0.1:${port}`, stop }));
  });
}
