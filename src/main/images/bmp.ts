import { readFile } from 'node:fs/promises';
import { decode } from 'bmp-ts';
import { ImageError } from './errors';

/** What a BMP's headers declare (BITMAPFILEHEADER + BITMAPINFOHEADER and later versions). */
export interface BmpHeader {
  /** px */
  width: number;
  /** px, always positive (top-down files store it negative). */
  height: number;
  /** 1, 4, 8, 16, 24 or 32. */
  bitsPerPixel: number;
  /** 0 = BI_RGB, 1/2 = RLE8/RLE4, 3 = BI_BITFIELDS, 6 = BI_ALPHA_BITFIELDS. */
  compression: number;
  /** Byte offset of the pixel array. */
  dataOffset: number;
  /** True when a 32-bit file declares an alpha mask; whether alpha is really used is known only after decoding. */
  mayHaveAlpha: boolean;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHA_BITFIELDS = 6;

/**
 * Reads the BMP headers from the first bytes of the file (at least 70 are needed for the alpha mask).
 * Throws `ImageError('truncated')` when the file ends inside the header and
 * `ImageError('decode_failed')` for a header that cannot describe an image.
 */
export function readBmpHeader(head: Uint8Array, name: string): BmpHeader {
  if (head.length < 30) throw new ImageError('truncated', `${name} ends inside its BMP header.`);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const height = Math.abs(view.getInt32(22, true));
  const bitsPerPixel = view.getUint16(28, true);
  const compression = head.length >= 34 ? view.getUint32(30, true) : BI_RGB;
  if (headerSize < 40 || width <= 0 || height <= 0 || ![1, 4, 8, 16, 24, 32].includes(bitsPerPixel)) {
    throw new ImageError('decode_failed', `${name} has a BMP header this app cannot read (${width} × ${height} px, ${bitsPerPixel} bits).`);
  }
  const hasAlphaMaskField = headerSize >= 56 || compression === BI_ALPHA_BITFIELDS;
  const alphaMask = hasAlphaMaskField && head.length >= 70 ? view.getUint32(66, true) : 0;
  return { width, height, bitsPerPixel, compression, dataOffset: view.getUint32(10, true), mayHaveAlpha: bitsPerPixel === 32 && alphaMask !== 0 };
}

/**
 * Bytes an uncompressed BMP needs (pixel offset + rows padded to 4 bytes), or null for compressed
 * files whose size cannot be known from the header. Lets `inspectImage` spot a cut-short BMP
 * without decoding it.
 */
export function bmpExpectedBytes(h: BmpHeader): number | null {
  if (h.compression !== BI_RGB && h.compression !== BI_BITFIELDS && h.compression !== BI_ALPHA_BITFIELDS) return null;
  const stride = Math.ceil((h.width * h.bitsPerPixel) / 32) * 4;
  return h.dataOffset + stride * h.height;
}

/** Raw interleaved 8-bit pixels ready for `sharp(data, { raw: { width, height, channels } })`. */
export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * Decodes a BMP file with `bmp-ts` (sharp has no BMP loader) into RGB, or RGBA when a 32-bit file
 * really uses its alpha channel (writers that leave alpha at 0 for opaque pixels get RGB).
 * RLE-compressed BMPs are refused: bmp-ts 1.0.9 scrambles their colours rather than failing.
 * The decoder is synchronous JavaScript: about 1 s per 100 MP on one core, acceptable for a format
 * users rarely pick; callers bound the pixel count first (`PIXEL_LIMIT`).
 * Throws `ImageError` (`unsupported_format`, `decode_failed`).
 */
export async function decodeBmp(path: string, header: BmpHeader, name: string): Promise<RawPixels> {
  if (header.compression === 1 || header.compression === 2) {
    throw new ImageError('unsupported_format', `${name} is a run-length compressed BMP, which this app cannot read. Save it as PNG or JPEG and try again.`);
  }
  const file = await readFile(path);
  let abgr: Buffer;
  let width: number;
  let height: number;
  try {
    // bmp-ts's default layout is A,B,G,R per pixel; its `toRGBA` mode mislays palette colours.
    const decoded = decode(file);
    abgr = decoded.data;
    width = decoded.width;
    height = decoded.height;
  } catch (err) {
    throw new ImageError('decode_failed', `${name} could not be decoded as BMP (${err instanceof Error ? err.message : String(err)}).`);
  }
  const pixels = width * height;
  let alphaUsed = false;
  if (header.bitsPerPixel === 32) {
    for (let i = 0; i < pixels; i++) {
      if (abgr[i * 4] !== 0) {
        alphaUsed = true;
        break;
      }
    }
  }
  const channels = alphaUsed ? 4 : 3;
  const out = Buffer.allocUnsafe(pixels * channels);
  for (let i = 0, o = 0; i < pixels; i++) {
    const s = i * 4;
    out[o++] = abgr[s + 3] as number;
    out[o++] = abgr[s + 2] as number;
    out[o++] = abgr[s + 1] as number;
    if (alphaUsed) out[o++] = abgr[s] as number;
  }
  return { data: out, width, height, channels };
}
