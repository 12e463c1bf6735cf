import { Mutex } from 'async-mutex';

/** Runs async work one call at a time per key; see `createKeyedLock`. */
export interface KeyedLock {
  /**
   * Runs `fn` once every earlier call with the same `key` has settled (fulfilled or rejected), and
   * resolves or rejects as `fn` does. Calls with different keys run independently.
   */
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * A lock per key (async-mutex's `Mutex` under each), forgotten once no call holds or waits for it,
 * so a store with thousands of files keeps no map entry per file it ever wrote.
 */
export function createKeyedLock(): KeyedLock {
  const locks = new Map<string, { mutex: Mutex; users: number }>();
  return {
    async run(key, fn) {
      let entry = locks.get(key);
      if (!entry) locks.set(key, (entry = { mutex: new Mutex(), users: 0 }));
      entry.users++;
      try {
        return await entry.mutex.runExclusive(fn);
      } finally {
        if (--entry.users === 0) locks.delete(key);
      }
    },
  };
}
