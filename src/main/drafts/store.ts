import { randomUUID } from 'node:crypto';
import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { findModel } from '../../shared/catalog/models';
import { StudioError } from '../../shared/contract/result';
import { Draft, DraftId, isBlankDraft, ONE_TAKE, type DraftSeed } from '../../shared/drafts/draft';
import { defaultParams, paramsForModel } from '../../shared/drafts/params';
import type { Logger } from '../logging/logger';
import { moveAside, readJsonFile } from './file';
import { writeFileAtomic } from '../storage/atomic-write';
import { Mutex } from 'async-mutex';
import { said } from '../../shared/messages/phrase';

/** Which draft is current: `<dir>/current.json`. Its name can never be a draft id (those have 8+ characters). */
const POINTER = 'current.json';
const Pointer = z.object({ id: DraftId });
/** `drafts:list` answers at most this many older drafts. */
export const MAX_LISTED_DRAFTS = 200;

export interface DraftStoreDeps {
  /** The drafts folder, `<dataDir>/drafts` (created when missing). */
  dir: string;
  log: Logger;
  /** The model a fresh draft starts with (the first available image-to-video model). */
  defaultModelId(): string;
  /** ms since the Unix epoch; injectable for tests. */
  now?(): number;
}

/**
 * Compose drafts on disk: one validated JSON file per draft (`<dir>/<id>.json`) and a pointer to
 * the current one. Every write is atomic (temp file, fsync, rename) and operations run one at a
 * time, so a later save never loses to an earlier one. A file that is not JSON or fails the
 * `Draft` schema is renamed `.corrupt` (kept, never deleted), logged, and a fresh draft starts.
 * A blank draft (no prompt, no frame) that stops being current is removed: it holds nothing.
 * I/O failures throw `StudioError('UNAVAILABLE')` with a plain message.
 */
export interface DraftStore {
  /** The current draft; creates a fresh one when there is none or its file was unusable. */
  current(): Promise<Draft>;
  /** Writes `draft` with `updatedAt` stamped now; does not change which draft is current. */
  save(draft: Draft): Promise<Draft>;
  /** Drafts other than the current one that hold something, newest first (≤ `MAX_LISTED_DRAFTS`). */
  list(): Promise<Draft[]>;
  /** Makes draft `id` current. `StudioError('NOT_FOUND')` when it does not exist or was damaged (then kept aside). */
  open(id: string): Promise<Draft>;
  /** A new current draft, from `seed` where given (model params fitted to the model). */
  create(seed?: DraftSeed): Promise<Draft>;
  /** Waits for the write in progress and any queued (call before the process exits). */
  dispose(): Promise<void>;
}

