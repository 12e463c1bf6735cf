import { Semaphore } from 'async-mutex';
import type { ModelEntry } from '../../shared/catalog/types';
import { fixImage, type FixOptions, type FixResult } from './fix';
import type { FixRequest, PreviewRequest } from './image-wire';
import type { ImageInfo } from './inspect';
import { makePreview, type Preview } from './preview';
import { configureSharp } from './sharp-setup';

/**
 * The pixel work of the image service — decode, orient, crop, resize, encode (`fixImage`) and
 * thumbnails (`makePreview`) — behind one seam, so the app runs it in the job engine's process
 * (issue 12: a fix's decoded pixels and libvips' allocator arenas then never count against main's
 * memory, and main's event loop only waits for an answer) while the CLI and tests run it here.
 * Everything that crosses is plain data checked by the schemas in `image-wire.ts`; a request names the model by
 * id (the worker looks the row up in its own catalogue).
 */
export interface ImageWork {
  /**
   * `fixImage` (see there) of `request.src` for `entry` (the row `request.modelId` names: a worker in
   * another process looks it up in its own catalogue). Throws as `fixImage` does.
   */
  fix(request: FixRequest, entry: ModelEntry): Promise<FixResult>;
  /** `makePreview` (see there). Throws `ImageError` when the source cannot be decoded. */
  preview(request: PreviewRequest): Promise<Preview>;
}

/**
 * The pixel work in this process, with the process-wide sharp settings (`configureSharp`) and at
 * most `concurrency` images at once (default 1: one photo's decode buffers at a time keeps the peak
 * low, and libvips already uses the cores it is given).
 */
export function localImageWork(concurrency = 1): ImageWork {
  configureSharp();
  const slots = new Semaphore(concurrency);
  const bounded = <T>(work: () => Promise<T>): Promise<T> => slots.runExclusive(work);
  return {
    fix: (request, entry) =>
      bounded(() => {
        const { src, modelId: _modelId, ...options } = request;
        return fixImage(src, entry, options as FixOptions);
      }),
    preview: (request) => bounded(() => makePreview(request.src, request.info as ImageInfo, request.cacheDir, request.maxSide)),
  };
}
