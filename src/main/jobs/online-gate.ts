import { Aborted } from './clock';

/** Whether the engine may reach providers; flows wait on it while offline. */
export interface OnlineGate {
  readonly online: boolean;
  /** Sets the state; going online wakes every waiter. Returns false when nothing changed. */
  set(online: boolean): boolean;
  /** Resolves when online; rejects with `Aborted` if `signal` aborts first. */
  wait(signal: AbortSignal): Promise<void>;
}

export function createOnlineGate(): OnlineGate {
  let online = true;
  let waiters: Array<() => void> = [];
  return {
    get online() {
      return online;
    },
    set(value) {
      if (online === value) return false;
      online = value;
      if (online) {
        const woken = waiters;
        waiters = [];
        for (const wake of woken) wake();
      }
      return true;
    },
    wait(signal) {
      if (online) return Promise.resolve();
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new Aborted());
        const onAbort = () => reject(new Aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        waiters.push(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    },
  };
}
