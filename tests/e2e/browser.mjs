// Shared set-up for end-to-end tests: Debian's Chromium driven by playwright-core.
import { chromium } from "playwright-core";

// This machine's network is closed: without these flags Chromium keeps trying to reach
// Google's services at start-up (../shared/TOOLCHAIN.md).
const CHROMIUM_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu",
  "--disable-quic",
];

/** `extraArgs`: more Chromium flags (a benchmark's diagnostic runs). */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/**
 * Opens a page that records everything that went wrong on it: uncaught errors, console
 * errors and Content-Security-Policy / Trusted Types violations.
 */
export async function openWatchedPage(browser) {
  const page = await browser.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  await page.exposeFunction("__reportViolation", (text) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__reportViolation(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, problems };
}
