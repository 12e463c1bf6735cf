import { describe, expect, it } from 'vitest';
import { backoff, MAX_RETRY_AFTER_MS } from '../../../../src/shared/jobs/backoff';

describe('backoff', () => {
  it('doubles per attempt with equal jitter (half fixed, half random)', () => {
    expect(backoff(1, undefined, { random: () => 0 })).toBe(500);
    expect(backoff(1, undefined, { random: () => 0.999999 })).toBe(1_000);
    expect(backoff(3, undefined, { random: () => 0 })).toBe(2_000);
    expect(backoff(3, undefined, { random: () => 0.5 })).toBe(3_000);
  });

  it('caps the delay and survives absurd attempt numbers', () => {
    expect(backoff(40, undefined, { random: () => 0.999999 })).toBe(60_000);
    expect(backoff(10_000, undefined, { random: () => 0 })).toBe(30_000);
    expect(backoff(0, undefined, { random: () => 0 })).toBe(500);
  });

  it('spreads retries of many clients that failed together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoff(4)));
    expect(delays.size).toBeGreaterThan(10);
    for (const d of delays) expect(d).toBeGreaterThanOrEqual(4_000);
  });

  it('never retries before Retry-After, and lands within 10 % (≤ 1 s) after it', () => {
    for (const r of [0, 0.3, 0.999]) {
      const d = backoff(1, 20_000, { random: () => r });
      expect(d).toBeGreaterThanOrEqual(20_000);
      expect(d).toBeLessThanOrEqual(21_000);
    }
    expect(backoff(1, 3_000, { random: () => 0.999 })).toBeLessThanOrEqual(3_300);
  });

  it('follows Retry-After even late in a storm, instead of the longer exponential delay', () => {
    expect(backoff(6, 1_000, { random: () => 0 })).toBe(1_000);
    expect(backoff(6, undefined, { random: () => 0 })).toBe(16_000);
  });

  it('floors Retry-After: 0, ignores a negative or NaN one and caps a huge one', () => {
    expect(backoff(3, 0, { random: () => 0.9 })).toBe(500);
    expect(backoff(1, -5, { random: () => 0 })).toBe(500);
    expect(backoff(1, Number.NaN, { random: () => 0 })).toBe(500);
    expect(backoff(1, 10 * MAX_RETRY_AFTER_MS, { random: () => 0 })).toBe(MAX_RETRY_AFTER_MS);
  });
});
