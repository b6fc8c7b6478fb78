// Compiled with `tsc --noEmit` against the generated augenblick.d.ts (scripts/test.sh):
// the public API must type-check as a user would write it, and wrong usage must not.
import init, { Augenblick, MomentEngine, SignalCollector, version, type LocationSignal, type Moment, type MomentKind, type ConsentState, type PrivacyReport, type SlotDecision, type Snapshot } from "augenblick";

export async function start(): Promise<string> {
  await init();
  const collector = new SignalCollector({
    consent: { storage: false, geolocation: true },
    searchParams: ["term"],
    geohashPrecision: 5,
    locations: [{ id: "mitte", lat: 52.52, lon: 13.405 }],
  });
  const snapshot: Snapshot = collector.snapshot();
  const location: LocationSignal | null = await collector.locate();
  collector.setConsent({ storage: true });
  collector.destroy();

  // @ts-expect-error options are typed: a misspelt key does not compile
  new SignalCollector({ consnet: {} });
  // @ts-expect-error the snapshot is typed, not `any`
  const notANumber: number = snapshot.device.class;
  console.log(notANumber, location?.geohash, version());

  switch (snapshot.time.daypart) {
    case "morning":
    case "afternoon":
    case "evening":
    case "night":
      return snapshot.page.title;
    default: {
      // Exhaustive: a fifth daypart would be a compile error here.
      const unreachable: never = snapshot.time.daypart;
      return unreachable;
    }
  }
}

export function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

export function decide(collector: SignalCollector, siteModel?: string): MomentKind {
  const engine = new MomentEngine({ halfLifeMinutes: 10, hysteresis: 0.15 });
  if (siteModel !== undefined) engine.loadModel(siteModel);
  const moment: Moment = engine.decide(collector);
  const sum: number = moment.scores.know + moment.scores.go + moment.scores.do + moment.scores.buy;
  console.log(sum, moment.urgency, moment.reasons[0]?.description, engine.modelName);
  // @ts-expect-error the options are typed: a misspelt key does not compile
  new MomentEngine({ halfLife: 10 });
  // @ts-expect-error the kind is one of the four moments, not any string
  const wrong: "shop" = moment.kind;
  console.log(wrong);
  return moment.kind;
}

export async function personalize(): Promise<MomentKind> {
  const augenblick = await Augenblick.init({
    locations: [{ id: "mitte", lat: 52.52, lon: 13.405 }],
    hysteresis: 0.2,
    rules: [
      { selector: "#cta", moment: "go", device: ["mobile"], text: "Directions", attributes: { href: "/stores" } },
      { slot: "hero", moment: "buy", minConfidence: 0.6, daypart: "evening", template: "order-now" },
    ],
    simulate: { device: "mobile", hour: 19, distanceM: null },
  });
  const stop = augenblick.on("decision", (decision: SlotDecision) => console.log(decision.slot, decision.variant));
  augenblick.on("moment", (moment) => console.log(moment.confidence));
  stop();
  document.addEventListener("augenblick:decision", (event) => console.log(event.detail.variant));
  augenblick.simulate(null);
  const consent: ConsentState = augenblick.setConsent({ geolocation: true, events: false });
  console.log(consent.sources.storage, consent.globalPrivacyControl);
  augenblick.on("consent", (state) => console.log(state.personalization));
  const located: Moment | null = await augenblick.locate();
  console.log(located?.kind);
  const queued: boolean = augenblick.track("Order Clicked", { item: "Margherita", price: 9.9 });
  console.log(queued);
  // @ts-expect-error an events option needs its endpoint
  await Augenblick.init({ events: { flushAt: 5 } });
  const report: PrivacyReport = augenblick.privacyReport();
  console.log(report.counts.requestsSent, report.storage.map((key) => key.key));
  // @ts-expect-error consent names the four purposes only
  augenblick.setConsent({ ads: true });
  const snapshot: Snapshot = augenblick.snapshot();
  console.log(snapshot.device.class, augenblick.decisions().length, augenblick.refresh()?.kind);

  // @ts-expect-error only the two events exist
  augenblick.on("click", () => {});
  // @ts-expect-error a rule names its moment
  await Augenblick.init({ rules: [{ slot: "hero", text: "x" }] });
  // @ts-expect-error the constructor is private: use Augenblick.init
  new Augenblick();
  // @ts-expect-error simulated devices are the three classes
  augenblick.simulate({ device: "phone" });
  augenblick.destroy();
  return augenblick.moment()?.kind ?? "know";
}
