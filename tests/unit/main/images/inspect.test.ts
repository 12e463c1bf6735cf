import { mkdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIXEL_LIMIT } from '../../../../src/main/images/decoder';
import { ImageError, type ImageErrorCode } from '../../../../src/main/images/errors';
import { inspectImage } from '../../../../src/main/images/inspect';
import { PHOTOS, animatedGif, bmpOf, exifRotated, heicHeader, jpegAt, noisePng, pngHeaderClaiming, put, tempDir } from './derive';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

async function refusal(path: string): Promise<ImageError> {
  const err = await inspectImage(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageError);
  return err as ImageError;
}
async function expectCode(path: string, code: ImageErrorCode): Promise<ImageError> {
  const err = await refusal(path);
  expect(err.code).toBe(code);
  expect(err.message.length).toBeGreaterThan(10);
  return err;
}

describe('inspectImage on the real photos', () => {
  it.each([
    [PHOTOS.dragonfly, 'jpeg', 4224, 3168],
    [PHOTOS.sunset, 'jpeg', 4272, 2848],
    [PHOTOS.nuthatch, 'jpeg', 6028, 3391],
    [PHOTOS.altai, 'png', 1080, 1920],
  ])('%s', async (path, format, width, height) => {
    const info = await inspectImage(path);
    expect(info).toMatchObject({ format, width, height, animated: false, pages: 1, orientation: 1, bitDepth: 8 });
    expect(info.bytes).toBe((await stat(path)).size);
    expect(info.mime).toBe(`image/${format}`);
  });
});

describe('inspectImage measures content, not names', () => {
  it('applies EXIF orientation 6 and 8 to width and height', { timeout: 60_000 }, async () => {
    const upright = await jpegAt(600, 800);
    for (const o of [6, 8] as const) {
      const path = await put(dir, `exif${o}.jpg`, await exifRotated(upright, o));
      expect((await sharp(path).metadata()).width).toBe(800); // stored sideways
      expect(await inspectImage(path)).toMatchObject({ width: 600, height: 800, orientation: o });
    }
  });

  it('reports CMYK, 16-bit and alpha', { timeout: 60_000 }, async () => {
    const base = await jpegAt(640, 480);
    const cmyk = await put(dir, 'cmyk.jpg', await sharp(base).toColourspace('cmyk').jpeg().toBuffer());
    const deep = await put(dir, 'deep.png', await sharp(base).toColourspace('rgb16').png().toBuffer());
    const alpha = await put(dir, 'alpha.png', await sharp(base).ensureAlpha(0.5).png().toBuffer());
    expect(await inspectImage(cmyk)).toMatchObject({ format: 'jpeg', space: 'cmyk', channels: 4, hasAlpha: false });
    expect(await inspectImage(deep)).toMatchObject({ format: 'png', space: 'rgb16', bitDepth: 16 });
    expect(await inspectImage(alpha)).toMatchObject({ format: 'png', hasAlpha: true, channels: 4 });
  });

  it('sees an animated GIF as animated with its frame size', { timeout: 60_000 }, async () => {
    const path = await put(dir, 'anim.gif', await animatedGif());
    expect(await inspectImage(path)).toMatchObject({ format: 'gif', animated: true, pages: 3, width: 200, height: 150 });
  });

  it('reads BMP (bmp-ts written), TIFF and WebP by their bytes, whatever the extension', async () => {
    const base = await jpegAt(500, 400);
    const bmp = await put(dir, 'real-bmp.png', await bmpOf(base));
    const tiff = await put(dir, 'photo.tif', await sharp(base).tiff().toBuffer());
    const webp = await put(dir, 'webp.jpg', await sharp(base).webp().toBuffer());
    expect(await inspectImage(bmp)).toMatchObject({ format: 'bmp', mime: 'image/bmp', width: 500, height: 400, hasAlpha: false });
    expect(await inspectImage(tiff)).toMatchObject({ format: 'tiff', width: 500, height: 400 });
    expect(await inspectImage(webp)).toMatchObject({ format: 'webp', width: 500, height: 400 });
  });

  it('accepts AVIF and SVG for conversion', { timeout: 60_000 }, async () => {
    const avif = await put(dir, 'photo.avif', await sharp(await jpegAt(400, 300)).avif({ effort: 0 }).toBuffer());
    const svg = await put(dir, 'drawing.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600"><rect width="800" height="600" fill="teal"/></svg>');
    expect(await inspectImage(avif)).toMatchObject({ format: 'avif', width: 400, height: 300 });
    expect(await inspectImage(svg)).toMatchObject({ format: 'svg', width: 800, height: 600 });
  });

  it('keeps a JPEG with extra bytes after its end marker (camera trailers)', async () => {
    const jpeg = await jpegAt(400, 300);
    const path = await put(dir, 'trailer.jpg', Buffer.concat([jpeg, Buffer.from('MOTION-PHOTO-TRAILER'.repeat(20))]));
    expect(await inspectImage(path)).toMatchObject({ format: 'jpeg', width: 400, height: 300 });
  });

  it('measures the boundary sizes exactly', { timeout: 60_000 }, async () => {
    for (const [w, h] of [
      [390, 1000],
      [1004, 400],
      [300, 400],
      [301, 400],
      [5999, 2400],
      [6000, 2400],
    ] as const) {
      const path = await put(dir, `${w}x${h}.jpg`, await jpegAt(w, h, PHOTOS.sunset));
      expect(await inspectImage(path)).toMatchObject({ width: w, height: h });
    }
  });

  it('measures a 31+ MB noise PNG without complaint', { timeout: 60_000 }, async () => {
    const path = await put(dir, 'noise.png', await noisePng(3400, 3300));
    const info = await inspectImage(path);
    expect(info.bytes).toBeGreaterThan(31 * 1024 * 1024);
    expect(info).toMatchObject({ format: 'png', width: 3400, height: 3300 });
  });
});

