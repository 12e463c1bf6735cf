import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/jobs/job';
import type { ReferenceItem } from '../../../src/shared/catalog/types';
import { createImageService, type ImageService } from '../../../src/main/images/image-service';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { prepareReferencesWith } from '../../../src/main/jobs/prepare-references';
import { asStudioError } from '../../../src/main/references/errors';
import { createMediaService, type MediaService } from '../../../src/main/references/media-service';
import { referenceFilesWith } from '../../../src/main/references/resolve-files';
import { createMediaWork } from '../../../src/main/references/work';
import { fixture } from '../../fixtures/images';
import { makeAudio, makeVideo, tools } from '../../fixtures/media';
import { REFERENCE_ROWS, catalogWithReferenceRows } from '../../fixtures/reference-rows';

const ROW = REFERENCE_ROWS.fal;

function job(references: ReferenceItem[], extra: Partial<Job['params']> = {}): Job {
  return {
    id: '3f2b8c1e-0d4a-4e6b-9a7c-1b2c3d4e5f61',
    params: { modelId: ROW.id, prompt: '@image1 walks into @video1', resolution: '720p', aspectRatio: 'auto', duration: 5, references, ...extra },
    provider: 'fal',
    state: 'queued',
    times: {},
    updatedAt: 0,
    attempts: 0,
    requests: 0,
    history: [],
    order: 0,
  };
}

describe('prepareReferences: the engine readies a reference job, or refuses it before anything is sent', () => {
  let dir: string;
  let images: ImageService;
  let media: MediaService;
  let asked = 0;
  let prepare: ReturnType<typeof prepareReferencesWith>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refs-prepare-'));
    const log = createMemoryLogger();
    const work = createMediaWork(tools);
    images = await createImageService({ dataDir: dir, log });
    media = await createMediaService({ dataDir: dir, log, prober: { probeMedia: (p, o) => asStudioError(() => work.probe(p, o)), fixMedia: (r) => asStudioError(() => work.fix(r)) } });
    const files = referenceFilesWith({ images, media, catalog: catalogWithReferenceRows });
    prepare = prepareReferencesWith({
      catalog: catalogWithReferenceRows,
      files: (j) => {
        asked++;
        return files(j);
      },
      media: work,
    });
    const [clip, slow, wav] = await Promise.all([
      makeVideo(dir, 'clip.mp4', { width: 960, height: 960, fps: 24, seconds: 3, sound: 'aac' }),
      makeVideo(dir, 'slow.mp4', { width: 960, height: 960, fps: 24, seconds: 1 }),
      makeAudio(dir, 'tone.wav', 3),
    ]);
    ids.clip = (await media.import(clip)).mediaId;
    ids.slow = (await media.import(slow)).mediaId;
    ids.wav = (await media.import(wav)).mediaId;
    ids.nuthatch = (await images.import(fixture('nuthatch-6028x3391.jpg'))).imageId;
    ids.portrait = (await images.import(fixture('altai-portrait-1080x1920.png'))).imageId;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers images fixed by the rules (their own picture), and videos and audio with their hash and length', async () => {
    const refs = await prepare(job([{ kind: 'image', id: ids.nuthatch! }, { kind: 'image', id: ids.portrait! }, { kind: 'video', id: ids.clip! }, { kind: 'audio', id: ids.wav! }]));
    expect(refs.map((r) => r.kind)).toEqual(['image', 'image', 'video', 'audio']);
    const [nuthatch, portrait, video, audio] = refs as Array<Extract<(typeof refs)[number], { file: unknown }>>;
    // 6028 px is over the 6000 px limit: sent at 4k's pixel count, its own 16:9-ish ratio, not the output's.
    expect(await sharp(nuthatch!.file.path).metadata()).toMatchObject({ width: 3840, height: 2160 });
    expect(await sharp(portrait!.file.path).metadata()).toMatchObject({ width: 1080, height: 1920 });
    expect(video!.file).toMatchObject({ mime: 'video/mp4', path: join(dir, 'clip.mp4') });
    expect(video!.file.sha256).toBe(createHash('sha256').update(await readFile(join(dir, 'clip.mp4'))).digest('hex'));
    expect(audio).toMatchObject({ kind: 'audio', file: { mime: 'audio/wav', durationSec: expect.closeTo(3, 1) } });
  });

  it('refuses too many files and audio alone without asking main for any file', async () => {
    const before = asked;
    const many = Array.from({ length: 10 }, () => ({ kind: 'image' as const, id: ids.portrait! }));
    await expect(prepare(job(many))).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('10 reference images') });
    await expect(prepare(job([{ kind: 'audio', id: ids.wav! }]))).rejects.toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('Audio alone is not accepted') });
    await expect(prepare(job([{ kind: 'image', id: ids.portrait! }], { firstFrame: ids.portrait! }))).rejects.toMatchObject({ message: expect.stringContaining('cannot be sent with a first frame') });
    expect(asked).toBe(before);
  });

  it('refuses a set whose videos last under fal’s 2 s together, naming the rule', async () => {
    await expect(prepare(job([{ kind: 'image', id: ids.portrait! }, { kind: 'video', id: ids.slow! }]))).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/The reference video last 1 s together: at least 2 s in all\./),
    });
  });
});
