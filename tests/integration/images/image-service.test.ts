import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { ImageError, UnknownImageError } from '../../../src/main/images/errors';
import { createImageService } from '../../../src/main/images/image-service';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { findModel } from '../../../src/shared/catalog/models';
import type { Result } from '../../../src/shared/contract/result';
import { PHOTOS, jpegAt, put, tempDir } from '../../unit/main/images/derive';
import { testStudioConfig } from '../../fixtures/studio-config';
import { grantFile } from '../../fixtures/grant';
import { createFileGrants } from '../../../src/main/security/file-grants';

const V1 = findModel('novita/seedance-v1-pro-i2v')!;
const EVO = findModel('evolink/seedance-2.0-image-to-video')!;

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('seedance-image-service-'));
});
afterAll(() => cleanup());

describe('createImageService', () => {
  it('imports by path under an opaque id that survives a restart', async () => {
    const dataDir = join(dir, 'restart');
    const log = createMemoryLogger();
    const first = await createImageService({ dataDir, log });
    const { imageId, info } = await first.import(PHOTOS.nuthatch);
    expect(imageId).toMatch(/^[0-9a-f]{32}$/);
    expect(info).toMatchObject({ name: 'nuthatch-6028x3391.jpg', width: 6028, height: 3391 });
    expect((await first.import(PHOTOS.nuthatch)).imageId).toBe(imageId);
    // Nothing was copied: the inputs folder holds only the index.
    expect(await readdir(join(dataDir, 'inputs'))).toEqual(['index.json']);

    const second = await createImageService({ dataDir, log });
    const verdict = await second.check({ imageId, entry: V1, resolution: '720p', aspectRatio: '16:9', role: 'first' });
    expect(verdict.violations.map((v) => v.rule)).toEqual(['max_side']);
    const fixed = await second.fix({ imageId, entry: V1, resolution: '720p', aspectRatio: '16:9', role: 'first' });
    expect(fixed.info).toMatchObject({ width: 1248, height: 704 });
    expect(fixed.prepared.path.startsWith(join(dataDir, 'inputs'))).toBe(true);
    expect(log.lines.some((l) => l.event === 'images.fixed')).toBe(true);
  });

  it('sets a damaged index aside and starts empty', async () => {
    const dataDir = join(dir, 'damaged');
    const svc = await createImageService({ dataDir, log: createMemoryLogger() });
    const { imageId } = await svc.import(PHOTOS.dragonfly);
    await writeFile(join(dataDir, 'inputs', 'index.json'), '{"version": 1, "images": {"nope": 3}}');
    const log = createMemoryLogger();
    const again = await createImageService({ dataDir, log });
    await expect(again.info(imageId)).rejects.toBeInstanceOf(UnknownImageError);
    expect(log.lines.some((l) => l.event === 'images.index_invalid')).toBe(true);
    expect((await readdir(join(dataDir, 'inputs'))).some((f) => f.startsWith('index.json.bad-'))).toBe(true);
  });

  it('imports pasted bytes once, and refuses bytes that are not an image without leaving a file', async () => {
    const dataDir = join(dir, 'paste');
    const svc = await createImageService({ dataDir, log: createMemoryLogger() });
    const png = await sharp(await jpegAt(800, 600)).png().toBuffer();
    const a = await svc.importBytes(png, 'Screenshot.png');
    const b = await svc.importBytes(png, 'Screenshot.png');
    expect(a.imageId).toBe(b.imageId);
    expect(a.info).toMatchObject({ name: 'Screenshot.png', format: 'png', width: 800, height: 600 });
    await expect(svc.importBytes(Buffer.from('just words'), 'clip.txt')).rejects.toBeInstanceOf(ImageError);
    const jpeg = await readFile(PHOTOS.sunset);
    await expect(svc.importBytes(jpeg.subarray(0, 5000), 'cut.jpg')).rejects.toMatchObject({ code: 'truncated' });
    expect(await readdir(join(dataDir, 'inputs', 'pasted'))).toHaveLength(1);
  });

  it('fits a last frame to the first frame chosen by id', async () => {
    const svc = await createImageService({ dataDir: join(dir, 'last'), log: createMemoryLogger() });
    const first = await svc.import(PHOTOS.dragonfly);
    const last = await svc.import(PHOTOS.altai);
    const req = { entry: EVO, resolution: '720p', aspectRatio: 'adaptive', role: 'last', firstImageId: first.imageId } as const;
    const verdict = await svc.check({ ...req, imageId: last.imageId });
    expect(verdict.target).toEqual({ width: 1112, height: 834 });
    const fixed = await svc.fix({ ...req, imageId: last.imageId });
    expect(fixed.info).toMatchObject({ width: 1112, height: 834 });
  });

  it('makes small upright JPEG previews, cached', async () => {
    const svc = await createImageService({ dataDir: join(dir, 'preview'), log: createMemoryLogger() });
    const { imageId } = await svc.import(PHOTOS.altai);
    const p = await svc.preview(imageId, 256);
    expect(p).toMatchObject({ mime: 'image/jpeg', width: 144, height: 256 });
    expect((await sharp(p.path).metadata()).format).toBe('jpeg');
    expect((await svc.preview(imageId, 256)).path).toBe(p.path);
  });

  it('refuses unknown ids and bad paths clearly', async () => {
    const svc = await createImageService({ dataDir: join(dir, 'bad'), log: createMemoryLogger() });
    await expect(svc.info('0'.repeat(32))).rejects.toBeInstanceOf(UnknownImageError);
    await expect(svc.import('relative/photo.jpg')).rejects.toMatchObject({ code: 'unreadable' });
    await expect(svc.import(dir)).rejects.toMatchObject({ code: 'not_a_file' });
  });
});

