// Runs the README's demo command, `bash scripts/demo.sh`, exactly as a newcomer would (on a
// free port), so the end-to-end tests check what that command really serves.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STARTUP_LIMIT_MS = 10 * 60 * 1000; // a first run installs tools before it builds

/** Resolves to `{ url, close }` once the demo server prints its address. */
export function startDemo() {
  const demo = spawn("bash", ["scripts/demo.sh"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const close = () =>
    new Promise((resolve) => {
      if (demo.exitCode !== null) return resolve();
      demo.once("exit", resolve);
      demo.kill("SIGTERM");
    });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      close();
      reject(new Error("demo command printed no URL in time"));
    }, STARTUP_LIMIT_MS);
    let output = "";
    demo.stdout.on("data", (chunk) => {
      output += chunk;
      const url = output.match(/Augenblick demo: (https?:\/\/127\.0\.0\.1:\d+\/)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, close });
      }
    });
    demo.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`demo command exited with ${code} before serving:\n${output}`));
    });
  });
}
