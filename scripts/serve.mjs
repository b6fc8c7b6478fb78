// A small static server for the demo and the end-to-end tests, with the headers a strict
// production site would send: the demo must keep working under them.
//
//   node scripts/serve.mjs [--port 8080] [--collector 8787]
//       serves www-demo/ at / and the built pkg/ at /pkg/, and with --collector runs the
//       reference events collector on that port
//
// Tests import { startServer } and use port 0 (any free port).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { startCollector } from "./collector.mjs";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");

/** URL prefix → folder. The longest matching prefix wins. */
const MOUNTS = [
  ["/pkg/", join(ROOT, "pkg")],
  ["/", join(ROOT, "www-demo")],
];

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm", // instantiateStreaming refuses any other type
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

/** Where the demo's events go: the collector `scripts/demo.sh` starts. */
export const DEMO_COLLECTOR = process.env.AUGENBLICK_COLLECTOR ?? "http://127.0.0.1:8787";

/**
 * No inline script, no eval (wasm compilation only) and Trusted Types enforced: the SDK must
 * work on sites that lock themselves down this far. Requests may go to the page's own
 * origin and to the events collector (`connect`).
 */
export function contentSecurityPolicy(connect = [DEMO_COLLECTOR]) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${connect.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
  ].join("; ");
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

function fileFor(pathname, mounts) {
  const [prefix, folder] = mounts.find(([p]) => pathname.startsWith(p));
  let relative = decodeURIComponent(pathname.slice(prefix.length));
  if (relative === "" || relative.endsWith("/")) relative += "index.html";
  const file = normalize(join(folder, relative));
  // Refuse anything that escapes its folder (`..`, encoded or not).
  return file.startsWith(folder + sep) ? file : null;
}

async function handle(request, response, mounts, policy) {
  let file;
  try {
    file = fileFor(new URL(request.url, "http://localhost").pathname, mounts);
  } catch {
    file = null; // malformed percent-encoding
  }
  const headers = {
    "Content-Security-Policy": policy,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  };
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, headers).end();
    return;
  }
  try {
    if (!file) throw Object.assign(new Error("outside the served folders"), { code: "ENOENT" });
    const body = await readFile(file);
    headers["Content-Type"] = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
  } catch (error) {
    const status = error.code === "ENOENT" || error.code === "EISDIR" ? 404 : 500;
    response.writeHead(status, { ...headers, "Content-Type": "text/plain" }).end(`${status}\n`);
  }
}

/**
 * Starts the server on 127.0.0.1; resolves to `{ url, close }`. `mounts`: more
 * `[prefix, folder]` pairs (tests serve their fixture pages this way); `connect`: the
 * origins pages may send requests to besides their own (an events collector).
 */
export function startServer({ port = 0, mounts = [], connect } = {}) {
  const all = [...mounts, ...MOUNTS].sort(([a], [b]) => b.length - a.length);
  const policy = contentSecurityPolicy(connect);
  const server = createServer((request, response) => {
    handle(request, response, all, policy).catch(() => response.destroy());
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolvePromise({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/**
 * Starts the reference collector (built by `scripts/demo.sh`) on 127.0.0.1:`port` for the
 * demo, storing in target/demo-events.sqlite; it stops with this process.
 */
async function startDemoCollector(port) {
  try {
    const collector = await startCollector({ profile: "release", port, database: join(ROOT, "target/demo-events.sqlite") });
    process.on("exit", () => collector.stop());
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => collector.stop().then(() => process.exit(0)));
    console.log(`Events: ${collector.url}/v1/events`);
  } catch (error) {
    console.error(`serve: no events collector (${error.message}); the demo runs without it`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = (name) => {
    const at = process.argv.indexOf(name);
    return at === -1 ? undefined : process.argv[at + 1];
  };
  const portFlag = flag("--port");
  const port = portFlag === undefined ? 8080 : Number(portFlag);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port needs a number from 0 to 65535, got ${portFlag}`);
    process.exit(2);
  }
  const collectorPort = flag("--collector");
  if (collectorPort !== undefined) await startDemoCollector(Number(collectorPort));
  try {
    const { url } = await startServer({ port });
    console.log(`Augenblick demo: ${url}   (Ctrl-C to stop)`);
  } catch (error) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    console.error("serve: choose another port, e.g. PORT=8081 bash scripts/demo.sh");
    process.exit(1);
  }
}
