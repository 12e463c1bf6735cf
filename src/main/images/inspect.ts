import { basename } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { bmpExpectedBytes, readBmpHeader } from './bmp';
import { PIXEL_LIMIT } from './decoder';
import { ImageError } from './errors';
import { readHeadAndTail, statImageFile } from './file-read';
import { endsCleanly, looksLikeText, mimeOf, sniffFormat, type SourceFormat } from './sniff';
import { said, type PhraseCode } from '../../shared/messages/phrase';

/** What a source image is, measured from its content (never from its name). */
export interface ImageInfo {
  /** The path inspected. Stays in main: the renderer gets `name` only. */
  path: string;
  /** Base name, for messages. */
  name: string;
  /** Real format from the magic bytes. */
  format: SourceFormat;
  mime: string;
  /** px, after applying the EXIF orientation (what a viewer — and after fixing, the provider — shows). */
  width: number;
  /** px, after applying the EXIF orientation. */
  height: number;
  /** File size in bytes. */
  bytes: number;
  /** Frames or pages (1 for a still). */
  pages: number;
  /** True when `pages > 1` (animated GIF/WebP, multi-page TIFF). */
  animated: boolean;
  /** libvips interpretation: `srgb`, `cmyk`, `b-w` (greyscale), `rgb16`, `grey16`, … */
  space: string;
  /** Bits per channel: 8, 16 or 32. */
  bitDepth: number;
  /** Bands including alpha, e.g. 3 for RGB, 4 for RGBA or CMYK. */
  channels: number;
  hasAlpha: boolean;
  /** EXIF orientation tag 1–8; 1 when absent. Providers ignore it (providers.md, "Orientation"). */
  orientation: number;
  /** Embedded ICC profile present. */
  hasProfile: boolean;
}

/** Formats recognised by their bytes that this app cannot decode, with what to do instead. */
const UNDECODABLE: Partial<Record<SourceFormat, PhraseCode>> = {
  heic: 'image.file.undecodable.heic',
  jxl: 'image.file.undecodable.jxl',
  jp2: 'image.file.undecodable.jp2',
  pdf: 'image.file.undecodable.pdf',
  psd: 'image.file.undecodable.psd',
};

/**
 * Measures an image file from its header, without decoding its pixels (BMP included, via its own
 * header). Width/height are after EXIF orientation; the pixel count is checked against
 * `PIXEL_LIMIT` before anything is decoded. A file whose end marker is missing is confirmed with a
 * reduced decode and refused as truncated.
 *
 * Throws `ImageError` with code `unreadable`, `not_a_file`, `empty`, `truncated`,
 * `unsupported_format`, `too_many_pixels` or `decode_failed`; the message names the file by its
 * base name and says what to do.
 */
export async function inspectImage(path: string): Promise<ImageInfo> {
  const name = basename(path);
  const st = await statImageFile(path);
  const { head, tail } = await readHeadAndTail(path, st.size);
  const format = sniffFormat(head);
  if (!format) {
    throw new ImageError('unsupported_format', said(looksLikeText(head) ? 'image.file.text' : 'image.file.notRecognised', { name }));
  }
  const refusal = UNDECODABLE[format];
  if (refusal) throw new ImageError('unsupported_format', said(refusal, { name }));

  const base = { path, name, format, mime: mimeOf(format), bytes: st.size };
  if (format === 'bmp') {
    const h = readBmpHeader(head, name);
    guardPixels(name, h.width, h.height);
    const expected = bmpExpectedBytes(h);
    if (expected !== null && st.size < expected) throw truncated(name, st.size, expected);
    return { ...base, width: h.width, height: h.height, pages: 1, animated: false, space: 'srgb', bitDepth: 8, channels: h.mayHaveAlpha ? 4 : 3, hasAlpha: h.mayHaveAlpha, orientation: 1, hasProfile: false };
  }

  const clean = endsCleanly(format, head, tail, st.size);
  let meta: Metadata;
  try {
    // Header only: the limit is checked by hand below so the message can state the declared size.
    meta = await sharp(path, { limitInputPixels: false, failOn: 'error' }).metadata();
  } catch (err) {
    const e = decodeError(name, format, err);
    throw !clean && e.code === 'decode_failed' ? incomplete(name, format) : e;
  }
  guardPixels(name, meta.width, meta.height);
  if (!clean) await confirmComplete(path, name, format);

  const pages = meta.pages ?? 1;
  return {
    ...base,
    width: meta.autoOrient?.width ?? meta.width,
    height: meta.autoOrient?.height ?? meta.height,
    pages,
    animated: pages > 1,
    space: meta.space,
    bitDepth: meta.bitsPerSample ?? depthBits(meta.depth),
    channels: meta.channels,
    hasAlpha: meta.hasAlpha,
    orientation: meta.orientation ?? 1,
    hasProfile: meta.hasProfile,
  };
}

function guardPixels(name: string, width: number, height: number): void {
  if (width * height > PIXEL_LIMIT) {
    const mp = (n: number) => Math.round(n / 1e6);
    throw new ImageError('too_many_pixels', said('image.file.tooManyPixels', { name, width, height, mp: mp(width * height), limit: mp(PIXEL_LIMIT) }));
  }
}

/** The end marker is missing: decode at reduced size to tell "cut short" from "extra bytes after the end". */
async function confirmComplete(path: string, name: string, format: SourceFormat): Promise<void> {
  try {
    await sharp(path, { limitInputPixels: PIXEL_LIMIT, failOn: 'truncated' }).resize(256, 256, { fit: 'inside' }).raw().toBuffer();
  } catch (err) {
    const e = decodeError(name, format, err);
    throw e.code === 'decode_failed' ? incomplete(name, format) : e;
  }
}

function incomplete(name: string, format: string): ImageError {
  return new ImageError('truncated', said('image.file.incomplete', { name, format: format.toUpperCase() }));
}

function truncated(name: string, bytes: number, expected: number): ImageError {
  return new ImageError('truncated', said('image.file.truncated', { name, bytes, expected }));
}

/** Maps a sharp/libvips failure to an `ImageError`, keeping the decoder's words in the message. */
export function decodeError(name: string, format: string, err: unknown): ImageError {
  const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  if (/exceeds pixel limit/i.test(detail)) return new ImageError('too_many_pixels', said('image.file.overPixelLimit', { name, limit: PIXEL_LIMIT / 1e6 }));
  if (/premature end|truncated|unexpected end|not enough data|short read|end of file/i.test(detail)) return incomplete(name, format);
  if (/unsupported image format/i.test(detail)) return new ImageError('unsupported_format', said('image.file.notReadable', { name }));
  return new ImageError('decode_failed', said('image.file.decodeFailed', { name, format: format.toUpperCase(), detail }));
}

function depthBits(depth: string): number {
  switch (depth) {
    case 'ushort':
    case 'short':
      return 16;
    case 'uint':
    case 'int':
    case 'float':
    case 'complex':
      return 32;
    case 'double':
    case 'dpcomplex':
      return 64;
    default:
      return 8;
  }
}
