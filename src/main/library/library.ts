import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { StudioError } from '../../shared/contract/result';
import { LibraryQuery } from '../../shared/library/query';
import { ClipSidecar, normalizeTags, Rating, readSidecar, SIDECAR_SCHEMA_VERSION } from '../../shared/library/sidecar';
import type { Logger } from '../logging/logger';
import { boundedMediaRunner, MediaToolError, probeVideo, resolveMediaTool, type VideoProbe } from '../media-tools/ffmpeg';
import { exists, hashFile } from './disk';
import { writeFileAtomic } from '../storage/atomic-write';
import { createKeyedLock } from '../storage/lock';
import { NewClipInput, storeInputs } from './file-inputs';
import { createClipIndex } from './index';
import { createInputStore } from './inputs-store';
import { clipFolderName, clipPaths, isClipFolderName, LAST_FRAME_FILE, newClipId, POSTER_FILE, PREVIEW_FILE, SIDECAR_FILE, STAGING_DIR, TRASH_DIR, VIDEO_FILE, type ClipPaths } from './layout';
import { lastFrameOrUnavailable, makePoster, type LastFrame } from './posters';
import { readClipFolder, type ClipRecord } from './read-clip';
import { createIndexCacheSaver, indexCachePath } from './index-cache';
import { coldIndex, SCAN_CONCURRENCY, syncAll, syncFolder } from './scan';
import { watchLibrary, type LibraryWatcher } from './watch';
import { phrase, said } from '../../shared/messages/phrase';

/** What `createLibrary` needs from its host. */
export interface LibraryDeps {
  /** The library root, e.g. `<user Videos>/Seedance Studio` (the host computes it). Created if missing. */
  libraryDir: string;
  /** Where extracted last frames go (app data, not the library). Created if missing. */
  framesDir: string;
  log: Logger;
  /** Defaults: `resolveMediaTool('ffmpeg' | 'ffprobe')`. */
  ffmpegPath?: string;
  ffprobePath?: string;
  /**
   * Moves a path to the system trash (Electron: `shell.trashItem`). Without it, trashed clips stay
   * in `<libraryDir>/.trash/`. With it, a trashed clip waits there for `undoWindowMs` (so `restore`
   * works) and is then handed over; leftovers from an earlier run are handed over at start.
   */
  trashItem?: (path: string) => Promise<void>;
  /** ms a trashed clip stays restorable before it goes to the system trash. Default 60,000. */
  undoWindowMs?: number;
  /** Watch the folder for changes made outside the app. Default true. */
  watch?: boolean;
  /** Sidecar reads in flight during a rescan (and a start where the scan worker cannot run). Default `SCAN_CONCURRENCY`. */
  scanConcurrency?: number;
  /** Clock, ms since the epoch. */
  now?: () => number;
  /**
   * Extracts the last frame of `video` to the PNG `out` (see `extractLastFrame`); the app runs it
   * in the job engine's process (issue 12: main spawns no ffmpeg). Default: `extractLastFrame` here.
   */
  extractLastFrame?: (video: string, out: string) => Promise<LastFrame>;
}

/** One clip: its sidecar, folder and absolute paths (main-side only; the renderer gets URLs). */
export interface LibraryClip {
  id: string;
  folder: string;
  sidecar: ClipSidecar;
  paths: ClipPaths;
}

/**
 * A finished video to add. `videoPath` is a complete, verified file; it is moved into the library
 * unless `keepSource` is set. `inputs` are its frames and references (`NewClipInput`: originals and
 * sent copies by path), stored in the library's shared input store (`inputs-store.ts`).
 * `verified` is what the job engine already measured of the video (its verification probe and the
 * download's sha256): taken as is, so filing a job's clip runs no ffprobe and reads no video in main
 * (issue 12); without it the video is probed and hashed here. `posterPath` is a poster already made
 * from the video (the engine makes one per job), linked in (it stays where it is); without it ffmpeg
 * makes one here. `preview` is the H.264 copy for the players made by `media-tools/playable.ts`
 * (already probed there: size in px, `reason` why the original needs it), moved (or copied, with
 * `keepSource`) into the folder as `preview.mp4` and recorded in the sidecar's `preview`.
 */
