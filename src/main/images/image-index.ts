import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { writeAtomic } from './cache';

/** One imported image: where its bytes live and what to call it. */
export interface IndexedImage {
  /** Absolute path of the user's file (or of a pasted image saved under `inputs/pasted`). */
  path: string;
  /** Name shown to the user. */
  name: string;
  /** ISO time of the import. */
  addedAt: string;
}

const IMAGE_ID = /^[0-9a-f]{32}$/;

const IndexFile = z.object({
  version: z.literal(1),
  images: z.record(
    z.string().regex(IMAGE_ID),
    z.object({ path: z.string().min(1), name: z.string(), addedAt: z.string() }),
  ),
});

/** Oldest entries are dropped beyond this, so the index stays small (drafts reference recent imports). */
const MAX_ENTRIES = 2000;

/** The imageId → source path map, persisted as `index.json` so drafts survive a restart. */
export interface ImageIndex {
  get(imageId: string): IndexedImage | undefined;
  /** Records `path` and returns its id; the same path again returns the same id. */
  add(path: string, name: string): Promise<string>;
  /** Resolves once every write started so far has ended. */
  flush(): Promise<void>;
}

/**
 * Loads (or starts) the index at `file`. The file is zod-validated; an unreadable or invalid one
 * is set aside as `<file>.bad-<time>` (nothing is lost) and the index starts empty.
 * Writes are atomic and serialised.
 */
export async function openImageIndex(file: string, log: Logger): Promise<ImageIndex> {
  const images = new Map<string, IndexedImage>(Object.entries(await load(file, log)));
  // One write at a time, in call order: an older snapshot never lands after a newer one.
  const writer = new Mutex();

  const persist = () => {
    const snapshot = JSON.stringify({ version: 1, images: Object.fromEntries(images) }, null, 1);
    return writer.runExclusive(() => writeAtomic(file, Buffer.from(snapshot))).catch((err: unknown) => log.warn('images.index_write_failed', { error: err }));
  };

  return {
    get: (imageId) => (IMAGE_ID.test(imageId) ? images.get(imageId) : undefined),
    async add(path, name) {
      for (const [id, entry] of images) {
        if (entry.path === path) {
          if (entry.name !== name) {
            images.set(id, { ...entry, name });
            await persist();
          }
          return id;
        }
      }
      const id = randomBytes(16).toString('hex');
      images.set(id, { path, name, addedAt: new Date().toISOString() });
      while (images.size > MAX_ENTRIES) images.delete(images.keys().next().value as string);
      await persist();
      return id;
    },
    flush: () => writer.waitForUnlock(),
  };
}

async function load(file: string, log: Logger): Promise<Record<string, IndexedImage>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('images.index_unreadable', { error: err });
    return {};
  }
  let parsed: z.infer<typeof IndexFile> | null = null;
  try {
    const result = IndexFile.safeParse(JSON.parse(text));
    if (result.success) parsed = result.data;
  } catch {
    // Not JSON: handled below like a schema failure.
  }
  if (parsed) return parsed.images;
  const aside = `${file}.bad-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  log.warn('images.index_invalid', { movedTo: aside });
  return {};
}
