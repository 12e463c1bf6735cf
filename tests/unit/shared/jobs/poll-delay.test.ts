import { describe, expect, it } from 'vitest';
import { FIRST_POLL_MS, pollDelay } from '../../../../src/shared/jobs/poll-delay';

const bounds = { min: 2_000, max: 30_000 };
const T0 = 1_000_000;

describe('pollDelay', () => {
  it('polls soon after submit the first time', () => {
    expect(pollDelay({ submittedAt: T0, now: T0, ...bounds })).toBe(FIRST_POLL_MS);
    expect(pollDelay({ submittedAt: T0, now: T0, min: 5_000, max: 30_000 })).toBe(5_000);
  });

  it('waits for the ETA, within bounds', () => {
    const base = { submittedAt: T0, now: T0 + 10_000, lastDelay: 3_000, ...bounds };
    expect(pollDelay({ ...base, etaSeconds: 12 })).toBe(12_000);
    expect(pollDelay({ ...base, etaSeconds: 600 })).toBe(30_000);
    expect(pollDelay({ ...base, etaSeconds: 0.5 })).toBe(2_000);
  });

  it('estimates the time left from progress when there is no ETA', () => {
    // 40 s for 25 % → 120 s left → capped at max; 60 s for 75 % → 20 s left.
    expect(pollDelay({ submittedAt: T0, now: T0 + 40_000, progress: 25, lastDelay: 3_000, ...bounds })).toBe(30_000);
    expect(pollDelay({ submittedAt: T0, now: T0 + 60_000, progress: 75, lastDelay: 3_000, ...bounds })).toBe(20_000);
  });

  it('without estimates grows with elapsed time but at most doubles', () => {
    expect(pollDelay({ submittedAt: T0, now: T0 + 3_000, lastDelay: 3_000, ...bounds })).toBe(2_000);
    expect(pollDelay({ submittedAt: T0, now: T0 + 100_000, lastDelay: 3_000, ...bounds })).toBe(6_000);
    expect(pollDelay({ submittedAt: T0, now: T0 + 100_000, lastDelay: 10_000, ...bounds })).toBe(10_000);
    expect(pollDelay({ submittedAt: T0, now: T0 + 900_000, lastDelay: 30_000, ...bounds })).toBe(30_000);
  });

  it('treats an ETA of zero that has passed like no estimate', () => {
    expect(pollDelay({ submittedAt: T0, now: T0 + 120_000, etaSeconds: 0, lastDelay: 30_000, ...bounds })).toBe(12_000);
  });

  it('always stays within [min, max] for any input', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 2_000; i++) {
      const min = Math.round(rnd() * 5_000);
      const max = min + Math.round(rnd() * 60_000);
      const d = pollDelay({
        submittedAt: T0,
        now: T0 + Math.round(rnd() * 1e6) - 1_000,
        etaSeconds: rnd() < 0.5 ? rnd() * 1_000 - 10 : undefined,
        progress: rnd() < 0.5 ? rnd() * 120 - 10 : undefined,
        lastDelay: rnd() < 0.9 ? rnd() * 100_000 : undefined,
        min,
        max,
      });
      expect(d).toBeGreaterThanOrEqual(min);
      expect(d).toBeLessThanOrEqual(max);
    }
  });

  it('sees a 3-minute task with a truthful ETA in a handful of polls, finishing close to the end', () => {
    const total = 180_000;
    let now = T0;
    let lastDelay: number | undefined;
    let polls = 0;
    while (now - T0 < total) {
      const left = total - (now - T0);
      lastDelay = pollDelay({ submittedAt: T0, now, etaSeconds: polls === 0 ? undefined : left / 1000, lastDelay, ...bounds });
      now += lastDelay;
      polls++;
    }
    expect(polls).toBeLessThanOrEqual(9); // fal's client at 500 ms would make 360
    expect(now - T0 - total).toBeLessThan(bounds.min + 1); // seen no later than one minimum interval
  });

  it('sees a task with no estimates at all with at most ~10 % lateness after the first minute', () => {
    const total = 300_000;
    let now = T0;
    let lastDelay: number | undefined;
    let polls = 0;
    while (now - T0 < total) {
      lastDelay = pollDelay({ submittedAt: T0, now, lastDelay, ...bounds });
      now += lastDelay;
      polls++;
    }
    expect(polls).toBeLessThan(40);
    expect(now - T0 - total).toBeLessThanOrEqual(0.1 * total);
  });
});
