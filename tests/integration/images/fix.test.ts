import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../../src/main/images/cache';
import { checkImage } from '../../../src/main/images/check';
import { ImageError } from '../../../src/main/images/errors';
import { fixImage, type FixOptions } from '../../../src/main/images/fix';
import { inspectImage } from '../../../src/main/images/inspect';
import { base64Length } from '../../../src/main/images/units';
import { findModel } from '../../../src/shared/catalog/models';
import type { ModelEntry } from '../../../src/shared/catalog/types';
import { PHOTOS, animatedGif, bmpOf, exifRotated, jpegAt, meanDiff, noisePng, put, tempDir } from '../../unit/main/images/derive';

const model = (id: string): ModelEntry => findModel(id) ?? (() => { throw new Error(`catalog row ${id} missing`); })();
const V1 = model('novita/seedance-v1-pro-i2v'); // Seedance 1.0 family
const V15 = model('ark/seedance-1-5-pro-251215'); // Seedance 1.5+ family
const EVO = model('evolink/seedance-2.0-image-to-video'); // JPEG/PNG/WebP only

let dir: string;
let cache: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('seedance-fix-'));
  cache = join(dir, 'inputs');
});
afterAll(() => cleanup());

const opts = (o: Partial<FixOptions> = {}): FixOptions => ({ resolution: '720p', aspectRatio: '16:9', role: 'first', cacheDir: cache, ...o });
const cacheFiles = async () => (await readdir(cache).catch(() => [] as string[])).filter((f) => !f.endsWith('.tmp')).sort();

describe('fixImage on the nuthatch (6028 px, over the 6000 px limit)', () => {
  it('comes out exactly 1248 × 704 (Seedance 1.0) and 1280 × 720 (1.5+), accepted, under the byte limit, original untouched, cached', async () => {
    const before = await sha256File(PHOTOS.nuthatch);
    for (const [entry, width, height] of [
      [V1, 1248, 704],
      [V15, 1280, 720],
    ] as const) {
      const r = await fixImage(PHOTOS.nuthatch, entry, opts());
      expect(r.cached).toBe(false);
      expect(r.info).toMatchObject({ format: 'jpeg', width, height, orientation: 1, space: 'srgb', bitDepth: 8 });
      expect((await sharp(r.prepared.path).metadata()).width).toBe(width);
      expect(r.prepared.mime).toBe('image/jpeg');
      expect(r.prepared.sha256).toBe(await sha256File(r.prepared.path));
      expect(r.prepared.bytes).toBe((await readFile(r.prepared.path)).length);
      expect(base64Length(r.prepared.bytes)).toBeLessThan(entry.imageRules!.maxBytes);
      expect(checkImage(r.info, entry, { resolution: '720p', aspectRatio: '16:9', role: 'first' }).violations).toEqual([]);
      expect(r.prepared.path.startsWith(cache)).toBe(true);
      // The output is the photo, not something else of the right size.
      expect(await meanDiff(r.prepared.path, await sharp(PHOTOS.nuthatch).resize(width, height, { fit: 'cover' }).toBuffer())).toBeLessThan(4);

      const files = await cacheFiles();
      const again = await fixImage(PHOTOS.nuthatch, entry, opts());
      expect(again.cached).toBe(true);
      expect(again.prepared).toEqual(r.prepared);
      expect(await cacheFiles()).toEqual(files);
    }
    expect(await sha256File(PHOTOS.nuthatch)).toBe(before);
  });

  it('a different recipe is a different cache entry', async () => {
    const a = await fixImage(PHOTOS.nuthatch, V1, opts({ resolution: '480p' }));
    const b = await fixImage(PHOTOS.nuthatch, V1, opts({ resolution: '480p', crop: { kind: 'attention' } }));
    expect(a.prepared.path).not.toBe(b.prepared.path);
    expect(a.info).toMatchObject({ width: 864, height: 480 });
    expect(b.info).toMatchObject({ width: 864, height: 480 });
  });
});

