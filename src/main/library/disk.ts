import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { syncFolder } from '../storage/atomic-write';

/**
 * Copies the file `source` to `dest` (absolute, the user's choice) so that `dest` is either as it was
 * or a whole copy: the bytes go to a hidden temp file beside `dest` (a reflink where the file
 * system offers one), are fsynced, checked for size, then renamed over `dest` — replacing a file
 * there, which the save dialog has already asked about. Returns the bytes copied.
 * Throws an Error (its message a lower-case phrase, like `describeFsError`'s) when `dest` is
 * `source` itself (a copy onto itself would destroy it), or with the file system's error (no
 * space, no permission, read-only folder); the temp file is removed either way.
 */
export async function copyFileAtomic(source: string, dest: string): Promise<number> {
  const target = resolve(dest);
  const from = await realpath(source);
  const existing = await realpath(target).catch(() => null);
  if (existing === from) throw new Error('it would replace the original file');
  const tmp = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.part`);
  try {
    await copyFile(from, tmp, constants.COPYFILE_FICLONE | constants.COPYFILE_EXCL);
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const [want, got] = await Promise.all([stat(from), stat(tmp)]);
    if (want.size !== got.size) throw new Error(`the copy has ${got.size} bytes, the original ${want.size}`);
    await rename(tmp, target);
    await syncFolder(dirname(target));
    return got.size;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file system error in plain words for a person (the raw message names paths and syscalls). */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the folder is read-only';
    case 'ENOENT':
      return 'the folder or the clip no longer exists';
    case 'EISDIR':
      return 'a folder has that name';
    default:
      return typeof code === 'string' ? `the file system refused it (${code})` : err instanceof Error ? err.message : 'unknown error';
  }
}

/** The sha256 (lowercase hex) and size in bytes of a file, streamed so big videos do not fill memory. */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Whether anything (file, folder, link target) is at `path`. */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
