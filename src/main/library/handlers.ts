import { basename, dirname } from 'node:path';
import { StudioError } from '../../shared/contract/result';
import { effectiveAspectRatio } from '../../shared/library/aspect';
import { takeDifferences } from '../../shared/jobs/takes';
import type { ClipSidecar } from '../../shared/library/sidecar';
import type { Handlers } from '../../shared/contract/index';
import type { ClipDetail, ClipSummary } from '../../shared/contract/library';
import type { ImportedMedia } from '../../shared/contract/media';
import type { StudioConfig } from '../composition/config';
import type { Logger } from '../logging/logger';
import { copyFileAtomic, fsFailure } from './disk';
import { writeFileAtomic } from '../storage/atomic-write';
import type { FrameTokens } from './frame-tokens';
import type { Library, LibraryClip } from './library';
import { createFilmHandlers } from './film-handlers';
import type { JoinDeps } from './join';
import { inputViews, reuseInputs } from './reuse';

/** What the `library` handlers need. */
export interface LibraryHandlerDeps {
  library: Library;
  /** Registers a file the renderer may load and resolves with its media id (`MediaRegistry.register`). Rejects when the file is missing. */
  registerMedia: (absPath: string, mime: string) => Promise<string>;
  /** Turns a media id into a URL (`StudioConfig.mediaUrl`). */
  mediaUrl: (id: string) => string;
  frameTokens: FrameTokens;
  /**
   * Registers a kept reference video or audio file with the media service under its original
   * `name` (the media service's import by path, probed in the job engine's process).
   */
  importMedia: (path: string, name: string) => Promise<ImportedMedia>;
  /** Shows a file in the system file manager (Electron: `shell.showItemInFolder`); absent where the host cannot. */
  showItemInFolder?: (absPath: string) => void;
  /** The host's save dialog (`StudioConfig.chooseSavePath`); absent where the host has none. */
  chooseSavePath?: StudioConfig['chooseSavePath'];
  log: Logger;
  /** Joins clips in the job engine (`EngineHost.joinMedia`), with its work folder and the app version for joined clips' sidecars. */
  films?: Pick<JoinDeps, 'join' | 'workDir' | 'appVersion'>;
}

