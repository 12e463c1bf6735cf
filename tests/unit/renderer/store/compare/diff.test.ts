import { describe, expect, it } from 'vitest';
import type { ClipDetail, ClipInputView } from '../../../../../src/shared/contract/library';
import { seedText, settingsDiff } from '../../../../../src/renderer/store/compare/diff';

/** A clip detail with the fields Compare reads; `seed` is the provider's report, `asked` the one sent. */
function clip(o: { id: string; seed: number | null; asked?: number; resolution?: '480p' | '720p'; first?: Partial<ClipInputView>; cameraFixed?: boolean }): ClipDetail {
  const resolution = o.resolution ?? '480p';
  return {
    id: o.id,
    prompt: 'a lantern over a market',
    provider: 'ark',
    modelId: 'ark/seedance-1-0-pro-250528',
    resolution,
    aspectRatio: '16:9',
    width: resolution === '480p' ? 864 : 1248,
    height: resolution === '480p' ? 480 : 704,
    durationSec: 2,
    seed: o.seed,
    rating: 0,
    inputs: o.first ? [{ role: 'first', kind: 'image', kept: 'original', url: null, ...o.first }] : [],
    sidecar: {
      seed: o.seed,
      parameters: { resolution, aspectRatio: '16:9', duration: 2, ...(o.asked === undefined ? {} : { seed: o.asked }), ...(o.cameraFixed === undefined ? {} : { cameraFixed: o.cameraFixed }) },
    },
  } as unknown as ClipDetail;
}

const row = (rows: ReturnType<typeof settingsDiff>, key: string) => rows.find((r) => r.key === key)!;

describe('settingsDiff', () => {
  it('marks only the settings whose values differ, with each clip’s value in words', () => {
    const rows = settingsDiff([clip({ id: 'a', seed: 1 }), clip({ id: 'b', seed: 2 }), clip({ id: 'c', seed: 42, resolution: '720p' })]);
    expect(rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['seed', 'resolution', 'output']);
    expect(row(rows, 'seed').values).toEqual(['1', '2', '42']);
    expect(row(rows, 'output').values).toEqual(['864 × 480', '864 × 480', '1248 × 704']);
    expect(row(rows, 'model')).toMatchObject({ values: ['Seedance 1.0 Pro', 'Seedance 1.0 Pro', 'Seedance 1.0 Pro'], differs: false });
  });

  it('tells first frames apart by content, not by name', () => {
    const same = settingsDiff([clip({ id: 'a', seed: 1, first: { name: 'kite.jpg', sha256: 'aa' } }), clip({ id: 'b', seed: 1, first: { name: 'kite.jpg', sha256: 'aa' } })]);
    expect(row(same, 'first').differs).toBe(false);
    const other = settingsDiff([clip({ id: 'a', seed: 1, first: { name: 'kite.jpg', sha256: 'aa' } }), clip({ id: 'b', seed: 1, first: { name: 'kite.jpg', sha256: 'bb' } })]);
    expect(row(other, 'first')).toMatchObject({ values: ['kite.jpg', 'kite.jpg'], differs: true });
  });

  it('says an unset switch as a dash, and a set one in words', () => {
    const rows = settingsDiff([clip({ id: 'a', seed: 1, cameraFixed: true }), clip({ id: 'b', seed: 1 })]);
    expect(row(rows, 'cameraFixed')).toMatchObject({ values: ['fixed', '—'], differs: true });
  });
});

describe('seedText', () => {
  it('prefers the reported seed, then the one asked for, else says random', () => {
    expect(seedText(clip({ id: 'a', seed: 7, asked: 3 }))).toBe('7');
    expect(seedText(clip({ id: 'a', seed: null, asked: 3 }))).toBe('3');
    expect(seedText(clip({ id: 'a', seed: null, asked: -1 }))).toBe('random (not reported)');
    expect(seedText(clip({ id: 'a', seed: null }))).toBe('random (not reported)');
  });
});