export function createDraftStore(deps: DraftStoreDeps): DraftStore {
  const { dir, log } = deps;
  const now = deps.now ?? Date.now;
  let currentDraft: Draft | null = null;
  const writer = new Mutex();

  /** Runs `task` after every earlier operation settled: one writer at a time. */
  const exclusive = <T>(task: () => Promise<T>): Promise<T> => writer.runExclusive(task);
  const pathOf = (id: string) => join(dir, `${id}.json`);

  const io = async <T>(what: 'read' | 'saved' | 'listed' | 'opened' | 'created', task: () => Promise<T>): Promise<T> => {
    try {
      return await task();
    } catch (err) {
      if (err instanceof StudioError) throw err;
      const code = (err as NodeJS.ErrnoException).code ?? 'unknown';
      log.error('drafts.io_failed', { what, code });
      throw new StudioError('UNAVAILABLE', said(`draft.ioFailed.${what}`, { code }));
    }
  };

  const keepAside = async (path: string, reason: string) => {
    const aside = await moveAside(path, now());
    log.warn('drafts.corrupt_file_moved', { file: path, movedTo: aside, reason });
    return aside;
  };

  const write = async (draft: Draft) => {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(pathOf(draft.id), `${JSON.stringify(draft, null, 2)}\n`);
  };
  const point = async (id: string) => {
    await mkdir(dir, { recursive: true });
    await writeFileAtomic(join(dir, POINTER), `${JSON.stringify({ id })}\n`);
  };

  /** Reads draft `id`; a damaged file is kept aside and reported as null. */
  const read = async (id: string): Promise<Draft | null> => {
    const found = await readJsonFile(pathOf(id), Draft);
    if (found.kind === 'missing') return null;
    if (found.kind === 'corrupt' || found.value.id !== id) {
      await keepAside(pathOf(id), found.kind === 'corrupt' ? found.reason : 'id does not match the file name');
      return null;
    }
    return found.value;
  };

  const fresh = (seed: DraftSeed = {}): Draft => {
    const fallback = deps.defaultModelId();
    const modelId = seed.modelId ?? fallback;
    const entry = findModel(modelId) ?? findModel(fallback);
    const base = entry ? defaultParams(entry) : Draft.shape.params.parse({ resolution: '720p', aspectRatio: '16:9', duration: 5 });
    const merged = Draft.shape.params.parse({ ...base, ...seed.params });
    return {
      id: randomUUID(),
      updatedAt: now(),
      modelId,
      prompt: seed.prompt ?? '',
      params: entry ? paramsForModel(entry, merged) : merged,
      ...(seed.firstFrame ? { firstFrame: seed.firstFrame } : {}),
      ...(seed.lastFrame ? { lastFrame: seed.lastFrame } : {}),
      ...(seed.continuedFrom ? { continuedFrom: seed.continuedFrom } : {}),
      references: seed.references ?? [],
      ...(seed.task ? { task: seed.task } : {}),
      ...(seed.sourceClip ? { sourceClip: seed.sourceClip } : {}),
      variations: { ...ONE_TAKE },
    };
  };

  const startFresh = async (seed?: DraftSeed): Promise<Draft> => {
    const draft = fresh(seed);
    await write(draft);
    await point(draft.id);
    currentDraft = draft;
    return draft;
  };

  const loadCurrent = async (): Promise<Draft> => {
    if (currentDraft) return currentDraft;
    const pointer = await readJsonFile(join(dir, POINTER), Pointer);
    if (pointer.kind === 'corrupt') await keepAside(join(dir, POINTER), pointer.reason);
    const draft = pointer.kind === 'ok' ? await read(pointer.value.id) : null;
    if (!draft) return startFresh();
    currentDraft = draft;
    return draft;
  };

  /** Leaves the current draft: a blank one is removed, any other stays for the list. */
  const leaveCurrent = async () => {
    const previous = await loadCurrent();
    if (isBlankDraft(previous)) await unlink(pathOf(previous.id)).catch(() => undefined);
  };

  return {
    dispose: () => writer.waitForUnlock(),
    current: () => exclusive(() => io('read', loadCurrent)),
    save: (draft) =>
      exclusive(() =>
        io('saved', async () => {
          const saved: Draft = { ...draft, updatedAt: now() };
          await write(saved);
          if (currentDraft?.id === saved.id) currentDraft = saved;
          return saved;
        }),
      ),
    list: () =>
      exclusive(() =>
        io('listed', async () => {
          const current = await loadCurrent();
          const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
            if (err.code === 'ENOENT') return [] as string[];
            throw err;
          });
          const drafts: Draft[] = [];
          for (const name of names) {
            const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
            if (!DraftId.safeParse(id).success || id === current.id) continue;
            const draft = await read(id);
            if (draft && !isBlankDraft(draft)) drafts.push(draft);
          }
          return drafts.sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_LISTED_DRAFTS);
        }),
      ),
    open: (id) =>
      exclusive(() =>
        io('opened', async () => {
          const current = await loadCurrent();
          if (current.id === id) return current;
          const draft = await read(id);
          if (!draft) throw new StudioError('NOT_FOUND', said('draft.gone'));
          await leaveCurrent();
          await point(draft.id);
          currentDraft = draft;
          return draft;
        }),
      ),
    create: (seed) =>
      exclusive(() =>
        io('created', async () => {
          await leaveCurrent();
          return startFresh(seed);
        }),
      ),
  };
}
