// Every page of the demo site: starts Augenblick, shows the debug panel (moment, scores,
// urgency, reasons) and runs the context simulator. The simulated context travels between
// pages in the URL fragment (#sim=device,hour,distance), so nothing is stored.
import { Augenblick } from "./pkg/augenblick.js";
import { EVENTS, RULES, STORES } from "./config.js";

const SIMULATOR = {
  device: { label: "Device", options: [["", "real"], ["mobile", "phone"], ["tablet", "tablet"], ["desktop", "desktop"]] },
  hour: { label: "Time", options: [["", "real"], ["8", "08:00"], ["15", "15:00"], ["19", "19:30"], ["23", "23:00"]] },
  distanceM: { label: "Location", options: [["", "unknown"], ["300", "300 m"], ["5000", "5 km"], ["80000", "80 km"]] },
};
const PURPOSES = ["personalization", "storage", "geolocation", "events"];
const MOMENT_NAMES = { know: "I want to know", go: "I want to go", do: "I want to do", buy: "I want to buy" };

const $ = (selector, root = document) => root.querySelector(selector);

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  node.append(...children);
  return node;
}

/** The simulated context in the URL fragment, as `simulate` options (empty fields stay real). */
function simulationFromHash() {
  const match = location.hash.match(/sim=([^&]*)/);
  const [device = "", hour = "", distanceM = ""] = match ? decodeURIComponent(match[1]).split(",") : [];
  const context = {};
  if (device) context.device = device;
  if (hour) context.hour = Number(hour);
  if (distanceM) context.distanceM = Number(distanceM);
  return { values: { device, hour, distanceM }, context };
}

/** Keeps the simulated context on every link to another page of the site. */
function carrySimulation(values) {
  const fragment = Object.values(values).some(Boolean) ? `#sim=${[values.device, values.hour, values.distanceM].join(",")}` : "";
  for (const link of document.querySelectorAll("a[href$='.html'], a[href*='.html#']")) {
    const url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin) continue;
    url.hash = fragment.slice(1);
    link.setAttribute("href", url.pathname.split("/").pop() + url.hash);
  }
  history.replaceState(history.state, "", location.pathname + location.search + fragment);
}

function buildPanel(values, onChange) {
  const rows = ["know", "go", "do", "buy"].flatMap((kind) => [
    element("span", { "data-kind": kind }, kind),
    element("div", { class: "bar" }, element("span", { "data-bar": kind })),
    element("span", { class: "value", "data-value": kind }, "–"),
  ]);
  const simulator = element("div", { class: "simulator" });
  for (const [field, { label, options }] of Object.entries(SIMULATOR)) {
    const select = element("select", { "data-simulate": field, "aria-label": `Simulated ${label.toLowerCase()}` });
    for (const [value, text] of options) select.append(element("option", { value }, text));
    select.value = values[field];
    select.addEventListener("change", onChange);
    simulator.append(element("label", {}, label, select));
  }
  // Marked ignored: the panel talks about moments, and must not be read as page content.
  const panel = element("details", { class: "debug", open: "", id: "debug", "data-augenblick-ignore": "" },
    element("summary", {}, "Augenblick debug", element("span", { id: "debug-timing" }, "")),
    element("div", { class: "body" },
      element("div", { class: "moment", id: "debug-moment" }, "…"),
      element("div", { class: "bars" }, ...rows,
        element("span", {}, "urgency"), element("div", { class: "bar" }, element("span", { "data-bar": "urgency" })),
        element("span", { class: "value", "data-value": "urgency" }, "–")),
      element("h4", {}, "Why"),
      element("ol", { class: "reasons", id: "debug-reasons" }),
      element("h4", {}, "Context simulator"),
      simulator,
      element("h4", {}, "Consent"),
      element("div", { class: "consent", id: "debug-consent" },
        ...PURPOSES.map((purpose) => element("label", {}, element("input", { type: "checkbox", "data-purpose": purpose }), purpose))),
      element("p", { class: "status", id: "debug-status" }, "Decided on this device. Nothing is sent.")));
  document.body.append(panel);
  return panel;
}

function showConsent(consent) {
  for (const box of document.querySelectorAll("[data-purpose]")) {
    box.checked = consent[box.dataset.purpose];
    box.title = `from: ${consent.sources[box.dataset.purpose]}`;
  }
  const stored = consent.storage ? "visit counts stored with your consent" : "nothing stored";
  $("#debug-status").textContent = `Decided on this device: nothing is sent, ${stored}.`;
  if (!consent.personalization) $("#debug-moment").replaceChildren("off", element("small", {}, "personalization consent withdrawn: default content"));
}

function showMoment(moment) {
  $("#debug-moment").replaceChildren(moment.kind, element("small", {}, `${MOMENT_NAMES[moment.kind]} · ${Math.round(moment.confidence * 100)} %`));
  for (const [kind, score] of [...Object.entries(moment.scores), ["urgency", moment.urgency]]) {
    $(`[data-bar="${kind}"]`).style.width = `${(score * 100).toFixed(1)}%`;
    $(`[data-value="${kind}"]`).textContent = `${Math.round(score * 100)} %`;
    $(`[data-kind="${kind}"]`)?.classList.toggle("current", kind === moment.kind);
  }
  $("#debug-reasons").replaceChildren(...moment.reasons.map((reason) => element("li", {}, reason.description)));
}

const { values, context } = simulationFromHash();
const panel = buildPanel(values, () => {
  for (const select of panel.querySelectorAll("[data-simulate]")) values[select.dataset.simulate] = select.value;
  carrySimulation(values);
  augenblick?.simulate(simulationFromHash().context);
});

const started = performance.now();
let augenblick;
try {
  augenblick = await Augenblick.init({ locations: STORES, rules: RULES, events: EVENTS, simulate: context });
  $("#debug-timing").textContent = `ready in ${Math.round(performance.now() - started)} ms`;
  augenblick.on("moment", showMoment);
  augenblick.on("consent", showConsent);
  for (const box of document.querySelectorAll("[data-purpose]")) {
    box.addEventListener("change", () => augenblick.setConsent({ [box.dataset.purpose]: box.checked }));
  }
  // The store locator's button: a click on it is the visitor's consent to geolocation.
  $("#share-location")?.addEventListener("click", async () => {
    augenblick.setConsent({ geolocation: true });
    await augenblick.locate();
  });
  carrySimulation(values);
  // Actions on the page are behaviour: decide again after each, so the visitor sees it count.
  document.addEventListener("click", (event) => {
    if (event.target.closest("[data-augenblick-intent]:not(a)")) setTimeout(() => augenblick.refresh());
    // The site's own event: sent only with events consent, with the moment added.
    const dish = event.target.closest(".dish button")?.closest(".dish");
    if (dish) augenblick.track("Product Added", { product: dish.querySelector("h3").textContent });
  });
  window.augenblick = augenblick;
  document.documentElement.dataset.augenblick = "ready";
} catch (error) {
  $("#debug-moment").textContent = "not running";
  $("#debug-status").textContent = `${error.name}: ${error.message}. The page shows its default content.`;
  document.documentElement.dataset.augenblick = "failed";
}
