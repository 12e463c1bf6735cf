import { randomBytes } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { Mutex } from 'async-mutex';
import { z } from 'zod';
import type { Logger } from '../logging/logger';
import { writeAtomic } from '../images/cache';
import { MediaProbe } from './probe';

/** What the engine's probe said about a file, and the file's size and modification time then (ms), to know when it changed. */
export const KnownProbe = z.object({ bytes: z.number().int().nonnegative(), mtimeMs: z.number(), info: MediaProbe, poster: z.string().optional() });
export type KnownProbe = z.infer<typeof KnownProbe>;

/** One imported reference video or audio file. */
export const IndexedMedia = z.object({
  /** Absolute path of the user's file (or of bytes saved under `media/pasted`, or a fixed copy under `media/fixed`). */
  path: z.string().min(1),
  /** Name shown to the user. */
  name: z.string(),
  /** ISO time of the import. */
  addedAt: z.string(),
  probe: KnownProbe.optional(),
});
export type IndexedMedia = z.infer<typeof IndexedMedia>;

const MEDIA_ID = /^[0-9a-f]{32}$/;
const IndexFile = z.object({ version: z.literal(1), media: z.record(z.string().regex(MEDIA_ID), IndexedMedia) });

/** Oldest entries are dropped beyond this, so the index stays small (drafts reference recent imports). */
const MAX_ENTRIES = 2000;

/** The mediaId → file map (with the last probe), persisted as `media/index.json` so drafts survive a restart. */
export interface MediaIndex {
  get(mediaId: string): IndexedMedia | undefined;
  /** Records `path` and returns its id; the same path again returns the same id (name and probe updated). */
  add(path: string, name: string, probe: KnownProbe): Promise<string>;
  /** Replaces the stored probe of `mediaId` (the file changed since). */
  setProbe(mediaId: string, probe: KnownProbe): Promise<void>;
  /** Resolves once every write started so far has ended. */
  flush(): Promise<void>;
}

/**
 * Loads (or starts) the index at `file`, like the image index (`images/image-index.ts`): zod-checked,
 * an unreadable or invalid file set aside as `<file>.bad-<time>`, writes atomic and serialised.
 */
export async function openMediaIndex(file: string, log: Logger): Promise<MediaIndex> {
  const entries = new Map<string, IndexedMedia>(Object.entries(await load(file, log)));
  const writer = new Mutex();
  const persist = () => {
    const snapshot = JSON.stringify({ version: 1, media: Object.fromEntries(entries) });
    return writer.runExclusive(() => writeAtomic(file, Buffer.from(snapshot))).catch((err: unknown) => log.warn('media.index_write_failed', { error: err }));
  };
  return {
    get: (mediaId) => (MEDIA_ID.test(mediaId) ? entries.get(mediaId) : undefined),
    async add(path, name, probe) {
      for (const [id, entry] of entries) {
        if (entry.path === path) {
          entries.set(id, { ...entry, name, probe });
          await persist();
          return id;
        }
      }
      const id = randomBytes(16).toString('hex');
      entries.set(id, { path, name, addedAt: new Date().toISOString(), probe });
      while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      await persist();
      return id;
    },
    async setProbe(mediaId, probe) {
      const entry = entries.get(mediaId);
      if (!entry) return;
      entries.set(mediaId, { ...entry, probe });
      await persist();
    },
    flush: () => writer.waitForUnlock(),
  };
}

async function load(file: string, log: Logger): Promise<Record<string, IndexedMedia>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn('media.index_unreadable', { error: err });
    return {};
  }
  try {
    const result = IndexFile.safeParse(JSON.parse(text));
    if (result.success) return result.data.media;
  } catch {
    // Not JSON: set aside below like a schema failure.
  }
  const aside = `${file}.bad-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  log.warn('media.index_invalid', { movedTo: aside });
  return {};
}
