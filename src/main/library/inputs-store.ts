import { randomBytes, webcrypto } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { INPUT_STORE_DIR, STORE_EXTENSIONS } from '../../shared/library/sidecar';
import { syncFolder } from '../storage/atomic-write';

/** A file now in the store: its path relative to the library root (`.inputs/<aa>/<sha256>.<ext>`), sha256 and size in bytes. */
export interface StoredFile {
  file: string;
  sha256: string;
  bytes: number;
}

/**
 * The library's content-addressed input store, `<library>/.inputs/<sha256[0..2]>/<sha256>.<ext>`:
 * the original inputs of every clip (photos, reference videos and audio) and the processed copies
 * that were sent, each stored once however many clips use it — a hundred takes of one photo keep
 * one copy (issue 14 item 3). Files are never changed once stored; a clip's sidecar names the ones
 * it uses. Trashing a clip leaves its inputs (it may be restored; others may share them); `clean`
 * removes the ones no sidecar names.
 */
export interface InputStore {
  /**
   * Copies the file at `path` in as `<sha256>.<ext>` and pins it (see `release`). `ext` must be one
   * of `STORE_EXTENSIONS`. With `known` (a hash the image or media service already computed) and
   * that file already stored at that size, nothing is copied or hashed. Otherwise the copy (a
   * reflink where the file system offers one) is hashed — off main's thread, see `digestFile` —
   * and renamed into place, so the name is always the stored bytes' own hash, even when the
   * source changed meanwhile. Throws the file system's error (source gone, disk full).
   */
  put(path: string, ext: string, known?: { sha256: string; bytes: number }): Promise<StoredFile>;
  /** Absolute path of a store-relative `file` (already validated by the sidecar schema). */
  pathOf(file: string): string;
  /** Unpins files `put` pinned, once the sidecar naming them is in the library (or was given up). */
  release(sha256s: readonly string[]): void;
  /**
   * Removes stored files whose hash is not in `used` and is not pinned by a filing in progress.
   * Returns how many files and bytes went. Temp files older than an hour (a crashed copy) go too.
   */
  clean(used: ReadonlySet<string>): Promise<{ files: number; bytes: number }>;
}

const EXTENSIONS = new Set<string>(STORE_EXTENSIONS);
const STORE_NAME = /^([0-9a-f]{64})\.[a-z0-9]+$/;
const TEMP_PREFIX = '.put-';
const HOUR_MS = 3_600_000;

