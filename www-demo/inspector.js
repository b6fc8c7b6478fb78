import init, { SignalCollector, version } from "./pkg/augenblick.js";

// The demo store, so the location card can show a distance.
const STORE = { id: "rosenthaler-strasse", lat: 52.5265, lon: 13.4019 };

const $ = (id) => document.getElementById(id);
const status = $("module-status");

/** Fills a <dl> from [label, value] pairs, with textContent only. */
function show(id, rows) {
  const list = $(id);
  list.replaceChildren();
  for (const [label, value] of rows) {
    const term = document.createElement("dt");
    term.textContent = label;
    const detail = document.createElement("dd");
    detail.textContent = value === null || value === undefined || value === "" ? "–" : String(value);
    list.append(term, detail);
  }
}

function render(snapshot) {
  const { device, time, page, behaviour } = snapshot;
  show("device", [
    ["Class", device.class],
    ["Pointer", `${device.pointer}${device.touch ? ", touch" : ""}`],
    ["Viewport", `${device.viewportWidth} × ${device.viewportHeight} @${device.pixelRatio}x`],
    ["Connection", device.effectiveType ? `${device.effectiveType}${device.saveData ? ", save-data" : ""}` : null],
    ["Languages", device.languages.join(", ")],
    ["Reduced motion", device.reducedMotion ? "yes" : "no"],
  ]);
  show("time", [
    ["Local time", `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`],
    ["Day", `${time.weekday}${time.weekend ? " (weekend)" : ""}`],
    ["Daypart", time.daypart],
    ["Time zone", `${time.timeZone ?? "?"} (UTC${time.utcOffsetMinutes >= 0 ? "+" : ""}${time.utcOffsetMinutes / 60})`],
  ]);
  const clicks = behaviour.intentClicks;
  show("behaviour", [
    ["Page views", behaviour.pageViews],
    ["Visible for", `${(behaviour.dwellMs / 1000).toFixed(1)} s`],
    ["Deepest scroll", `${Math.round(behaviour.maxScrollDepth * 100)} %`],
    ["Intent clicks", `know ${clicks[0]} · go ${clicks[1]} · do ${clicks[2]} · buy ${clicks[3]}`],
    ["Cart actions", behaviour.cartActions],
    ["Tab switches", behaviour.visibilityChanges],
    ["Earlier visits", behaviour.repeatVisits ?? "needs storage consent"],
  ]);
  show("page", [
    ["Path", page.path + (page.query ? `?${page.query}` : "")],
    ["Referrer", page.referrer],
    ["Language", page.language],
    ["Title", page.title],
    ["Description", page.description],
    ["Headings", page.headings.map((h) => `h${h.level} ${h.text}`).join(" · ")],
    ["schema.org", page.schemaTypes.join(", ")],
  ]);
  show("cues", Object.entries(page.cues).map(([name, count]) => [name, count]));
}

function showLocation(signal) {
  show("location", signal
    ? [["Geohash cell", signal.geohash], ["Nearest store", signal.nearestId], ["Distance", `${signal.nearestDistanceM} m`]]
    : [["Status", "no location (no consent, declined or unavailable)"]]);
}

try {
  await init();
  const collector = new SignalCollector({ locations: [STORE] });
  const refresh = () => {
    const started = performance.now();
    const snapshot = collector.snapshot();
    $("snapshot-time").textContent = `${(performance.now() - started).toFixed(2)} ms`;
    render(snapshot);
  };
  const consent = () => ({ storage: $("consent-storage").checked, geolocation: $("consent-geolocation").checked });
  for (const box of ["consent-storage", "consent-geolocation"]) {
    $(box).addEventListener("change", () => {
      collector.setConsent(consent());
      refresh();
    });
  }
  $("locate").addEventListener("click", async () => showLocation(await collector.locate()));
  $("refresh").addEventListener("click", refresh);
  document.querySelector(".menu").addEventListener("click", () => setTimeout(refresh));
  refresh();
  status.textContent = "loaded";
  status.dataset.status = "ready";
  $("module-version").textContent = `v${version()}`;
} catch (error) {
  status.textContent = `failed: ${error.name}: ${error.message}`;
  status.dataset.status = "failed";
}
