import init, { parseMomentKind, version } from "./pkg/augenblick.js";

const status = document.getElementById("module-status");
const form = document.getElementById("moment-form");
const input = document.getElementById("moment-input");
const output = document.getElementById("moment-output");

function check() {
  try {
    output.textContent = `"${input.value}" → "${parseMomentKind(input.value)}"`;
    output.dataset.result = "ok";
  } catch (error) {
    output.textContent = `${error.name}: ${error.message}`;
    output.dataset.result = "error";
  }
}

try {
  const started = performance.now();
  await init();
  const elapsed = performance.now() - started;
  status.textContent = "loaded";
  status.dataset.status = "ready";
  document.getElementById("module-version").textContent = version();
  document.getElementById("module-startup").textContent = `${elapsed.toFixed(1)} ms to fetch and instantiate`;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });
  check();
} catch (error) {
  status.textContent = `failed: ${error.message}`;
  status.dataset.status = "failed";
}
