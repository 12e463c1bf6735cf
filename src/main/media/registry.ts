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
   * id; a path that is not a symlink gets it at once, without touching the disk (the library
   * registers three files per clip of every answer it gives the grid, each keystroke of a search),
   * as serving checks the realpath again anyway: a file removed since is refused then
   * (`serveMedia`), never served. A symlink is resolved again, and gets a new id when its target
   * changed. Rejects when `absPath` is not absolute or must be resolved and does not exist
   * (realpath fails). Asynchronous: a synchronous realpath per file would block main.
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
      const key = keyOf(absPath, mime);
      const known = byKey.get(key);
      // A path that was its own realpath can only resolve to itself again (or fail, which serving
      // notices): answer at once. A symlink may point elsewhere now: resolve it again.
      if (known && byId.get(known)?.realPath === absPath) return known;
      const realPath = await realpath(absPath);
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
