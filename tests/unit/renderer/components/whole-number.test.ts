import { describe, expect, it } from 'vitest';
import { wholeNumberIn } from '../../../../src/renderer/components/whole-number';

describe('wholeNumberIn', () => {
  it.each([
    ['5', 5],
    [' 12 ', 12],
    ['1', 1],
    ['20', 20],
    ['0', null],
    ['21', null],
    ['2.5', null],
    ['', null],
    ['   ', null],
    ['abc', null],
    ['1e1', 10],
  ] as const)('reads %j within 1…20 as %j', (text, want) => {
    expect(wholeNumberIn(text, 1, 20)).toBe(want);
  });
});
