import { readdir } from 'node:fs/promises';
import type { Logger } from '../logging/logger';
import { mapLimit } from './disk';
import type { ClipIndex } from './index';
import { isClipFolderName } from './layout';
import { recordFromCache } from './index-cache';
import { interpretClipFacts, readClipFolder, type ClipRecord, type ReadClipResult } from './read-clip';
import { scanInWorker, type CacheUse } from './scan-worker';

/** Sidecar reads in flight at once: enough to keep the thread pool busy, few enough for file-handle limits. */
export const SCAN_CONCURRENCY = 64;

/**
 * Reads every clip folder directly under `root` (hidden folders and plain files are not clips),
 * `concurrency` at a time, and returns the valid records. Skipped folders are logged with their
 * reason and left untouched. When two folders hold the same clip id (a copy made outside the app),
 * the one whose name ends in `_<id>` wins, else the first by name; the other is skipped.
 * Returns [] when `root` does not exist.
 */
export async function scanLibrary(root: string, log: Logger, concurrency = SCAN_CONCURRENCY): Promise<ClipRecord[]> {
  const names = await listClipFolders(root);
  const results = await mapLimit(names, concurrency, (name) => readClipFolder(root, name));
  const byId = new Map<string, ClipRecord>();
  results.forEach((result, i) => {
    const folder = names[i] as string;
    if (!result.ok) {
      logSkip(log, folder, result);
      return;
    }
    const record = result.record;
    const other = byId.get(record.id);
    if (!other) {
      byId.set(record.id, record);
      return;
    }
    const [keep, drop] = preferOwnName(other, record);
    byId.set(keep.id, keep);
    log.warn('library.duplicate_id', { id: record.id, kept: keep.folder, skipped: drop.folder });
  });
  return [...byId.values()];
}

/** Folder names under `root` that may be clips, sorted; [] when `root` is missing. */
export async function listClipFolders(root: string): Promise<string[]> {
  try {
    const dirents = await readdir(root, { withFileTypes: true });
    return dirents
      .filter((d) => d.isDirectory() && isClipFolderName(d.name))
      .map((d) => d.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/**
 * Brings the index in line with one folder after a change on disk, and returns the ids that
 * changed (added, updated or removed). A folder that is gone or no longer a valid clip drops out
 * of the index; nothing on disk is modified. `skipped` receives the reason when the folder exists
 * but is not (yet) a clip, so the caller can keep an eye on a copy still in progress.
 */
export async function syncFolder(
  index: ClipIndex,
  root: string,
  folder: string,
  log: Logger,
  skipped?: (reason: string) => void,
): Promise<string[]> {
  const result = await readClipFolder(root, folder);
  const previous = index.byFolder(folder);
  const changed: string[] = [];
  if (!result.ok) {
    if (result.reason !== 'missing') {
      logSkip(log, folder, result);
      skipped?.(result.reason);
    }
    if (previous && index.remove(previous.id)) changed.push(previous.id);
    return changed;
  }
  const record = result.record;
  const sameId = index.get(record.id);
  if (sameId && sameId.folder !== folder) {
    // The same id in another folder: a rename made outside the app (old folder gone) or a copy (both there).
    const old = await readClipFolder(root, sameId.folder);
    if (old.ok && old.record.id === record.id) {
      log.warn('library.duplicate_id', { id: record.id, kept: sameId.folder, skipped: folder });
      if (previous && previous.id !== record.id && index.remove(previous.id)) changed.push(previous.id);
      return changed;
    }
  }
  if (previous && previous.id !== record.id && index.remove(previous.id)) changed.push(previous.id);
  if (sameId && sameId.folder === folder && sameId.fingerprint === record.fingerprint && sameId.hasPoster === record.hasPoster) {
    return changed;
  }
  index.set(record);
  changed.push(record.id);
  return changed;
}

/**
 * Makes the index equal a fresh full scan and returns the ids that changed. Used at start (on an
 * empty index) and by `refresh()`.
 */
export async function syncAll(index: ClipIndex, root: string, log: Logger, concurrency = SCAN_CONCURRENCY): Promise<string[]> {
  const records = await scanLibrary(root, log, concurrency);
  const seen = new Set<string>();
  const changed: string[] = [];
  for (const record of records) {
    seen.add(record.id);
    const old = index.get(record.id);
    if (old && old.folder === record.folder && old.fingerprint === record.fingerprint && old.hasPoster === record.hasPoster) continue;
    index.set(record);
    changed.push(record.id);
  }
  for (const record of [...index.all()]) {
    if (!seen.has(record.id) && index.remove(record.id)) changed.push(record.id);
  }
  return changed;
}

/** What a cold start read: clips taken from the index cache, folders read from disk, and how the cache served. */
export interface ColdIndexOutcome {
  fromCache: number;
  read: number;
  cache: CacheUse | 'no_worker';
}

/**
 * Builds the (empty) `index` at start: the scan worker (`scanInWorker`) stats every folder and
 * confirms or reads it, this thread adds the records chunk by chunk as they arrive (a cached clip
 * costs a JSON.parse, a changed one the sidecar schema check), so the event loop stays free. The
 * outcome equals `syncAll` on an empty index: the same records, skips logged with their reason, and
 * duplicate ids resolved the same way. Where the worker cannot run, falls back to `syncAll`.
 */
export async function coldIndex(index: ClipIndex, root: string, cachePath: string, log: Logger, concurrency = SCAN_CONCURRENCY): Promise<ColdIndexOutcome> {
  const folders = await listClipFolders(root);
  const outcome: ColdIndexOutcome = { fromCache: 0, read: 0, cache: 'absent' };
  const refused: string[] = [];
  const add = (record: ClipRecord, haystack?: string) => {
    const other = index.get(record.id);
    if (other && other.folder !== record.folder) {
      const [keep, drop] = preferOwnName(other, record);
      log.warn('library.duplicate_id', { id: record.id, kept: keep.folder, skipped: drop.folder });
      if (keep !== record) return;
    }
    index.set(record, haystack);
  };
  try {
    outcome.cache = await scanInWorker(root, folders, cachePath, (reports) => {
      for (const report of reports) {
        if ('cached' in report) {
          const hit = recordFromCache(root, report.folder, report.fingerprint, report.hasPoster, report.cached);
          if (hit) {
            add(hit.record, hit.haystack);
            outcome.fromCache++;
          } else refused.push(report.folder);
          continue;
        }
        outcome.read++;
        const result = interpretClipFacts(root, report.folder, report.facts);
        if (result.ok) add(result.record);
        else logSkip(log, report.folder, result);
      }
    });
  } catch (err) {
    log.warn('library.scan_worker_failed', { error: err });
    await syncAll(index, root, log, concurrency);
    return { fromCache: 0, read: index.size, cache: 'no_worker' };
  }
  for (const folder of refused) {
    outcome.read++;
    const result = await readClipFolder(root, folder);
    if (result.ok) add(result.record);
    else logSkip(log, folder, result);
  }
  return outcome;
}

function preferOwnName(a: ClipRecord, b: ClipRecord): [ClipRecord, ClipRecord] {
  const own = (r: ClipRecord) => r.folder.endsWith(`_${r.id}`);
  if (own(a) !== own(b)) return own(a) ? [a, b] : [b, a];
  return a.folder <= b.folder ? [a, b] : [b, a];
}

function logSkip(log: Logger, folder: string, result: Extract<ReadClipResult, { ok: false }>): void {
  log.warn('library.skipped', { folder, reason: result.reason, ...(result.detail ? { detail: result.detail } : {}) });
}
