import { describe, expect, it } from 'vitest';
import { parseRange, type RangeDecision } from '../../../../src/main/media/range';

const full: RangeDecision = { kind: 'full' };
const bad: RangeDecision = { kind: 'unsatisfiable' };
const part = (start: number, end: number): RangeDecision => ({ kind: 'partial', start, end });

describe('parseRange (size 1000)', () => {
  it.each<[string | null | undefined, RangeDecision]>([
    [undefined, full],
    [null, full],
    ['', full],
    ['bytes=0-', part(0, 999)],
    ['bytes=0-0', part(0, 0)],
    ['bytes=0-499', part(0, 499)],
    ['bytes=500-999', part(500, 999)],
    ['bytes=500-5000', part(500, 999)],
    ['bytes=999-', part(999, 999)],
    ['bytes=-200', part(800, 999)],
    ['bytes=-5000', part(0, 999)],
    [' bytes=10-20 ', part(10, 20)],
    ['bytes=1000-', bad],
    ['bytes=1000-2000', bad],
    ['bytes=-0', bad],
    ['bytes=500-100', full],
    ['bytes=-', full],
    ['bytes=0-1,5-9', full],
    ['bytes=abc-', full],
    ['bytes=-1-2', full],
    ['items=0-10', full],
    ['bytes 0-10', full],
  ])('%s → %o', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });

  it('answers unsatisfiable for any range on an empty file', () => {
    expect(parseRange('bytes=0-', 0)).toEqual(bad);
    expect(parseRange('bytes=-10', 0)).toEqual(bad);
    expect(parseRange(undefined, 0)).toEqual(full);
  });
});
