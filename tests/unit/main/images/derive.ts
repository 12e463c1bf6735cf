// Edge-case inputs derived at test time from the real photos in shared/fixtures/images
// (README there: derive, never commit more binaries). Every file goes into a per-test temp dir.
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodeBmp } from 'bmp-ts';
import sharp from 'sharp';
import { FIXTURE_IMAGES } from '../../../fixtures/images';

export const FIXTURES = FIXTURE_IMAGES;
export const PHOTOS = {
  dragonfly: join(FIXTURES, 'dragonfly-4224x3168.jpg'),
  sunset: join(FIXTURES, 'sunset-4272x2848.jpg'),
  nuthatch: join(FIXTURES, 'nuthatch-6028x3391.jpg'),
  altai: join(FIXTURES, 'altai-portrait-1080x1920.png'),
} as const;

/** A fresh temp dir and a function that removes it. */
export async function tempDir(prefix = 'seedance-images-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Writes `bytes` as `dir/name` and returns the path. */
export async function put(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const bases = new Map<string, Promise<Buffer>>();
/** A 1600 px wide copy of a real photo, decoded once per test file (derivations start from it, which keeps tests fast). */
function base(photo: string): Promise<Buffer> {
  let b = bases.get(photo);
  if (!b) {
    b = sharp(photo).resize(1600).png({ compressionLevel: 1 }).toBuffer();
    bases.set(photo, b);
  }
  return b;
}

/** JPEG bytes of a real photo (default: the dragonfly) cropped and resized to exactly `width` × `height`. */
export async function jpegAt(width: number, height: number, photo: string = PHOTOS.dragonfly): Promise<Buffer> {
  return sharp(await base(photo)).resize(width, height, { fit: 'cover' }).jpeg({ quality: 85 }).toBuffer();
}

/**
 * A JPEG whose stored pixels are `upright` turned so that EXIF `orientation` (6 or 8) turns it back:
 * 6 = "rotate 90° clockwise to display", 8 = "rotate 90° counter-clockwise to display".
 */
export async function exifRotated(upright: Buffer, orientation: 6 | 8): Promise<Buffer> {
  const stored = await sharp(upright).rotate(orientation === 6 ? -90 : 90).toBuffer();
  return sharp(stored).withMetadata({ orientation }).jpeg({ quality: 90 }).toBuffer();
}

/** A real 24-bit BMP (bmp-ts encoder) of the given RGB image. */
export async function bmpOf(image: Buffer): Promise<Buffer> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const abgr = Buffer.alloc(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    abgr[i * 4] = 0;
    abgr[i * 4 + 1] = data[i * 3 + 2] as number;
    abgr[i * 4 + 2] = data[i * 3 + 1] as number;
    abgr[i * 4 + 3] = data[i * 3] as number;
  }
  return encodeBmp({ data: abgr, width: info.width, height: info.height, bitPP: 24 }).data;
}

/** Three 200 × 150 frames (photo, negative, photo) as an animated GIF. */
export async function animatedGif(): Promise<Buffer> {
  const frame = await jpegAt(200, 150);
  const a = await sharp(frame).png().toBuffer();
  const b = await sharp(frame).negate().png().toBuffer();
  return sharp([a, b, a], { join: { animated: true } }).gif().toBuffer();
}

/** An uncompressed PNG of random noise, `width` × `height` RGB: a little over width × height × 3 bytes. */
export function noisePng(width: number, height: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A valid-looking PNG whose IHDR declares `width` × `height` RGB but whose IDAT holds a few bytes:
 * a decompression bomb's header, hand-made.
 */
export function pngHeaderClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The start of an iPhone-style HEIC file (ftyp box with the `heic` brand). */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'ascii');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'ascii');
  return Buffer.concat([ftyp, Buffer.alloc(200, 1)]);
}

/** Mean absolute difference per channel value (0–255) between two images resized to 64 × 64 RGB. */
export async function meanDiff(a: string | Buffer, b: string | Buffer): Promise<number> {
  const px = (x: string | Buffer) => sharp(x).autoOrient().resize(64, 64, { fit: 'fill' }).removeAlpha().toColourspace('srgb').raw().toBuffer();
  const [pa, pb] = await Promise.all([px(a), px(b)]);
  let sum = 0;
  for (let i = 0; i < pa.length; i++) sum += Math.abs((pa[i] as number) - (pb[i] as number));
  return sum / pa.length;
}
