import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../../src/cli/image-file';

const DIR = '/work/shared/fixtures/images';

describe('sniffFormat', () => {
  it('recognises real JPEG and PNG files by their bytes', async () => {
    expect(sniffFormat(await readFile(`${DIR}/dragonfly-4224x3168.jpg`))).toBe('jpeg');
    expect(sniffFormat(await readFile(`${DIR}/altai-portrait-1080x1920.png`))).toBe('png');
  });

  it('recognises WebP, GIF and TIFF made from a real photo', async () => {
    const photo = sharp(`${DIR}/sunset-4272x2848.jpg`).resize({ width: 400 });
    expect(sniffFormat(await photo.clone().webp().toBuffer())).toBe('webp');
    expect(sniffFormat(await photo.clone().gif().toBuffer())).toBe('gif');
    expect(sniffFormat(await photo.clone().tiff().toBuffer())).toBe('tiff');
  });

  it('returns null for non-images', () => {
    expect(sniffFormat(Buffer.from('<html></html>'))).toBeNull();
    expect(sniffFormat(new Uint8Array())).toBeNull();
  });
});
