import { copyFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportedMedia, ReferenceCheck } from '../../../src/shared/contract/media';
import type { ImportedImage } from '../../../src/shared/contract/images';
import type { HandlerContext, Handlers } from '../../../src/shared/contract/index';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { forkEngine } from '../../../src/main/jobs/engine-host';
import { createMediaHandlers } from '../../../src/main/references/handlers';
import { fixture } from '../../fixtures/images';
import { grantFile } from '../../fixtures/grant';
import { makeAudio, makeVideo } from '../../fixtures/media';
import { REFERENCE_ROWS, catalogWithReferenceRows } from '../../fixtures/reference-rows';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';

const ENTRY = join(__dirname, '../../../src/main/jobs/engine-process.ts');
const EVOLINK = REFERENCE_ROWS.evolink.id;
const CTX: HandlerContext = { host: 'harness' };

describe('the media domain, with probes and fixes in the job engine’s own process', () => {
  let dir: string;
  let studio: Studio;
  let files: Record<string, string>;
  /** The `media` handlers over the studio's own services, with the test rows' reference rules in the catalogue. */
  let handlers: Handlers['media'];
  const media = {
    check: async (input: Parameters<Handlers['media']['check']>[0]) => handlers.check(input, CTX),
    fix: async (input: Parameters<Handlers['media']['fix']>[0]) => handlers.fix(input, CTX),
    info: async (input: Parameters<Handlers['media']['info']>[0]) => handlers.info(input, CTX),
  };
  const importFile = (path: string) => callStudio<ImportedMedia>(studio, 'media:import', { token: grantFile(studio, path) });
  const importImage = (name: string) => callStudio<ImportedImage>(studio, 'images:import', { token: grantFile(studio, fixture(name)) });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'refs-media-'));
    const hd = { width: 1280, height: 720, fps: 24, seconds: 3 };
    const made = await Promise.all([
      makeVideo(dir, 'h264.mp4', { ...hd, sound: 'aac' }),
      makeVideo(dir, 'slow.mp4', { ...hd, fps: 10 }),
      makeVideo(dir, 'long.mp4', { width: 640, height: 640, fps: 24, seconds: 17 }),
      makeAudio(dir, 'tone.wav', 3),
      makeAudio(dir, 'tone.mp3', 3),
    ]);
    files = Object.fromEntries(made.map((p) => [p.split('/').pop()!, p]));
    studio = await createStudio(testStudioConfig(join(dir, 'data'), { launchEngine: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'] }) }));
    handlers = createMediaHandlers({
      media: studio.mediaFiles,
      images: studio.images,
      redeemGrant: () => null,
      registerMedia: (path, mime) => studio.media.register(path, mime),
      mediaUrl: (id) => `/media/${id}`,
      catalog: catalogWithReferenceRows,
    });
  });
  afterAll(async () => {
    await studio?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a dropped video by grant token: what ffprobe read, and a poster the window can load', async () => {
    const video = await importFile(files['h264.mp4']!);
    expect(video.info).toMatchObject({ kind: 'video', name: 'h264.mp4', container: 'mp4', video: { codec: 'h264', width: 1280, height: 720, fps: 24 }, audio: { codec: 'aac' } });
    expect(video.previewUrl).toMatch(/^\/media\/[0-9a-f]{32}$/);
    const poster = studio.media.resolve(video.previewUrl!.slice('/media/'.length))!;
    expect(poster.mime).toBe('image/jpeg');
    expect(await sharp(poster.path).metadata()).toMatchObject({ format: 'jpeg', width: 512, height: 288 });
    // The video itself for the tray's hover preview: a registered id for the dropped file, no path in the URL.
    expect(video.playUrl).toMatch(/^\/media\/[0-9a-f]{32}$/);
    expect(studio.media.resolve(video.playUrl!.slice('/media/'.length))).toMatchObject({ path: files['h264.mp4'], mime: 'video/mp4' });
    // The same file again is the same id; `info` answers from the index.
    expect((await importFile(files['h264.mp4']!)).mediaId).toBe(video.mediaId);
    expect((await callStudio<ImportedMedia>(studio, 'media:info', { mediaId: video.mediaId })).info).toEqual(video.info);
  });

  it('imports pasted audio bytes, and refuses bytes that are not media without keeping them', async () => {
    const wav = await callStudio<ImportedMedia>(studio, 'media:importBytes', { bytes: (await readFile(files['tone.wav']!)).toString('base64'), name: 'voice.wav' });
    expect(wav).toMatchObject({ info: { kind: 'audio', name: 'voice.wav', container: 'wav', audio: { codec: 'pcm_s16le' } }, previewUrl: null });
    const refused = await studio.router.dispatch('media:importBytes', { bytes: Buffer.from('just some words\n'.repeat(40)).toString('base64'), name: 'notes.mp4' }, { host: 'harness' });
    // The file is saved under a random name: the refusal names it as pasted, in its phrase too (across the engine's wire).
    expect(refused).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'notes.mp4 is not a video or audio file the app can read.', phrase: { code: 'media.notMedia', values: { name: 'notes.mp4' } } } });
    expect(await readdir(join(dir, 'data', 'media', 'pasted'))).toHaveLength(1);
  });

  it('probes a file again when it changed since it was imported', async () => {
    const changing = join(dir, 'changing.mp3');
    await copyFile(files['tone.mp3']!, changing);
    const before = await importFile(changing);
    expect(before.info.container).toBe('mp3');
    await copyFile(files['h264.mp4']!, changing);
    const after = await callStudio<ImportedMedia>(studio, 'media:info', { mediaId: before.mediaId });
    expect(after.info).toMatchObject({ kind: 'video', container: 'mp4' });
  });

  it('answers NOT_FOUND for an unknown media id and for a used grant', async () => {
    expect(await studio.router.dispatch('media:info', { mediaId: 'f'.repeat(32) }, { host: 'harness' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const token = grantFile(studio, files['tone.wav']!);
    await callStudio(studio, 'media:import', { token });
    expect(await studio.router.dispatch('media:import', { token }, { host: 'harness' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('checks 2 images + 1 video + 1 audio for EvoLink, and refuses a 10 fps video until the user has it re-encoded', async () => {
    const [sunset, dragonfly] = [await importImage('sunset-4272x2848.jpg'), await importImage('dragonfly-4224x3168.jpg')];
    const [good, slow, wav] = [await importFile(files['h264.mp4']!), await importFile(files['slow.mp4']!), await importFile(files['tone.wav']!)];
    const set = (videoId: string) => [
      { kind: 'image' as const, id: sunset.imageId },
      { kind: 'image' as const, id: dragonfly.imageId },
      { kind: 'video' as const, id: videoId },
      { kind: 'audio' as const, id: wav.mediaId },
    ];
    const check = (videoId: string): Promise<ReferenceCheck> => media.check({ modelId: EVOLINK, references: set(videoId), resolution: '720p', aspectRatio: 'adaptive' });
    expect(await check(good.mediaId)).toMatchObject({ ok: true, violations: [] });
    const refused = await check(slow.mediaId);
    expect(refused.ok).toBe(false);
    expect(refused.items[2]).toMatchObject({ tag: '@video1', ok: false, violations: [{ rule: 'fps', fix: 'reencode', message: 'slow.mp4: 10 frames per second: at least 24.' }] });

    const fixed = await media.fix({ mediaId: slow.mediaId, modelId: EVOLINK, action: 'reencode' });
    expect(fixed.mediaId).not.toBe(slow.mediaId);
    expect(fixed.info).toMatchObject({ kind: 'video', name: 'slow (fixed).mp4', container: 'mp4', video: { codec: 'h264', fps: 24, width: 1280, height: 720 } });
    expect(await check(fixed.mediaId)).toMatchObject({ ok: true });
    // The original is untouched, and asking again reuses the copy.
    expect((await media.info({ mediaId: slow.mediaId })).info.video?.fps).toBe(10);
    expect((await media.fix({ mediaId: slow.mediaId, modelId: EVOLINK, action: 'reencode' })).mediaId).toBe(fixed.mediaId);
  });

  it('trims a clip that is too long, and judges a mix with a first frame and audio alone', async () => {
    const long = await importFile(files['long.mp4']!);
    const wav = await importFile(files['tone.wav']!);
    const before = await media.check({ modelId: EVOLINK, references: [{ kind: 'video', id: long.mediaId }], resolution: '720p', aspectRatio: 'adaptive' });
    expect(before.items[0]!.violations).toEqual([expect.objectContaining({ rule: 'max_seconds', fix: 'trim' })]);
    const trimmed = await media.fix({ mediaId: long.mediaId, modelId: EVOLINK, action: 'trim' });
    expect(trimmed.info.durationSec).toBeGreaterThan(14);
    expect(trimmed.info.durationSec).toBeLessThanOrEqual(15.05);

    const first = await importImage('sunset-4272x2848.jpg');
    const mixed = await media.check({ modelId: EVOLINK, references: [{ kind: 'audio', id: wav.mediaId }], resolution: '720p', aspectRatio: 'adaptive', firstFrame: first.imageId });
    expect(mixed.violations.map((v) => v.rule)).toEqual(['audio_alone', 'frames_mixed']);
  });
});

describe('where the probe runs', () => {
  it('is the engine’s process: an engine without ffprobe cannot import, though main could have run one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refs-media-where-'));
    const wav = await makeAudio(dir, 'tone.wav', 2);
    const studio = await createStudio(
      testStudioConfig(join(dir, 'data'), { launchEngine: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'], env: { ...process.env, FFPROBE_PATH: join(dir, 'no-ffprobe') } }) }),
    );
    try {
      const answer = await studio.router.dispatch('media:import', { token: grantFile(studio, wav) }, { host: 'harness' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: 'The app could not run ffprobe to read tone.wav.' } });
    } finally {
      await studio.dispose();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
