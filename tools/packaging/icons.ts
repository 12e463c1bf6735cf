/**
 * Renders the app icon (resources/icon.svg) into every file the installers need, all committed
 * under resources/ so that packaging never converts icons (electron-builder would download its
 * icon tool for that; https://www.electron.build/icons):
 * - resources/icons/NxN.png, 16–1024 px: the Linux icon set (AppImage, deb), used as is;
 * - resources/icon.ico, 16–256 px: Windows (NSIS installer and the .exe);
 * - resources/icon.icns, 16–1024 px including the @2x variants: macOS (the .app and the dmg).
 *
 * Usage: `npm run icons` after editing the SVG.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IconIcns, IconIco } from '@shockpkg/icon-encoder';
import sharp from 'sharp';

/** Pixel sizes of the Linux set; freedesktop's hicolor theme has folders for each. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
/** Pixel sizes inside icon.ico: the shell's small, medium, large and jumbo views (256 is the largest ICO allows). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/**
 * icon.icns entries: OSType → pixel size. The PNG-based types iconutil writes (Apple's
 * "Icon Image Format"): ic04/ic05 are 16/32, ic07–ic10 are 128–1024, ic11–ic14 the @2x of 16–256.
 */
export const ICNS_TYPES = { ic04: 16, ic05: 32, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 } as const;

/** The SVG rendered at `size` × `size` px, as PNG bytes. The SVG is drawn on a 1024-unit canvas. */
export async function renderIcon(svg: Buffer, size: number): Promise<Buffer> {
  // Rasterise the vector at the target size (sharp's density is dots per inch; SVG units are 1/72 in
  // at density 72), so small sizes stay crisp instead of being scaled down from a big bitmap.
  return sharp(svg, { density: (72 * size) / 1024 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** Writes the Linux set, icon.ico and icon.icns for `svgPath` into `outDir`; returns the files written. */
export async function writeIcons(svgPath: string, outDir: string): Promise<string[]> {
  const svg = await readFile(svgPath);
  const sizes = [...new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...Object.values(ICNS_TYPES)])];
  const png = new Map<number, Buffer>();
  for (const size of sizes) png.set(size, await renderIcon(svg, size));
  const at = (size: number): Buffer => png.get(size) as Buffer;

  const written: string[] = [];
  await mkdir(join(outDir, 'icons'), { recursive: true });
  for (const size of LINUX_SIZES) {
    const file = join(outDir, 'icons', `${size}x${size}.png`);
    await writeFile(file, at(size));
    written.push(file);
  }

  const ico = new IconIco();
  // Default encoding: BMP for the small sizes (what older shells read), PNG for 256.
  for (const size of ICO_SIZES) await ico.addFromPng(at(size));
  await writeFile(join(outDir, 'icon.ico'), ico.encode());
  written.push(join(outDir, 'icon.ico'));

  const icns = new IconIcns();
  for (const [type, size] of Object.entries(ICNS_TYPES)) await icns.addFromPng(at(size), [type]);
  await writeFile(join(outDir, 'icon.icns'), icns.encode());
  written.push(join(outDir, 'icon.icns'));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const resources = fileURLToPath(new URL('../../resources/', import.meta.url));
  const written = await writeIcons(join(resources, 'icon.svg'), resources);
  for (const file of written) console.log(file);
}
