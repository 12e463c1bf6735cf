import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SIDECAR_SCHEMA_VERSION, type ClipSidecar } from '../../shared/library/sidecar';
import { writeFileAtomic } from '../storage/atomic-write';
import type { Logger } from '../logging/logger';
import type { ClipIndex } from './index';
import type { ClipRecord } from './read-clip';

/**
 * The derived index cache, `<libraryDir>/.index-cache` (hidden, so never taken for a clip folder).
 * The sidecars stay the source of truth: the cache only spares a cold start from reading and
 * parsing every sidecar again. A cached clip is used only while its sidecar's `mtimeMs:size`
 * (the record's fingerprint) and its video's size are exactly what the cache recorded; anything
 * else — a changed, new or vanished folder, a cache of another format, a corrupt line — is read
 * from disk as without a cache. Written whole and atomically (`writeFileAtomic`).
 *
 * Format (UTF-8 lines): the header `CACHE_HEADER`, then one line per clip,
 * `<folder>\t<fingerprint>\t<video bytes>\t<JSON of CachedClip>`. Folder names never hold a tab
 * or a newline (the library names them; a hand-made name with one is simply not cached).
 */
export const INDEX_CACHE_FILE = '.index-cache';

/** First line of the cache; a cache with any other first line is ignored (older format or sidecar schema). */
export const CACHE_HEADER = `seedance-library-index-cache 1 sidecar-schema ${SIDECAR_SCHEMA_VERSION}`;

/** A clip as cached: its sidecar (as `ClipSidecar` parsed it when it was read) and its search haystack. */
export interface CachedClip {
  sidecar: ClipSidecar;
  haystack: string;
}

/** Records serialised per turn of the event loop when saving (about 5 ms of work each on a busy core). */
const SAVE_CHUNK = 500;

/** Path of the cache for the library at `root`. */
export function indexCachePath(root: string): string {
  return join(root, INDEX_CACHE_FILE);
}

/**
 * The clip of one cache hit: `json` is the line's JSON (`CachedClip`), `folder`, `fingerprint`
 * and `hasPoster` what the scan worker found on disk just now. The sidecar was validated with the
 * `ClipSidecar` schema when it was read from disk and written here by this app; the header pins the
 * schema version. Null when the line is not what this version writes (the caller then reads the
 * folder itself).
 */
export function recordFromCache(root: string, folder: string, fingerprint: string, hasPoster: boolean, json: string): { record: ClipRecord; haystack: string } | null {
  let cached: CachedClip;
  try {
    cached = JSON.parse(json) as CachedClip;
  } catch {
    return null;
  }
  const sidecar = cached?.sidecar;
  if (typeof cached?.haystack !== 'string' || typeof sidecar?.id !== 'string' || sidecar.schemaVersion !== SIDECAR_SCHEMA_VERSION) return null;
  return { record: { id: sidecar.id, folder, dir: join(root, folder), sidecar, hasPoster, fingerprint }, haystack: cached.haystack };
}

/**
 * Writes the cache for every clip in `index` to `path`, serialising `SAVE_CHUNK` records per turn
 * of the event loop so that 10,000 clips (about 10 MB) never hold the thread for long. Throws the
 * file system's error (the caller logs it; the library works without a cache).
 */
export async function saveIndexCache(path: string, index: ClipIndex): Promise<void> {
  const parts: string[] = [CACHE_HEADER];
  let n = 0;
  for (const record of [...index.all()]) {
    if (++n % SAVE_CHUNK === 0) await nextTurn();
    const haystack = index.haystack(record.id);
    if (haystack === undefined || /[\t\n\r]/.test(record.folder)) continue; // Gone meanwhile, or a name the format cannot hold.
    const cached: CachedClip = { sidecar: record.sidecar, haystack };
    parts.push(`${record.folder}\t${record.fingerprint}\t${record.sidecar.video.bytes}\t${JSON.stringify(cached)}`);
  }
  await writeFileAtomic(path, `${parts.join('\n')}\n`);
}

/** Keeps the cache file in step with the index, a while after changes stop. */
export interface IndexCacheSaver {
  /** Saves `delayMs` after the last call (a burst of changes writes once). */
  schedule(): void;
  /** Saves now if a save is scheduled, and waits for any save in progress. */
  flush(): Promise<void>;
}

/**
 * A saver for the cache of `index` at `path`: one save at a time, `delayMs` (default 2,000 ms)
 * after the last change. A failed save is logged (`library.cache_save_failed`) and the stale
 * cache stays harmless: entries that no longer match their sidecars are read from disk next time.
 */
export function createIndexCacheSaver(path: string, index: ClipIndex, log: Logger, delayMs = 2_000): IndexCacheSaver {
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    timer = null;
    saving = saving.then(() => saveIndexCache(path, index)).catch((err: unknown) => log.warn('library.cache_save_failed', { error: err }));
    return saving;
  };
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void save(), delayMs);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await save();
      } else await saving;
    },
  };
}
