// Compiled with `tsc --noEmit` against the generated augenblick.d.ts (scripts/test.sh):
// the public API must type-check as a user would write it, and wrong usage must not.
import init, { parseMomentKind, version, type MomentKind } from "augenblick";

export async function start(): Promise<MomentKind> {
  await init();
  const packageVersion: string = version();
  console.log(packageVersion);

  // Anything may be passed in; a MomentKind comes out.
  const kind: MomentKind = parseMomentKind(document.body.dataset.moment);

  // @ts-expect-error the result is typed as a MomentKind, not as `any`
  const notANumber: number = parseMomentKind("go");
  console.log(notANumber);

  // @ts-expect-error a MomentKind is one of four names, not any string
  const wrong: MomentKind = "shop";
  console.log(wrong);

  switch (kind) {
    case "know":
    case "go":
    case "do":
    case "buy":
      return kind;
    default: {
      // Exhaustive: a fifth moment would be a compile error here.
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

export function nameOf(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}
