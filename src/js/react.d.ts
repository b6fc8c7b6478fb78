// augenblick/react (src/js/react.js).
import type { JSX, ReactNode } from "react";

import type { Augenblick, AugenblickOptions, Moment, VariantConditions } from "./augenblick.js";

export interface AugenblickProviderProps {
  /** Passed to `Augenblick.init` once, in the browser. */
  options?: AugenblickOptions;
  /** Or: an instance started already (the provider does not destroy it). */
  instance?: Augenblick;
  /** Hears a failed start (default: `console.error`); the page keeps its default content. */
  onError?: (error: Error) => void;
  children?: ReactNode;
}

/** Starts the SDK in the browser, once per page whatever the number of providers. */
export declare function AugenblickProvider(props: AugenblickProviderProps): JSX.Element;

/** The moment last decided; `null` on the server, while starting and without consent. */
export declare function useMoment(): Moment | null;

/** The started SDK instance; `null` on the server, while starting, after a failure. */
export declare function useAugenblick(): Augenblick | null;

export interface SlotVariant extends VariantConditions {
  /** What the slot shows when this variant applies. */
  content: ReactNode;
  /** Its name in `Variant Shown` events (default: the moment). */
  name?: string;
}

export interface SlotProps {
  /** The slot's name in `Variant Shown` events; without it, none is sent. */
  name?: string;
  /** The first whose conditions hold is shown. */
  variants: readonly SlotVariant[];
  /** The default content: on the server, in the first client render, and when no variant holds. */
  children?: ReactNode;
}

/** Shows the first variant whose conditions hold, decided as the SDK decides slots. */
export declare function Slot(props: SlotProps): JSX.Element;
