import sharp from 'sharp';
import { base64Length, formatBytes } from './units';

/** Formats the image service writes; every provider accepts all three (providers.md, "Input image rules"). */
export type OutputFormat = 'jpeg' | 'png' | 'webp';

/** Interleaved 8-bit sRGB pixels at their final size. */
export interface FinalPixels {
  data: Buffer;
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA). */
  channels: 3 | 4;
}

/** An encoded file and the settings that produced it. */
export interface Encoded {
  data: Buffer;
  format: OutputFormat;
  /** JPEG/WebP quality used; absent for lossless PNG. */
  quality?: number;
}

/** Quality steps tried in turn: 90 first (visually lossless for photos), lower only when the limit demands. */
const QUALITY_LADDER = [90, 84, 76, 68, 58, 48, 38];

/**
 * Encodes `pixels` as `format` so that its base64 form (what inline providers receive; base64 adds
 * a third, providers.md "Input image rules") stays under `maxBytes`. JPEG uses mozjpeg from q90
 * down the ladder; PNG is tried once at maximum compression and, if too big, falls back to WebP
 * (keeps alpha) and then JPEG. Alpha is flattened onto white for JPEG. Throws a plain `Error` when
 * not even the lowest quality fits (impossible at the providers' sizes and a 30 MB limit).
 */
export async function encodeToFit(pixels: FinalPixels, format: OutputFormat, maxBytes: number): Promise<Encoded> {
  const fits = (b: Buffer) => base64Length(b.length) < maxBytes;
  const input = () => sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });
  if (format === 'png') {
    const data = await input().png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
    if (fits(data)) return { data, format: 'png' };
    return encodeToFit(pixels, 'webp', maxBytes);
  }
  let smallest = Infinity;
  for (const quality of QUALITY_LADDER) {
    const data =
      format === 'webp'
        ? await input().webp({ quality, effort: 4 }).toBuffer()
        : await input().flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
    if (fits(data)) return { data, format, quality };
    smallest = Math.min(smallest, data.length);
  }
  if (format === 'webp') return encodeToFit(pixels, 'jpeg', maxBytes);
  throw new Error(`Could not encode ${pixels.width} × ${pixels.height} px under ${formatBytes(maxBytes)} (smallest JPEG: ${formatBytes(smallest)}).`);
}
