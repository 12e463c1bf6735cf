import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { ProviderId } from '../../shared/catalog/types';

/**
 * Which uploaded copy a URL stands for: the provider, the storage host it went to (the offline
 * simulator's copy must never be sent to the real provider, nor the other way round) and the file's
 * hex sha256.
 */
export interface UploadKey {
  provider: ProviderId;
  /** Origin of the storage API the bytes went to, e.g. `https://rest.fal.ai`. */
  host: string;
  sha256: string;
}

/**
 * Remembers the URL each provider's storage gave for a file's bytes, so a retry or a second job never
 * uploads the same bytes twice (issue 13: fal storage, EvoLink files API). A URL is reused only while
 * it has `REUSE_MARGIN_MS` of its lifetime left: the provider fetches inputs when the task starts, which
 * may be after a wait in its queue.
 */
export interface UploadCache {
  /**
   * The URL for `key`: the remembered one while it is fresh enough, else `upload()`'s, remembered until
   * `upload` says it expires (ms since the epoch). Concurrent calls for one key share one upload; a
   * failed upload is not remembered (the error reaches every caller).
   */
  urlFor(key: UploadKey, upload: () => Promise<{ url: string; expiresAt: number }>): Promise<string>;
}

/** Time a remembered URL must still have left to be reused (6 h: longer than any queue wait seen). */
export const REUSE_MARGIN_MS = 6 * 3600 * 1000;

const FileShape = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), z.object({ url: z.string().min(1), expiresAt: z.number() })),
});

const keyOf = (k: UploadKey) => `${k.provider} ${k.host} ${k.sha256}`;

/**
 * An upload cache kept in `file` (JSON, written atomically after each new upload, expired entries
 * dropped; a missing or unreadable file starts empty — the worst case is one upload again). All I/O is
 * asynchronous: it runs in the job engine's process beside the provider traffic. `file` null keeps it
 * in memory only. `now` is the clock in ms.
 */
export function createUploadCache(file: string | null, now: () => number = Date.now): UploadCache {
  let entries: Map<string, { url: string; expiresAt: number }> | null = null;
  let loading: Promise<void> | null = null;
  let writing: Promise<void> = Promise.resolve();
  const inFlight = new Map<string, Promise<string>>();

  function load(): Promise<void> {
    loading ??= (async () => {
      const map = new Map<string, { url: string; expiresAt: number }>();
      if (file) {
        const text = await readFile(file, 'utf8').catch(() => null);
        const parsed = text === null ? null : FileShape.safeParse(safeJson(text));
        if (parsed?.success) for (const [k, v] of Object.entries(parsed.data.entries)) if (v.expiresAt > now()) map.set(k, v);
      }
      entries = map;
    })();
    return loading;
  }

  function save(): Promise<void> {
    if (!file) return Promise.resolve();
    const target = file;
    // One write at a time, each with the whole table as it is then: the last one on disk is the newest.
    writing = writing.then(async () => {
      const live = [...(entries ?? new Map()).entries()].filter(([, v]) => v.expiresAt > now());
      const tmp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
      await mkdir(dirname(target), { recursive: true });
      await writeFile(tmp, JSON.stringify({ version: 1, entries: Object.fromEntries(live) }));
      await rename(tmp, target);
    });
    return writing;
  }

  return {
    async urlFor(key, upload) {
      await load();
      const k = keyOf(key);
      const known = entries!.get(k);
      if (known && known.expiresAt - now() >= REUSE_MARGIN_MS) return known.url;
      const pending = inFlight.get(k);
      if (pending) return pending;
      const fresh = (async () => {
        const done = await upload();
        entries!.set(k, done);
        // A cache that cannot be written costs a second upload later, never this job.
        await save().catch(() => undefined);
        return done.url;
      })().finally(() => inFlight.delete(k));
      inFlight.set(k, fresh);
      return fresh;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
