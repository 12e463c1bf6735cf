import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import NOTES_EN from '../../../../src/shared/catalog/notes/en.json';
import { ModelEntry, type ParamSpec } from '../../../../src/shared/catalog/types';

const EXPECTED_IDS = [
  'novita/seedance-v1-pro-t2v',
  'novita/seedance-v1-pro-i2v',
  'novita/seedance-v1.5-pro-i2v',
  'novita/seedance-v1.5-pro-t2v',
  'novita/seedance-v1-lite-i2v',
  'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video',
  'fal/fal-ai/bytedance/seedance/v1/pro/image-to-video',
  'fal/fal-ai/bytedance/seedance/v1/pro/fast/text-to-video',
  'fal/fal-ai/bytedance/seedance/v1/pro/fast/image-to-video',
  'fal/fal-ai/bytedance/seedance/v1.5/pro/text-to-video',
  'fal/fal-ai/bytedance/seedance/v1.5/pro/image-to-video',
  'fal/bytedance/seedance-2.0/text-to-video',
  'fal/bytedance/seedance-2.0/image-to-video',
  'fal/bytedance/seedance-2.0/fast/text-to-video',
  'fal/bytedance/seedance-2.0/fast/image-to-video',
  'fal/bytedance/seedance-2.0/mini/text-to-video',
  'fal/bytedance/seedance-2.0/mini/image-to-video',
  'fal/bytedance/seedance-2.0/reference-to-video',
  'fal/bytedance/seedance-2.0/fast/reference-to-video',
  'fal/bytedance/seedance-2.0/mini/reference-to-video',
  'fal/bytedance/seedance-2.5/text-to-video',
  'fal/bytedance/seedance-2.5/image-to-video',
  'fal/bytedance/seedance-2.5/reference-to-video',
  'evolink/seedance-2.0-text-to-video',
  'evolink/seedance-2.0-image-to-video',
  'evolink/seedance-2.0-fast-text-to-video',
  'evolink/seedance-2.0-fast-image-to-video',
  'evolink/seedance-2.0-mini-text-to-video',
  'evolink/seedance-2.0-mini-image-to-video',
  'evolink/seedance-2.0-reference-to-video',
  'evolink/seedance-2.0-fast-reference-to-video',
  'evolink/seedance-2.0-mini-reference-to-video',
  'evolink/seedance-2.5-text-to-video',
  'evolink/seedance-2.5-image-to-video',
  'evolink/seedance-2.5-reference-to-video',
  'evolink/seedance-2.5-video-edit',
  'evolink/seedance-2.5-video-extend',
  'ark/seedance-1-0-pro-250528',
  'ark/seedance-1-0-pro-fast-251015',
  'ark/seedance-1-0-lite-t2v-250428',
  'ark/seedance-1-5-pro-251215',
  'ark/dreamina-seedance-2-0-260128',
  'ark/dreamina-seedance-2-0-fast-260128',
  'ark/dreamina-seedance-2-5-260628',
];

const spec = (id: string, key: ParamSpec['key']) => findModel(id)?.params.find((p) => p.key === key);