/** Handlers for the `library` domain: clips in, URLs and tokens out — never a path. */
export function createLibraryHandlers(deps: LibraryHandlerDeps): Handlers['library'] {
  const { library } = deps;

  const url = async (path: string | null, mime: string): Promise<string | null> => {
    if (!path) return null;
    try {
      return deps.mediaUrl(await deps.registerMedia(path, mime));
    } catch (err) {
      // The file went missing since the last scan; the watcher will catch up and send `changed`.
      deps.log.warn('library.media_unavailable', { error: err });
      return null;
    }
  };

  /** The clip's `take`, compared with take 1 by the settings the sidecar records. */
  const takeOf = (clip: LibraryClip): Pick<ClipSummary, 'take'> => {
    const take = library.take(clip.id);
    if (!take) return {};
    const settings = (s: ClipSidecar) => ({ ...s.parameters, seed: s.seed ?? s.parameters.seed ?? null });
    const differs = take.n === 1 ? [] : takeDifferences(settings(take.first), settings(clip.sidecar));
    return { take: { n: take.n, of: take.of, differs } };
  };

  const summary = async (clip: LibraryClip): Promise<ClipSummary> => {
    const s = clip.sidecar;
    // The files' realpaths are read in parallel, off main's thread (libuv's pool).
    const [posterUrl, videoUrl, previewUrl] = await Promise.all([
      url(clip.paths.poster, 'image/jpeg'),
      url(clip.paths.video, 'video/mp4'),
      url(clip.paths.preview, 'video/mp4'),
    ]);
    return {
      id: clip.id,
      createdAt: s.createdAt,
      prompt: s.prompt,
      provider: s.provider,
      modelId: s.modelId,
      mode: s.mode,
      resolution: s.parameters.resolution,
      aspectRatio: effectiveAspectRatio(s),
      width: s.output.width,
      height: s.output.height,
      durationSec: s.output.durationSec,
      rating: s.rating,
      tags: s.tags,
      ...(s.continuedFrom ? { continuedFrom: s.continuedFrom } : {}),
      seed: s.seed,
      simulated: s.route === 'demo',
      ...takeOf(clip),
      ...(s.batch ? { batch: s.batch } : {}),
      posterUrl,
      videoUrl,
      // A preview whose file went missing falls back to the original (which may still play here).
      playUrl: previewUrl ?? videoUrl,
    };
  };

  const detail = async (clip: LibraryClip): Promise<ClipDetail> => ({
    ...(await summary(clip)),
    folder: clip.folder,
    sidecar: clip.sidecar,
    inputs: await inputViews(clip, url),
    lineage: await library.lineage(clip.id),
  });

  /** Asks the host where to save (`deps.chooseSavePath`, which must exist), then `write`s there (returns bytes). */
  const saveWith = async (
    id: string,
    defaultName: string,
    kind: 'video' | 'sidecar',
    write: (dest: string) => Promise<number>,
  ): Promise<{ outcome: 'saved'; fileName: string; folder: string; bytes: number } | { outcome: 'cancelled' }> => {
    const dest = await deps.chooseSavePath!({ defaultName, kind });
    if (!dest) return { outcome: 'cancelled' };
    try {
      return { outcome: 'saved', fileName: basename(dest), folder: dirname(dest), bytes: await write(dest) };
    } catch (err) {
      deps.log.warn('library.save_failed', { id, kind, error: err });
      throw new StudioError('UNAVAILABLE', fsFailure(err));
    }
  };

  const films = createFilmHandlers({
    ...(deps.films ? { films: deps.films } : {}),
    library,
    log: deps.log,
    summary,
    ...(deps.importMedia ? { importMedia: deps.importMedia } : {}),
    registerMedia: deps.registerMedia,
    mediaUrl: deps.mediaUrl,
    ...(deps.chooseSavePath ? { chooseSavePath: deps.chooseSavePath } : {}),
  });

  return {
    ...films,
    list: async (query) => {
      const page = await library.list(query);
      return { total: page.total, items: await Promise.all(page.items.map(summary)) };
    },
    get: async ({ id }) => detail(await library.get(id)),
    update: async ({ id, rating, tags }) => summary(await library.update(id, { rating, tags })),
    trash: async ({ id }) => {
      await library.trash(id);
      return { id };
    },
    restore: async ({ id }) => summary(await library.restore(id)),
    lastFrame: async ({ id }) => {
      const frame = await library.lastFrame(id);
      return { token: deps.frameTokens.issue(frame.path), frame: { width: frame.width, height: frame.height } };
    },
    reuseInputs: async ({ id }) => reuseInputs(await library.get(id), { frameTokens: deps.frameTokens, importMedia: deps.importMedia, log: deps.log }),
    cleanInputs: () => library.cleanInputs(),
    stats: () => library.stats(),
    reveal: async ({ id }) => {
      const clip = await library.get(id);
      if (!deps.showItemInFolder) return { revealed: false };
      deps.showItemInFolder(clip.paths.video);
      return { revealed: true };
    },
    exportSidecar: async ({ id }) => {
      const clip = await library.get(id);
      const fileName = `${clip.folder}.json`;
      const json = await library.sidecarText(id);
      if (!deps.chooseSavePath) return { outcome: 'no_dialog', fileName, json };
      return saveWith(id, fileName, 'sidecar', async (dest) => {
        await writeFileAtomic(dest, json);
        return Buffer.byteLength(json);
      });
    },
    saveCopy: async ({ id }) => {
      const clip = await library.get(id);
      const fileName = `${clip.folder}.mp4`;
      if (!deps.chooseSavePath) return { outcome: 'no_dialog', fileName };
      return saveWith(id, fileName, 'video', (dest) => copyFileAtomic(clip.paths.video, dest));
    },
  };
}
