import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import { estimateCost, outputSizeFor, paramsSchema } from '../../../../src/shared/catalog/params';
import type { JobParams, ModelEntry, ReferenceItem } from '../../../../src/shared/catalog/types';

// Reference-to-video rows and their rules (providers.md "Seedance 2.0 reference-to-video").

function model(id: string): ModelEntry {
  const m = findModel(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

const id = (n: number) => n.toString(16).padStart(32, '0');
const image = (n: number): ReferenceItem => ({ kind: 'image', id: id(n) });
const video = (n: number): ReferenceItem => ({ kind: 'video', id: id(100 + n) });
const videoUrl = (n: number): ReferenceItem => ({ kind: 'video', url: `https://cdn.example.com/clip-${n}.mp4` });
const audio = (n: number): ReferenceItem => ({ kind: 'audio', id: id(200 + n) });
const many = (n: number, make: (i: number) => ReferenceItem) => Array.from({ length: n }, (_, i) => make(i));

function messages(m: ModelEntry, input: Record<string, unknown>): string[] {
  const r = paramsSchema(m).safeParse({ modelId: m.id, prompt: 'Make @image1 dance to @audio1', ...input });
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

const REFERENCE_ONLY = [
  'evolink/seedance-2.0-reference-to-video',
  'evolink/seedance-2.0-fast-reference-to-video',
  'evolink/seedance-2.0-mini-reference-to-video',
  'fal/bytedance/seedance-2.0/reference-to-video',
  'fal/bytedance/seedance-2.0/fast/reference-to-video',
  'fal/bytedance/seedance-2.0/mini/reference-to-video',
];
const ARK_REFERENCE = ['ark/dreamina-seedance-2-0-260128', 'ark/dreamina-seedance-2-0-fast-260128'];

describe('reference-to-video rows', () => {
  it('exist on EvoLink and fal (standard, fast, mini) and ModelArk 2.0 (standard, fast), each with reference rules', () => {
    // Seedance 2.5's reference rows: catalog-2-5.test.ts.
    const rows = CATALOG.filter((m) => m.modes.includes('reference-to-video') && m.sizeFamily !== 'seedance-2.5').map((m) => m.id);
    expect(rows.sort()).toEqual([...REFERENCE_ONLY, ...ARK_REFERENCE].sort());
    for (const m of CATALOG) expect(m.references !== undefined).toBe(m.modes.includes('reference-to-video'));
    for (const rid of REFERENCE_ONLY) expect(model(rid).modes).toEqual(['reference-to-video']);
  });

  it('carry each provider\'s documented limits and transports', () => {
    const evo = model('evolink/seedance-2.0-reference-to-video').references!;
    expect(evo).toMatchObject({ maxImages: 9, imageTransport: 'upload', audioNeedsVisual: true, excludesFrames: true });
    expect(evo.maxFiles).toBeUndefined();
    expect(evo.videos).toMatchObject({ max: 3, minSeconds: 2, maxSeconds: 15, totalMaxSeconds: 15, minPixels: 409_600, maxPixels: 2_086_876, maxBytes: 50 * 2 ** 20, minFps: 24, maxFps: 60, transport: 'upload' });
    expect(evo.audios).toMatchObject({ max: 3, formats: ['wav', 'mp3'], maxBytes: 15 * 2 ** 20, totalMaxSeconds: 15 });
    const fal = model('fal/bytedance/seedance-2.0/reference-to-video').references!;
    expect(fal).toMatchObject({ maxImages: 9, maxFiles: 12, imageTransport: 'upload' });
    expect(fal.videos).toMatchObject({ max: 3, totalMinSeconds: 2, totalMaxSeconds: 15, totalMaxBytes: 50 * 2 ** 20, maxPixels: 927_408, transport: 'upload' });
    const ark = model('ark/dreamina-seedance-2-0-260128').references!;
    expect(ark).toMatchObject({ imageTransport: 'inline', excludesFrames: true });
    expect(ark.videos).toMatchObject({ transport: 'public-url', codecs: ['h264', 'hevc'], minPixels: 407_696, maxPixels: 8_295_044, maxBytes: 200 * 2 ** 20 });
    expect(ark.audios.transport).toBe('inline');
    for (const m of CATALOG.filter((e) => e.references)) {
      expect(m.references!.source).toMatch(m.sizeFamily === 'seedance-2.5' ? /seedance-2\.5\.md §/ : /providers\.md: Seedance 2\.0 reference-to-video/);
      expect(m.imageRules).not.toBeNull();
    }
  });

  it('offer the documented resolutions and no seed', () => {
    const res = (rid: string) => model(rid).params.find((p) => p.key === 'resolution');
    expect(res('evolink/seedance-2.0-reference-to-video')).toMatchObject({ options: ['480p', '720p', '1080p', '4k'], default: '720p' });
    expect(res('evolink/seedance-2.0-mini-reference-to-video')).toMatchObject({ options: ['480p', '720p'] });
    expect(res('fal/bytedance/seedance-2.0/reference-to-video')).toMatchObject({ options: ['480p', '720p', '1080p', '4k'] });
    expect(res('fal/bytedance/seedance-2.0/fast/reference-to-video')).toMatchObject({ options: ['480p', '720p'] });
    expect(res('ark/dreamina-seedance-2-0-fast-260128')).toMatchObject({ options: ['480p', '720p'] });
    for (const rid of [...REFERENCE_ONLY, ...ARK_REFERENCE]) expect(model(rid).params.some((p) => p.key === 'seed')).toBe(false);
  });
});

describe('paramsSchema reference rules', () => {
  const evo = model('evolink/seedance-2.0-reference-to-video');
  const fal = model('fal/bytedance/seedance-2.0/reference-to-video');
  const ark = model('ark/dreamina-seedance-2-0-260128');

  it('accepts 2 images + 1 video + 1 audio on every reference row (ModelArk: the video by URL)', () => {
    for (const m of [evo, fal, model('fal/bytedance/seedance-2.0/mini/reference-to-video')]) {
      expect(messages(m, { references: [image(1), image(2), video(1), audio(1)] })).toEqual([]);
    }
    expect(messages(ark, { references: [image(1), image(2), videoUrl(1), audio(1)] })).toEqual([]);
    const parsed = paramsSchema(evo).parse({ modelId: evo.id, prompt: 'x', references: [image(1), video(1)] });
    expect(parsed.references).toEqual([image(1), video(1)]);
    expect(parsed.aspectRatio).toBe('adaptive');
  });

  it('a reference-only row needs an image or a video; ModelArk (which does text too) does not', () => {
    expect(messages(evo, {})).toEqual([expect.stringMatching(/needs at least one reference image or video/)]);
    expect(messages(fal, { references: [] })).toEqual([expect.stringMatching(/needs at least one reference image or video/)]);
    expect(messages(ark, {})).toEqual([]);
  });

  it('refuses audio alone', () => {
    for (const m of [evo, fal, ark]) expect(messages(m, { references: [audio(1)] })).toContainEqual(expect.stringMatching(/audio only together with a reference image or video/));
  });

  it('refuses too many of a kind, and more than 12 files in all on fal', () => {
    expect(messages(evo, { references: many(10, image) })).toEqual([expect.stringMatching(/at most 9 images; this job has 10/)]);
    expect(messages(evo, { references: [image(1), ...many(4, video)] })).toEqual([expect.stringMatching(/at most 3 videos; this job has 4/)]);
    expect(messages(evo, { references: [image(1), ...many(4, audio)] })).toEqual([expect.stringMatching(/at most 3 audio clips/)]);
    // 9 + 3 + 3 = 15 files: fine on EvoLink (no overall limit documented), too many on fal (12).
    const fifteen = [...many(9, image), ...many(3, video), ...many(3, audio)];
    expect(messages(evo, { references: fifteen })).toEqual([]);
    expect(messages(fal, { references: fifteen })).toEqual([expect.stringMatching(/at most 12 reference files in all; this job has 15/)]);
  });

  it('refuses first/last frames mixed with references, and frames on reference-only rows', () => {
    expect(messages(ark, { firstFrame: 'img-1', references: [image(1)] })).toEqual([expect.stringMatching(/cannot mix a first or last frame with reference media/)]);
    expect(messages(ark, { firstFrame: 'img-1' })).toEqual([]);
    expect(messages(evo, { firstFrame: 'img-1', references: [image(1)] })).toContainEqual(expect.stringMatching(/takes reference media, not a first or last frame/));
  });

  it('refuses references on rows without the mode', () => {
    for (const rid of ['evolink/seedance-2.0-image-to-video', 'fal/bytedance/seedance-2.0/text-to-video', 'ark/seedance-1-5-pro-251215', 'novita/seedance-v1-pro-t2v']) {
      const m = model(rid);
      const base = m.modes.includes('text-to-video') ? {} : { firstFrame: 'img-1' };
      expect(messages(m, { ...base, references: [image(1)] })).toContainEqual(expect.stringMatching(/takes no reference media/));
    }
  });

  it('takes a video URL only for videos, and on ModelArk only a URL for videos', () => {
    expect(messages(fal, { references: [image(1), videoUrl(1)] })).toEqual([]);
    expect(messages(fal, { references: [{ kind: 'image', url: 'https://cdn.example.com/a.jpg' }] })).toEqual([expect.stringMatching(/only reference videos may be given by URL/)]);
    expect(messages(ark, { references: [video(1)] })).toEqual([expect.stringMatching(/only by public URL/)]);
    expect(messages(ark, { references: [{ kind: 'video', url: 'http://insecure.example.com/a.mp4' }] })).toEqual([expect.stringMatching(/https/)]);
  });
});

describe('estimateCost for reference jobs', () => {
  const fal = model('fal/bytedance/seedance-2.0/reference-to-video');
  const base = (refs: ReferenceItem[]): JobParams => paramsSchema(fal).parse({ modelId: fal.id, prompt: 'x', resolution: '720p', aspectRatio: '16:9', duration: 5, references: refs });

  it('fal: images only cost as text-to-video; videos add their seconds and take the ×0.6 price', () => {
    const p = base([image(1)]);
    const size = outputSizeFor(fal, p)!;
    expect(size).toEqual({ width: 1280, height: 720 });
    // 1280 × 720 × 24 × 5 / 1024 = 108,000 tokens × $14 / M.
    expect(estimateCost(fal, p, size)?.usd).toBeCloseTo(1.512, 9);
    const withVideo = base([image(1), video(1)]);
    // (5 + 4) s → 194,400 tokens × $14 × 0.6 / M.
    expect(estimateCost(fal, withVideo, size, { videoSeconds: 4 })?.usd).toBeCloseTo(1.63296, 9);
    // Unknown video seconds: no estimate rather than a low one.
    expect(estimateCost(fal, withVideo, size)).toBeNull();
  });

  it('rows without a published price give none', () => {
    const evo = model('evolink/seedance-2.0-reference-to-video');
    const p = paramsSchema(evo).parse({ modelId: evo.id, prompt: 'x', aspectRatio: '16:9', references: [image(1)] });
    expect(estimateCost(evo, p, outputSizeFor(evo, p), { videoSeconds: 0 })).toBeNull();
  });
});
