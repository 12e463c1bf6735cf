import { describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import type { JobParams } from '../../../../src/shared/catalog/types';
import { batchProblem, planBatch, seedsText } from '../../../../src/shared/jobs/batch-plan';

const ARK_1_0 = findModel('ark/seedance-1-0-pro-250528')!;
// ModelArk's Seedance 2.0 takes no seed (providers.md, ModelArk).
const ARK_2_0 = findModel('ark/dreamina-seedance-2-0-260128')!;
const PARAMS: JobParams = { modelId: ARK_1_0.id, prompt: 'a lantern', resolution: '480p', aspectRatio: '16:9', duration: 2 };

describe('planBatch', () => {
  it('gives each take the listed seed, then distinct random ones, the rest of the inputs the same', () => {
    let next = 100;
    const plan = planBatch(ARK_1_0, PARAMS, 4, '1, 2', () => next++);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.seeds).toEqual([1, 2, 100, 101]);
    expect(plan.takes.map((t) => t.seed)).toEqual([1, 2, 100, 101]);
    expect(plan.takes.every((t) => t.prompt === 'a lantern' && t.resolution === '480p')).toBe(true);
  });

  it('sends a row without a seed N identical takes (they differ only by chance), and refuses a seed list there', () => {
    expect(ARK_2_0.params.some((p) => p.key === 'seed')).toBe(false);
    const params = { ...PARAMS, modelId: ARK_2_0.id };
    const plan = planBatch(ARK_2_0, params, 3, '', () => 0);
    expect(plan).toMatchObject({ ok: true, seeds: null });
    if (plan.ok) expect(plan.takes).toHaveLength(3);
    expect(batchProblem(ARK_2_0, 3, '5')).toContain('takes no seed');
  });

  it('refuses a count outside 2–8 and a bad list, in plain words', () => {
    expect(planBatch(ARK_1_0, PARAMS, 9, '', () => 0)).toEqual({ ok: false, reason: 'A batch holds 2 to 8 takes.' });
    expect(batchProblem(ARK_1_0, 2, '1, 2, 3')).toContain('3 seeds for 2 takes');
    expect(batchProblem(ARK_1_0, 3, '')).toBeNull();
  });
});

describe('batch texts', () => {
  it('lists seeds as a sentence does', () => {
    expect(seedsText([1, 2, 42])).toBe('1, 2 and 42');
    expect(seedsText([7])).toBe('7');
  });
});
