// augenblick/openfeature with @openfeature/web-sdk as a user writes it, checked by `tsc --noEmit`.
import { OpenFeature } from "@openfeature/web-sdk";
import { Augenblick } from "augenblick";
import { AugenblickProvider, shareMoment } from "augenblick/openfeature";

export async function flags(): Promise<boolean> {
  await OpenFeature.setProviderAndWait(
    new AugenblickProvider({
      flags: {
        "show-directions": {
          variants: { on: true, off: false },
          defaultVariant: "off",
          targeting: [{ variant: "on", moment: "go", minUrgency: 0.6 }],
        },
        "hero-copy": {
          variants: { recipe: "Bake it yourself", visit: "Eat with us tonight" },
          defaultVariant: "recipe",
          targeting: [{ variant: "visit", moment: "go", daypart: ["evening"] }],
        },
      },
      options: { consent: { storage: false } },
    }),
  );
  const client = OpenFeature.getClient();
  const copy: string = client.getStringValue("hero-copy", "Bake it yourself");
  const details = client.getBooleanDetails("show-directions", false);
  void copy;
  new AugenblickProvider({
    // @ts-expect-error targeting rules name a moment
    flags: { x: { variants: { on: true }, defaultVariant: "on", targeting: [{ variant: "on", moment: "later" }] } },
  });
  const stop: () => void = shareMoment(await Augenblick.init());
  stop();
  return details.value;
}
