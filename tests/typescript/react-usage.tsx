// augenblick/react as a user writes it, checked by `tsc --noEmit`.
import { AugenblickProvider, Slot, useAugenblick, useMoment } from "augenblick/react";
import type { MomentKind } from "augenblick";
import type { ReactElement } from "react";

function Greeting(): ReactElement {
  const moment = useMoment();
  const kind: MomentKind | undefined = moment?.kind;
  const sdk = useAugenblick();
  sdk?.refresh();
  return <p>{kind ?? "deciding"}</p>;
}

export function App(): ReactElement {
  return (
    <AugenblickProvider options={{ consent: { storage: false } }} onError={(error) => console.warn(error.name)}>
      <Greeting />
      <Slot
        name="hero"
        variants={[
          { moment: "go", minUrgency: 0.5, device: ["mobile"], content: <a href="/stores">Directions</a> },
          { moment: "do", content: <a href="/recipes">Recipes</a>, name: "recipes" },
        ]}
      >
        <p>Our story</p>
      </Slot>
      {/* @ts-expect-error a variant names a moment */}
      <Slot variants={[{ moment: "shop", content: null }]} />
      {/* @ts-expect-error a variant has content */}
      <Slot variants={[{ moment: "go" }]} />
    </AugenblickProvider>
  );
}
