import { randomBytes } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { isAbsolute } from 'node:path';

/** A file the renderer may load, as registered. */
export interface MediaEntry {
  /** The path given at registration (may be a symlink). */
  path: string;
  /** `path` resolved with realpath at registration; serving refuses the file if this changed. */
  realPath: string;
  /** Content-Type to serve, e.g. `video/mp4`, `image/jpeg`. */
  mime: string;
}

/**
 * The only files `media://` (Electron) and `/media/` (harness) will serve. The renderer never
 * sends a path: it gets an opaque id from main and the URL built by `StudioConfig.mediaUrl`.
 */
export interface MediaRegistry {
  /**
   * Registers an existing file and returns its id: 32 lowercase hex chars from 128 random bits,
   * so ids cannot be guessed. Registering the same path with the same mime again returns the same
   * id. Rejects when `absPath` is not absolute or does not exist (realpath fails). Asynchronous:
   * the library registers two files per clip for every page of the grid it answers, and a
   * synchronous realpath per file would block main for each of them.
   */
  register(absPath: string, mime: string): Promise<string>;
  /** The entry for `id`, or null for an unknown or malformed id. */
  resolve(id: string): MediaEntry | null;
  /** Stops serving `id` (e.g. the clip was deleted). Unknown ids are ignored. */
  unregister(id: string): void;
}

const ID = /^[0-9a-f]{32}$/;

/** Creates an empty in-memory media registry. */
export function createMediaRegistry(): MediaRegistry {
  const byId = new Map<string, MediaEntry>();
  const byKey = new Map<string, string>();
  const keyOf = (path: string, mime: string) => `${mime}\u0000${path}`;

  return {
    async register(absPath, mime) {
      if (!isAbsolute(absPath)) throw new Error(`Media path must be absolute: ${absPath}`);
      const realPath = await realpath(absPath);
      const key = keyOf(absPath, mime);
      const existing = byKey.get(key);
      if (existing && byId.get(existing)?.realPath === realPath) return existing;
      if (existing) byId.delete(existing);
      const id = randomBytes(16).toString('hex');
      byId.set(id, { path: absPath, realPath, mime });
      byKey.set(key, id);
      return id;
    },
    resolve(id) {
      if (!ID.test(id)) return null;
      return byId.get(id) ?? null;
    },
    unregister(id) {
      const entry = byId.get(id);
      if (!entry) return;
      byId.delete(id);
      byKey.delete(keyOf(entry.path, entry.mime));
    },
  };
}
