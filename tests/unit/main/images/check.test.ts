import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImage, type CheckResult } from '../../../../src/main/images/check';
import type { FrameSpec } from '../../../../src/main/images/geometry';
import { inspectImage, type ImageInfo } from '../../../../src/main/images/inspect';
import { findModel } from '../../../../src/shared/catalog/models';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { PHOTOS, animatedGif, bmpOf, exifRotated, jpegAt, noisePng, put, tempDir } from './derive';

const model = (id: string): ModelEntry => {
  const entry = findModel(id);
  if (!entry) throw new Error(`catalog row ${id} missing`);
  return entry;
};
/** Seedance 1.0 family, general rules (JPEG/PNG/WebP/BMP/TIFF/GIF). */
const V1 = model('novita/seedance-v1-pro-i2v');
/** Seedance 1.5+ family, JPEG/PNG/WebP only. */
const EVO = model('evolink/seedance-2.0-image-to-video');
const T2V = model('novita/seedance-v1-pro-t2v');
const HD_16_9: FrameSpec = { resolution: '720p', aspectRatio: '16:9', role: 'first' };

let dir: string;
let cleanup: () => Promise<void>;
const files: Record<string, ImageInfo> = {};

async function add(key: string, name: string, bytes: Buffer | Promise<Buffer>): Promise<void> {
  files[key] = await inspectImage(await put(dir, name, await bytes));
}
const rules = (r: CheckResult) => r.violations.map((v) => v.rule).sort();
const notices = (r: CheckResult) => r.warnings.map((w) => w.rule).sort();

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  files.nuthatch = await inspectImage(PHOTOS.nuthatch);
  files.dragonfly = await inspectImage(PHOTOS.dragonfly);
  files.altai = await inspectImage(PHOTOS.altai);
  const photo = jpegAt(1280, 720);
  await add('r039', 'r039.jpg', jpegAt(390, 1000));
  await add('r251', 'r251.jpg', jpegAt(1004, 400));
  await add('s300', 's300.jpg', jpegAt(300, 400));
  await add('s301', 's301.jpg', jpegAt(301, 400));
  await add('l5999', 'l5999.jpg', jpegAt(5999, 2400, PHOTOS.sunset));
  await add('l6000', 'l6000.jpg', jpegAt(6000, 2400, PHOTOS.sunset));
  await add('big', 'big.png', noisePng(3400, 3300));
  await add('bmp', 'photo.bmp', bmpOf(await photo));
  await add('tiff', 'photo.tiff', sharp(await photo).tiff().toBuffer());
  await add('webp', 'photo.webp', sharp(await photo).webp().toBuffer());
  await add('gif', 'anim.gif', animatedGif());
  await add('cmyk', 'cmyk.jpg', sharp(await photo).toColourspace('cmyk').jpeg().toBuffer());
  await add('deep', 'deep.png', sharp(await photo).toColourspace('rgb16').png().toBuffer());
  await add('exif6', 'exif6.jpg', exifRotated(await jpegAt(720, 1280), 6));
  await add('multi', 'narrow.tiff', sharp(await jpegAt(290, 800)).tiff().toBuffer());
  await add('svg', 'drawing.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="1280" height="720" fill="teal"/></svg>'));
}, 60_000);
afterAll(() => cleanup());

