import { readFile } from 'node:fs/promises';
import { findModel } from '../../shared/catalog/models';
import type { ModelEntry } from '../../shared/catalog/types';
import type { Handlers } from '../../shared/contract/index';
import type { ImageInfoView } from '../../shared/contract/images';
import { StudioError } from '../../shared/contract/result';
import { ImageError, UnknownImageError } from './errors';
import type { ImageService } from './image-service';
import type { ImageInfo } from './inspect';
import type { Preview } from './preview';
import { saidOf } from '../../shared/messages/error-said';
import { said, type Said } from '../../shared/messages/phrase';

/** What the `images` handlers need besides the service. */
export interface ImageHandlerDeps {
  /**
   * Registers a file the renderer may load and returns its media id (`MediaRegistry.register`);
   * with `mediaUrl`, thumbnails become `media://…` / `/media/…` URLs. Without both, thumbnails are
   * sent inline as `data:` URLs (a 512 px JPEG is 30–80 KB).
   */
  registerMedia?: (absPath: string, mime: string) => Promise<string>;
  /** Turns a media id into a URL (`StudioConfig.mediaUrl`). */
  mediaUrl?: (id: string) => string;
  /** Resolves a library frame token to the file's path and the name to show (`FrameTokens.resolve`). */
  resolveFrameToken?: (token: string) => { path: string; name?: string } | null;
  /** Redeems a grant token for the path of the file the user dropped or picked (`FileGrants.redeem`). */
  redeemGrant?: (token: string) => string | null;
}

const THUMB_SIDE = 512;

/**
 * Handlers for the `images` domain: grant and frame tokens and bytes in, opaque ids, verdicts and
 * thumbnail URLs out — never a path either way. Main reads only a file it granted (a drop or a
 * pick) or extracted from its library. `ImageError` and a bad crop become `BAD_INPUT` (with
 * `details.reason` = the `ImageError` code); an unknown image id, grant or frame token or model
 * becomes `NOT_FOUND`.
 */
export function createImageHandlers(service: ImageService, deps: ImageHandlerDeps = {}): Handlers['images'] {
  const previewUrl = async (preview: Preview): Promise<string> => {
    if (deps.registerMedia && deps.mediaUrl) return deps.mediaUrl(await deps.registerMedia(preview.path, preview.mime));
    return `data:${preview.mime};base64,${(await readFile(preview.path)).toString('base64')}`;
  };
  const imported = async (run: () => Promise<{ imageId: string; info: ImageInfo }>) =>
    guard(async () => {
      const { imageId, info } = await run();
      return { imageId, info: view(info), previewUrl: await previewUrl(await service.preview(imageId, THUMB_SIDE)) };
    });

  /** Imports the file a token stands for; `gone` is the message when it stands for nothing. */
  const importByToken = (resolve: ((token: string) => string | { path: string; name?: string } | null) | undefined, token: string, gone: Said) =>
    imported(() => {
      const found = resolve?.(token);
      if (!found) throw new StudioError('NOT_FOUND', gone);
      return typeof found === 'string' ? service.import(found) : service.import(found.path, found.name);
    });

  return {
    import: ({ token }) => importByToken(deps.redeemGrant, token, said('image.file.unavailable')),
    importBytes: ({ bytes, name }) => imported(() => service.importBytes(Buffer.from(bytes, 'base64'), name)),
    importFrame: ({ token }) => importByToken(deps.resolveFrameToken, token, said('image.file.frameUnavailable')),
    check: (input) =>
      guard(async () => {
        const result = await service.check({ ...input, entry: model(input.modelId) });
        return { ok: result.ok, violations: result.violations, warnings: result.warnings, target: result.target, crop: result.crop, info: view(result.info) };
      }),
    fix: (input) =>
      guard(async () => {
        const entry = model(input.modelId);
        if (!entry.imageRules) throw new StudioError('BAD_INPUT', said('image.noImages', { model: entry.name }));
        const result = await service.fix({ ...input, entry });
        return {
          info: view(result.info),
          mime: result.prepared.mime,
          bytes: result.prepared.bytes,
          sha256: result.prepared.sha256,
          cached: result.cached,
          target: result.target,
          crop: result.crop,
          previewUrl: await previewUrl(await service.previewFile(result.prepared.path, THUMB_SIDE)),
        };
      }),
    preview: ({ imageId, maxSide }) =>
      guard(async () => {
        const preview = await service.preview(imageId, maxSide);
        return { previewUrl: await previewUrl(preview), width: preview.width, height: preview.height };
      }),
  };
}

function model(modelId: string): ModelEntry {
  const entry = findModel(modelId);
  if (!entry) throw new StudioError('NOT_FOUND', said('job.refused.unknownModel', { model: modelId.slice(0, 80) }));
  return entry;
}

/** The renderer's view of an image: everything but the path. */
function view(info: ImageInfo): ImageInfoView {
  const { path: _path, ...rest } = info;
  return rest;
}

/** Runs a handler body, turning the image domain's expected failures into `StudioError`s. */
async function guard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof ImageError) throw new StudioError('BAD_INPUT', saidOf(err), { reason: err.code });
    if (err instanceof UnknownImageError) throw new StudioError('NOT_FOUND', saidOf(err));
    if (err instanceof RangeError) throw new StudioError('BAD_INPUT', saidOf(err));
    throw err;
  }
}
