import { lstat, open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Stats } from 'node:fs';
import { ImageError } from './errors';
import { HEAD_BYTES, TAIL_BYTES } from './sniff';
import { phrase, said } from '../../shared/messages/phrase';

const errCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code;

/**
 * Stats `path` as a regular, non-empty, readable file, or throws the matching `ImageError`:
 * `unreadable` (missing, dangling link, no permission), `not_a_file` (folder, device, socket),
 * `empty` (0 bytes). Follows symlinks, as opening the file would.
 */
export async function statImageFile(path: string): Promise<Stats> {
  const name = basename(path);
  let st: Stats;
  try {
    st = await stat(path);
  } catch (err) {
    const code = errCode(err);
    if (code === 'ENOENT') {
      const link = await lstat(path).catch(() => null);
      if (link?.isSymbolicLink()) throw new ImageError('unreadable', said('image.file.danglingLink', { name }));
      throw new ImageError('unreadable', said('image.file.notFound', { name }));
    }
    if (code === 'EACCES' || code === 'EPERM') throw new ImageError('unreadable', said('image.file.permission', { name }));
    if (code === 'ELOOP') throw new ImageError('unreadable', said('image.file.loop', { name }));
    throw new ImageError('unreadable', said('image.file.cannotRead', { name, code: code ?? phrase('image.file.unknownError') }));
  }
  if (st.isDirectory()) throw new ImageError('not_a_file', said('image.file.folder', { name }));
  if (!st.isFile()) throw new ImageError('not_a_file', said('image.file.notRegular', { name }));
  if (st.size === 0) throw new ImageError('empty', said('image.file.empty', { name }));
  return st;
}

/**
 * The first `HEAD_BYTES` and last `TAIL_BYTES` of a file (fewer when the file is smaller), read
 * without loading the rest. Throws `ImageError('unreadable')` when the file cannot be opened.
 */
export async function readHeadAndTail(path: string, size: number): Promise<{ head: Buffer; tail: Buffer }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    const code = errCode(err);
    const why = code === 'EACCES' || code === 'EPERM' ? phrase('image.file.permissionDenied') : (code ?? phrase('image.file.unknownError'));
    throw new ImageError('unreadable', said('image.file.cannotOpen', { name: basename(path), why }));
  }
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(head, 0, head.length, 0);
    await handle.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await handle.close();
  }
}

/** The first `HEAD_BYTES` of a file (for re-reading a BMP header before decoding). */
export async function readHead(path: string): Promise<Buffer> {
  const st = await statImageFile(path);
  return (await readHeadAndTail(path, st.size)).head;
}
