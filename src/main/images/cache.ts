import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import type { OutputFormat } from './encode';

/** Hex sha256 of a file's bytes, streamed (never the whole file in memory). */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Hex sha256 of bytes in memory. */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The cache key of a processed image: sha256 over the source content hash and the recipe (every
 * setting that changes the output bytes), 40 hex chars. Same source + same recipe = same key, so
 * the same input is never processed twice (ARCHITECTURE.md, "Inputs").
 */
export function cacheKey(sourceSha256: string, recipe: object): string {
  return createHash('sha256').update(sourceSha256).update('\n').update(JSON.stringify(recipe)).digest('hex').slice(0, 40);
}

const EXT: Record<OutputFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

/** Where the output for `key` lives if it was written as `format`. */
export function cachedPath(cacheDir: string, key: string, format: OutputFormat): string {
  return join(cacheDir, `${key}.${EXT[format]}`);
}

/** The existing cached file for `key` in any output format, or null. */
export async function findCached(cacheDir: string, key: string): Promise<{ path: string; format: OutputFormat } | null> {
  for (const format of ['jpeg', 'png', 'webp'] as const) {
    const path = cachedPath(cacheDir, key, format);
    const st = await stat(path).catch(() => null);
    if (st?.isFile() && st.size > 0) return { path, format };
  }
  return null;
}

/**
 * Writes `data` to `path` atomically (`writeFileAtomic`: temp file, fsync, rename, folder fsync),
 * creating the folder. Readers never see a half-written file; two writers of the same key both end
 * with identical content.
 */
export async function writeAtomic(path: string, data: Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, data);
}
