import sharp, { type Sharp } from 'sharp';
import { decodeBmp, readBmpHeader } from './bmp';
import type { ImageInfo } from './inspect';
import { readHead } from './file-read';

/**
 * The most pixels (width × height, before any scaling) the app will decode: 120 MP.
 * Why this number: the providers accept at most 5999 × 5999 (36 MP), so anything larger is only
 * ever shrunk; 120 MP admits every current camera up to 102 MP medium-format bodies, while a
 * full 120 MP decode stays under ~500 MB even for formats without shrink-on-load (PNG, TIFF).
 * Larger declarations are refused from the header alone (decompression-bomb guard), and the same
 * limit is passed to sharp as `limitInputPixels` as a second guard on every decode.
 */
export const PIXEL_LIMIT = 120_000_000;

/**
 * A sharp pipeline over the *first frame* of `path`, turned upright by its EXIF orientation (so a
 * later `extract` takes upright coordinates), with the pixel limit
 * set and tolerance for harmless decoder warnings (truncation was already ruled out by
 * `inspectImage`). BMP goes through `bmp-ts` into raw pixels. `info` must come from `inspectImage`
 * of the same file. Throws `ImageError` for BMPs bmp-ts cannot read; sharp's own errors surface
 * when the pipeline runs.
 */
export async function openFirstFrame(path: string, info: ImageInfo): Promise<Sharp> {
  if (info.format === 'bmp') {
    const header = readBmpHeader(await readHead(path), info.name);
    const raw = await decodeBmp(path, header, info.name);
    return sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: raw.channels }, limitInputPixels: PIXEL_LIMIT });
  }
  return sharp(path, { limitInputPixels: PIXEL_LIMIT, failOn: 'error', pages: 1, page: 0, autoOrient: true });
}
