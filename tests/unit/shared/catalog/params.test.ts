import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import { outputSize } from '../../../../src/shared/catalog/output-sizes';
import { estimateCost, outputSizeFor, paramsSchema } from '../../../../src/shared/catalog/params';
import { taskLocks, taskOf } from '../../../../src/shared/catalog/task-type';
import type { JobParams, ModelEntry } from '../../../../src/shared/catalog/types';

function model(id: string): ModelEntry {
  const m = findModel(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

const IMAGE_ID = 'a'.repeat(32);

/** The smallest valid input for a row: a prompt, and a first frame (or a reference image) when the row cannot do text only. */
function minimal(m: ModelEntry): Record<string, unknown> {
  // EvoLink's video-edit / video-extend rows need their source clip (a reference video).
  const source = taskOf({}, m) === 'reference' ? [] : [{ kind: 'video', id: 'b'.repeat(32) }];
  const input = m.modes.includes('text-to-video')
    ? {}
    : m.modes.includes('reference-to-video')
      ? { references: [...source, { kind: 'image', id: IMAGE_ID }] }
      : { firstFrame: 'img-1' };
  return { modelId: m.id, prompt: 'a heron lands on a lake', ...input };
}

function messages(m: ModelEntry, input: Record<string, unknown>): string[] {
  const r = paramsSchema(m).safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('paramsSchema, every row', () => {
  it.each(CATALOG.map((m) => [m.id, m] as const))('%s fills its defaults and rejects out-of-range values', (_id, m) => {
    const parsed = paramsSchema(m).parse(minimal(m));
    const locked = taskLocks(m, parsed);
    for (const p of m.params) {
      if (p.key === 'aspectRatio') continue; // depends on the first frame; checked below
      if (p.key in locked) continue; // a task-locked row (EvoLink video-edit) fills the locked value: task-type.test.ts
      expect(parsed[p.key as keyof JobParams]).toEqual(p.default);
    }
    for (const p of m.params) {
      if (p.kind === 'int') {
        expect(messages(m, { ...minimal(m), [p.key]: p.max + 1 }).length).toBeGreaterThan(0);
        expect(messages(m, { ...minimal(m), [p.key]: p.min - 1 }).length).toBeGreaterThan(0);
        expect(messages(m, { ...minimal(m), [p.key]: p.default + 0.5 }).length).toBeGreaterThan(0);
      }
      if (p.kind === 'enum') expect(messages(m, { ...minimal(m), [p.key]: 'not-an-option' })[0]).toMatch(/must be one of/);
      if (p.kind === 'bool') expect(messages(m, { ...minimal(m), [p.key]: 'yes' }).length).toBeGreaterThan(0);
    }
    expect(messages(m, { ...minimal(m), negative_prompt: 'x' })[0]).toMatch(/negative_prompt/);
    expect(messages(m, { ...minimal(m), modelId: 'someone/else' }).length).toBeGreaterThan(0);
  });
});

describe('paramsSchema, per-model ranges', () => {
  it('Novita V1 takes 5 or 10 seconds only', () => {
    const m = model('novita/seedance-v1-pro-t2v');
    expect(messages(m, { ...minimal(m), duration: 10 })).toEqual([]);
    expect(messages(m, { ...minimal(m), duration: 7 })[0]).toMatch(/5 or 10/);
  });

  it('refuses 1080p where the docs rule it out and accepts it where listed', () => {
    const t2v15 = model('novita/seedance-v1.5-pro-t2v');
    expect(messages(t2v15, { ...minimal(t2v15), resolution: '1080p' })[0]).toMatch(/480p, 720p/);
    const fast = model('fal/bytedance/seedance-2.0/fast/text-to-video');
    expect(messages(fast, { ...minimal(fast), resolution: '1080p' }).length).toBe(1);
    const evo = model('evolink/seedance-2.0-text-to-video');
    expect(messages(evo, { ...minimal(evo), resolution: '1080p' })).toEqual([]);
  });

  it('refuses parameters a model does not have', () => {
    const evo = model('evolink/seedance-2.0-text-to-video');
    expect(messages(evo, { ...minimal(evo), seed: 42 })[0]).toMatch(/no seed parameter/);
    const ark2 = model('ark/dreamina-seedance-2-0-260128');
    expect(messages(ark2, { ...minimal(ark2), cameraFixed: true })[0]).toMatch(/no cameraFixed parameter/);
    const v1 = model('novita/seedance-v1-pro-t2v');
    expect(messages(v1, { ...minimal(v1), generateAudio: false })[0]).toMatch(/no generateAudio/);
  });

  it('keeps the seed range per provider', () => {
    const v1 = model('novita/seedance-v1-pro-t2v');
    expect(messages(v1, { ...minimal(v1), seed: 2147483647 })).toEqual([]);
    expect(messages(v1, { ...minimal(v1), seed: 2147483648 }).length).toBe(1);
    const v15 = model('novita/seedance-v1.5-pro-t2v');
    expect(messages(v15, { ...minimal(v15), seed: 4294967295 })).toEqual([]);
  });

  it('enforces a hard prompt limit but not a recommended one', () => {
    const v1 = model('novita/seedance-v1-pro-t2v');
    expect(messages(v1, { ...minimal(v1), prompt: 'x'.repeat(2000) })).toEqual([]);
    expect(messages(v1, { ...minimal(v1), prompt: 'x'.repeat(2001) })[0]).toMatch(/2000 characters/);
    const v15 = model('novita/seedance-v1.5-pro-t2v');
    expect(messages(v15, { ...minimal(v15), prompt: 'x'.repeat(900) })).toEqual([]);
  });
});

describe('paramsSchema, mode rules', () => {
  it('a text-to-video model refuses images', () => {
    const m = model('fal/bytedance/seedance-2.0/text-to-video');
    expect(messages(m, { ...minimal(m), firstFrame: 'img-1' })[0]).toMatch(/text-to-video only/);
  });

  it('an image-to-video model requires a first frame', () => {
    const m = model('novita/seedance-v1-pro-i2v');
    expect(messages(m, { modelId: m.id, prompt: 'p' })[0]).toMatch(/needs a first frame/);
  });

  it('a last frame needs a first frame, and is taken where first+last is supported', () => {
    const ark = model('ark/seedance-1-5-pro-251215');
    expect(messages(ark, { modelId: ark.id, prompt: 'p', lastFrame: 'img-2' })[0]).toMatch(/needs a first frame too/);
    const parsed = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', firstFrame: 'img-1', lastFrame: 'img-2' });
    expect(parsed).toMatchObject({ firstFrame: 'img-1', lastFrame: 'img-2' });
  });

  it('a required prompt must not be blank; an i2v prompt may be empty', () => {
    const t2v = model('novita/seedance-v1-pro-t2v');
    expect(messages(t2v, { modelId: t2v.id, prompt: '   ' })[0]).toMatch(/needs a prompt/);
    const i2v = model('novita/seedance-v1-pro-i2v');
    expect(paramsSchema(i2v).parse({ modelId: i2v.id, firstFrame: 'img-1' }).prompt).toBe('');
  });

  it('the aspect ratio follows the first frame when the model can, else the row default', () => {
    const ark = model('ark/seedance-1-0-pro-250528');
    expect(paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p' }).aspectRatio).toBe('16:9');
    expect(paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', firstFrame: 'img' }).aspectRatio).toBe('adaptive');
    expect(paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', firstFrame: 'img', aspectRatio: '1:1' }).aspectRatio).toBe('1:1');
    const novitaV1 = model('novita/seedance-v1-pro-i2v'); // no adaptive on V1
    expect(paramsSchema(novitaV1).parse({ modelId: novitaV1.id, firstFrame: 'img' }).aspectRatio).toBe('16:9');
  });
});

describe('outputSizeFor and estimateCost', () => {
  it('uses the size table, and the first frame for adaptive', () => {
    const ark = model('ark/seedance-1-5-pro-251215');
    const p = paramsSchema(ark).parse({ modelId: ark.id, prompt: 'p', firstFrame: 'img', resolution: '720p' });
    expect(outputSizeFor(ark, p, { width: 1080, height: 1920 })).toEqual({ width: 720, height: 1280 });
    expect(outputSizeFor(ark, p)).toBeNull();
    const v1 = model('ark/seedance-1-0-pro-250528');
    const p1 = paramsSchema(v1).parse({ modelId: v1.id, prompt: 'p', resolution: '1080p', aspectRatio: '16:9' });
    expect(outputSizeFor(v1, p1)).toEqual({ width: 1920, height: 1088 });
  });

  it('prices ModelArk 1.0 Pro by the token formula', () => {
    const m = model('ark/seedance-1-0-pro-250528');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'p', resolution: '1080p', aspectRatio: '16:9', duration: 5 });
    // 1920 × 1088 × 24 fps × 5 s / 1024 = 244 800 tokens; × $2.5 per million = $0.612.
    const est = estimateCost(m, p, outputSizeFor(m, p));
    expect(est).toEqual({ usd: expect.closeTo(0.612, 9), asOf: '2026-11', estimate: true });
  });

  it('prices 1.5 Pro lower without audio', () => {
    const m = model('ark/seedance-1-5-pro-251215');
    const base = { modelId: m.id, prompt: 'p', resolution: '720p', aspectRatio: '16:9', duration: 5 };
    // 1280 × 720 × 24 × 5 / 1024 = 108 000 tokens: $2.4/M with audio = 0.2592, $1.2/M silent = 0.1296.
    const withAudio = paramsSchema(m).parse(base);
    const silent = paramsSchema(m).parse({ ...base, generateAudio: false });
    expect(estimateCost(m, withAudio, outputSizeFor(m, withAudio))?.usd).toBeCloseTo(0.2592, 9);
    expect(estimateCost(m, silent, outputSizeFor(m, silent))?.usd).toBeCloseTo(0.1296, 9);
  });

  it('returns null without a published price or an output size', () => {
    const novita = model('novita/seedance-v1-pro-t2v');
    const pn = paramsSchema(novita).parse(minimal(novita));
    expect(estimateCost(novita, pn, outputSizeFor(novita, pn))).toBeNull();
    const fal = model('fal/bytedance/seedance-2.0/text-to-video');
    const p = paramsSchema(fal).parse({ ...minimal(fal), aspectRatio: 'auto' });
    expect(outputSizeFor(fal, p)).toBeNull();
    expect(estimateCost(fal, p, null)).toBeNull();
  });

  it('knows the 4k sizes of Seedance 2.0 standard and the 854×480 of 2.5 (providers.md "Output sizes"; seedance-2.5.md §2.5)', () => {
    const fal4k = model('fal/bytedance/seedance-2.0/text-to-video');
    const p4k = paramsSchema(fal4k).parse({ ...minimal(fal4k), resolution: '4k', aspectRatio: '16:9' });
    expect(outputSizeFor(fal4k, p4k)).toEqual({ width: 3840, height: 2160 });
    expect(outputSize('seedance-1.5+', '4k', '21:9')).toEqual({ width: 4398, height: 1886 });
    expect(outputSize('seedance-2.5', '480p', '16:9')).toEqual({ width: 854, height: 480 });
    expect(outputSize('seedance-1.5+', '480p', '16:9')).toEqual({ width: 864, height: 496 });
    expect(outputSize('seedance-2.5', '4k', '16:9')).toBeNull();
  });

  it('supports the per-second cost model', () => {
    const m: ModelEntry = { ...model('evolink/seedance-2.0-text-to-video'), cost: { kind: 'per-second', usdPerSecond: { '720p': 0.2 }, asOf: '2026-11' } };
    const p = paramsSchema(m).parse({ ...minimal(m), duration: 8 });
    expect(estimateCost(m, p, null)?.usd).toBeCloseTo(1.6, 9);
    expect(estimateCost(m, { ...p, resolution: '480p' }, null)).toBeNull();
  });
});
