import { chmodSync, existsSync, mkdirSync, renameSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { Logger } from '../logging/logger';

/**
 * One JSON file read and written through `conf` — the plain-Node core of `electron-store`
 * (ARCHITECTURE.md, "Data"). `electron-store` itself imports `electron` at load time, so the core
 * (which must run under Node for the harness, the CLI and tests) takes an `OpenConf` from its host:
 * `conf` itself by default, `electron-store` from the Electron host (same file format and API).
 *
 * Writes are atomic (temp file + rename, by `conf`) and the file is owner-only (0600): the key
 * vault's ciphertexts and the settings' paths are nobody else's business. The parsed file is kept
 * in memory: `read` costs no I/O (the vault is read on every engine context call, issue 12); it is
 * parsed again after a write or when the file changes on disk (a watch on its folder).
 */
export interface JsonStoreFile {
  /** Absolute path of the file. */
  readonly path: string;
  /** The file's top-level object; `{}` when missing. A file that is not JSON is moved aside (see `openJsonStore`). */
  read(): Record<string, unknown>;
  /** Replaces the whole file atomically. Throws on I/O errors (disk full, read-only folder). */
  write(data: Record<string, unknown>): void;
}

/** Owner read/write only. */
export const OWNER_ONLY = 0o600;

/** What `openJsonStore` asks of a store: `conf`'s options for one file. */
export interface ConfFileOptions {
  /** Folder of the file (absolute). */
  cwd: string;
  /** File name without `.json`. */
  configName: string;
  configFileMode: number;
  accessPropertiesByDotNotation: false;
}

/**
 * Makes the `conf` store for one file. Plain-Node hosts use `openWithConf`; the Electron host
 * passes one that makes an `electron-store` (a `Conf` subclass) with the same options.
 */
export type OpenConf = (options: ConfFileOptions) => Conf<Record<string, unknown>>;

/** The default `OpenConf`: `conf` itself. */
export const openWithConf: OpenConf = (options) => new Conf<Record<string, unknown>>(options);

/**
 * Opens (without creating) `<dir>/<name>.json`. If the file exists but is not valid JSON it is
 * renamed to `<name>.json.corrupt-<ms since epoch>` — kept for the user, never deleted — a warning is
 * logged, and the store starts empty. Loosened permissions on an existing file are tightened to 0600.
 * `openConf` makes the store (default `conf`; the Electron host passes electron-store).
 */
export function openJsonStore(dir: string, name: string, log: Logger, openConf: OpenConf = openWithConf): JsonStoreFile {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.json`);
  const moveAside = () => {
    const aside = `${path}.corrupt-${Date.now()}`;
    renameSync(path, aside);
    log.warn('store.corrupt_file_moved', { file: path, movedTo: aside });
  };
  const open = () =>
    openConf({
      cwd: dir,
      configName: name,
      configFileMode: OWNER_ONLY,
      // Provider ids and section names are plain keys; dots in them must not mean nesting.
      accessPropertiesByDotNotation: false,
    });

  let conf: Conf<Record<string, unknown>>;
  try {
    // conf reads the file while constructing, so a damaged file already shows here.
    conf = open();
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    moveAside();
    conf = open();
  }
  if (existsSync(path)) chmodSync(path, OWNER_ONLY);

  /** The file as last parsed; null when it must be read again (written, or changed on disk). */
  let parsed: Record<string, unknown> | null = null;
  const load = (): Record<string, unknown> => {
    try {
      return conf.store;
    } catch (err) {
      if (!(err instanceof SyntaxError)) throw err;
      moveAside();
      return {};
    }
  };
  let watched = watchFile(dir, `${name}.json`, () => (parsed = null), () => (watched = false));

  return {
    path,
    // A deep copy: callers may change what they get without changing the cache. Unwatched, every read parses the file.
    read: () => structuredClone(watched ? (parsed ??= load()) : load()),
    write(data) {
      parsed = null;
      conf.store = data;
    },
  };
}

/**
 * Calls `changed` whenever `<dir>/<file>` may have changed (written, replaced by a rename, deleted).
 * The folder is watched, not the file: an atomic write replaces the file's inode. Never keeps the
 * process alive. Returns false when the folder cannot be watched; `lost` is called if the watch
 * ends later — either way the caller must stop trusting a cached copy.
 */
function watchFile(dir: string, file: string, changed: () => void, lost: () => void): boolean {
  let watcher: FSWatcher;
  try {
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || name === file) changed();
    });
  } catch {
    return false;
  }
  watcher.on('error', () => {
    lost();
    watcher.close();
  });
  return true;
}