export const NewClip = ClipSidecar.omit({
  schemaVersion: true,
  id: true,
  createdAt: true,
  output: true,
  inputs: true,
  video: true,
  preview: true,
  rating: true,
  tags: true,
}).extend({
  videoPath: z.string().min(1),
  keepSource: z.boolean().default(false),
  preview: z
    .object({ path: z.string().min(1), width: z.number().int().positive(), height: z.number().int().positive(), reason: z.string().max(200) })
    .optional(),
  inputs: z
    .array(NewClipInput)
    .max(52)
    .refine((list) => ['first', 'last'].every((role) => list.filter((i) => i.role === role).length <= 1), 'at most one first and one last frame')
    .default([]),
  createdAt: z.number().int().nonnegative().optional(),
  verified: z.object({ output: ClipSidecar.shape.output, video: ClipSidecar.shape.video }).optional(),
  posterPath: z.string().min(1).optional(),
  /** The provider's own last frame (a PNG at the video's size, checked by the engine), linked in as `last-frame.png`. */
  lastFramePath: z.string().min(1).optional(),
  rating: Rating.default(0),
  tags: z.array(z.string()).default([]),
});
export type NewClip = z.input<typeof NewClip>;

/** The rating and tags a person can change. Tags are normalised with `normalizeTags`. */
export interface ClipPatch {
  rating?: number;
  tags?: string[];
}

/** The library's size: clips and the bytes of their videos. */
export interface LibraryStats {
  clips: number;
  bytes: number;
}

/** Where a clip came from and what came after it (each with whether it is still in the library). */
export interface Lineage {
  /** The clip this one continued from. */
  continuedFrom?: { id: string; present: boolean };
  /** Clips continued from this one, oldest first. */
  continuedBy: string[];
  /** The source clip of a Seedance 2.5 edit / extend. */
  editedFrom?: { id: string; present: boolean };
  extendedFrom?: { id: string; present: boolean };
  /** The clips joined, in order, into this one. */
  joinedFrom?: Array<{ id: string; present: boolean }>;
}

/**
 * The clip library. Every method waits for the first index build (`ready`). Expected failures are
 * `StudioError`s: `NOT_FOUND` (no such clip), `CONFLICT` (the folder changed outside the app in a
 * way that stops the operation), `BAD_INPUT` (addClip input), `UNAVAILABLE` (ffmpeg/ffprobe failed).
 */
export interface Library {
  readonly dir: string;
  /** Resolves when the index has been built from the sidecars. */
  readonly ready: Promise<void>;
  /**
   * Adds a finished clip atomically: it appears complete in the folder or not at all. Idempotent per
   * `jobId`: when a clip of that job is already in the library (the engine crashed after filing it),
   * that clip is returned and the new copy is removed only if it is byte-identical. Deliveries of
   * one job that overlap file one clip: the check runs again under the index lock before commit.
   */
  addClip(input: NewClip): Promise<LibraryClip>;
  /** Queries the index (see `ClipIndex.query`). */
  list(query?: z.input<typeof LibraryQuery>): Promise<{ total: number; items: LibraryClip[] }>;
  get(id: string): Promise<LibraryClip>;
  /** The sidecar file's text exactly as on disk. */
  sidecarText(id: string): Promise<string>;
  /** Writes rating and/or tags into the sidecar (atomically, keeping fields this version does not know). */
  update(id: string, patch: ClipPatch): Promise<LibraryClip>;
  /** Moves the clip folder to `.trash/` (undo with `restore`); see `LibraryDeps.trashItem`. */
  trash(id: string): Promise<void>;
  /** Moves a trashed clip back. `NOT_FOUND` once it went to the system trash; `CONFLICT` if its folder name is taken. */
  restore(id: string): Promise<LibraryClip>;
  /** Extracts the final frame at full size to a PNG in `framesDir`. */
  lastFrame(id: string): Promise<LastFrame>;
  lineage(id: string): Promise<Lineage>;
  /** The clip's take (`ClipIndex.takeOf`) and take 1's sidecar, to say what differs; undefined for a lone clip or an empty prompt. */
  take(id: string): { n: number; of: number; first: ClipSidecar } | undefined;
  /** How many clips the library holds (not counting its trash) and their videos' total size in bytes, from the sidecars. */
  stats(): Promise<LibraryStats>;
  /**
   * Removes files of the shared input store (`.inputs/`) that no clip names: clips in the library,
   * in its trash (still restorable) or being filed, and folders this version cannot read (a newer
   * sidecar's hashes count as used). Returns the files and bytes removed.
   */
  cleanInputs(): Promise<{ files: number; bytes: number }>;
  /** Full rescan; returns the ids that changed. For hosts to call e.g. when the window regains focus. */
  refresh(): Promise<string[]>;
  /** Called with the ids of clips added, changed or removed, by the app or on disk. Returns an unsubscribe. */
  onChange(listener: (ids: string[]) => void): () => void;
  /** Stops watching and hands pending trash to `trashItem`. Idempotent. */
  dispose(): Promise<void>;
}

