import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../src/shared/catalog/models';
import type { Job } from '../../../src/shared/jobs/job';
import { createImageService, type ImageService } from '../../../src/main/images/image-service';
import { prepareImagesWith } from '../../../src/main/jobs/prepare-images';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { fixture } from '../../fixtures/images';

const SUNSET = fixture('sunset-4272x2848.jpg');
const MODEL = 'novita/seedance-v1-pro-i2v';

function jobWith(params: Partial<Job['params']>): Job {
  return {
    id: '3f2b8c1e-0d4a-4e6b-9a7c-1b2c3d4e5f60',
    params: { modelId: MODEL, prompt: 'sunset', resolution: '720p', aspectRatio: '16:9', duration: 5, ...params },
    provider: 'novita',
    state: 'queued',
    times: {},
    updatedAt: 0,
    attempts: 0,
    requests: 0,
    history: [],
    order: 0,
  };
}

/** Mean luminance of an image file, 0–255: the crop's content shows in it (sky vs. foreground). */
async function meanLuma(path: string): Promise<number> {
  const { channels } = await sharp(path).greyscale().stats();
  return channels[0]!.mean;
}

describe('prepareImagesWith: the user crop reaches the provider', () => {
  let dataDir: string;
  let images: ImageService;
  let imageId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'prepare-images-'));
    images = await createImageService({ dataDir, log: createMemoryLogger() });
    imageId = (await images.import(SUNSET)).imageId;
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('sends the rectangle the user framed, at the model output size, instead of the centre', async () => {
    const prepare = prepareImagesWith(images, findModel);
    const centre = (await prepare(jobWith({ firstFrame: imageId }))).first!;
    // The top band of the photo (sky) versus the bottom band (ground): the two must differ in content.
    const top = (await prepare(jobWith({ firstFrame: imageId, firstFrameCrop: { left: 0, top: 0, width: 4272, height: 2403 } }))).first!;
    const bottom = (await prepare(jobWith({ firstFrame: imageId, firstFrameCrop: { left: 0, top: 445, width: 4272, height: 2403 } }))).first!;

    for (const p of [centre, top, bottom]) {
      const meta = await sharp(p.path).metadata();
      expect([meta.width, meta.height]).toEqual([1248, 704]);
    }
    expect(new Set([centre.sha256, top.sha256, bottom.sha256]).size).toBe(3);
    expect(Math.abs((await meanLuma(top.path)) - (await meanLuma(bottom.path)))).toBeGreaterThan(1);
  });

  it('gives the same file again for the same crop (cached, so delivery files what was sent)', async () => {
    const prepare = prepareImagesWith(images, findModel);
    const crop = { left: 100, top: 200, width: 3600, height: 2025 };
    const a = (await prepare(jobWith({ firstFrame: imageId, firstFrameCrop: crop }))).first!;
    const b = (await prepare(jobWith({ firstFrame: imageId, firstFrameCrop: crop }))).first!;
    expect(b.path).toBe(a.path);
    expect(b.sha256).toBe(a.sha256);
  });
});
