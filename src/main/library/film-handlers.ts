import { basename, dirname } from 'node:path';
import { CATALOG } from '../../shared/catalog/models';
import { PROVIDER_NAMES } from '../../shared/catalog/provider-names';
import type { Handlers } from '../../shared/contract/index';
import type { ClipSummary } from '../../shared/contract/library';
import type { ImportedMedia } from '../../shared/contract/media';
import { StudioError } from '../../shared/contract/result';
import { sourceLengthSaid, sourceLink, takesSourceFile } from '../../shared/library/source-video';
import type { StudioConfig } from '../composition/config';
import { chainThrough } from './chain';
import { copyFileAtomic, fsFailure } from './disk';
import { fileJoinedClip, joinToFile, removeJoined, type JoinDeps } from './join';
import type { LibraryClip } from './library';
import { said } from '../../shared/messages/phrase';

type LibraryHandlers = Handlers['library'];

/** What the edit/extend source, chain and join handlers need beside the library. */
export interface FilmHandlerDeps extends Pick<JoinDeps, 'library' | 'log' | 'now'> {
  /** The engine's join, its work folder and the app version (`JoinDeps`); absent: `join` and `exportChain` answer UNAVAILABLE. */
  films?: Pick<JoinDeps, 'join' | 'workDir' | 'appVersion'>;
  /** The library handlers' summary of a clip (URLs registered). */
  summary: (clip: LibraryClip) => Promise<ClipSummary>;
  /** Registers a clip's video with the media service under `name` (as Reuse does); absent: `sourceVideo` answers UNAVAILABLE for file providers. */
  importMedia?: (path: string, name: string) => Promise<ImportedMedia>;
  /** Registers a file the renderer may load; resolves with its media id. */
  registerMedia: (absPath: string, mime: string) => Promise<string>;
  mediaUrl: (id: string) => string;
  chooseSavePath?: StudioConfig['chooseSavePath'];
}

/**
 * The library's 2.5 source and film requests: `sourceVideo` (a clip as the source video of an
 * edit or extend), `chain`, `join` and `exportChain` (issue 15 §2, issue 14 "A chain as one
 * film"). Joins run in the job engine (`deps.join`); main resolves clips to files, files the
 * result, and copies an export where the user chose.
 */
export function createFilmHandlers(deps: FilmHandlerDeps): Pick<LibraryHandlers, 'sourceVideo' | 'chain' | 'join' | 'exportChain'> {
  const now = deps.now ?? Date.now;
  const joining = (): JoinDeps => {
    if (!deps.films) throw new StudioError('UNAVAILABLE', said('library.noEngine'));
    return { ...deps.films, library: deps.library, log: deps.log, ...(deps.now ? { now: deps.now } : {}) };
  };
  // The harness's last chain download, removed when the next one is made (a restart empties `workDir`).
  let lastDownload: Awaited<ReturnType<typeof joinToFile>>['joined'] | null = null;
  return {
    sourceVideo: async ({ id, provider, task }) => {
      const clip = await deps.library.get(id);
      const row = CATALOG.find((m) => m.provider === provider && m.tasks?.includes(task));
      if (!row) throw new StudioError('BAD_INPUT', said(`library.noSourceModel.${task}`, { provider: PROVIDER_NAMES[provider] }));
      const length = sourceLengthSaid(row, task, clip.sidecar.output.durationSec);
      if (length) throw new StudioError('BAD_INPUT', length);
      if (!takesSourceFile(provider)) {
        const fileProviders = [...new Set(CATALOG.filter((m) => m.tasks?.includes(task) && takesSourceFile(m.provider)).map((m) => PROVIDER_NAMES[m.provider]))];
        const link = sourceLink(clip.sidecar, now(), fileProviders);
        if (!link.ok) throw new StudioError('BAD_INPUT', link.reason);
        return { as: 'url', url: link.url, expiresAt: link.expiresAt };
      }
      if (!deps.importMedia) throw new StudioError('UNAVAILABLE', said('library.noReferenceVideos'));
      return { as: 'media', media: await deps.importMedia(clip.paths.video, `${clip.folder}.mp4`) };
    },
    chain: async ({ id }) => {
      const chain = await chainThrough(deps.library, id);
      return { clips: await Promise.all(chain.clips.map(deps.summary)), branched: chain.branched };
    },
    join: async ({ ids }) => {
      const { clip, joined } = await fileJoinedClip(joining(), ids);
      return { clip: await deps.summary(clip), method: joined.method, reasons: joined.reasons, ...(joined.reasonPhrases ? { reasonPhrases: joined.reasonPhrases } : {}) };
    },
    exportChain: async ({ id }) => {
      const chain = await chainThrough(deps.library, id);
      if (chain.clips.length < 2) throw new StudioError('BAD_INPUT', said('library.notChained'));
      const first = chain.clips[0] as LibraryClip;
      const fileName = `${first.folder}-chain-${chain.clips.length}.mp4`;
      const ids = chain.clips.map((c) => c.id);
      if (!deps.chooseSavePath) {
        const { joined } = await joinToFile(joining(), ids);
        // The harness downloads it from here, so it stays until the next export (or a restart's cleanup of `workDir`).
        if (lastDownload) await removeJoined(lastDownload);
        lastDownload = joined;
        return { outcome: 'no_dialog', fileName, url: deps.mediaUrl(await deps.registerMedia(joined.path, 'video/mp4')), clips: ids.length };
      }
      const dest = await deps.chooseSavePath({ defaultName: fileName, kind: 'video' });
      if (!dest) return { outcome: 'cancelled' };
      const { joined } = await joinToFile(joining(), ids);
      try {
        const bytes = await copyFileAtomic(joined.path, dest);
        return { outcome: 'saved', fileName: basename(dest), folder: dirname(dest), bytes, clips: ids.length };
      } catch (err) {
        deps.log.warn('library.chain_export_failed', { id, error: err });
        throw new StudioError('UNAVAILABLE', fsFailure(err));
      } finally {
        await removeJoined(joined);
      }
    },
  };
}
