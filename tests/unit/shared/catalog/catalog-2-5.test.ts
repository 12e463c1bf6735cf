import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import NOTES_EN from '../../../../src/shared/catalog/notes/en.json';
import { estimateCost, outputSizeFor, paramsSchema } from '../../../../src/shared/catalog/params';
import { offersTaskChoice, taskLocks, taskOf } from '../../../../src/shared/catalog/task-type';
import type { ModelEntry } from '../../../../src/shared/catalog/types';

// The Seedance 2.5 rows against seedance-2.5.md (§1 ids, §2.1/§3/§4 fields, §2.4 limits, §2.7/§3 prices).

function model(id: string): ModelEntry {
  const m = findModel(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}
const spec = (id: string, key: string) => model(id).params.find((p) => p.key === key);
const ROWS_25 = CATALOG.filter((m) => m.sizeFamily === 'seedance-2.5');
const VIDEO_ID = 'b'.repeat(32);

describe('Seedance 2.5 rows', () => {
  it('exist on ModelArk, fal and EvoLink with the documented ids, all active with a source', () => {
    expect(ROWS_25.map((m) => m.id).sort()).toEqual(
      [
        'ark/dreamina-seedance-2-5-260628',
        'fal/bytedance/seedance-2.5/text-to-video',
        'fal/bytedance/seedance-2.5/image-to-video',
        'fal/bytedance/seedance-2.5/reference-to-video',
        'evolink/seedance-2.5-text-to-video',
        'evolink/seedance-2.5-image-to-video',
        'evolink/seedance-2.5-reference-to-video',
        'evolink/seedance-2.5-video-edit',
        'evolink/seedance-2.5-video-extend',
      ].sort(),
    );
    for (const m of ROWS_25) expect(m.status).toMatchObject({ state: 'active', source: expect.stringContaining('seedance-2.5.md') });
  });

  it.each(ROWS_25.map((m) => [m.id, m] as const))('%s: 4–30 s or Auto, 480p–1080p', (_id, m) => {
    expect(m.params.find((p) => p.key === 'duration')).toMatchObject({ min: 4, max: 30, auto: true });
    expect(m.params.find((p) => p.key === 'resolution')).toMatchObject({ options: ['480p', '720p', '1080p'], default: '720p' });
  });

  it('offers the task types where documented: ModelArk and fal choose, EvoLink is locked by id', () => {
    expect(model('ark/dreamina-seedance-2-5-260628').tasks).toEqual(['reference', 'edit', 'extend']);
    expect(model('fal/bytedance/seedance-2.5/reference-to-video').tasks).toEqual(['reference', 'edit', 'extend']);
    expect(offersTaskChoice(model('fal/bytedance/seedance-2.5/reference-to-video'))).toBe(true);
    const edit = model('evolink/seedance-2.5-video-edit');
    expect(offersTaskChoice(edit)).toBe(false);
    expect(taskOf({}, edit)).toBe('edit');
    expect(taskOf({}, model('evolink/seedance-2.5-video-extend'))).toBe('extend');
    expect(taskLocks(edit, {})).toEqual({ aspectRatio: 'adaptive', duration: -1 });
    // EvoLink image-to-video, edit and extend take adaptive only (§4).
    for (const id of ['evolink/seedance-2.5-image-to-video', 'evolink/seedance-2.5-video-edit', 'evolink/seedance-2.5-video-extend']) {
      expect(spec(id, 'aspectRatio')).toMatchObject({ options: ['adaptive'] });
    }
    expect(spec('evolink/seedance-2.5-text-to-video', 'seed')).toBeUndefined();
    expect(spec('ark/dreamina-seedance-2-5-260628', 'serviceTier')).toBeUndefined(); // flex is rejected on 2.5
  });

  it('takes 30 images, 10 videos and 10 audio clips, audio alone allowed (§2.4)', () => {
    for (const m of ROWS_25.filter((r) => r.references)) {
      expect(m.references).toMatchObject({ maxImages: 30, videos: { max: 10 }, audios: { max: 10 }, audioNeedsVisual: false, excludesFrames: true });
    }
    const fal = model('fal/bytedance/seedance-2.5/reference-to-video');
    const audioOnly = paramsSchema(fal).safeParse({ modelId: fal.id, prompt: 'dance to @audio1', references: [{ kind: 'audio', id: 'c'.repeat(32) }] });
    expect(audioOnly.success).toBe(true);
    const tooMany = paramsSchema(fal).safeParse({
      modelId: fal.id,
      prompt: 'p',
      references: Array.from({ length: 11 }, () => ({ kind: 'video', id: VIDEO_ID })),
    });
    expect(tooMany.success).toBe(false);
  });

  it('sizes 480p 16:9 at 854×480 (§2.5)', () => {
    const m = model('fal/bytedance/seedance-2.5/text-to-video');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'p', resolution: '480p', aspectRatio: '16:9' });
    expect(outputSizeFor(m, p)).toEqual({ width: 854, height: 480 });
  });

  it('prices ModelArk per token, lower with a video input; fal per token, ×0.6 with video (§2.7, §3)', () => {
    const ark = model('ark/dreamina-seedance-2-5-260628');
    const text = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', resolution: '720p', aspectRatio: '16:9', duration: 5 });
    // 1280 × 720 × 24 × 5 / 1024 = 108,000 tokens × $10.7/M.
    expect(estimateCost(ark, text, outputSizeFor(ark, text))?.usd).toBeCloseTo(1.1556, 6);
    const hd = { ...text, resolution: '1080p' as const };
    // 1920 × 1080 × 24 × 5 / 1024 = 243,000 tokens × $11.7/M.
    expect(estimateCost(ark, hd, outputSizeFor(ark, hd))?.usd).toBeCloseTo(2.8431, 6);
    const withVideo = { ...text, references: [{ kind: 'video' as const, url: 'https://example.com/a.mp4' }] };
    // (5 + 3 input seconds) × 1280 × 720 × 24 / 1024 = 172,800 tokens × $6.4/M.
    expect(estimateCost(ark, withVideo, outputSizeFor(ark, withVideo), { videoSeconds: 3 })?.usd).toBeCloseTo(1.10592, 6);
    expect(estimateCost(ark, withVideo, outputSizeFor(ark, withVideo))).toBeNull(); // input seconds unknown

    const fal = model('fal/bytedance/seedance-2.5/reference-to-video');
    const fp = paramsSchema(fal).parse({ modelId: fal.id, prompt: 'p', resolution: '1080p', aspectRatio: '16:9', duration: 4, references: [{ kind: 'video', id: VIDEO_ID }] });
    // (4 + 2) × 1920 × 1080 × 24 / 1024 = 291,600 tokens × $23.40/M × 0.6.
    expect(estimateCost(fal, fp, outputSizeFor(fal, fp), { videoSeconds: 2 })?.usd).toBeCloseTo(4.094064, 6);
    expect(fal.notes.map((n) => NOTES_EN[n]).join(' ')).toMatch(/US endpoints .* 20 %/);
  });
});
