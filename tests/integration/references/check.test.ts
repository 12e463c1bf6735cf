import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../src/shared/catalog/models';
import { taskOf } from '../../../src/shared/catalog/task-type';
import type { MediaInfoView } from '../../../src/shared/contract/media';
import { configureSharp } from '../../../src/main/images/sharp-setup';
import { inspectImage } from '../../../src/main/images/inspect';
import { checkReferences, type ResolvedReference } from '../../../src/main/references/check';
import { MediaError } from '../../../src/main/references/errors';
import { probeMedia } from '../../../src/main/references/probe';
import { fixture } from '../../fixtures/images';
import { makeAudio, makeVideo, tools } from '../../fixtures/media';
import { REFERENCE_ROWS } from '../../fixtures/reference-rows';

const { evolink, fal, ark } = REFERENCE_ROWS;

describe('probeMedia and checkReferences on real files made by ffmpeg', () => {
  let dir: string;
  const files: Record<string, string> = {};
  const media = async (key: string): Promise<ResolvedReference & { media: MediaInfoView }> => {
    const probe = await probeMedia(tools.ffprobe, files[key]!);
    return { kind: probe.kind, media: { ...probe, name: basename(files[key]!) } };
  };
  const asKind = (kind: 'video' | 'audio', r: { media: MediaInfoView }): ResolvedReference => ({ kind, media: r.media });
  const image = async (name: string): Promise<ResolvedReference> => ({ kind: 'image', image: await inspectImage(fixture(name)) });

  beforeAll(async () => {
    configureSharp();
    dir = await mkdtemp(join(tmpdir(), 'refs-check-'));
    const hd = { width: 1280, height: 720, fps: 24, seconds: 3 };
    const made = await Promise.all([
      makeVideo(dir, 'h264.mp4', { ...hd, sound: 'aac' }),
      makeVideo(dir, 'hevc.mp4', { ...hd, encoder: 'libx265' }),
      makeVideo(dir, 'clip.mov', { ...hd, sound: 'pcm_s16le' }),
      makeVideo(dir, 'mpeg4.mp4', { ...hd, encoder: 'mpeg4' }),
      makeVideo(dir, 'long.mp4', { width: 640, height: 640, fps: 24, seconds: 16 }),
      makeVideo(dir, 'short.mp4', { ...hd, seconds: 1 }),
      makeVideo(dir, 'small.mp4', { width: 320, height: 240, fps: 24, seconds: 3 }),
      makeVideo(dir, 'slow.mp4', { ...hd, fps: 10 }),
      makeVideo(dir, 'eight.mp4', { width: 640, height: 640, fps: 24, seconds: 8 }),
      makeAudio(dir, 'tone.wav', 3),
      makeAudio(dir, 'tone.mp3', 3),
    ]);
    for (const path of made) files[basename(path)] = path;
    files['notes.txt'] = join(dir, 'notes.txt');
    await writeFile(files['notes.txt'], 'not a video at all\n'.repeat(50));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads container, codec, size, frame rate and length as ffprobe sees them', async () => {
    const h264 = (await media('h264.mp4')).media;
    expect(h264).toMatchObject({ kind: 'video', format: 'mov', container: 'mp4', mime: 'video/mp4', video: { codec: 'h264', width: 1280, height: 720, fps: 24 }, audio: { codec: 'aac' } });
    expect(h264.durationSec).toBeCloseTo(3, 0);
    expect((await media('hevc.mp4')).media.video?.codec).toBe('hevc');
    expect((await media('clip.mov')).media).toMatchObject({ container: 'mov', mime: 'video/quicktime', audio: { codec: 'pcm_s16le' } });
    expect((await media('tone.wav')).media).toMatchObject({ kind: 'audio', container: 'wav', mime: 'audio/wav', audio: { codec: 'pcm_s16le', sampleRate: 44100 } });
    expect((await media('tone.mp3')).media).toMatchObject({ kind: 'audio', container: 'mp3', mime: 'audio/mpeg', audio: { codec: 'mp3' } });
    expect((await media('tone.mp3')).media.video).toBeUndefined();
    expect((await media('slow.mp4')).media.video?.fps).toBe(10);
  });

  it('refuses a file that is not video or audio, and a missing one, in plain words', async () => {
    await expect(probeMedia(tools.ffprobe, files['notes.txt']!)).rejects.toMatchObject({ code: 'not_media', message: expect.stringContaining('notes.txt') });
    const missing = probeMedia(tools.ffprobe, join(dir, 'gone.mp4'));
    await expect(missing).rejects.toBeInstanceOf(MediaError);
    await expect(missing).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('accepts 2 images + 1 H.264 video + 1 WAV on EvoLink, with tags in order per kind', async () => {
    const set = [await image('sunset-4272x2848.jpg'), await media('h264.mp4'), await image('dragonfly-4224x3168.jpg'), await media('tone.wav')];
    const verdict = checkReferences(evolink, set);
    expect(verdict.violations).toEqual([]);
    expect(verdict.items.map((i) => [i.tag, i.ok])).toEqual([['@image1', true], ['@video1', true], ['@image2', true], ['@audio1', true]]);
    expect(verdict.ok).toBe(true);
  });

  it('takes HEVC and MOV with PCM sound on ModelArk by codec, but only by public URL', async () => {
    const verdict = checkReferences(ark, [await image('sunset-4272x2848.jpg'), await media('hevc.mp4'), await media('clip.mov')]);
    const rules = verdict.items.flatMap((i) => i.violations.map((v) => v.rule));
    expect(rules).toEqual(['transport', 'transport']);
    expect(verdict.items[1]!.violations[0]!.message).toMatch(/only by public URL/);
    const byUrl = checkReferences(ark, [await image('sunset-4272x2848.jpg'), { kind: 'video', url: 'https://cdn.example.com/clip.mp4' }]);
    expect(byUrl.ok).toBe(true);
    expect(byUrl.items[1]!.warnings[0]!.message).toMatch(/cannot check a video given by URL/);
  });

  it('refuses the wrong codec on ModelArk, offering a re-encode', async () => {
    const verdict = checkReferences({ ...ark, references: { ...ark.references!, videos: { ...ark.references!.videos, transport: 'upload' } } }, [await media('mpeg4.mp4')]);
    expect(verdict.items[0]!.violations).toEqual([expect.objectContaining({ rule: 'codec', fix: 'reencode', message: expect.stringMatching(/mpeg4\.mp4: the picture is mpeg4, which is not accepted \(takes h264, hevc\)/) })]);
  });

  it('gives each bad video its plain verdict: too long, too short, too few pixels, 10 fps', async () => {
    const [long, short, small, slow] = await Promise.all(['long.mp4', 'short.mp4', 'small.mp4', 'slow.mp4'].map(media));
    const verdict = checkReferences(evolink, [long!, short!, small!, slow!]);
    const byItem = verdict.items.map((i) => i.violations.map((v) => `${v.rule}:${v.fix}`));
    expect(byItem[0]).toEqual(['max_seconds:trim']);
    expect(byItem[1]).toEqual([expect.stringMatching(/^min_seconds:Use a clip of at least 2 s/)]);
    expect(byItem[2]).toEqual(['pixels:reencode', 'sides:reencode']);
    expect(byItem[3]).toEqual(['fps:reencode']);
    expect(verdict.items[2]!.violations[0]!.message).toBe('small.mp4: 320 × 240 is 76,800 pixels per frame: at least 409,600 needed (about 640 × 640).');
    expect(verdict.items[3]!.violations[0]!.message).toBe('slow.mp4: 10 frames per second: at least 24.');
    expect(verdict.ok).toBe(false);
  });

  it('judges the set: too many videos, too long together, audio alone, mixed with a first frame', async () => {
    const eight = await media('eight.mp4');
    const tooMany = checkReferences(evolink, [eight, eight, await media('h264.mp4'), await media('hevc.mp4')]);
    expect(tooMany.violations.map((v) => v.rule)).toEqual(['too_many_videos', 'video_total_seconds']);
    expect(tooMany.violations[0]!.message).toBe('4 reference videos: Seedance 2.0 · image to video takes at most 3.');
    expect(tooMany.violations[1]!.message).toMatch(/^The 4 reference videos last 22 s together: at most 15 s in all\./);

    const alone = checkReferences(fal, [await media('tone.wav'), await media('tone.mp3')]);
    expect(alone.violations.map((v) => v.rule)).toEqual(['audio_alone']);
    expect(alone.items.every((i) => i.ok)).toBe(true);

    const mixed = checkReferences(evolink, [await image('sunset-4272x2848.jpg')], { firstFrame: true });
    expect(mixed.violations).toEqual([expect.objectContaining({ rule: 'frames_mixed', message: expect.stringContaining('cannot be sent with a first frame') })]);
  });

  it('refuses more than fal’s 12 files together, and a file given as the wrong kind', async () => {
    const img = await image('dragonfly-4224x3168.jpg');
    const many = checkReferences(fal, [...Array(9).fill(img), await media('h264.mp4'), await media('h264.mp4'), await media('tone.wav'), await media('tone.mp3')]);
    expect(many.violations.map((v) => v.rule)).toEqual(['too_many_files']);
    const swapped = checkReferences(evolink, [img, asKind('audio', await media('h264.mp4')), asKind('video', await media('tone.wav'))]);
    expect(swapped.items[1]!.violations[0]).toMatchObject({ rule: 'kind', message: 'h264.mp4: it is a video; a reference audio clip must be an audio file (WAV or MP3).' });
    expect(swapped.items[2]!.violations[0]).toMatchObject({ rule: 'kind', fix: 'Add it as a reference audio clip.' });
  });

  it('judges reference images by the image rules, keeping their own picture (no crop notes)', async () => {
    const verdict = checkReferences(evolink, [await image('nuthatch-6028x3391.jpg'), await image('altai-portrait-1080x1920.png')]);
    expect(verdict.items[0]!.violations).toEqual([
      expect.objectContaining({ rule: 'max_side', message: expect.stringMatching(/^nuthatch-6028x3391\.jpg: longer side 6028 px is over the 6000 px limit/), fix: expect.stringMatching(/fixed copy \(3840 × 2160 px\)/) }),
    ]);
    expect(verdict.items[1]).toMatchObject({ ok: true, warnings: [] });
  });

  it('accepts a documented set and refuses one image too many on every catalogue row with reference rules', async () => {
    // Covers the catalogue's own reference rows once they are in (refs-core), beside the test rows above.
    const rows = [...CATALOG.filter((m) => m.references), ...Object.values(REFERENCE_ROWS)];
    const img = await image('sunset-4272x2848.jpg');
    const video = await media('h264.mp4');
    for (const row of rows) {
      const rules = row.references!;
      // EvoLink's video-edit row takes its source clip at 4–30 s (seedance-2.5.md §2.3).
      const file = taskOf({}, row) === 'edit' ? await media('eight.mp4') : video;
      const clip: ResolvedReference = rules.videos.transport === 'public-url' ? { kind: 'video', url: 'https://cdn.example.com/clip.mp4' } : file;
      const good = checkReferences(row, [img, clip, await media('tone.mp3')]);
      expect({ row: row.id, violations: good.violations, items: good.items.flatMap((i) => i.violations) }).toEqual({ row: row.id, violations: [], items: [] });
      const tooMany = checkReferences(row, Array(rules.maxImages + 1).fill(img));
      expect(tooMany.violations.map((v) => v.rule)).toContain('too_many_images');
    }
  });

  it('says a row without reference rules takes none', () => {
    const plain = CATALOG.find((m) => !m.references)!;
    const verdict = checkReferences(plain, [{ kind: 'video', url: 'https://cdn.example.com/a.mp4' }]);
    expect(verdict).toMatchObject({ ok: false, violations: [{ rule: 'model' }] });
    expect(checkReferences(plain, []).ok).toBe(true);
  });
  it('judges a Seedance 2.5 edit or extension by its source clip: there, and 4–30 s (edit) or 2–30 s (extend) (seedance-2.5.md §2.3)', async () => {
    const fal25 = CATALOG.find((m) => m.id === 'fal/bytedance/seedance-2.5/reference-to-video')!;
    const evoEdit = CATALOG.find((m) => m.id === 'evolink/seedance-2.5-video-edit')!;
    const three = await media('h264.mp4');
    const eight = await media('eight.mp4');
    const rules = (c: ReturnType<typeof checkReferences>) => c.violations.map((v) => v.rule);
    const edit3 = checkReferences(fal25, [three], { task: 'edit' });
    expect(rules(edit3)).toEqual(['source_seconds']);
    expect(edit3.violations[0]!.message).toMatch(/lasts 3 s: to edit a clip, .* takes a source of 4–30 s/);
    expect(checkReferences(fal25, [three], { task: 'extend' }).ok).toBe(true);
    expect(checkReferences(fal25, [three], { task: 'reference' }).ok).toBe(true);
    expect(checkReferences(fal25, [eight], { task: 'edit' }).ok).toBe(true);
    // EvoLink's video-edit row is locked to edit: no task given, still judged as one.
    expect(rules(checkReferences(evoEdit, [eight]))).toEqual([]);
    expect(rules(checkReferences(evoEdit, [three]))).toEqual(['source_seconds']);
    expect(rules(checkReferences(evoEdit, [await image('sunset-4272x2848.jpg')]))).toEqual(['source_missing']);
  });
});
