import { describe, expect, it } from 'vitest';
import { batchCost, batchJobId, batchProgress, batchSeeds, JobBatch, parseSeedList } from '../../../../src/shared/jobs/batch';
import { JobId } from '../../../../src/shared/jobs/job';

describe('parseSeedList', () => {
  it('reads commas, spaces and semicolons; empty text is no seeds (random)', () => {
    expect(parseSeedList('1, 2, 42', 3, 100)).toEqual({ ok: true, seeds: [1, 2, 42] });
    expect(parseSeedList(' 7;8  9 ', 4, 100)).toEqual({ ok: true, seeds: [7, 8, 9] });
    expect(parseSeedList('', 3, 100)).toEqual({ ok: true, seeds: [] });
    expect(parseSeedList(' , ', 3, 100)).toEqual({ ok: true, seeds: [] });
  });

  it('refuses what is not a whole number, with the offending text', () => {
    const out = parseSeedList('1, two, 3', 3, 100);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.reason).toContain('“two”');
    expect(parseSeedList('-4', 3, 100).ok).toBe(false);
    expect(parseSeedList('1.5', 3, 100).ok).toBe(false);
  });

  it('refuses seeds beyond the model range, repeated seeds and more seeds than takes', () => {
    const big = parseSeedList('1, 101', 3, 100);
    expect(big).toEqual({ ok: false, reason: 'Seed 101 is too large: this model takes 0 to 100.' });
    const twice = parseSeedList('5, 5', 3, 100);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.reason).toContain('listed twice');
    const many = parseSeedList('1 2 3 4', 3, 100);
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.reason).toContain('4 seeds for 3 takes');
  });
});

describe('batchSeeds', () => {
  it('uses the listed seeds first and fills the rest with distinct draws', () => {
    const draws = [42, 9, 9, 10];
    const seeds = batchSeeds(4, [42, 1], 100, () => draws.shift()!);
    // 42 is drawn again and skipped, 9 once, then 10.
    expect(seeds).toEqual([42, 1, 9, 10]);
  });

  it('draws every seed when none is listed, all distinct, within 0…max', () => {
    const seeds = batchSeeds(8, [], 7, (max) => Math.floor(Math.random() * (max + 1)));
    expect(new Set(seeds).size).toBe(8);
    for (const s of seeds) expect(s).toBeGreaterThanOrEqual(0);
    for (const s of seeds) expect(s).toBeLessThanOrEqual(7);
  });

  it('refuses a range too small for distinct seeds', () => {
    expect(() => batchSeeds(3, [], 1, () => 0)).toThrow(/cannot give 3 distinct seeds/);
  });
});

describe('batch ids and records', () => {
  it('names take n of a batch with a valid job id, the same every time', () => {
    const batch = crypto.randomUUID();
    expect(batchJobId(batch, 3)).toBe(`${batch}-3`);
    expect(JobId.safeParse(batchJobId(batch, 8)).success).toBe(true);
  });

  it('accepts takes 1…of with of 2–8 only', () => {
    expect(JobBatch.safeParse({ id: 'abcdefgh', take: 2, of: 3 }).success).toBe(true);
    expect(JobBatch.safeParse({ id: 'abcdefgh', take: 4, of: 3 }).success).toBe(false);
    expect(JobBatch.safeParse({ id: 'abcdefgh', take: 1, of: 1 }).success).toBe(false);
    expect(JobBatch.safeParse({ id: 'abcdefgh', take: 1, of: 9 }).success).toBe(false);
    expect(JobBatch.safeParse({ id: 'ABC', take: 1, of: 2 }).success).toBe(false);
  });
});

describe('batchProgress', () => {
  it('counts done, ended badly and still going', () => {
    expect(batchProgress([{ state: 'completed' }, { state: 'running' }, { state: 'failed' }, { state: 'cancelled' }])).toEqual({
      done: 1,
      failed: 2,
      active: 1,
      total: 4,
      settled: false,
    });
    expect(batchProgress([{ state: 'completed' }, { state: 'expired' }]).settled).toBe(true);
    // A job needing attention is not settled: the user still has to decide.
    expect(batchProgress([{ state: 'needs_attention' }]).settled).toBe(false);
  });
});

describe('batchCost', () => {
  it('is the one-job estimate times the takes, or null without a price', () => {
    expect(batchCost(0.26, 3)).toBeCloseTo(0.78, 10);
    expect(batchCost(null, 3)).toBeNull();
  });
});
