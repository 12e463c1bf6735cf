import { unlink } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { PixelSize } from '../../shared/catalog/output-sizes';
import type { AspectRatio, ModelEntry, Resolution } from '../../shared/catalog/types';
import type { Logger } from '../logging/logger';
import { sha256Bytes, writeAtomic } from './cache';
import { checkImage, type CheckResult } from './check';
import type { OutputFormat } from './encode';
import { ImageError, UnknownImageError } from './errors';
import type { CropChoice, FixResult } from './fix';
import { frameTarget, type FrameRole } from './geometry';
import { openImageIndex } from './image-index';
import { inspectImage, type ImageInfo } from './inspect';
import { localImageWork, type ImageWork } from './image-work';
import type { Preview } from './preview';
import { configureSharp } from './sharp-setup';
import { HEAD_BYTES, sniffFormat } from './sniff';
import { said } from '../../shared/messages/phrase';

/** What the service needs from its host. */
export interface ImageServiceDeps {
  /** App data folder; the service uses `<dataDir>/inputs` (processed cache, previews, pasted images, index.json). */
  dataDir: string;
  log: Logger;
  /**
   * Where decoding, resizing and encoding run (`ImageWork`): the app hands the job engine's
   * process (issue 12: main keeps its memory and its event loop); default this process.
   */
  work?: ImageWork;
}

/** An image and the job settings it is judged against. */
export interface FrameRequest {
  imageId: string;
  entry: ModelEntry;
  resolution: Resolution;
  aspectRatio: AspectRatio;
  role: FrameRole;
  /** For `role: 'last'`: the first frame's image id; the last frame is fitted to its final size. */
  firstImageId?: string;
}

/** An imported image. */
export interface Imported {
  /** Opaque id (32 hex chars) to use in drafts and `JobParams`; never a path. */
  imageId: string;
  info: ImageInfo;
}

/**
 * Main's image service (ARCHITECTURE.md: "Main owns … images (sharp)"): ids, inspection (headers
 * only) and verdicts here; decoding, resizing and encoding in `ImageServiceDeps.work` (the job
 * engine's process in the app). All methods are async.
 */
export interface ImageService {
  /**
   * Registers a file the user picked, dropped or pasted as a path. Nothing is copied: the path is
   * kept under an opaque id (in memory and in `inputs/index.json`). Inspects it first, so a file
   * that cannot be used is refused with its `ImageError` and never gets an id. `name` is shown to
   * the user instead of the file's own (a library input stored under its hash keeps its original name).
   */
  import(path: string, name?: string): Promise<Imported>;
  /**
   * Registers image bytes (clipboard paste): saved once under `inputs/pasted/<sha256>.<ext>`, then
   * imported. `name` is shown to the user. Throws `ImageError` when the bytes are not a usable image
   * (the saved file is removed again).
   */
  importBytes(bytes: Uint8Array, name: string): Promise<Imported>;
  /** Re-inspects the image behind `imageId` (the file may have changed). Throws `UnknownImageError`, `ImageError`. */
  info(imageId: string): Promise<ImageInfo>;
  /** `checkImage` for this frame (see there), plus the inspected source. Throws `UnknownImageError`, `ImageError`. */
  check(req: FrameRequest): Promise<CheckResult & { info: ImageInfo }>;
  /** `fixImage` into `<dataDir>/inputs` (see there). Throws `UnknownImageError`, `ImageError`, `RangeError` (crop). */
  fix(req: FrameRequest & { crop?: CropChoice; format?: OutputFormat; size?: PixelSize }): Promise<FixResult>;
  /** A thumbnail JPEG (longer side ≤ `maxSide` px, default 512) of an imported image. */
  preview(imageId: string, maxSide?: number): Promise<Preview>;
  /** A thumbnail of a file the service produced (a `fix` output). */
  previewFile(path: string, maxSide?: number): Promise<Preview>;
  /** Waits for the image index's pending writes (call before the process exits). */
  dispose(): Promise<void>;
}

