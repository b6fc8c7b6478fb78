// The site's Augenblick configuration, shared by every page (site.js) and the slot
// benchmark (scripts/bench-slots.mjs).

/** The chain's restaurants, for the distance to the nearest one. */
export const STORES = [
  { id: "mitte", lat: 52.5265, lon: 13.4019 },
  { id: "kreuzberg", lat: 52.4986, lon: 13.4183 },
];

/** The header button adapts without any markup change: programmatic rules. */
export const RULES = [
  { selector: "#header-cta", moment: "go", name: "directions", text: "Directions", attributes: { href: "stores.html" } },
  { selector: "#header-cta", moment: "do", name: "recipe", text: "Cook it at home", attributes: { href: "recipe.html" } },
  { selector: "#header-cta", moment: "know", name: "story", text: "Our story", attributes: { href: "index.html#story" } },
];

/** Events go to the reference collector `scripts/demo.sh` starts, with events consent only. */
export const EVENTS = { endpoint: "http://127.0.0.1:8787/v1/batch", flushAt: 10, flushIntervalMs: 2000 };
