import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodeToFit, type FinalPixels } from '../../../../src/main/images/encode';
import { base64Length } from '../../../../src/main/images/units';
import { jpegAt } from './derive';

async function pixels(alpha: boolean): Promise<FinalPixels> {
  let img = sharp(await jpegAt(1280, 720));
  if (alpha) img = img.ensureAlpha(0.5);
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels as 3 | 4 };
}

describe('encodeToFit', { timeout: 60_000 }, () => {
  it('uses JPEG q90 when it fits', async () => {
    const out = await encodeToFit(await pixels(false), 'jpeg', 30 * 1024 * 1024);
    expect(out).toMatchObject({ format: 'jpeg', quality: 90 });
    expect((await sharp(out.data).metadata()).width).toBe(1280);
  });

  it('steps quality down until the base64 form is under a tight limit', async () => {
    const first = await encodeToFit(await pixels(false), 'jpeg', 30 * 1024 * 1024);
    const limit = Math.floor(base64Length(first.data.length) * 0.6);
    const out = await encodeToFit(await pixels(false), 'jpeg', limit);
    expect(out.quality).toBeLessThan(90);
    expect(base64Length(out.data.length)).toBeLessThan(limit);
  });

  it('keeps transparency: PNG, or WebP when the PNG is too big', async () => {
    const rgba = await pixels(true);
    const png = await encodeToFit(rgba, 'png', 30 * 1024 * 1024);
    expect(png.format).toBe('png');
    expect((await sharp(png.data).metadata()).hasAlpha).toBe(true);
    const webp = await encodeToFit(rgba, 'png', base64Length(png.data.length) - 1);
    expect(webp.format).toBe('webp');
    expect((await sharp(webp.data).metadata()).hasAlpha).toBe(true);
  });

  it('fails plainly when nothing fits', async () => {
    await expect(encodeToFit(await pixels(false), 'jpeg', 1000)).rejects.toThrow(/Could not encode 1280 × 720 px under/);
  });
});
