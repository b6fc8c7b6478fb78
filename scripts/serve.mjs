// A small static server for the demo and the end-to-end tests, with the headers a strict
// production site would send: the demo must keep working under them.
//
//   node scripts/serve.mjs [--port 8080]     serves www-demo/ at / and the built pkg/ at /pkg/
//
// Tests import { startServer } and use port 0 (any free port).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

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

/**
 * No inline script, no eval (wasm compilation only) and Trusted Types enforced: the SDK must
 * work on sites that lock themselves down this far.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
].join("; ");

function fileFor(pathname, mounts) {
  const [prefix, folder] = mounts.find(([p]) => pathname.startsWith(p));
  let relative = decodeURIComponent(pathname.slice(prefix.length));
  if (relative === "" || relative.endsWith("/")) relative += "index.html";
  const file = normalize(join(folder, relative));
  // Refuse anything that escapes its folder (`..`, encoded or not).
  return file.startsWith(folder + sep) ? file : null;
}

async function handle(request, response, mounts) {
  let file;
  try {
    file = fileFor(new URL(request.url, "http://localhost").pathname, mounts);
  } catch {
    file = null; // malformed percent-encoding
  }
  const headers = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
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
 * `[prefix, folder]` pairs (tests serve their fixture pages this way).
 */
export function startServer({ port = 0, mounts = [] } = {}) {
  const all = [...mounts, ...MOUNTS].sort(([a], [b]) => b.length - a.length);
  const server = createServer((request, response) => {
    handle(request, response, all).catch(() => response.destroy());
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      resolvePromise({ url, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const portFlag = process.argv.indexOf("--port");
  const port = portFlag === -1 ? 8080 : Number(process.argv[portFlag + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: --port needs a number from 0 to 65535, got ${process.argv[portFlag + 1]}`);
    process.exit(2);
  }
  try {
    const { url } = await startServer({ port });
    console.log(`Augenblick demo: ${url}   (Ctrl-C to stop)`);
  } catch (error) {
    console.error(`serve: cannot listen on 127.0.0.1:${port}: ${error.message}`);
    console.error("serve: choose another port, e.g. PORT=8081 bash scripts/demo.sh");
    process.exit(1);
  }
}
