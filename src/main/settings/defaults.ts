import type { Settings } from '../../shared/contract/settings';

/**
 * The settings a new install starts with. `libraryDir` comes from the host (it knows where the
 * user's videos belong). Concurrency defaults (providers.md): fal runs 2 at once for new accounts
 * (the rest wait in fal's queue); ModelArk allows 10 running at once on 1.0 Pro, so 5 leaves room
 * for the user's other tools; Novita and EvoLink document no limit, so a modest 3.
 * Theme and language: the system's. Polling: 3 s at the shortest (EvoLink asks for 1–2 s between requests at least), 30 s at the longest.
 */
export function defaultSettings(libraryDir: string): Settings {
  return {
    providers: {
      novita: { baseUrl: null, concurrency: 3 },
      fal: { baseUrl: null, concurrency: 2 },
      evolink: { baseUrl: null, concurrency: 3 },
      ark: { baseUrl: null, concurrency: 5 },
    },
    libraryDir,
    notifications: { onFinish: true, onFail: true },
    polling: { minIntervalMs: 3_000, maxIntervalMs: 30_000 },
    appearance: { theme: 'system', language: 'system' },
  };
}
