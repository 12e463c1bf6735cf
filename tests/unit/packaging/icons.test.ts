import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, LINUX_SIZES, renderIcon } from '../../../tools/packaging/icons';

const RESOURCES = fileURLToPath(new URL('../../../resources/', import.meta.url));
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The entries of an ICNS file (Apple's Icon Image format: 'icns', total length, then type + length + data records). */
function icnsEntries(file: Buffer): Array<{ type: string; data: Buffer }> {
  expect(file.toString('latin1', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const entries = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at + 4);
    entries.push({ type: file.toString('latin1', at, at + 4), data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

/** The image sizes listed in an ICO file's directory (one 16-byte record per image; width 0 means 256). */
function icoSizes(file: Buffer): number[] {
  expect(file.readUInt16LE(0)).toBe(0);
  expect(file.readUInt16LE(2)).toBe(1); // 1 = icon
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => file[6 + i * 16] || 256);
}

describe('the committed app icons (npm run icons)', () => {
  it('has the Linux set, one square PNG per size, transparent outside the rounded body', async () => {
    const names = (await readdir(join(RESOURCES, 'icons'))).sort();
    expect(names).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_SIZES) {
      const image = sharp(join(RESOURCES, 'icons', `${size}x${size}.png`));
      expect(await image.metadata()).toMatchObject({ format: 'png', width: size, height: size, hasAlpha: true });
      const { data } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[3]).toBe(0); // top-left pixel's alpha
    }
  });

  it('has icon.ico with 16–256 px images (electron-builder takes it as is from 256 px up)', async () => {
    expect(icoSizes(await readFile(join(RESOURCES, 'icon.ico')))).toEqual([...ICO_SIZES]);
  });

  it('has icon.icns with every size macOS asks for, up to 1024 px', async () => {
    const entries = icnsEntries(await readFile(join(RESOURCES, 'icon.icns')));
    expect(entries.map((entry) => entry.type)).toEqual(Object.keys(ICNS_TYPES));
    for (const { type, data } of entries) {
      if (!data.subarray(0, 8).equals(PNG_SIGNATURE)) continue; // ic04/ic05 hold ARGB, not PNG
      const size = ICNS_TYPES[type as keyof typeof ICNS_TYPES];
      expect(await sharp(data).metadata(), type).toMatchObject({ width: size, height: size });
    }
  });

  it('is rendered from resources/icon.svg as it is now (rerun npm run icons after editing it)', async () => {
    const svg = await readFile(join(RESOURCES, 'icon.svg'));
    for (const size of [32, 256]) {
      const fresh = await sharp(await renderIcon(svg, size)).raw().toBuffer();
      const committed = await sharp(join(RESOURCES, 'icons', `${size}x${size}.png`)).raw().toBuffer();
      expect(committed.length).toBe(fresh.length);
      let differing = 0;
      for (let i = 0; i < fresh.length; i++) if (Math.abs((fresh[i] as number) - (committed[i] as number)) > 16) differing++;
      // None with the same sharp; a few anti-aliased edge values across librsvg versions. Any edit
      // to a shape or a colour changes far more than 0.1 % of them.
      expect(differing / fresh.length).toBeLessThan(0.001);
    }
  });
});
