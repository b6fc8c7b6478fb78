// Sends what the instance's Runtime queues (core/src/events/page.rs): batches with `fetch`
// (keepalive when small enough), again after the wait the core computes on a failure or a
// timeout, and a beacon with everything left when the page is hidden or goes away. The core
// decides what is in a batch and when to retry; this file only sends and reports the answers.

/** What a keepalive fetch may carry: the page's in-flight budget is 64 KiB, shared. */
const KEEPALIVE_LIMIT_BYTES = 60 * 1024;
/** What one beacon may carry, leaving room for the page's other beacons in the budget. */
const BEACON_LIMIT_BYTES = 60 * 1024;

/** A signal that aborts a request after `ms`, where the browser has no `AbortSignal.timeout`. */
function timeoutSignal(ms) {
  if (typeof AbortSignal.timeout === "function") return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return controller.signal;
}

/** A random UUID, for `messageId` and the anonymous id (also outside secure contexts). */
export function uuid() {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `Retry-After` in ms (seconds or an HTTP date), 0 when absent or unreadable. */
function retryAfterMs(response) {
  const value = response.headers.get("Retry-After");
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 0;
}

export class Transport {
  #runtime;
  #config;
  #flushTimer = null;
  #retryTimer = null;
  #inFlight = false;
  #stopped = false;

  /** `config`: `{ endpoint, flushAt, flushIntervalMs, timeoutMs }` from `runtime.eventsConfig()`. */
  constructor(runtime, config) {
    this.#runtime = runtime;
    this.#config = config;
    addEventListener("pagehide", this.#leave);
    document.addEventListener("visibilitychange", this.#hidden);
    // Events an earlier page could not send go first.
    if (runtime.waitingEvents() > 0) this.flush();
  }

  /** An event was queued (`waiting` events now wait, -1: none was). */
  queued(waiting) {
    if (waiting < 0 || this.#stopped) return;
    if (waiting >= this.#config.flushAt) {
      this.flush();
    } else if (this.#flushTimer === null) {
      this.#flushTimer = setTimeout(() => {
        this.#flushTimer = null;
        this.flush();
      }, this.#config.flushIntervalMs);
    }
  }

  /** Sends the next batch, unless one is in flight or a retry is waiting. */
  flush() {
    if (this.#inFlight || this.#retryTimer !== null || this.#stopped) return;
    const next = this.#runtime.nextBatch(new Date().toISOString());
    if (!next) return;
    const { id, body } = JSON.parse(next);
    this.#inFlight = true;
    let sending;
    try {
      sending = fetch(this.#config.endpoint, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/json" },
        credentials: "omit",
        keepalive: body.length <= KEEPALIVE_LIMIT_BYTES,
        // A request that never answers would hold every later batch: given up, it is
        // retried like a network error.
        signal: timeoutSignal(this.#config.timeoutMs),
      });
    } catch {
      sending = Promise.reject(new Error("fetch refused"));
    }
    sending.then(
      (response) => {
        // A keepalive request counts against the page's 64 KiB budget until its response
        // is done: unread, every third batch was refused at once and waited for a retry
        // (BENCHMARKS.md, "Through the SDK in Chromium").
        response.body?.cancel().catch(() => {});
        this.#answered(id, response.status, retryAfterMs(response));
      },
      () => this.#answered(id, 0, 0),
    );
  }

  #answered(id, status, retryAfter) {
    this.#inFlight = false;
    if (this.#stopped) return;
    const delay = this.#runtime.batchAnswered(id, status, retryAfter, Math.random());
    if (delay >= 0) {
      this.#retryTimer = setTimeout(() => {
        this.#retryTimer = null;
        this.flush();
      }, delay);
    } else {
      this.flush(); // the next batch, if more wait
    }
  }

  #hidden = () => {
    if (document.visibilityState === "hidden") this.#leave();
  };

  /**
   * The page is hidden or going away: everything left goes in a beacon. It is kept first
   * (with storage consent), since a beacon the browser takes may still never arrive (the
   * receiver down): the next page sends it again, and the receiver drops what it has.
   */
  #leave = () => {
    if (this.#stopped) return;
    this.#runtime.persistEvents();
    const body = this.#runtime.beaconBody(new Date().toISOString(), BEACON_LIMIT_BYTES);
    if (body) {
      let taken = false;
      try {
        // text/plain: a beacon that needs no CORS preflight, which a page going away may
        // not live to see answered.
        taken = navigator.sendBeacon(this.#config.endpoint, new Blob([body], { type: "text/plain;charset=UTF-8" }));
      } catch {
        taken = false;
      }
      this.#runtime.beaconTaken(taken);
    }
  };

  /** Stops sending; what waits is kept (with storage consent) for the next page. */
  stop() {
    if (this.#stopped) return;
    this.#runtime.persistEvents();
    this.#stopped = true;
    clearTimeout(this.#flushTimer);
    clearTimeout(this.#retryTimer);
    removeEventListener("pagehide", this.#leave);
    document.removeEventListener("visibilitychange", this.#hidden);
  }
}