/** Opens (lazily creates) the store in `libraryDir`. */
export function createInputStore(libraryDir: string, now: () => number = Date.now): InputStore {
  const root = join(libraryDir, INPUT_STORE_DIR);
  // sha256 → filings in progress that stored (or found) it.
  const pins = new Map<string, number>();
  const pin = (sha256: string) => pins.set(sha256, (pins.get(sha256) ?? 0) + 1);
  const target = (sha256: string, ext: string) => ({ dir: join(root, sha256.slice(0, 2)), name: `${sha256}.${ext}` });
  const relative = (sha256: string, ext: string) => `${INPUT_STORE_DIR}/${sha256.slice(0, 2)}/${sha256}.${ext}`;

  async function put(path: string, ext: string, known?: { sha256: string; bytes: number }): Promise<StoredFile> {
    if (!EXTENSIONS.has(ext)) throw new RangeError(`The input store does not keep .${ext} files.`);
    if (known) {
      const { dir, name } = target(known.sha256, ext);
      const existing = await stat(join(dir, name)).catch(() => null);
      if (existing?.isFile() && existing.size === known.bytes) {
        pin(known.sha256);
        return { file: relative(known.sha256, ext), sha256: known.sha256, bytes: known.bytes };
      }
    }
    await mkdir(root, { recursive: true });
    const tmp = join(root, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}.${ext}`);
    try {
      await copyFile(path, tmp, constants.COPYFILE_FICLONE);
      const handle = await open(tmp, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      const { sha256, bytes } = await digestFile(tmp);
      const { dir, name } = target(sha256, ext);
      await mkdir(dir, { recursive: true });
      // Same name = same bytes: replacing a file already there changes nothing a reader could see.
      await rename(tmp, join(dir, name));
      await syncFolder(dir);
      pin(sha256);
      return { file: relative(sha256, ext), sha256, bytes };
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }

  async function clean(used: ReadonlySet<string>): Promise<{ files: number; bytes: number }> {
    let files = 0;
    let bytes = 0;
    const buckets = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const bucket of buckets) {
      const dir = join(root, bucket.name);
      if (bucket.isFile() && bucket.name.startsWith(TEMP_PREFIX)) {
        const info = await stat(dir).catch(() => null);
        if (info && now() - info.mtimeMs > HOUR_MS) await rm(dir, { force: true });
        continue;
      }
      if (!bucket.isDirectory() || !/^[0-9a-f]{2}$/.test(bucket.name)) continue;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const sha256 = STORE_NAME.exec(name)?.[1];
        // Only files the store itself names are ever removed; anything else was put there by someone else.
        if (!sha256 || sha256.slice(0, 2) !== bucket.name || used.has(sha256) || pins.has(sha256)) continue;
        const info = await stat(join(dir, name)).catch(() => null);
        if (!info?.isFile()) continue;
        await rm(join(dir, name), { force: true });
        files += 1;
        bytes += info.size;
      }
    }
    return { files, bytes };
  }

  return {
    put,
    pathOf: (file) => join(libraryDir, ...file.split('/')),
    release(sha256s) {
      for (const sha256 of sha256s) {
        const left = (pins.get(sha256) ?? 0) - 1;
        if (left > 0) pins.set(sha256, left);
        else pins.delete(sha256);
      }
    },
    clean,
  };
}

/**
 * The sha256 (lowercase hex) and size in bytes of a file, computed off main's thread: the read and
 * WebCrypto's `digest` both run on libuv's thread pool, so main's event loop only waits (a stream
 * through `createHash` would hash every chunk on main). The file is read whole: inputs are bounded
 * by the providers' limits (images ≤ 30 MB, videos ≤ 50 MB: providers.md "Seedance 2.0 reference-to-video").
 */
export async function digestFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const data = await readFile(path);
  const digest = await webcrypto.subtle.digest('SHA-256', data);
  return { sha256: Buffer.from(digest).toString('hex'), bytes: data.byteLength };
}

const BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'image/tiff': 'tiff',
  'image/gif': 'gif',
  'image/avif': 'avif',
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'video/webm': 'webm',
  'video/x-matroska': 'mkv',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/ogg': 'ogg',
  'audio/flac': 'flac',
};
const BY_EXT: Record<string, string> = { jpeg: 'jpg', tif: 'tiff', wave: 'wav' };

/** The store extension for a file of `mime`, else from the extension of `name`; null when the store does not keep that type. */
export function storeExtension(mime: string | undefined, name: string): string | null {
  const fromMime = mime ? BY_MIME[mime.toLowerCase()] : undefined;
  if (fromMime) return fromMime;
  const raw = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const ext = BY_EXT[raw] ?? raw;
  return EXTENSIONS.has(ext) ? ext : null;
}

/**
 * Makes every stored input of the library at `from` present in the store of `to` (both library
 * roots): a hard link where both are on one file system, else a copy through a temp name; a file
 * `to` already has is skipped (same name, same bytes). `from`'s store is left as it is — the
 * caller removes it once the clips have moved (`removeInputStore`). Returns how many files it added.
 */
export async function copyInputStore(from: string, to: string): Promise<number> {
  let added = 0;
  const source = join(from, INPUT_STORE_DIR);
  for (const bucket of await readdir(source, { withFileTypes: true }).catch(() => [])) {
    if (!bucket.isDirectory() || !/^[0-9a-f]{2}$/.test(bucket.name)) continue;
    const dstDir = join(to, INPUT_STORE_DIR, bucket.name);
    for (const name of await readdir(join(source, bucket.name))) {
      if (!STORE_NAME.test(name)) continue;
      const dst = join(dstDir, name);
      if (await stat(dst).then(() => true, () => false)) continue;
      await mkdir(dstDir, { recursive: true });
      const src = join(source, bucket.name, name);
      await linkOrCopy(src, dst);
      added += 1;
    }
  }
  return added;
}

/** Removes the input store of the library at `root` (after `copyInputStore` put it elsewhere). */
export async function removeInputStore(root: string): Promise<void> {
  await rm(join(root, INPUT_STORE_DIR), { recursive: true, force: true });
}

async function linkOrCopy(src: string, dst: string): Promise<void> {
  try {
    await link(src, dst);
  } catch {
    const tmp = `${dst}${TEMP_PREFIX}${randomBytes(4).toString('hex')}`;
    try {
      await copyFile(src, tmp, constants.COPYFILE_FICLONE);
      await rename(tmp, dst);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
