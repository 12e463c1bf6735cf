import { describe, expect, it } from 'vitest';
import { effectiveAspectRatio } from '../../../../src/shared/library/aspect';
import { LibraryQuery } from '../../../../src/shared/library/query';
import { ClipSidecar, normalizeTags, readSidecar } from '../../../../src/shared/library/sidecar';
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

const PHOTO = 'd'.repeat(64);
const SENT = 'e'.repeat(64);
const CLIP = '1'.repeat(64);

/** The same clip as written by schema v2: the original in the library's store, the sent copy beside it, and references with tags. */
const v2 = {
  ...valid,
  schemaVersion: 2,
  mode: 'reference-to-video',
  inputs: [
    {
      role: 'first',
      kind: 'image',
      name: 'dragonfly-4224x3168.jpg',
      original: { file: `.inputs/dd/${PHOTO}.jpg`, sha256: PHOTO, bytes: 5_000_000, mime: 'image/jpeg', width: 4224, height: 3168 },
      sent: { file: `.inputs/ee/${SENT}.jpg`, sha256: SENT, bytes: 90_000, mime: 'image/jpeg', width: 864, height: 496 },
      crop: { left: 0, top: 100, width: 4224, height: 2376 },
    },
    { role: 'reference', kind: 'video', tag: '@video1', name: 'waves.mp4', original: { file: `.inputs/11/${CLIP}.mp4`, sha256: CLIP, bytes: 1_000, durationSec: 4 } },
    { role: 'reference', kind: 'video', tag: '@video2', url: 'https://example.com/ref.mp4' },
  ],
};

describe('ClipSidecar (v2)', () => {
  it('accepts a complete v2 sidecar and keeps every field', () => {
    const read = readSidecar(v2);
    expect(read).toMatchObject({ ok: true, version: 2 });
    if (!read.ok) return;
    expect(read.sidecar.inputs.map((i) => i.tag ?? i.role)).toEqual(['first', '@video1', '@video2']);
    expect(read.sidecar.inputs[0]?.original?.width).toBe(4224);
    expect(read.sidecar.inputs[0]?.crop).toEqual({ left: 0, top: 100, width: 4224, height: 2376 });
    expect(read.sidecar.timings.processingStartedAt).toBeUndefined();
    expect(read.sidecar.continuedFrom).toBe('zzzz9999yy');
  });

  it('skips an unknown (newer) schema version rather than reading it as one it knows', () => {
    for (const schemaVersion of [3, 0, '2', undefined]) {
      expect(readSidecar({ ...v2, schemaVersion }).ok, String(schemaVersion)).toBe(false);
    }
  });

  it('rejects stored paths that leave the library, or do not name the file\'s own hash', () => {
    const bad = [
      '../other/clip.mp4',
      '.inputs/../../etc/passwd',
      `/etc/${PHOTO}.jpg`,
      `.inputs/dd/../${PHOTO}.jpg`,
      `.inputs/ee/${PHOTO}.jpg`, // bucket is not the hash's prefix
      `.inputs/dd/${SENT}.jpg`, // name is another file's hash
      `.inputs/dd/${PHOTO}.exe`,
      `inputs/${PHOTO}.jpg`,
      'inputs/middle.jpg',
      `C:\\.inputs\\dd\\${PHOTO}.jpg`,
    ];
    for (const file of bad) {
      const input = { ...v2.inputs[0], original: { ...v2.inputs[0]!.original, file } };
      expect(ClipSidecar.safeParse({ ...v2, inputs: [input] }).success, file).toBe(false);
    }
  });

  it('rejects a reference without its kind\'s tag, a tagged frame, an input with nothing kept and two first frames', () => {
    const ref = v2.inputs[1]!;
    expect(ClipSidecar.safeParse({ ...v2, inputs: [{ ...ref, tag: '@image1' }] }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, inputs: [{ ...ref, tag: undefined }] }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, inputs: [{ ...v2.inputs[0], tag: '@image1' }] }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, inputs: [{ role: 'reference', kind: 'image', tag: '@image1' }] }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, inputs: [{ ...ref, url: 'http://example.com/a.mp4', original: undefined }] }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, inputs: [v2.inputs[0], v2.inputs[0]] }).success).toBe(false);
  });

  it('rejects a rating outside 0–5, a malformed hash, a bad id and a negative time', () => {
    expect(ClipSidecar.safeParse({ ...v2, rating: 6 }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, rating: 2.5 }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, video: { sha256: 'XYZ', bytes: 1 } }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, id: 'Has/Slash' }).success).toBe(false);
    expect(ClipSidecar.safeParse({ ...v2, timings: { ...v2.timings, queuedAt: -1 } }).success).toBe(false);
  });

  it('needs the fields that make a clip reproducible', () => {
    for (const key of ['prompt', 'provider', 'modelId', 'parameters', 'seed', 'providerTaskId', 'video', 'timings', 'cost']) {
      const copy: Record<string, unknown> = { ...v2 };
      delete copy[key];
      expect(ClipSidecar.safeParse(copy).success, key).toBe(false);
    }
  });
});

describe('readSidecar (v1)', () => {
  it('reads a v1 sidecar into the v2 shape: its frames become sent copies in the clip folder, nothing else changes', () => {
    const read = readSidecar(valid);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.version).toBe(1);
    expect(read.sidecar.schemaVersion).toBe(2);
    expect(read.sidecar.inputs).toEqual([
      { role: 'first', kind: 'image', sent: { file: 'inputs/first.jpg', sha256: 'a'.repeat(64), bytes: 1000, width: 1248, height: 704 } },
      { role: 'last', kind: 'image', sent: { file: 'inputs/last.png', sha256: 'b'.repeat(64), bytes: 2000, width: 1248, height: 704 } },
    ]);
    expect(ClipSidecar.parse(read.sidecar)).toEqual(read.sidecar);
    const { inputs: _a, schemaVersion: _b, ...rest } = valid;
    expect(read.sidecar).toMatchObject(rest);
  });

  it('drops image ids a v1 file kept among its parameters (they only meant something in the app that wrote them)', () => {
    const read = readSidecar({ ...valid, parameters: { ...valid.parameters, references: [{ kind: 'image', id: 'a'.repeat(32) }] } });
    expect(read.ok && 'references' in read.sidecar.parameters).toBe(false);
  });

  it('rejects v1 input paths that leave the clip folder or use another name', () => {
    for (const file of ['../other/clip.mp4', 'inputs/../../etc/passwd', '/etc/passwd', 'inputs/first.exe', 'inputs/middle.jpg', `.inputs/aa/${'a'.repeat(64)}.jpg`]) {
      const bad = { ...valid, inputs: [{ ...valid.inputs[0], file }] };
      expect(readSidecar(bad).ok, file).toBe(false);
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
