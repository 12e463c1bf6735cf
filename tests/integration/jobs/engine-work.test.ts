import { stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImageService, type ImageService } from '../../../src/main/images/image-service';
import { createEngineHost, forkEngine, type EngineHost } from '../../../src/main/jobs/engine-host';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { findModel } from '../../../src/shared/catalog/models';
import { StudioError } from '../../../src/shared/contract/result';
import { PHOTOS, tempDir } from '../../unit/main/images/derive';
import { makeBlueEndingMp4 } from '../library/media';

const V1 = findModel('novita/seedance-v1-pro-i2v')!;
const ENTRY = resolve(__dirname, '../../../src/main/jobs/engine-process.ts');

let dir: string;
let cleanup: () => Promise<void>;
let host: EngineHost;
let service: ImageService;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('seedance-image-work-'));
  const log = createMemoryLogger();
  host = createEngineHost({
    launch: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'] }),
    init: { dataDir: join(dir, 'engine'), outputDir: join(dir, 'engine', 'downloads') },
    context: () => Promise.reject(new Error('no jobs here')),
    prepareImages: () => Promise.reject(new Error('no jobs here')),
    log,
  });
  await host.start();
  // As the app wires it (create-studio.ts): main keeps ids and headers, the engine's process decodes and encodes.
  service = await createImageService({ dataDir: join(dir, 'data'), log, work: host.images });
}, 60_000);
afterAll(async () => {
  await host?.dispose();
  await cleanup();
});

describe('image work in the job engine process', () => {
  it('fixes a real photo there: the file main gets is the exact size the row needs, and a second fix is a cache hit', async () => {
    const { imageId } = await service.import(PHOTOS.nuthatch);
    const fixed = await service.fix({ imageId, entry: V1, resolution: '720p', aspectRatio: '16:9', role: 'first' });
    expect(fixed.cached).toBe(false);
    expect(fixed.info).toMatchObject({ width: 1248, height: 704, format: 'jpeg' });
    expect(fixed.source).toMatchObject({ name: 'nuthatch-6028x3391.jpg', width: 6028, height: 3391 });
    const meta = await sharp(fixed.prepared.path).metadata();
    expect([meta.width, meta.height]).toEqual([1248, 704]);
    expect((await stat(fixed.prepared.path)).size).toBe(fixed.prepared.bytes);
    const again = await service.fix({ imageId, entry: V1, resolution: '720p', aspectRatio: '16:9', role: 'first' });
    expect(again).toMatchObject({ cached: true, prepared: fixed.prepared });
  }, 60_000);

  it('makes thumbnails there', async () => {
    const { imageId } = await service.import(PHOTOS.altai);
    const preview = await service.preview(imageId, 128);
    expect(preview).toMatchObject({ mime: 'image/jpeg', width: 72, height: 128 });
    expect((await sharp(preview.path).metadata()).height).toBe(128);
  }, 60_000);

  it('answers a crop outside the image with the RangeError the handlers turn into BAD_INPUT, and keeps working', async () => {
    const { imageId } = await service.import(PHOTOS.dragonfly);
    const fix = service.fix({ imageId, entry: V1, resolution: '480p', aspectRatio: '1:1', role: 'first', crop: { kind: 'rect', rect: { left: 9000, top: 0, width: 100, height: 100 } } });
    await expect(fix).rejects.toBeInstanceOf(RangeError);
    await expect(fix).rejects.toThrow(/outside the 4224 × 3168 image/);
    const ok = await service.fix({ imageId, entry: V1, resolution: '480p', aspectRatio: '1:1', role: 'first' });
    expect(ok.info.width).toBe(ok.info.height);
  }, 60_000);
});

describe('last frames in the job engine process', () => {
  it('extracts the final frame of a real MP4 at the video size, as a PNG', async () => {
    const video = join(dir, 'blue-ending.mp4');
    await makeBlueEndingMp4(video, '320x240');
    const frame = await host.lastFrame(video, join(dir, 'frames', 'clip-last.png'));
    expect(frame).toEqual({ path: join(dir, 'frames', 'clip-last.png'), width: 320, height: 240 });
    // The clip ends on one blue frame after red ones: the very last frame, not one before it.
    const [r, g, b] = (await sharp(frame.path).stats()).channels.map((c) => c.mean) as [number, number, number];
    expect(b).toBeGreaterThan(200);
    expect(r).toBeLessThan(40);
    expect(g).toBeLessThan(40);
  }, 60_000);

  it('answers a file that is not a video with UNAVAILABLE and ffmpeg\'s reason', async () => {
    const notVideo = join(dir, 'notes.mp4');
    await writeFile(notVideo, 'not a video at all');
    const frame = host.lastFrame(notVideo, join(dir, 'frames', 'notes-last.png'));
    await expect(frame).rejects.toBeInstanceOf(StudioError);
    await expect(frame).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/^The last frame could not be extracted: /) });
  }, 60_000);
});