describe('inspectImage refuses clearly', () => {
  it('truncated JPEG and PNG', async () => {
    const jpeg = await readFile(PHOTOS.dragonfly);
    await expectCode(await put(dir, 'cut.jpg', jpeg.subarray(0, jpeg.length >> 1)), 'truncated');
    const png = await readFile(PHOTOS.altai);
    await expectCode(await put(dir, 'cut.png', png.subarray(0, png.length >> 1)), 'truncated');
    await expectCode(await put(dir, 'header-only.png', png.subarray(0, 40)), 'truncated');
  });

  it('a truncated BMP, from its header arithmetic', async () => {
    const bmp = await bmpOf(await jpegAt(320, 240));
    const err = await expectCode(await put(dir, 'cut.bmp', bmp.subarray(0, 100_000)), 'truncated');
    expect(err.message).toMatch(/100000 bytes/);
  });

  it('a zero-byte file', async () => {
    await expectCode(await put(dir, 'zero.jpg', Buffer.alloc(0)), 'empty');
  });

  it('a text file named .jpg', async () => {
    const err = await expectCode(await put(dir, 'notes.jpg', 'Shopping list:\n- milk\n- eggs\n'), 'unsupported_format');
    expect(err.message).toMatch(/notes\.jpg contains text/);
  });

  it('HEIC, with what to do instead', async () => {
    const err = await expectCode(await put(dir, 'IMG_0001.HEIC', heicHeader()), 'unsupported_format');
    expect(err.message).toMatch(/HEIC/);
    expect(err.message).toMatch(/JPEG/);
  });

  it('a 40000 × 40000 PNG header, from the header alone', async () => {
    const path = await put(dir, 'bomb.png', pngHeaderClaiming(40000, 40000));
    expect((await stat(path)).size).toBeLessThan(200);
    const err = await expectCode(path, 'too_many_pixels');
    expect(err.message).toContain('40000 × 40000 px');
    expect(err.message).toContain(`${PIXEL_LIMIT / 1e6} MP`);
  });

  it('a directory', async () => {
    const sub = join(dir, 'folder.jpg');
    await mkdir(sub);
    await expectCode(sub, 'not_a_file');
  });

  it('a dangling symlink and a missing file', async () => {
    const link = join(dir, 'dangling.jpg');
    await symlink(join(dir, 'gone.jpg'), link);
    expect((await expectCode(link, 'unreadable')).message).toMatch(/link/);
    expect((await expectCode(join(dir, 'never-existed.jpg'), 'unreadable')).message).toMatch(/not found/);
  });

  it('a path that runs through a file (ENOTDIR): unreadable, with the reason, for root as for anyone', async () => {
    // Root reads a mode-000 file, so a chmod cannot show this branch where CI runs (as root); a file in the way can.
    const file = await put(dir, 'album.jpg', await jpegAt(400, 300));
    const err = await expectCode(join(file, 'photo.jpg'), 'unreadable');
    expect(err.message).toBe('photo.jpg cannot be read (ENOTDIR).');
  });
});
