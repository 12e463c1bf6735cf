import { createHash, randomBytes } from 'node:crypto';
import { stat, unlink } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import type { ModelEntry } from '../../shared/catalog/types';
import type { MediaInfoView } from '../../shared/contract/media';
import { StudioError } from '../../shared/contract/result';
import type { Logger } from '../logging/logger';
import { writeAtomic } from '../images/cache';
import { UnknownMediaError } from './errors';
import type { MediaFixRequest } from './fix';
import { openMediaIndex, type KnownProbe } from './media-index';
import type { FixedMedia, ProbedMedia } from './work';
import { renamePhrase } from '../../shared/messages/error-said';
import { said, type Said } from '../../shared/messages/phrase';

/** Where the probing and fixing happen: the job engine (its own process in the app; `EngineHost.probeMedia` / `fixMedia`). */
export interface MediaProber {
  probeMedia(path: string, options?: { poster?: string }): Promise<ProbedMedia>;
  fixMedia(request: MediaFixRequest): Promise<FixedMedia>;
}

/** A registered reference file: its id, what it is, and its poster JPEG's path (videos, when one could be made). */
export interface MediaFile {
  mediaId: string;
  info: MediaInfoView;
  poster?: string;
}

/**
 * Main's media service for reference videos and audio: ids for files (never paths to the
 * renderer), what each file is, fixed copies. Main itself only stats files and keeps the index;
 * every probe, poster, hash and re-encode runs in the job engine's process (`MediaProber`), so
 * main never spawns a child per file nor reads a file's bytes (ARCHITECTURE.md "Processes").
 * Errors: `StudioError('BAD_INPUT')` for a file that is not usable media (from the prober),
 * `UnknownMediaError` for an id the service never gave.
 */
export interface MediaService {
  /** Registers the file at an absolute `path` after the engine has probed it (a file that is not video or audio never gets an id). */
  import(path: string, name?: string): Promise<MediaFile>;
  /** Saves pasted or dropped bytes under `<dataDir>/media/pasted/` and imports them; removed again when they are not media. */
  importBytes(bytes: Uint8Array, name: string): Promise<MediaFile>;
  /** What the file behind `mediaId` is now: the stored probe while the file's size and time are unchanged, else a new probe. */
  info(mediaId: string): Promise<MediaFile>;
  /** The file and name behind `mediaId` (for the engine's `referenceFiles`). */
  locate(mediaId: string): { path: string; name: string };
  /**
   * A fixed copy of `mediaId` for `entry`'s reference rules (`reencode` or `trim`, see `fixMedia`),
   * registered as a new media id named "<name> (fixed)". Throws `StudioError('BAD_INPUT')` when the
   * row takes no references of that kind.
   */
  fix(mediaId: string, entry: ModelEntry, action: 'reencode' | 'trim', maxSeconds?: number): Promise<MediaFile>;
  /** Waits for the index's pending writes. */
  dispose(): Promise<void>;
}

const PASTED_EXT = new Set(['.mp4', '.mov', '.m4v', '.mkv', '.webm', '.wav', '.mp3', '.m4a', '.aac', '.flac', '.ogg']);

