import { useSyncExternalStore } from 'react';

/** The shared clock's tick, ms. */
const TICK_MS = 1000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

const never = () => () => undefined;
const read = () => now;

/**
 * The current time (ms epoch) for timers and ETAs of jobs under way. Every live caller reads ONE
 * shared clock that ticks each second, so a job's row and its detail pane always show the same
 * times (issue 14 item 7); ended jobs pass `live: false` and never re-render on their own.
 */
export function useNow(live: boolean): number {
  return useSyncExternalStore(live ? subscribe : never, read, read);
}
