import { describe, expect, it } from 'vitest';
import { effectiveAspectRatio } from '../../../../src/shared/library/aspect';
import { LibraryQuery } from '../../../../src/shared/library/query';
import { ClipSidecar, normalizeTags } from '../../../../src/shared/library/sidecar';
import { searchTerms } from '../../../../src/shared/library/terms';

const valid = {
  schemaVersion: 1,
  id: 'abcd1234ef',
  createdAt: 1_735_732_800_000,
  prompt: 'A dragonfly lands on a reed',
  provider: 'ark',
  modelId: 'ark/seedance-1-5-pro-251215',
  mode: 'first-last-frame',
  parameters: { resolution: '720p', aspectRatio: 'adaptive', duration: 5, seed: 11, cameraFixed: false },
  seed: 11,
  output: { width: 1280, height: 720, durationSec: 5.04, codec: 'h264' },
  providerTaskId: 'cgt-20250101-abc',
  timings: { queuedAt: 1, submittedAt: 2, completedAt: 3, downloadedAt: 4 },
  cost: { estimate: { usd: 0.31, asOf: '2025-12-01' }, usage: { tokens: 108_900 } },
  inputs: [
    { role: 'first', file: 'inputs/first.jpg', sha256: 'a'.repeat(64), bytes: 1000, width: 1248, height: 704 },
    { role: 'last', file: 'inputs/last.png', sha256: 'b'.repeat(64), bytes: 2000, width: 1248, height: 704 },
  ],
  video: { sha256: 'c'.repeat(64), bytes: 123_456 },
  appVersion: '0.1.0',
  continuedFrom: 'zzzz9999yy',
  rating: 4,
  tags: ['nature'],
};

describe('ClipSidecar', () => {
  it('accepts a complete v1 sidecar and keeps every field', () => {
    const parsed = ClipSidecar.parse(valid);
    expect(parsed.inputs.map((i) => i.file)).toEqual(['inputs/first.jpg', 'inputs/last.png']);
    expect(parsed.timings.processingStartedAt).toBeUndefined();
    expect(parsed.parameters.cameraFixed).toBe(false);
    expect(parsed.continuedFrom).toBe('zzzz9999yy');
  });

  it('rejects another schema version, so a newer file is skipped rather than rewritten', () => {
    expect(ClipSidecar.safeParse({ ...valid, schemaVersion: 2 }).success).toBe(false);
  });

  it('rejects input paths that leave the clip folder or use another name', () => {
    for (const file of ['../other/clip.mp4', 'inputs/../../etc/passwd', '/etc/passwd', 'inputs/first.exe', 'inputs/middle.jpg']) {
      const bad = { ...valid, inputs: [{ ...valid.inputs[0], file }] };
      expect(ClipSidecar.safeParse(bad).success, file).toBe(false);
    }
  });

  it('rejects a rating outside 0–5, a malformed hash, a bad id and a negative time', () => {
    expect(ClipSidecar.safeParse({ ...valid, rating: 6 }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...valid, rating: 2.5 }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...valid, video: { sha256: 'XYZ', bytes: 1 } }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...valid, id: 'Has/Slash' }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...valid, timings: { ...valid.timings, queuedAt: -1 } }).success).toBe(false);
  });

  it('needs the fields that make a clip reproducible', () => {
    for (const key of ['prompt', 'provider', 'modelId', 'parameters', 'seed', 'providerTaskId', 'video', 'timings', 'cost']) {
      const copy: Record<string, unknown> = { ...valid };
      delete copy[key];
      expect(ClipSidecar.safeParse(copy).success, key).toBe(false);
    }
  });
});

describe('normalizeTags', () => {
  it('trims, collapses spaces, drops empties and case-insensitive duplicates, keeping the first spelling', () => {
    expect(normalizeTags(['  Hero   shot ', 'hero shot', '', '   ', 'B-roll', 'b-ROLL', 'x'])).toEqual(['Hero shot', 'B-roll', 'x']);
  });
  it('caps tags at 40 characters and 32 tags', () => {
    const out = normalizeTags(Array.from({ length: 50 }, (_, i) => `tag-${i}-${'y'.repeat(60)}`));
    expect(out).toHaveLength(32);
    expect(Math.max(...out.map((t) => t.length))).toBe(40);
  });
});

describe('searchTerms', () => {
  it('lowercases, folds accents and splits on anything that is not a letter or digit', () => {
    expect(searchTerms('Café-Crème, 4K drone_shot!')).toEqual(['cafe', 'creme', '4k', 'drone', 'shot']);
  });
  it('keeps words in non-Latin scripts', () => {
    expect(searchTerms('東京 の 夜景 night')).toEqual(['東京', 'の', '夜景', 'night']);
  });
});

describe('effectiveAspectRatio', () => {
  it('is the requested ratio when it was fixed', () => {
    expect(effectiveAspectRatio({ parameters: { ...valid.parameters, aspectRatio: '21:9' } as never, output: valid.output })).toBe('21:9');
  });
  it('follows the output size for adaptive and auto clips', () => {
    const p = (aspectRatio: string) => ({ ...valid.parameters, aspectRatio }) as never;
    expect(effectiveAspectRatio({ parameters: p('adaptive'), output: { width: 1280, height: 720, durationSec: 5 } })).toBe('16:9');
    expect(effectiveAspectRatio({ parameters: p('auto'), output: { width: 496, height: 864, durationSec: 5 } })).toBe('9:16');
    expect(effectiveAspectRatio({ parameters: p('adaptive'), output: { width: 834, height: 1112, durationSec: 5 } })).toBe('3:4');
  });
});

describe('LibraryQuery', () => {
  it('fills defaults: newest first, first 100', () => {
    expect(LibraryQuery.parse({})).toEqual({ query: '', filters: {}, sort: { by: 'date', dir: 'desc' }, offset: 0, limit: 100 });
  });
  it('refuses unknown filter keys and a limit above 500', () => {
    expect(LibraryQuery.safeParse({ filters: { colour: 'red' } }).success).toBe(false);
    expect(LibraryQuery.safeParse({ limit: 501 }).success).toBe(false);
  });
});