const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', gif: 'gif', tiff: 'tif', bmp: 'bmp', avif: 'avif', svg: 'svg' };

/** Builds the image service; loads `inputs/index.json` and applies the process-wide sharp settings. */
export async function createImageService(deps: ImageServiceDeps): Promise<ImageService> {
  // Inspection (headers only) stays here; the pixel work goes to `work`.
  configureSharp();
  const work = deps.work ?? localImageWork();
  const inputs = join(deps.dataDir, 'inputs');
  const index = await openImageIndex(join(inputs, 'index.json'), deps.log);

  const entryOf = (imageId: string) => {
    const entry = index.get(imageId);
    if (!entry) throw new UnknownImageError(imageId);
    return entry;
  };
  const info = async (imageId: string): Promise<ImageInfo> => {
    const entry = entryOf(imageId);
    return { ...(await inspectImage(entry.path)), name: entry.name };
  };
  const importPath = async (path: string, name?: string): Promise<Imported> => {
    if (!isAbsolute(path)) throw new ImageError('unreadable', said('image.file.fullPath', { name: basename(path) }));
    const full = resolve(path);
    const inspected = await inspectImage(full);
    const shown = name ?? inspected.name;
    const imageId = await index.add(full, shown);
    deps.log.info('images.imported', { imageId, format: inspected.format, width: inspected.width, height: inspected.height, bytes: inspected.bytes });
    return { imageId, info: { ...inspected, name: shown } };
  };
  /** The first frame's final size, for fitting a last frame to it. */
  const firstFrameSize = async (req: FrameRequest): Promise<PixelSize | undefined> => {
    if (req.role !== 'last' || !req.firstImageId) return undefined;
    const first = await info(req.firstImageId);
    return frameTarget(req.entry, first, { ...req, role: 'first' }, req.entry.imageRules?.maxSideExclusive ?? 6000).size;
  };

  return {
    dispose: () => index.flush(),
    import: (path, name) => importPath(path, name),
    async importBytes(bytes, name) {
      const format = sniffFormat(bytes.subarray(0, HEAD_BYTES));
      const shown = basename(name).slice(0, 200) || 'Pasted image';
      if (!format || !EXT[format]) throw new ImageError('unsupported_format', said('image.file.pastedNotImage', { name: shown }));
      const path = join(inputs, 'pasted', `${sha256Bytes(bytes)}.${EXT[format]}`);
      await writeAtomic(path, bytes);
      try {
        return await importPath(path, shown);
      } catch (err) {
        await unlink(path).catch(() => undefined);
        throw err;
      }
    },
    info,
    async check(req) {
      const [source, first] = await Promise.all([info(req.imageId), firstFrameSize(req)]);
      return { ...checkImage(source, req.entry, { ...req, firstFrameSize: first }), info: source };
    },
    async fix(req) {
      const started = Date.now();
      const [source, first] = await Promise.all([info(req.imageId), firstFrameSize(req)]);
      const result = await work.fix(
        {
          src: source.path,
          modelId: req.entry.id,
          resolution: req.resolution,
          aspectRatio: req.aspectRatio,
          role: req.role,
          cacheDir: inputs,
          info: source,
          ...(first ? { firstFrameSize: first } : {}),
          ...(req.crop ? { crop: req.crop } : {}),
          ...(req.format ? { format: req.format } : {}),
          ...(req.size ? { size: req.size } : {}),
        },
        req.entry,
      );
      deps.log.info('images.fixed', {
        imageId: req.imageId,
        model: req.entry.id,
        width: result.target.width,
        height: result.target.height,
        bytes: result.prepared.bytes,
        cached: result.cached,
        ms: Date.now() - started,
      });
      return result;
    },
    async preview(imageId, maxSide = 512) {
      const source = await info(imageId);
      return work.preview({ src: source.path, info: source, cacheDir: inputs, maxSide });
    },
    async previewFile(path, maxSide = 512) {
      return work.preview({ src: path, info: await inspectImage(path), cacheDir: inputs, maxSide });
    },
  };
}
