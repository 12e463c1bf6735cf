import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { copyFile, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { english, phrase, said, type Phrase, type Said } from '../../shared/messages/phrase';
import { syncFolder } from '../storage/atomic-write';

/** Why a copy was refused or did not come out whole; a key of `library.fs` and its values. */
export type CopyWhy =
  | { kind: 'sameFile' | 'sizeDiffers' }
  | { kind: 'sizeMismatch'; got: number; want: number }
  | { kind: 'hashMismatch'; file: string };

/** A copy that ran but did not come out whole (or would have destroyed its source); its message is `why` in English. */
export class CopyCheckError extends Error {
  constructor(readonly why: CopyWhy) {
    const { kind, ...values } = why;
    super(english(phrase(`library.fs.${kind}`, values)));
    this.name = 'CopyCheckError';
  }
}

/**
 * Copies the file `source` to `dest` (absolute, the user's choice) so that `dest` is either as it was
 * or a whole copy: the bytes go to a hidden temp file beside `dest` (a reflink where the file
 * system offers one), are fsynced, checked for size, then renamed over `dest` — replacing a file
 * there, which the save dialog has already asked about. Returns the bytes copied.
 * Throws a `CopyCheckError` (its message a lower-case phrase, like `describeFsError`'s) when `dest` is
 * `source` itself (a copy onto itself would destroy it), or with the file system's error (no
 * space, no permission, read-only folder); the temp file is removed either way.
 */
export async function copyFileAtomic(source: string, dest: string): Promise<number> {
  const target = resolve(dest);
  const from = await realpath(source);
  const existing = await realpath(target).catch(() => null);
  if (existing === from) throw new CopyCheckError({ kind: 'sameFile' });
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
    if (want.size !== got.size) throw new CopyCheckError({ kind: 'sizeMismatch', got: got.size, want: want.size });
    await rename(tmp, target);
    await syncFolder(dirname(target));
    return got.size;
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Which of `library.fs`'s plain words an error gets, and the values they interpolate. */
type FsWhy = CopyWhy | { kind: 'diskFull' | 'denied' | 'readOnly' | 'gone' | 'isFolder' | 'unknown' } | { kind: 'refused'; code: string } | { kind: 'other'; detail: string };

function fsWhy(err: unknown): FsWhy {
  if (err instanceof CopyCheckError) return err.why;
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { kind: 'diskFull' };
    case 'EACCES':
    case 'EPERM':
      return { kind: 'denied' };
    case 'EROFS':
      return { kind: 'readOnly' };
    case 'ENOENT':
      return { kind: 'gone' };
    case 'EISDIR':
      return { kind: 'isFolder' };
    default:
      return typeof code === 'string' ? { kind: 'refused', code } : err instanceof Error ? { kind: 'other', detail: err.message } : { kind: 'unknown' };
  }
}

/**
 * A file system error in plain words for a person, lower case, to go inside a sentence (the raw
 * message names paths and syscalls): "the disk is full", "permission denied", the file system's
 * code when it is none of the common ones, a `CopyCheckError`'s own words, else the error's message.
 */
export function describeFsError(err: unknown): Phrase {
  const { kind, ...values } = fsWhy(err);
  return phrase(`library.fs.${kind}`, values);
}

/** `describeFsError` as a sentence of its own ("The disk is full."), for a failure that needs no more words. */
export function fsFailure(err: unknown): Said {
  const why = fsWhy(err);
  if (why.kind === 'other') return said('library.fsSentence.other', { detail: `${why.detail.charAt(0).toUpperCase()}${why.detail.slice(1)}` });
  const { kind, ...values } = why;
  return said(`library.fsSentence.${kind}`, values);
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
