import { z } from 'zod';
import { ProviderId } from '../catalog/types';
import { event, request } from './define';

/**
 * A provider base URL override (providers.md: "Every adapter's base URL must be configurable"):
 * http or https only, no user name or password in it; trailing slashes are dropped because
 * adapters append paths.
 */
export const BaseUrl = z
  .string()
  .trim()
  .max(2048)
  .refine(isPlainHttpUrl, 'Enter a full http:// or https:// address without a user name or password, e.g. https://api.novita.ai.')
  .transform((url) => url.replace(/\/+$/, ''));

function isPlainHttpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && url.username === '' && url.password === '';
}

/** Per-provider settings. `baseUrl` null = the provider's default (or its environment variable). */
export const ProviderSettings = z.object({
  baseUrl: BaseUrl.nullable(),
  /** Jobs this app keeps running at once at this provider, 1–20. */
  concurrency: z.number().int().min(1, 'Concurrency is at least 1.').max(20, 'Concurrency is at most 20.'),
});
export type ProviderSettings = z.infer<typeof ProviderSettings>;

/** Bounds of the poll interval, ms. EvoLink asks for at least 1–2 s between requests (providers.md, EvoLink). */
export const POLL_INTERVAL_MS = { min: 1_000, max: 600_000 } as const;

const IntervalMs = z
  .number()
  .int()
  .min(POLL_INTERVAL_MS.min, `Poll intervals are at least ${POLL_INTERVAL_MS.min} ms.`)
  .max(POLL_INTERVAL_MS.max, `Poll intervals are at most ${POLL_INTERVAL_MS.max} ms (10 minutes).`);

export const PollingSettings = z
  .object({
    /** Shortest wait between two polls of one task, ms. */
    minIntervalMs: IntervalMs,
    /** Longest wait between two polls of one task, ms (the ETA may ask for more; this caps it). */
    maxIntervalMs: IntervalMs,
  })
  .refine((p) => p.minIntervalMs <= p.maxIntervalMs, {
    message: 'The shortest poll interval cannot be longer than the longest.',
    path: ['minIntervalMs'],
  });

/** The window's colours: `system` follows the operating system's light/dark setting (UX.md, "Frame"). */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/**
 * The window's language: `system` follows the operating system's preferred languages (Chinese of any
 * region → Simplified Chinese, anything else → English); `en` English; `zh-CN` Simplified Chinese.
 */
export const Language = z.enum(['system', 'en', 'zh-CN']);
export type Language = z.infer<typeof Language>;

/** Everything the user can set. `libraryDir` is an absolute folder path; main checks it can be used. */
export const Settings = z.object({
  providers: z.record(ProviderId, ProviderSettings),
  libraryDir: z.string().min(1).max(4096),
  notifications: z.object({ onFinish: z.boolean(), onFail: z.boolean() }),
  polling: PollingSettings,
  // A settings file from before the language setting has none: it means `system`.
  appearance: z.object({ theme: Theme, language: Language.default('system') }),
});
export type Settings = z.infer<typeof Settings>;

/** A partial update: any section, any field; fields not named keep their value. */
export const SettingsPatch = z
  .object({
    providers: z.partialRecord(ProviderId, ProviderSettings.partial().strict()),
    libraryDir: z.string().min(1).max(4096),
    notifications: z.object({ onFinish: z.boolean(), onFail: z.boolean() }).partial().strict(),
    polling: z.object({ minIntervalMs: IntervalMs, maxIntervalMs: IntervalMs }).partial().strict(),
    appearance: z.object({ theme: Theme, language: Language }).partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const settingsDomain = {
  requests: {
    get: request(z.object({}).strict(), Settings),
    /** Validates and applies `patch` whole or not at all; a refused patch keeps the previous settings. */
    update: request(z.object({ patch: SettingsPatch }).strict(), Settings),
    /**
     * Opens the system folder picker for the library folder (Electron: `dialog.showOpenDialog`).
     * `chosen`: main checked the folder (it exists, is a folder, is writable; else `BAD_INPUT` in
     * plain words) — nothing is saved or moved until `update` with it; `cancelled`: the user closed
     * the picker; `no_dialog`: the host has none (the browser harness), the path is typed instead.
     */
    chooseLibraryDir: request(
      z.object({}).strict(),
      z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('chosen'), path: z.string().min(1).max(4096) }),
        z.object({ outcome: z.literal('cancelled') }),
        z.object({ outcome: z.literal('no_dialog') }),
      ]),
    ),
  },
  events: {
    changed: event(z.object({ settings: Settings })),
  },
} as const;
