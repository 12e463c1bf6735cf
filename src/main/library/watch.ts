import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';
import { isClipFolderName } from './layout';

/** Watches the library root and reports which clip folders changed, debounced. */
export interface LibraryWatcher {
  /**
   * Also watches inside `folder` for `ttlMs` (default 120,000 ms) — for a copy still in progress on
   * Linux, where the root watch does not see files written inside a folder.
   */
  follow(folder: string, ttlMs?: number): void;
  /** Stops following `folder` (it became a valid clip). */
  unfollow(folder: string): void;
  close(): void;
}

/**
 * Starts `fs.watch` on `root` and calls `onChange(folders)` with the set of changed folder names
 * (or `'all'` when the platform did not say which file changed) at most once per `debounceMs`
 * (default 250 ms) of quiet. Recursive on macOS and Windows, where it is native and cheap; on Linux
 * only the root is watched (a recursive watch there costs one inotify watch per folder), so new,
 * renamed and deleted folders are seen and `follow` covers folders still being written.
 * Watch errors (e.g. the root was removed) are logged; the watcher then stops.
 */
export function watchLibrary(
  root: string,
  onChange: (folders: Set<string> | 'all') => void,
  log: Logger,
  debounceMs = 250,
): LibraryWatcher {
  const recursive = process.platform === 'darwin' || process.platform === 'win32';
  let pending = new Set<string>();
  let all = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const followed = new Map<string, { watcher: FSWatcher; ttl: NodeJS.Timeout }>();

  const flush = () => {
    timer = null;
    const batch: Set<string> | 'all' = all ? 'all' : pending;
    pending = new Set();
    all = false;
    if (batch === 'all' || batch.size > 0) onChange(batch);
  };
  const note = (folder: string | null) => {
    if (closed) return;
    if (folder === null) all = true;
    else if (isClipFolderName(folder)) pending.add(folder);
    else return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  };

  let rootWatcher: FSWatcher | null = null;
  try {
    rootWatcher = watch(root, { recursive, persistent: false }, (_type, filename) => {
      note(filename ? (String(filename).split(/[\\/]/)[0] ?? null) : null);
    });
    rootWatcher.on('error', (err) => log.warn('library.watch_failed', { error: err }));
  } catch (err) {
    log.warn('library.watch_failed', { error: err });
  }

  function unfollow(folder: string): void {
    const f = followed.get(folder);
    if (!f) return;
    f.watcher.close();
    clearTimeout(f.ttl);
    followed.delete(folder);
  }

  return {
    follow(folder, ttlMs = 120_000) {
      if (recursive || closed || followed.has(folder)) return;
      try {
        const watcher = watch(join(root, folder), { persistent: false }, () => note(folder));
        watcher.on('error', () => unfollow(folder));
        const ttl = setTimeout(() => unfollow(folder), ttlMs);
        ttl.unref();
        followed.set(folder, { watcher, ttl });
      } catch {
        // The folder vanished between the event and now; the root watch reports that on its own.
      }
    },
    unfollow,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      rootWatcher?.close();
      for (const folder of [...followed.keys()]) unfollow(folder);
    },
  };
}