describe('checkImage: the rules (providers.md, "Input image rules")', () => {
  it('nuthatch: the longer side over 6000 px, in plain words, with the fix', () => {
    const r = checkImage(files.nuthatch!, V1, HD_16_9);
    expect(r.ok).toBe(false);
    expect(r.violations).toMatchObject([{ rule: 'max_side', message: 'longer side 6028 px is over the 6000 px limit.', fix: 'Scale down to 1248 × 704.' }]);
    expect(r.target).toEqual({ width: 1248, height: 704 });
    expect(checkImage(files.nuthatch!, EVO, HD_16_9).target).toEqual({ width: 1280, height: 720 });
  });

  it('longer side 5999 passes, 6000 fails (exclusive bound)', () => {
    expect(rules(checkImage(files.l5999!, V1, HD_16_9))).toEqual([]);
    const r = checkImage(files.l6000!, V1, HD_16_9);
    expect(rules(r)).toEqual(['max_side']);
    expect(r.violations[0]!.message).toBe('longer side 6000 px is at the 6000 px limit; it must be under 6000 px.');
  });

  it('shorter side 300 fails, 301 passes (exclusive bound)', () => {
    const r = checkImage(files.s300!, V1, HD_16_9);
    expect(rules(r)).toEqual(['min_side']);
    expect(r.violations[0]!.message).toContain('shorter side 300 px');
    expect(rules(checkImage(files.s301!, V1, HD_16_9))).toEqual([]);
  });

  it('ratio 0.39 and 2.51 fail; 2.5 passes', () => {
    const narrow = checkImage(files.r039!, V1, HD_16_9);
    expect(rules(narrow)).toEqual(['ratio']);
    expect(narrow.violations[0]!.message).toContain('aspect ratio 0.39');
    expect(narrow.violations[0]!.fix).toBe('Crop to 16:9 at 1248 × 704.');
    expect(rules(checkImage(files.r251!, V1, HD_16_9))).toEqual(['ratio']);
    // 6000 × 2400 is exactly 2.5: only its side fails.
    expect(rules(checkImage(files.l6000!, V1, HD_16_9))).toEqual(['max_side']);
  });

  it('a 31+ MB file fails the 30 MB limit', () => {
    const r = checkImage(files.big!, V1, HD_16_9);
    expect(rules(r)).toEqual(['bytes']);
    expect(r.violations[0]!.message).toMatch(/^file size 3\d\.\d MB is over the 30 MB limit/);
  });

  it('formats: BMP/TIFF/GIF pass the general rules but not EvoLink; SVG passes none', () => {
    for (const key of ['bmp', 'tiff'] as const) {
      expect(rules(checkImage(files[key]!, V1, HD_16_9))).toEqual([]);
      const r = checkImage(files[key]!, EVO, HD_16_9);
      expect(rules(r)).toEqual(['format']);
      expect(r.violations[0]!.message).toContain('it takes JPEG, PNG, WebP');
    }
    expect(rules(checkImage(files.webp!, EVO, HD_16_9))).toEqual([]);
    expect(rules(checkImage(files.svg!, V1, HD_16_9))).toEqual(['format']);
  });

  it('a pending EXIF rotation fails (providers see pixels, not tags), measured upright', () => {
    const r = checkImage(files.exif6!, V1, { resolution: '720p', aspectRatio: '9:16', role: 'first' });
    expect(rules(r)).toEqual(['orientation']);
    expect(r.violations[0]!.message).toContain('sideways');
    expect(notices(r)).toEqual([]); // 720 × 1280 upright is exactly 9:16: no crop
  });

  it('reports every failing rule at once', () => {
    expect(rules(checkImage(files.gif!, V1, HD_16_9))).toEqual(['min_side']);
    expect(rules(checkImage(files.gif!, EVO, HD_16_9))).toEqual(['format', 'min_side']);
    const r = checkImage(files.multi!, EVO, HD_16_9);
    expect(rules(r)).toEqual(['format', 'min_side', 'ratio']);
    expect(r.violations.every((v) => v.message.length > 20 && v.fix.includes('1280 × 720'))).toBe(true);
  });

  it('a text-to-video model takes no images', () => {
    const r = checkImage(files.dragonfly!, T2V, HD_16_9);
    expect(r.ok).toBe(false);
    expect(rules(r)).toEqual(['model']);
  });
});

describe('checkImage: warnings and targets', () => {
  it('warns that the provider would crop a 4:3 photo to 16:9', () => {
    const r = checkImage(files.dragonfly!, V1, HD_16_9);
    expect(r.ok).toBe(true);
    expect(notices(r)).toEqual(['crop']);
    expect(r.warnings[0]!.message).toContain('centre-crops 25 % of its height');
    expect(r.crop).toEqual({ left: 0, top: 392, width: 4224, height: 2383 });
  });

  it('warns about crop and upscale for a 1080 × 1920 portrait at 16:9', () => {
    const r = checkImage(files.altai!, V1, HD_16_9);
    expect(notices(r)).toEqual(['crop', 'upscale']);
    expect(r.warnings.find((w) => w.rule === 'upscale')!.message).toContain('1080 × 609 px, fewer than the 1248 × 704 output');
  });

  it('notes animation and non-sRGB or 16-bit colour', () => {
    expect(notices(checkImage(files.gif!, V1, { resolution: '480p', aspectRatio: '4:3', role: 'first' }))).toContain('animated');
    expect(notices(checkImage(files.cmyk!, V1, HD_16_9))).toEqual(['colour']);
    expect(notices(checkImage(files.deep!, V1, HD_16_9))).toEqual(['colour']);
  });

  it('adaptive picks the closest table ratio', () => {
    expect(checkImage(files.dragonfly!, EVO, { resolution: '720p', aspectRatio: 'adaptive', role: 'first' }).target).toEqual({ width: 1112, height: 834 });
    expect(checkImage(files.altai!, EVO, { resolution: '1080p', aspectRatio: 'auto', role: 'first' }).target).toEqual({ width: 1080, height: 1920 });
  });

  it('9:21 uses the 21:9 size turned portrait', () => {
    expect(checkImage(files.altai!, V1, { resolution: '720p', aspectRatio: '9:21', role: 'first' }).target).toEqual({ width: 640, height: 1504 });
  });

  it('4k is sent at the 4k table size (3840 × 2160 for 16:9), under the side limit', () => {
    const r = checkImage(files.nuthatch!, EVO, { resolution: '4k', aspectRatio: '16:9', role: 'first' });
    expect(r.target).toEqual({ width: 3840, height: 2160 });
  });

  it('a last frame is fitted to the first frame’s final size and warned about the crop', () => {
    const r = checkImage(files.altai!, EVO, { resolution: '720p', aspectRatio: 'adaptive', role: 'last', firstFrameSize: { width: 1112, height: 834 } });
    expect(r.target).toEqual({ width: 1112, height: 834 });
    expect(r.warnings.find((w) => w.rule === 'crop')!.message).toContain("the first frame's 1112 × 834");
  });
});
