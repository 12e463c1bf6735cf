/** Time as the engine sees it; tests pass their own to run timers fast or by hand. */
export interface EngineClock {
  /** ms since the epoch. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock. Timers are unref'd so a pending poll never keeps a CLI process alive. */
export const realClock: EngineClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Thrown by `sleep` when its signal aborts; callers treat it as "stop quietly". */
export class Aborted extends Error {
  constructor() {
    super('aborted');
    this.name = 'Aborted';
  }
}

/** Waits `ms` on `clock`; rejects with `Aborted` as soon as `signal` aborts (immediately if it already has). */
export function sleep(clock: EngineClock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Aborted());
      return;
    }
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(new Aborted());
    };
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
