import { describe, expect, it } from 'vitest';
import { DRIFT_TOLERANCE_SEC, driftCorrections, spread, stepTime } from '../../../../../src/renderer/views/compare/sync';

const player = (currentTime: number, duration = 5, seeking = false) => ({ currentTime, duration, seeking });

describe('driftCorrections', () => {
  it('leaves players within two frames alone and puts the others back on the transport', () => {
    expect(DRIFT_TOLERANCE_SEC).toBeCloseTo(2 / 24, 10);
    expect(driftCorrections(2, [player(2), player(2.05), player(1.9), player(2.3)])).toEqual([null, null, 2, 2]);
  });

  it('holds a shorter clip on its last frame instead of seeking past its end', () => {
    const [fix] = driftCorrections(4, [player(1, 3)]);
    expect(fix).toBeCloseTo(3 - 1 / 48, 10);
    // Already at its end: nothing to do.
    expect(driftCorrections(4, [player(3 - 1 / 48, 3)])).toEqual([null]);
  });

  it('does not fight a seek still landing, nor a player with no length yet', () => {
    expect(driftCorrections(3, [player(0, 5, true), player(0, Number.NaN), player(0, 0)])).toEqual([null, null, null]);
  });
});

describe('stepTime', () => {
  it('steps on the 24 fps grid and stays within the clip', () => {
    expect(stepTime(0, 1, 5) * 24).toBeCloseTo(1, 10);
    // Off the grid (a paused video lands between frames): snapped first, so steps never drift.
    expect(stepTime(1 / 24 + 0.004, 1, 5) * 24).toBeCloseTo(2, 10);
    expect(stepTime(0, -1, 5)).toBe(0);
    expect(stepTime(5, 3, 5)).toBe(5);
  });
});

describe('spread', () => {
  it('is the distance between the furthest apart', () => {
    expect(spread([1, 1.04, 0.98])).toBeCloseTo(0.06, 10);
    expect(spread([])).toBe(0);
  });
});
