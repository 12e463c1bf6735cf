import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';
import type { PixelSize } from '../shared/catalog/output-sizes';
import type { ImageRules } from '../shared/catalog/types';
import type { PreparedImage } from '../main/providers/types';
import { RejectedError, UsageError } from './io';

type Format = ImageRules['formats'][number];

/** The format from the file's first bytes (magic numbers), not its name; null when unknown. */
export function sniffFormat(head: Uint8Array): Format | null {
  const at = (i: number, ...bytes: number[]) => bytes.every((b, k) => head[i + k] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
  if (at(0, 0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (at(0, 0x42, 0x4d)) return 'bmp';
  if (at(0, 0x49, 0x49, 0x2a, 0x00) || at(0, 0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  return null;
}

const SENDABLE: Partial<Record<Format, string>> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Reads a local image for `run` and checks it against the model's rules (providers.md, "Input
 * image rules"): format by content, bytes, sides (after EXIF orientation) and ratio. Returns the
 * `PreparedImage` and its displayed size in px. The CLI does not fix images (the image service
 * will); a file that breaks a rule is refused with the rule. Throws `UsageError` when the file
 * cannot be read, `RejectedError` when it breaks a rule.
 */
export async function readImageFile(path: string, rules: ImageRules): Promise<{ image: PreparedImage; size: PixelSize }> {
  const abs = resolve(path);
  let bytes: Buffer;
  try {
    if (!(await stat(abs)).isFile()) throw new Error('not a file');
    bytes = await readFile(abs);
  } catch {
    throw new UsageError(`Cannot read image file ${path}.`);
  }
  const format = sniffFormat(bytes.subarray(0, 16));
  const mime = format ? SENDABLE[format] : undefined;
  if (!format || !mime || !rules.formats.includes(format)) {
    throw new RejectedError(`${path} is ${format ?? 'not a recognised image'}; this model takes ${rules.formats.filter((f) => SENDABLE[f]).join(', ')} here. Convert it first.`);
  }
  if (bytes.length >= rules.maxBytes) {
    throw new RejectedError(`${path} is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${rules.maxBytes / 1048576} MB.`);
  }
  const meta = await sharp(bytes).metadata();
  const turned = (meta.orientation ?? 1) >= 5;
  const size = { width: turned ? meta.height : meta.width, height: turned ? meta.width : meta.height };
  const short = Math.min(size.width, size.height);
  const long = Math.max(size.width, size.height);
  if (short <= rules.minSideExclusive || long >= rules.maxSideExclusive) {
    throw new RejectedError(`${path} is ${size.width}×${size.height} px; sides must be over ${rules.minSideExclusive} and under ${rules.maxSideExclusive} px. Resize it first.`);
  }
  const ratio = size.width / size.height;
  if (ratio < rules.minRatio || ratio > rules.maxRatio) {
    throw new RejectedError(`${path} has aspect ratio ${ratio.toFixed(2)}; it must be within ${rules.minRatio}–${rules.maxRatio}. Crop it first.`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { image: { path: abs, mime, bytes: bytes.length, sha256 }, size };
}