const INDEX_LOCK = 'index';
/** ffmpeg/ffprobe children the library runs at once. */
const MEDIA_CONCURRENCY = 2;

interface Trashed {
  /** Folder name the clip had in the library root. */
  folder: string;
  /** Where it lies now, inside `.trash/`. */
  path: string;
  timer: NodeJS.Timeout | null;
}

/**
 * Opens the library at `deps.libraryDir`: starts building the index from the sidecars (in a
 * worker thread, confirming unchanged clips against the derived index cache — see `index-cache.ts`
 * — and kept current after changes) and, unless `watch: false`, watches the folder so clips
 * copied in, renamed or deleted outside the app show up without a restart. Corrupt, partial and
 * foreign files are skipped with a warning and never modified or deleted.
 */
export function createLibrary(deps: LibraryDeps): Library {
  const root = deps.libraryDir;
  const trashDir = join(root, TRASH_DIR);
  const stagingDir = join(root, STAGING_DIR);
  const tools = { ffmpeg: deps.ffmpegPath ?? resolveMediaTool('ffmpeg'), ffprobe: deps.ffprobePath ?? resolveMediaTool('ffprobe') };
  // Background ffmpeg/ffprobe work left in main (clips added from outside a job) runs bounded and at low priority.
  const media = boundedMediaRunner(MEDIA_CONCURRENCY);
  const lastFrameOf = deps.extractLastFrame ?? ((video: string, out: string) => lastFrameOrUnavailable(tools, video, out));
  const now = deps.now ?? Date.now;
  const undoWindowMs = deps.undoWindowMs ?? 60_000;
  const log = deps.log;
  const index = createClipIndex();
  const cacheSaver = createIndexCacheSaver(indexCachePath(root), index, deps.log);
  const listeners = new Set<(ids: string[]) => void>();
  const trashed = new Map<string, Trashed>();
  const locks = createKeyedLock();
  const store = createInputStore(root, now);
  let watcher: LibraryWatcher | null = null;
  let disposed = false;

  const emit = (ids: string[]) => {
    if (ids.length === 0) return;
    cacheSaver.schedule();
    for (const listener of listeners) {
      try {
        listener(ids);
      } catch (err) {
        log.error('library.listener_failed', { error: err });
      }
    }
  };

  /**
   * Runs `fn` after any earlier operation on the same key. Everything that changes the folder or the
   * index runs under `INDEX_LOCK`, so a watcher rescan never applies a read taken before our own write.
   */
  function serialized<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return locks.run(key, fn);
  }

  async function onDiskChange(folders: Set<string> | 'all'): Promise<void> {
    await serialized(INDEX_LOCK, () => syncChanged(folders));
  }

  async function syncChanged(folders: Set<string> | 'all'): Promise<void> {
    try {
      if (folders === 'all') {
        emit(await syncAll(index, root, log, deps.scanConcurrency));
        return;
      }
      const changed: string[] = [];
      for (const folder of folders) {
        let incomplete = false;
        changed.push(...(await syncFolder(index, root, folder, log, () => (incomplete = true))));
        if (incomplete) watcher?.follow(folder);
        else watcher?.unfollow(folder);
      }
      emit(changed);
    } catch (err) {
      log.error('library.sync_failed', { error: err });
    }
  }

  const ready = (async () => {
    await mkdir(root, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
      throw new StudioError('UNAVAILABLE', said('library.cannotOpen', { code: err.code ?? 'error' }));
    });
    const started = now();
    const cold = await coldIndex(index, root, indexCachePath(root), log, deps.scanConcurrency ?? SCAN_CONCURRENCY);
    log.info('library.indexed', { clips: index.size, ms: now() - started, ...cold });
    // Anything read from disk (or gone since) makes the cache stale: refresh it once the start is over.
    if (cold.cache !== 'used' || cold.read > 0 || cold.fromCache !== index.size) cacheSaver.schedule();
    await loadTrash();
    await cleanStaging();
    if (deps.watch !== false && !disposed) watcher = watchLibrary(root, (f) => void onDiskChange(f), log);
  })();
  // Callers see a failed start through `ready` and every method; this keeps it from being unhandled meanwhile.
  ready.catch((err) => log.error('library.start_failed', { error: err }));

  /**
   * Removes clips an earlier run left half-assembled in `.staging/` (it crashed mid-add). Nothing is
   * lost: a source video is only removed after its clip is committed. Entries younger than an hour
   * are left alone in case another instance of the app is adding a clip to the same folder.
   */
  async function cleanStaging(): Promise<void> {
    const names = await readdir(stagingDir).catch(() => [] as string[]);
    for (const name of names) {
      const info = await stat(join(stagingDir, name)).catch(() => null);
      if (info && now() - info.mtimeMs > 3_600_000) {
        await rm(join(stagingDir, name), { recursive: true, force: true });
        log.info('library.staging_cleaned', { name });
      }
    }
  }

  /** Finds clips left in `.trash/` by an earlier run: restorable, or handed to the system trash. */
  async function loadTrash(): Promise<void> {
    const names = await readdir(trashDir).catch(() => [] as string[]);
    for (const name of names) {
      const read = await readClipFolder(trashDir, name);
      if (!read.ok) continue;
      const entry: Trashed = { folder: originalFolder(name), path: join(trashDir, name), timer: null };
      trashed.set(read.record.id, entry);
      if (deps.trashItem) void handOver(read.record.id);
    }
  }

  async function handOver(id: string): Promise<void> {
    const entry = trashed.get(id);
    if (!entry || !deps.trashItem) return;
    if (entry.timer) clearTimeout(entry.timer);
    trashed.delete(id);
    try {
      await deps.trashItem(entry.path);
    } catch (err) {
      // It stays in .trash/, restorable after the next start; nothing is lost.
      log.warn('library.system_trash_failed', { id, error: err });
    }
  }

  function need(id: string): ClipRecord {
    const record = index.get(id);
    if (!record) throw new StudioError('NOT_FOUND', said('library.gone'));
    return record;
  }

  const view = (r: ClipRecord): LibraryClip => ({ id: r.id, folder: r.folder, sidecar: r.sidecar, paths: clipPaths(r.dir, root, r.sidecar, r.hasPoster) });

  async function reindex(folder: string): Promise<ClipRecord> {
    emit(await syncFolder(index, root, folder, log));
    const record = index.byFolder(folder);
    if (!record) throw new StudioError('CONFLICT', said('library.changedOnDisk', { folder }));
    return record;
  }

  async function addClip(raw: NewClip): Promise<LibraryClip> {
    await ready;
    const parsed = NewClip.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new StudioError('BAD_INPUT', said('library.cannotAdd', { issue: issue ? `${issue.path.join('.')}: ${issue.message}` : phrase('library.invalidFields') }));
    }
    const { videoPath, preview: newPreview, keepSource, inputs, createdAt, tags, verified, posterPath, lastFramePath, ...fields } = parsed.data;
    const filedFirst = filedFor(fields.jobId);
    const previewPath = newPreview?.path;
    // A cheap early answer for a re-delivery; the check that decides is the one under the lock below.
    if (filedFirst) return sameJobAgain(filedFirst, videoPath, keepSource, verified?.video.sha256, previewPath);
    const id = newClipId();
    const stage = join(stagingDir, id);
    await mkdir(stage, { recursive: true });
    // Inputs this filing stored or found in the store, kept from `cleanInputs` until the clip is in.
    const pinned: string[] = [];
    try {
      const stagedVideo = join(stage, VIDEO_FILE);
      // A hard link costs nothing and leaves the source in place until the clip is committed; a kept
      // source is copied instead, so the two files can never change together.
      if (keepSource) await copyFile(videoPath, stagedVideo);
      else await link(videoPath, stagedVideo).catch(() => copyFile(videoPath, stagedVideo));
      const { output, video } = verified ?? (await measure(stagedVideo));
      const preview = newPreview ? await stagePreview(newPreview, join(stage, PREVIEW_FILE), keepSource) : undefined;
      const sidecarInputs = await storeInputs(store, inputs, log, pinned);
      try {
        if (posterPath) await link(posterPath, join(stage, POSTER_FILE)).catch(() => copyFile(posterPath, join(stage, POSTER_FILE)));
        else await makePoster(tools.ffmpeg, stagedVideo, output.durationSec, join(stage, POSTER_FILE), media);
      } catch (err) {
        // The clip matters more than its poster: keep going, the grid shows a placeholder.
        log.warn('library.poster_failed', { id, error: err });
      }
      // Optional too: without it "Continue from last frame" extracts the frame from the video.
      if (lastFramePath) await link(lastFramePath, join(stage, LAST_FRAME_FILE)).catch(() => copyFile(lastFramePath, join(stage, LAST_FRAME_FILE))).catch((err: unknown) => log.warn('library.last_frame_failed', { id, error: err }));
      const sidecar: ClipSidecar = ClipSidecar.parse({
        schemaVersion: SIDECAR_SCHEMA_VERSION,
        id,
        createdAt: createdAt ?? now(),
        ...fields,
        output,
        ...(preview ? { preview } : {}),
        inputs: sidecarInputs,
        video,
        tags: normalizeTags(tags),
      });
      await writeFileAtomic(join(stage, SIDECAR_FILE), `${JSON.stringify(sidecar, null, 2)}\n`);
      const folder = clipFolderName(sidecar.createdAt, sidecar.prompt, id);
      const committed = await serialized(INDEX_LOCK, async () => {
        // One clip per job (so per provider task), always: two deliveries of one job (an engine
        // restart re-delivers) can both pass the early check while they stage; only one may commit.
        const filed = filedFor(fields.jobId);
        if (filed) return { filed };
        await rename(stage, join(root, folder));
        return { record: await reindex(folder) };
      });
      if (committed.filed) {
        await rm(stage, { recursive: true, force: true });
        return await sameJobAgain(committed.filed, videoPath, keepSource, verified?.video.sha256, previewPath);
      }
      const record = committed.record;
      if (!keepSource) {
        await unlink(videoPath).catch((err) => log.warn('library.source_not_removed', { id, error: err }));
        if (previewPath) await unlink(previewPath).catch(() => undefined);
      }
      log.info('library.added', { id, folder });
      return view(record);
    } catch (err) {
      await rm(stage, { recursive: true, force: true });
      if (err instanceof StudioError) throw err;
      if (err instanceof MediaToolError) throw new StudioError('UNAVAILABLE', said('library.videoUnreadable', { detail: err.message }));
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new StudioError('NOT_FOUND', said('library.fileMissing', { file: basename((err as NodeJS.ErrnoException).path ?? '') }));
      }
      throw err;
    } finally {
      store.release(pinned);
    }
  }

  /** Size, duration and codec (ffprobe) and sha256 of a video nobody measured before it came here. */
  async function measure(video: string): Promise<{ output: ClipSidecar['output']; video: ClipSidecar['video'] }> {
    const [probe, hashed] = await Promise.all([probeVideo(tools.ffprobe, video, media), hashFile(video)]);
    return { output: { width: probe.width, height: probe.height, durationSec: probe.durationSec, codec: probe.codec, ...streamDetails(probe) }, video: hashed };
  }

  /** The clip already filed for `jobId` (none for clips that came from no job). */
  function filedFor(jobId: string | undefined): ClipRecord | undefined {
    return jobId ? index.byJobId(jobId) : undefined;
  }

  /**
   * A second delivery of a filed job's clip: the new copy goes when it is byte-identical (`sha256`
   * when known, else hashed); its preview always goes (the filed clip has its own).
   */
  async function sameJobAgain(filed: ClipRecord, videoPath: string, keepSource: boolean, sha256?: string, previewPath?: string): Promise<LibraryClip> {
    if (!keepSource) {
      if (previewPath) await unlink(previewPath).catch(() => undefined);
      const copy = sha256 ?? (await hashFile(videoPath)).sha256;
      if (copy === filed.sidecar.video.sha256) await unlink(videoPath).catch(() => undefined);
      else log.warn('library.job_refiled_different_video', { id: filed.id, jobId: filed.sidecar.jobId });
    }
    return view(filed);
  }

  async function list(query: z.input<typeof LibraryQuery> = {}) {
    await ready;
    const result = index.query(LibraryQuery.parse(query));
    return { total: result.total, items: result.items.map(view) };
  }

  async function update(id: string, patch: ClipPatch): Promise<LibraryClip> {
    await ready;
    return serialized(INDEX_LOCK, async () => {
      const record = need(id);
      const path = join(record.dir, SIDECAR_FILE);
      // Patch the raw JSON rather than re-serialising the parsed sidecar: fields a newer version wrote survive.
      const raw = await readFile(path, 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => null);
      const current = readSidecar(raw);
      if (!current.ok || current.sidecar.id !== id) {
        throw new StudioError('CONFLICT', said('library.sidecarChanged'));
      }
      const next = { ...(raw as Record<string, unknown>) };
      if (patch.rating !== undefined) next.rating = Rating.parse(patch.rating);
      if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
      // The file keeps its own version: a v1 sidecar stays v1 (its frames are where v1 put them).
      if (!readSidecar(next).ok) throw new StudioError('BAD_INPUT', said('library.ratingRefused'));
      await writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
      return view(await reindex(record.folder));
    });
  }

  async function trash(id: string): Promise<void> {
    await ready;
    await serialized(INDEX_LOCK, async () => {
      const record = need(id);
      await mkdir(trashDir, { recursive: true });
      let target = join(trashDir, record.folder);
      if (await exists(target)) target = join(trashDir, `${record.folder}~${now()}`);
      await rename(record.dir, target).catch(inUse);
      index.remove(id);
      const entry: Trashed = { folder: record.folder, path: target, timer: null };
      trashed.set(id, entry);
      if (deps.trashItem) {
        entry.timer = setTimeout(() => void handOver(id), undoWindowMs);
        entry.timer.unref();
      }
      log.info('library.trashed', { id });
      emit([id]);
    });
  }

  async function restore(id: string): Promise<LibraryClip> {
    await ready;
    return serialized(INDEX_LOCK, async () => {
      const entry = trashed.get(id);
      if (!entry) throw new StudioError('NOT_FOUND', said('library.notInTrash'));
      const target = join(root, entry.folder);
      if (await exists(target)) throw new StudioError('CONFLICT', said('library.folderTaken', { folder: entry.folder }));
      if (entry.timer) clearTimeout(entry.timer);
      await rename(entry.path, target).catch(inUse);
      trashed.delete(id);
      log.info('library.restored', { id });
      return view(await reindex(entry.folder));
    });
  }

  async function lastFrame(id: string): Promise<LastFrame> {
    await ready;
    return serialized(`frame:${id}`, async () => {
      const record = need(id);
      // The provider's lossless frame when it gave one (ModelArk return_last_frame); checked at delivery to be the video's size.
      const provided = join(record.dir, LAST_FRAME_FILE);
      if (await exists(provided)) return { path: provided, width: record.sidecar.output.width, height: record.sidecar.output.height };
      await mkdir(deps.framesDir, { recursive: true });
      // Someone is waiting on this one (Continue from last frame): normal priority, not behind background work.
      return lastFrameOf(join(record.dir, VIDEO_FILE), join(deps.framesDir, `${id}-last.png`));
    });
  }

  async function cleanInputs(): Promise<{ files: number; bytes: number }> {
    await ready;
    return serialized(INDEX_LOCK, async () => {
      const used = new Set<string>();
      // Raw text, not the parsed sidecar: a version this build cannot read still keeps its inputs.
      for (const dir of [root, trashDir, stagingDir]) {
        for (const name of await readdir(dir).catch(() => [] as string[])) {
          if (dir === root && !isClipFolderName(name)) continue;
          const text = await readFile(join(dir, name, SIDECAR_FILE), 'utf8').catch(() => '');
          for (const match of text.matchAll(/[0-9a-f]{64}/g)) used.add(match[0]);
        }
      }
      const removed = await store.clean(used);
      log.info('library.inputs_cleaned', removed);
      return removed;
    });
  }

  async function lineage(id: string): Promise<Lineage> {
    await ready;
    const record = need(id);
    const { continuedFrom, editedFrom, extendedFrom, joinedFrom } = record.sidecar;
    const ref = (ref: string) => ({ id: ref, present: index.get(ref) !== undefined });
    return {
      ...(continuedFrom ? { continuedFrom: ref(continuedFrom) } : {}),
      continuedBy: index.continuedBy(id),
      ...(editedFrom ? { editedFrom: ref(editedFrom) } : {}),
      ...(extendedFrom ? { extendedFrom: ref(extendedFrom) } : {}),
      ...(joinedFrom ? { joinedFrom: joinedFrom.map(ref) } : {}),
    };
  }

  return {
    dir: root,
    ready,
    addClip,
    list,
    get: async (id) => {
      await ready;
      return view(need(id));
    },
    sidecarText: async (id) => {
      await ready;
      return readFile(join(need(id).dir, SIDECAR_FILE), 'utf8');
    },
    update,
    trash,
    restore,
    lastFrame,
    lineage,
    take: (id) => {
      const number = index.takeOf(id);
      const first = number ? index.get(number.firstId) : undefined;
      return number && first && number.of > 1 ? { n: number.n, of: number.of, first: first.sidecar } : undefined;
    },
    cleanInputs,
    stats: async () => {
      await ready;
      let bytes = 0;
      for (const record of index.all()) bytes += record.sidecar.video.bytes;
      return { clips: index.size, bytes };
    },
    refresh: async () => {
      await ready;
      const changed = await serialized(INDEX_LOCK, () => syncAll(index, root, log, deps.scanConcurrency));
      emit(changed);
      return changed;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      await ready.catch(() => undefined);
      watcher?.close();
      await cacheSaver.flush();
      await Promise.all([...trashed.keys()].map(handOver));
    },
  };
}