/** Builds the media service over `<dataDir>/media` (index.json, posters/, pasted/, fixed/). */
export async function createMediaService(deps: { dataDir: string; log: Logger; prober: MediaProber }): Promise<MediaService> {
  const root = join(deps.dataDir, 'media');
  const index = await openMediaIndex(join(root, 'index.json'), deps.log);

  /**
   * Probes `path` in the engine, with a poster named by the file's path, size and time (a changed
   * file gets a new poster). A refusal names the file as the user knows it (`name`), not as saved.
   */
  const probe = async (path: string, name = basename(path)): Promise<KnownProbe> => {
    const st = await stat(path).catch(() => null);
    if (!st?.isFile()) throw new StudioError('BAD_INPUT', said('media.notFound', { name: basename(path) }));
    const key = createHash('sha256').update(`${path}\u0000${st.size}\u0000${st.mtimeMs}`).digest('hex').slice(0, 32);
    let probed: ProbedMedia;
    try {
      probed = await deps.prober.probeMedia(path, { poster: join(root, 'posters', `${key}.jpg`) });
    } catch (err) {
      if (err instanceof StudioError && name !== basename(path)) throw new StudioError(err.code, renamed(err, basename(path), name), err.details);
      throw err;
    }
    const { poster, ...info } = probed;
    return { bytes: st.size, mtimeMs: st.mtimeMs, info, ...(poster ? { poster } : {}) };
  };
  const fileOf = (mediaId: string, name: string, known: KnownProbe): MediaFile => ({ mediaId, info: { ...known.info, name }, ...(known.poster ? { poster: known.poster } : {}) });
  const entryOf = (mediaId: string) => {
    const entry = index.get(mediaId);
    if (!entry) throw new UnknownMediaError(mediaId);
    return entry;
  };
  const importPath = async (path: string, name?: string): Promise<MediaFile> => {
    if (!isAbsolute(path)) throw new StudioError('BAD_INPUT', said('image.file.fullPath', { name: basename(path) }));
    const full = resolve(path);
    const shown = (name ?? basename(full)).slice(0, 200);
    const known = await probe(full, shown);
    const mediaId = await index.add(full, shown, known);
    deps.log.info('media.imported', { mediaId, kind: known.info.kind, container: known.info.container, seconds: known.info.durationSec, bytes: known.bytes });
    return fileOf(mediaId, shown, known);
  };

  const info = async (mediaId: string): Promise<MediaFile> => {
    const entry = entryOf(mediaId);
    const st = await stat(entry.path).catch(() => null);
    if (!st?.isFile()) throw new StudioError('BAD_INPUT', said('media.gone', { name: entry.name }));
    if (entry.probe && entry.probe.bytes === st.size && entry.probe.mtimeMs === st.mtimeMs) return fileOf(mediaId, entry.name, entry.probe);
    const known = await probe(entry.path, entry.name);
    await index.setProbe(mediaId, known);
    return fileOf(mediaId, entry.name, known);
  };

  return {
    import: importPath,
    async importBytes(bytes, name) {
      const shown = basename(name).slice(0, 200) || 'Pasted media';
      const ext = extname(shown).toLowerCase();
      // A random name, not a content hash: main does not hash files (the engine hashes what it sends).
      const path = join(root, 'pasted', `${randomBytes(16).toString('hex')}${PASTED_EXT.has(ext) ? ext : ''}`);
      await writeAtomic(path, bytes);
      try {
        return await importPath(path, shown);
      } catch (err) {
        await unlink(path).catch(() => undefined);
        throw err;
      }
    },
    info,
    locate(mediaId) {
      const { path, name } = entryOf(mediaId);
      return { path, name };
    },
    async fix(mediaId, entry, action, maxSeconds) {
      const source = await info(mediaId);
      const kind = source.info.kind;
      const limits = kind === 'video' ? entry.references?.videos : entry.references?.audios;
      if (!limits || limits.max === 0) throw new StudioError('BAD_INPUT', said(kind === 'video' ? 'media.noVideos' : 'media.noAudio', { model: entry.name }));
      const started = Date.now();
      const fixed = await deps.prober.fixMedia({
        path: entryOf(mediaId).path,
        kind,
        action,
        limits,
        ...(maxSeconds !== undefined ? { maxSeconds } : {}),
        outDir: join(root, 'fixed'),
      });
      const stem = source.info.name.replace(/\.[^.]+$/, '');
      const result = await importPath(fixed.path, `${stem} (fixed).${extname(fixed.path).slice(1)}`);
      deps.log.info('media.fixed', { mediaId, model: entry.id, action, to: result.mediaId, ms: Date.now() - started });
      return result;
    },
    dispose: () => index.flush(),
  };
}

/** An error's sentence with the file's saved name `from` replaced by the name the user knows, `to` (message and phrase). */
function renamed(err: StudioError, from: string, to: string): string | Said {
  const message = err.message.replaceAll(from, to);
  return err.phrase ? { message, phrase: renamePhrase(err.phrase, from, to) } : message;
}
