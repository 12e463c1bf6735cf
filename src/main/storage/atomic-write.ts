import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a temp file's name holds (`<path>.tmp-<random>`), so a loader can tell crash leftovers from real files. */
export const TEMP_MARK = '.tmp-';

/**
 * Writes `data` to `path` so that, after a crash or a power loss, `path` holds either the old file
 * or the whole new one: a temp file `<path>.tmp-<random>` in the same folder, fsynced, renamed over
 * `path`, then the folder fsynced (without it the rename itself can be lost: rename(2) only changes
 * the folder's entry). Owner-only (0600) unless `mode` says otherwise — what the app writes is the
 * user's (jobs, prompts, settings, sidecars). The folder must exist.
 *
 * Why not `write-file-atomic` or `atomically`: both fsync the file but neither fsyncs the folder.
 * Throws the file system's error (disk full, read-only folder); the temp file is removed then.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  const tmp = `${path}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
  try {
    const handle = await open(tmp, 'wx', options.mode ?? 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncFolder(dirname(path));
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; there the rename is already durable enough. */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported on this platform (Windows: EISDIR/EPERM); the file itself is synced.
  } finally {
    await handle?.close();
  }
}
