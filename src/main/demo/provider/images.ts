import { createHash, randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { FileStore } from './files';

/** An input image the simulator received (inline or by URL) and stored on disk for rendering. */
export interface StoredImage {
  path: string;
  sha256: string;
  /** Pixel size as stored (EXIF orientation is not applied: providers see pixels, not tags). */
  width: number;
  height: number;
  /** `jpeg` `png` `webp` `gif` `tiff` `bmp` (or what sharp reports, e.g. `heif`, `svg`). */
  format: string;
  bytes: number;
}

/** Why an image reference could not be used; `code` lets each provider pick its own error. */
export class ImageRefError extends Error {
  constructor(
    readonly code: 'unreachable' | 'decode' | 'format' | 'size' | 'dimensions',
    message: string,
  ) {
    super(message);
  }
}

/** Formats and byte limit one provider/model accepts (providers.md, "Input image rules"). */
export interface ImageLimits {
  formats: readonly string[];
  maxBytes: number;
}

export const ALL_FORMATS = ['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'] as const;
/** EvoLink and fal 2.0: JPEG/PNG/WebP only (providers.md). */
export const WEB_FORMATS = ['jpeg', 'png', 'webp'] as const;
export const MAX_IMAGE_BYTES = 30 * 1024 * 1024;

/** BMP is not decoded by sharp; its header holds the size (BITMAPINFOHEADER: width @18, height @22). */
function bmpSize(buf: Buffer): { width: number; height: number } | null {
  if (buf.length < 26 || buf.toString('latin1', 0, 2) !== 'BM') return null;
  return { width: Math.abs(buf.readInt32LE(18)), height: Math.abs(buf.readInt32LE(22)) };
}

/**
 * Decodes image references the way the providers accept them: `data:image/<fmt>;base64,…`, bare
 * base64 (Novita), or a URL the simulator itself serves (uploads and results). Any other URL is
 * unreachable: the simulator is offline by design.
 */
export class ImageStore {
  private readonly dir: string;
  private readonly ready: Promise<unknown>;

  constructor(
    dataDir: string,
    private readonly files: FileStore,
  ) {
    this.dir = join(dataDir, 'inputs');
    this.ready = mkdir(this.dir, { recursive: true });
  }

  /** Resolves and stores a reference. Throws `ImageRefError`. */
  async fromRef(ref: string, opts: { allowBareBase64: boolean; allowDataUrl: boolean }): Promise<StoredImage> {
    let bytes: Buffer;
    const dataUrl = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(ref);
    if (dataUrl) {
      if (!opts.allowDataUrl) throw new ImageRefError('unreachable', 'data URLs are not accepted here; upload the file first');
      if (!dataUrl[2]) throw new ImageRefError('decode', 'data URL must be base64-encoded');
      bytes = Buffer.from(dataUrl[3] ?? '', 'base64');
    } else if (/^https?:\/\//i.test(ref)) {
      const local = await this.files.fetchablePath(ref);
      if (!local) throw new ImageRefError('unreachable', `could not download image from ${ref}`);
      bytes = await readFile(local);
    } else if (opts.allowBareBase64 && /^[A-Za-z0-9+/=\s]+$/.test(ref) && ref.length > 16) {
      bytes = Buffer.from(ref, 'base64');
    } else {
      throw new ImageRefError('unreachable', 'image must be a URL or base64 data');
    }
    return this.fromBytes(bytes);
  }

  /** Measures and stores raw image bytes. Throws `ImageRefError('decode')` when they are not an image. */
  async fromBytes(bytes: Buffer): Promise<StoredImage> {
    let width: number;
    let height: number;
    let format: string;
    const bmp = bmpSize(bytes);
    if (bmp) {
      ({ width, height } = bmp);
      format = 'bmp';
    } else {
      try {
        const meta = await sharp(bytes).metadata();
        if (!meta.width || !meta.height || !meta.format) throw new Error('no size');
        width = meta.width;
        height = meta.height;
        format = meta.format;
      } catch {
        throw new ImageRefError('decode', 'the image could not be decoded');
      }
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(this.dir, `${sha256}.${format}`);
    // Content-addressed and read by ffmpeg renders while other tasks resolve the same image: a
    // rewrite in place (truncate, then write) could hand a render a cut file. Write once, atomically.
    await this.ready;
    if (!(await access(path).then(() => true, () => false))) {
      const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return { path, sha256, width, height, format, bytes: bytes.length };
  }
}

/**
 * Checks an image against the documented rules (providers.md, "Input image rules"): format, bytes,
 * shorter side > 300 px, longer side < 6000 px, width/height within 0.4 … 2.5.
 * Throws `ImageRefError` with the first rule broken.
 */
export function checkImage(img: StoredImage, limits: ImageLimits): void {
  if (!limits.formats.includes(img.format)) {
    throw new ImageRefError('format', `image format ${img.format} is not supported (allowed: ${limits.formats.join(', ')})`);
  }
  if (img.bytes > limits.maxBytes) throw new ImageRefError('size', `image is ${img.bytes} bytes; the limit is ${limits.maxBytes}`);
  const short = Math.min(img.width, img.height);
  const long = Math.max(img.width, img.height);
  if (short <= 300 || long >= 6000) {
    throw new ImageRefError('dimensions', `image is ${img.width}x${img.height}; each side must be within (300, 6000) px`);
  }
  const ratio = img.width / img.height;
  if (ratio < 0.4 || ratio > 2.5) {
    throw new ImageRefError('dimensions', `image aspect ratio ${ratio.toFixed(2)} is outside 0.4 … 2.5`);
  }
}
