import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../../src/cli/commands/check';
import { runFix } from '../../../src/cli/commands/fix';
import { sha256File } from '../../../src/main/images/cache';
import { PHOTOS, jpegAt, put, tempDir } from '../../unit/main/images/derive';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('seedance-cli-images-'));
});
afterAll(() => cleanup());

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t) } };
}
const V1 = 'novita/seedance-v1-pro-i2v';
const EVO = 'evolink/seedance-2.0-image-to-video';

describe('seedance check', () => {
  it('exit 1 with each failing rule for the nuthatch; JSON has the documented shape', async () => {
    const t = io();
    expect(await runCheck([PHOTOS.nuthatch, '--model', V1, '--resolution', '720p', '--aspect-ratio', '16:9'], t.io)).toBe(1);
    expect(t.out.join('')).toContain('longer side 6028 px is over the 6000 px limit');
    const j = io();
    expect(await runCheck([PHOTOS.nuthatch, '--model', V1, '--json'], j.io)).toBe(1);
    const report = JSON.parse(j.out.join(''));
    expect(report).toMatchObject({ ok: false, format: 'jpeg', width: 6028, height: 3391, bytes: (await stat(PHOTOS.nuthatch)).size });
    expect(report.violations).toEqual([expect.objectContaining({ rule: 'max_side', message: 'longer side 6028 px is over the 6000 px limit.' })]);
    expect(Array.isArray(report.warnings)).toBe(true);
  });

  it('exit 0 for a photo accepted as is', async () => {
    const t = io();
    expect(await runCheck([PHOTOS.altai, '--model', EVO, '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: true, format: 'png', violations: [] });
  });

  it('exit 2 for files that cannot be read or decoded, and for usage errors', async () => {
    const text = await put(dir, 'notes.jpg', 'not a photo');
    const t = io();
    expect(await runCheck([text, '--model', EVO, '--json'], t.io)).toBe(2);
    expect(JSON.parse(t.out.join(''))).toMatchObject({ ok: false, error: { code: 'unsupported_format' } });
    expect(await runCheck([dir, '--model', EVO], io().io)).toBe(2);
    expect(await runCheck([PHOTOS.altai, '--model', 'no/such-model'], io().io)).toBe(2);
    expect(await runCheck([PHOTOS.altai, '--model', EVO, '--resolution', '8k'], io().io)).toBe(2);
    expect(await runCheck([PHOTOS.altai], io().io)).toBe(2);
  });
});

describe('seedance fix', () => {
  it('writes an accepted version without touching the original', async () => {
    const before = await sha256File(PHOTOS.nuthatch);
    const out = join(dir, 'nuthatch-fixed.jpg');
    const t = io();
    expect(await runFix([PHOTOS.nuthatch, '--model', V1, '--resolution', '720p', '--aspect-ratio', '16:9', '--out', out, '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out.join(''));
    expect(report).toMatchObject({ ok: true, out, format: 'jpeg', width: 1248, height: 704, fixed: [{ rule: 'max_side' }] });
    expect(report.bytes).toBe((await readFile(out)).length);
    expect(await sha256File(PHOTOS.nuthatch)).toBe(before);
    const c = io();
    expect(await runCheck([out, '--model', V1, '--resolution', '720p', '--aspect-ratio', '16:9'], c.io)).toBe(0);
  });

  it('follows the --out extension and a crop rectangle', async () => {
    const out = join(dir, 'square.webp');
    expect(await runFix([PHOTOS.dragonfly, '--model', EVO, '--aspect-ratio', '1:1', '--crop', '0,0,3168,3168', '--out', out], io().io)).toBe(0);
    expect(await sharp(out).metadata()).toMatchObject({ format: 'webp', width: 960, height: 960 });
  });

  it('refuses to overwrite the original, unknown extensions and unreadable inputs', async () => {
    const src = await put(dir, 'mine.jpg', await jpegAt(800, 600));
    expect(await runFix([src, '--model', EVO, '--out', src], io().io)).toBe(2);
    expect(await runFix([src, '--model', EVO, '--out', join(dir, 'x.gif')], io().io)).toBe(2);
    expect(await runFix([join(dir, 'nope.jpg'), '--model', EVO, '--out', join(dir, 'y.jpg')], io().io)).toBe(2);
    expect(await runFix([src, '--model', EVO, '--crop', '5000,0,10,10', '--out', join(dir, 'z.jpg')], io().io)).toBe(2);
  });
});