describe('the images domain through the assembled studio', () => {
  let studio: Studio | undefined;
  afterAll(async () => studio?.dispose());

  it('import → check → fix over the contract, with media URLs and no paths', async () => {
    studio = await createStudio(testStudioConfig(join(dir, 'studio')));
    const ctx = { host: 'harness' } as const;
    const call = async <T>(channel: string, input: unknown) => (await studio!.router.dispatch(channel, input, ctx)) as Result<T>;

    const token = grantFile(studio, PHOTOS.nuthatch);
    const imported = await call<{ imageId: string; previewUrl: string; info: Record<string, unknown> }>('images:import', { token });
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.data.previewUrl).toMatch(/^\/media\/[0-9a-f]{32}$/);
    expect(imported.data.info).not.toHaveProperty('path');
    const mediaId = imported.data.previewUrl.split('/').pop()!;
    expect(studio.media.resolve(mediaId)?.mime).toBe('image/jpeg');

    const frame = { imageId: imported.data.imageId, modelId: V1.id, resolution: '720p', aspectRatio: '16:9', role: 'first' };
    const checked = await call<{ ok: boolean; violations: Array<{ message: string }> }>('images:check', frame);
    expect(checked).toMatchObject({ ok: true, data: { ok: false, violations: [{ message: 'longer side 6028 px is over the 6000 px limit.' }] } });

    const fixed = await call<Record<string, unknown>>('images:fix', { ...frame, crop: { kind: 'centre' } });
    expect(fixed).toMatchObject({ ok: true, data: { mime: 'image/jpeg', target: { width: 1248, height: 704 }, info: { width: 1248, height: 704 } } });
    expect(JSON.stringify(fixed)).not.toContain(dir);

    // A file that is gone: the reader's sentence and its phrase reach the window (issue 14).
    expect(await call('images:import', { token: grantFile(studio, join(dir, 'missing.jpg')) })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: 'missing.jpg was not found. It may have been moved or deleted.', phrase: { code: 'image.file.notFound', values: { name: 'missing.jpg' } }, details: { reason: 'unreadable' } },
    });
    // Only a granted file, once: a used or forged token and a raw path get nothing.
    expect(await call('images:import', { token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('images:import', { token: 'b'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('images:import', { path: PHOTOS.nuthatch })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await call('files:grant', { path: PHOTOS.nuthatch })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('images:check', { ...frame, modelId: 'nobody/none' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await call('images:check', { ...frame, imageId: 'f'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', phrase: { code: 'image.file.unknown' } } });
    expect(await call('images:check', { ...frame, imageId: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    const pasted = await call<{ previewUrl: string }>('images:importBytes', { bytes: (await jpegAt(640, 480)).toString('base64'), name: 'paste.jpg' });
    expect(pasted).toMatchObject({ ok: true, data: { info: { name: 'paste.jpg', width: 640, height: 480 } } });
    expect(await call('images:importFrame', { token: 'a'.repeat(32) })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('falls back to small data: URLs when no media registry is wired', async () => {
    const { createImageHandlers } = await import('../../../src/main/images/handlers');
    const svc = await createImageService({ dataDir: join(dir, 'data-url'), log: createMemoryLogger() });
    const grants = createFileGrants();
    const handlers = createImageHandlers(svc, { redeemGrant: (token) => grants.redeem(token) });
    const out = await handlers.import({ token: grantFile({ grants }, await put(dir, 'small.jpg', await jpegAt(640, 480))) }, { host: 'harness' });
    expect(out.previewUrl.startsWith('data:image/jpeg;base64,')).toBe(true);
    const bytes = Buffer.from(out.previewUrl.split(',')[1]!, 'base64');
    expect((await sharp(bytes).metadata()).width).toBe(512);
  });
});