describe('fixImage on derived edge cases', () => {
  it('turns EXIF orientation 6 and 8 into upright pixels', async () => {
    const upright = await jpegAt(720, 1280);
    const ref = await put(dir, 'upright.jpg', upright);
    const want = await fixImage(ref, V15, opts({ aspectRatio: '9:16' }));
    for (const o of [6, 8] as const) {
      const src = await put(dir, `exif${o}.jpg`, await exifRotated(upright, o));
      const r = await fixImage(src, V15, opts({ aspectRatio: '9:16' }));
      expect(r.info).toMatchObject({ width: 720, height: 1280, orientation: 1 });
      expect(await meanDiff(r.prepared.path, want.prepared.path)).toBeLessThan(4);
      // Sanity: the stored (sideways) pixels look nothing like it.
      const sideways = await sharp(src).rotate(0).toBuffer();
      expect(await meanDiff(await sharp(sideways).resize(720, 1280, { fit: 'fill' }).toBuffer(), want.prepared.path)).toBeGreaterThan(15);
    }
  });

  it('converts CMYK to sRGB with the same colours', async () => {
    const rgb = await jpegAt(1280, 720);
    const src = await put(dir, 'cmyk.jpg', await sharp(rgb).toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer());
    const r = await fixImage(src, V15, opts());
    expect(r.source.space).toBe('cmyk');
    expect(r.info).toMatchObject({ space: 'srgb', channels: 3, width: 1280, height: 720 });
    expect(await meanDiff(r.prepared.path, rgb)).toBeLessThan(12);
  });

  it('reduces 16-bit PNG to 8 bits', async () => {
    const src = await put(dir, 'deep.png', await sharp(await jpegAt(1280, 720)).toColourspace('rgb16').png().toBuffer());
    const r = await fixImage(src, V15, opts());
    expect(r.source.bitDepth).toBe(16);
    expect(r.info).toMatchObject({ bitDepth: 8, space: 'srgb' });
  });

  it('keeps real transparency as PNG, and drops an alpha channel nobody uses', async () => {
    const base = await jpegAt(1280, 720);
    const see = await put(dir, 'see-through.png', await sharp(base).ensureAlpha(0.5).png().toBuffer());
    const solid = await put(dir, 'solid-alpha.png', await sharp(base).ensureAlpha(1).png().toBuffer());
    const a = await fixImage(see, V15, opts());
    expect(a.prepared.mime).toBe('image/png');
    expect(a.info.hasAlpha).toBe(true);
    const b = await fixImage(solid, V15, opts());
    expect(b.source.hasAlpha).toBe(true);
    expect(b.prepared.mime).toBe('image/jpeg');
  });

  it('keeps only the first frame of an animated GIF', async () => {
    const src = await put(dir, 'anim.gif', await animatedGif());
    const r = await fixImage(src, V1, opts({ resolution: '480p', aspectRatio: '4:3' }));
    expect(r.info).toMatchObject({ format: 'jpeg', animated: false, pages: 1, width: 736, height: 544 });
    const frame0 = await sharp(src, { page: 0 }).png().toBuffer();
    const frame1 = await sharp(src, { page: 1 }).png().toBuffer();
    expect(await meanDiff(r.prepared.path, frame0)).toBeLessThan(12);
    expect(await meanDiff(r.prepared.path, frame1)).toBeGreaterThan(40);
  });

  it('decodes BMP through bmp-ts into the same picture', async () => {
    const base = await jpegAt(1280, 720);
    const src = await put(dir, 'photo.bmp', await bmpOf(base));
    const r = await fixImage(src, EVO, opts());
    expect(r.source.format).toBe('bmp');
    expect(r.info).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
    expect(await meanDiff(r.prepared.path, base)).toBeLessThan(4);
  });

  it('refuses a run-length compressed BMP clearly (bmp-ts would scramble its colours)', async () => {
    const bmp = Buffer.from(await bmpOf(await jpegAt(400, 300)));
    bmp.writeUInt16LE(8, 28); // bits per pixel
    bmp.writeUInt32LE(1, 30); // BI_RLE8
    const src = await put(dir, 'rle.bmp', bmp);
    await expect(fixImage(src, V1, opts())).rejects.toMatchObject({ code: 'unsupported_format', message: expect.stringContaining('run-length') });
  });

  it('converts TIFF, WebP, AVIF and SVG for a JPEG/PNG/WebP-only model', async () => {
    const base = await jpegAt(1280, 720);
    const srcs = [
      await put(dir, 'p.tiff', await sharp(base).tiff().toBuffer()),
      await put(dir, 'p.webp', await sharp(base).webp().toBuffer()),
      await put(dir, 'p.avif', await sharp(base).avif({ effort: 0 }).toBuffer()),
      await put(dir, 'p.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#1f7a7a"/></svg>'),
    ];
    for (const src of srcs) {
      const r = await fixImage(src, EVO, opts());
      expect(r.info).toMatchObject({ format: 'jpeg', width: 1280, height: 720 });
      expect(checkImage(r.info, EVO, { resolution: '720p', aspectRatio: '16:9', role: 'first' }).ok).toBe(true);
    }
  });

  it('brings a 31+ MB noise PNG under the limit', async () => {
    const src = await put(dir, 'noise.png', await noisePng(3400, 3300));
    const info = await inspectImage(src);
    expect(info.bytes).toBeGreaterThan(V15.imageRules!.maxBytes);
    const r = await fixImage(src, V15, opts({ resolution: '1080p' }));
    expect(r.info).toMatchObject({ width: 1920, height: 1080 });
    expect(base64Length(r.prepared.bytes)).toBeLessThan(V15.imageRules!.maxBytes);
  });

  it('crops and enlarges an extreme ratio (0.39) to the exact output', async () => {
    const src = await put(dir, 'narrow.jpg', await jpegAt(390, 1000));
    const r = await fixImage(src, V1, opts({ aspectRatio: '9:16' }));
    expect(r.info).toMatchObject({ width: 704, height: 1248 });
    const kept = Math.round((390 * 1248) / 704); // full width kept, height cut to 9:16's 704 × 1248
    expect(r.crop).toEqual({ left: 0, top: Math.floor((1000 - kept) / 2), width: 390, height: kept });
  });

  it('fits a last frame to the first frame’s final size', async () => {
    const r = await fixImage(PHOTOS.altai, V15, opts({ aspectRatio: 'adaptive', role: 'last', firstFrameSize: { width: 1112, height: 834 } }));
    expect(r.info).toMatchObject({ width: 1112, height: 834 });
  });

  it('honours a user crop rectangle in upright px', async () => {
    const rect = { left: 1000, top: 200, width: 2400, height: 2400 };
    const r = await fixImage(PHOTOS.nuthatch, V1, opts({ aspectRatio: '1:1', crop: { kind: 'rect', rect } }));
    expect(r.crop).toEqual(rect);
    expect(r.info).toMatchObject({ width: 960, height: 960 });
    const want = await sharp(PHOTOS.nuthatch).extract(rect).resize(960, 960).toBuffer();
    expect(await meanDiff(r.prepared.path, want)).toBeLessThan(4);
    const elsewhere = await sharp(PHOTOS.nuthatch).extract({ left: 0, top: 0, width: 2400, height: 2400 }).resize(960, 960).toBuffer();
    expect(await meanDiff(r.prepared.path, elsewhere)).toBeGreaterThan(10);
  });

  it('refuses a crop rectangle outside the image', async () => {
    await expect(fixImage(PHOTOS.dragonfly, V1, opts({ crop: { kind: 'rect', rect: { left: 9000, top: 0, width: 100, height: 100 } } }))).rejects.toThrow(RangeError);
  });

  it('refuses a truncated file and writes nothing', async () => {
    const jpeg = await readFile(PHOTOS.sunset);
    const src = await put(dir, 'cut.jpg', jpeg.subarray(0, jpeg.length >> 1));
    const files = await cacheFiles();
    const err = await fixImage(src, V1, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageError);
    expect((err as ImageError).code).toBe('truncated');
    expect(await cacheFiles()).toEqual(files);
  });
});
