import { findModel } from '../../shared/catalog/models';
import type { ModelEntry } from '../../shared/catalog/types';
import type { Handlers } from '../../shared/contract/index';
import type { ImportedMedia } from '../../shared/contract/media';
import { StudioError } from '../../shared/contract/result';
import { ImageError, UnknownImageError } from '../images/errors';
import type { ImageService } from '../images/image-service';
import { checkReferences, type ResolvedReference } from './check';
import { UnknownMediaError } from './errors';
import type { MediaFile, MediaService } from './media-service';
import { saidOf } from '../../shared/messages/error-said';
import { said } from '../../shared/messages/phrase';

/** What the `media` handlers need besides the services. */
export interface MediaHandlerDeps {
  media: MediaService;
  images: ImageService;
  /** Redeems a grant token for the path of the file the user dropped or picked (`FileGrants.redeem`). */
  redeemGrant: (token: string) => string | null;
  /** Registers a poster the renderer may load and resolves with its id (`MediaRegistry.register`). */
  registerMedia: (absPath: string, mime: string) => Promise<string>;
  /** Turns a registered id into a URL (`StudioConfig.mediaUrl`). */
  mediaUrl: (id: string) => string;
  /** The catalogue; default the app's (`findModel`). */
  catalog?: (modelId: string) => ModelEntry | undefined;
}

/**
 * What the renderer gets for a registered media file: its id, what ffprobe read, its poster and, for
 * a video when `videoPath` (the media service's file for `file.mediaId`) is given, the video itself,
 * each as a registered `media://` URL (never a path; issue 13: a video reference plays on hover).
 */
export async function importedMediaView(file: MediaFile, deps: Pick<MediaHandlerDeps, 'mediaUrl' | 'registerMedia'>, videoPath?: string): Promise<ImportedMedia> {
  return {
    mediaId: file.mediaId,
    info: file.info,
    previewUrl: file.poster ? deps.mediaUrl(await deps.registerMedia(file.poster, 'image/jpeg')) : null,
    ...(videoPath && file.info.kind === 'video' ? { playUrl: deps.mediaUrl(await deps.registerMedia(videoPath, file.info.mime)) } : {}),
  };
}

/**
 * Handlers for the `media` domain (reference videos and audio; see the contract in
 * shared/contract/media.ts): grant tokens and bytes in, media ids, what ffprobe read, posters and
 * verdicts out — never a path. Probing and fixing run in the job engine's process (the media
 * service's prober). A file that is not usable media and a fix the row cannot take are
 * `BAD_INPUT`; an unknown token, media id or model is `NOT_FOUND`.
 */
export function createMediaHandlers(deps: MediaHandlerDeps): Handlers['media'] {
  const catalog = deps.catalog ?? findModel;
  const model = (modelId: string): ModelEntry => {
    const entry = catalog(modelId);
    if (!entry) throw new StudioError('NOT_FOUND', said('job.refused.unknownModel', { model: modelId.slice(0, 80) }));
    return entry;
  };
  const view = (file: MediaFile): Promise<ImportedMedia> => importedMediaView(file, deps, file.info.kind === 'video' ? deps.media.locate(file.mediaId).path : undefined);

  /** One reference as the checks see it; a file the app cannot read becomes that item's verdict, not a failed call. */
  const resolveItem = async (ref: { kind: 'image' | 'video' | 'audio'; id?: string; url?: string }): Promise<ResolvedReference> => {
    if (ref.url) return { kind: ref.kind, url: ref.url };
    try {
      if (ref.kind === 'image') return { kind: 'image', image: await deps.images.info(ref.id!) };
      return { kind: ref.kind, media: (await deps.media.info(ref.id!)).info };
    } catch (err) {
      if (err instanceof ImageError || err instanceof UnknownImageError || err instanceof UnknownMediaError) return { kind: ref.kind, problem: saidOf(err) };
      if (err instanceof StudioError && err.code === 'BAD_INPUT') return { kind: ref.kind, problem: saidOf(err) };
      throw err;
    }
  };

  return {
    import: ({ token }) =>
      guard(async () => {
        const path = deps.redeemGrant(token);
        if (!path) throw new StudioError('NOT_FOUND', said('image.file.unavailable'));
        return view(await deps.media.import(path));
      }),
    importBytes: ({ bytes, name }) => guard(async () => view(await deps.media.importBytes(Buffer.from(bytes, 'base64'), name))),
    info: ({ mediaId }) => guard(async () => view(await deps.media.info(mediaId))),
    check: (input) =>
      guard(async () => {
        const entry = model(input.modelId);
        const items = await Promise.all(input.references.map(resolveItem));
        return checkReferences(entry, items, { firstFrame: Boolean(input.firstFrame), lastFrame: Boolean(input.lastFrame), task: input.task });
      }),
    fix: ({ mediaId, modelId, action, maxSeconds }) => guard(async () => view(await deps.media.fix(mediaId, model(modelId), action, maxSeconds))),
  };
}

/** Runs a handler body, turning an unknown media id into `NOT_FOUND`. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UnknownMediaError) throw new StudioError('NOT_FOUND', saidOf(err));
    throw err;
  }
}