describe('CATALOG', () => {
  it('holds exactly the rows of the brief and issues 13 and 15, ids `<provider>/<model>`', () => {
    expect(CATALOG.map((m) => m.id)).toEqual(EXPECTED_IDS);
    for (const m of CATALOG) expect(m.id).toBe(`${m.provider}/${m.model}`);
  });

  it.each(CATALOG.map((m) => [m.id, m] as const))('%s parses with ModelEntry and is self-consistent', (_id, m) => {
    expect(ModelEntry.parse(m)).toEqual(m);
    const keys = m.params.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of ['resolution', 'aspectRatio', 'duration'] as const) expect(keys).toContain(k);
    for (const p of m.params) {
      if (p.kind === 'enum') {
        expect(p.options).toContain(p.default);
        for (const u of p.unconfirmed ?? []) expect(p.options).toContain(u);
      }
      if (p.kind === 'int') {
        expect(p.default).toBeGreaterThanOrEqual(p.min);
        expect(p.default).toBeLessThanOrEqual(p.max);
        if (p.values) expect(p.values).toContain(p.default);
      }
    }
    const takesImages = m.modes.some((x) => x !== 'text-to-video');
    expect(m.imageRules !== null).toBe(takesImages);
    if (m.imageRules) expect(m.imageRules.source.length).toBeGreaterThan(0);
  });

  it('has the issue 13 §2 rows as documented: Mini, 1.0 Pro Fast, 1.0 Lite t2v; fal v1 Pro i2v without a last frame; prompts required on fal i2v and Novita 1.5 i2v', () => {
    const modes = (id: string) => findModel(id)?.modes;
    expect(modes('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video')).toEqual(['image-to-video']);
    expect(spec('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video', 'resolution')).toMatchObject({ default: '720p' });
    expect(modes('fal/fal-ai/bytedance/seedance/v1/pro/fast/image-to-video')).toEqual(['image-to-video']);
    expect(spec('fal/fal-ai/bytedance/seedance/v1/pro/fast/image-to-video', 'resolution')).toMatchObject({ default: '1080p' });
    expect(modes('ark/seedance-1-0-pro-fast-251015')).toEqual(['text-to-video', 'image-to-video']);
    expect(modes('ark/seedance-1-0-lite-t2v-250428')).toEqual(['text-to-video']);
    for (const id of ['fal/bytedance/seedance-2.0/mini/text-to-video', 'fal/bytedance/seedance-2.0/mini/image-to-video', 'evolink/seedance-2.0-mini-text-to-video', 'evolink/seedance-2.0-mini-image-to-video']) {
      expect(spec(id, 'resolution')).toMatchObject({ options: ['480p', '720p'], default: '720p' });
      expect(spec(id, 'seed')).toBeUndefined();
    }
    for (const m of CATALOG.filter((e) => e.provider === 'fal' && e.modes.includes('image-to-video'))) expect(m.prompt.required, m.id).toBe(true);
    expect(findModel('novita/seedance-v1.5-pro-i2v')?.prompt.required).toBe(true);
  });

  it('uses the documented per-provider values from providers.md', () => {
    expect(spec('novita/seedance-v1-pro-t2v', 'duration')).toMatchObject({ values: [5, 10], default: 5 });
    expect(spec('novita/seedance-v1-pro-i2v', 'aspectRatio')).toMatchObject({ options: expect.arrayContaining(['9:21']) });
    expect(spec('novita/seedance-v1.5-pro-t2v', 'resolution')).toMatchObject({ options: ['480p', '720p'] });
    expect(spec('novita/seedance-v1.5-pro-i2v', 'seed')).toMatchObject({ min: -1, max: 4294967295 });
    expect(spec('fal/fal-ai/bytedance/seedance/v1/pro/text-to-video', 'resolution')).toMatchObject({ default: '1080p' });
    expect(spec('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video', 'aspectRatio')).toMatchObject({ default: 'auto' });
    expect(spec('fal/bytedance/seedance-2.0/text-to-video', 'resolution')).toMatchObject({ options: ['480p', '720p', '1080p', '4k'] });
    expect(spec('fal/bytedance/seedance-2.0/fast/image-to-video', 'resolution')).toMatchObject({ options: ['480p', '720p'] });
    expect(spec('evolink/seedance-2.0-text-to-video', 'resolution')).toEqual(expect.objectContaining({ options: ['480p', '720p', '1080p', '4k'], default: '720p' }));
    expect(spec('evolink/seedance-2.0-text-to-video', 'resolution')).not.toHaveProperty('unconfirmed');
    expect(spec('evolink/seedance-2.0-fast-text-to-video', 'resolution')).toMatchObject({ options: ['480p', '720p'] });
    expect(spec('evolink/seedance-2.0-text-to-video', 'aspectRatio')).toMatchObject({ default: 'adaptive' });
    expect(spec('evolink/seedance-2.0-text-to-video', 'seed')).toBeUndefined();
    for (const id of ['fal/bytedance/seedance-2.0/text-to-video', 'fal/bytedance/seedance-2.0/image-to-video', 'fal/bytedance/seedance-2.0/fast/image-to-video']) {
      expect(spec(id, 'seed')).toBeUndefined();
      expect(findModel(id)?.notes.map((n) => NOTES_EN[n]).join(' ')).toMatch(/No seed/);
    }
    expect(spec('ark/seedance-1-0-pro-250528', 'duration')).toMatchObject({ min: 2, max: 12 });
    expect(spec('ark/dreamina-seedance-2-0-260128', 'duration')).toMatchObject({ min: 4, max: 15 });
    expect(spec('ark/dreamina-seedance-2-0-260128', 'seed')).toBeUndefined();
    expect(spec('ark/dreamina-seedance-2-0-260128', 'cameraFixed')).toBeUndefined();
    expect(spec('ark/seedance-1-0-pro-250528', 'generateAudio')).toBeUndefined();
    expect(findModel('ark/seedance-1-5-pro-251215')?.modes).toEqual(['text-to-video', 'image-to-video', 'first-last-frame']);
  });

  it('marks unconfirmed points in notes', () => {
    expect(findModel('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video')?.notes.map((n) => NOTES_EN[n]).join(' ')).toMatch(/end_image_url/);
  });

  it('findModel returns undefined for an unknown id', () => {
    expect(findModel('novita/seedance-v9')).toBeUndefined();
  });
});