/** The probe's stream details as the sidecar's `output` records them (only those ffprobe reported). */
export function streamDetails(probe: VideoProbe): Pick<ClipSidecar['output'], 'profile' | 'pixFmt' | 'bitDepth' | 'audioCodec'> {
  return {
    ...(probe.profile ? { profile: probe.profile } : {}),
    ...(probe.pixFmt ? { pixFmt: probe.pixFmt } : {}),
    ...(probe.bitDepth ? { bitDepth: probe.bitDepth } : {}),
    ...(probe.audioCodec ? { audioCodec: probe.audioCodec } : {}),
  };
}

/**
 * Puts the H.264 preview at `target` in the staging folder (hard link, or a copy when the source is
 * kept or on another disk) and returns the sidecar's `preview` for it.
 */
async function stagePreview(
  source: { path: string; width: number; height: number; reason: string },
  target: string,
  keepSource: boolean,
): Promise<NonNullable<ClipSidecar['preview']>> {
  if (keepSource) await copyFile(source.path, target);
  else await link(source.path, target).catch(() => copyFile(source.path, target));
  const { size } = await stat(target);
  return { file: PREVIEW_FILE, codec: 'h264', width: source.width, height: source.height, bytes: size, reason: source.reason };
}

/** The library folder name of a `.trash/` entry (a `~<ms>` suffix marks a second copy of the same name). */
function originalFolder(trashName: string): string {
  return trashName.replace(/~\d+$/, '');
}

/** Rethrows a rename failure; Windows refuses to move a folder while a file in it is open (a playing video). */
function inUse(err: NodeJS.ErrnoException): never {
  if (err.code === 'EBUSY' || err.code === 'EPERM' || err.code === 'EACCES') {
    throw new StudioError('CONFLICT', said('library.inUse'));
  }
  throw err;
}
