// Compiled with `tsc --noEmit` against the generated augenblick.d.ts (scripts/test.sh):
// the public API must type-check as a user would write it, and wrong usage must not.
import init, { SignalCollector, version, type LocationSignal, type Snapshot } from "augenblick";

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
