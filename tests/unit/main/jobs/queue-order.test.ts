import { describe, expect, it } from 'vitest';
import { planQueueOrder } from '../../../../src/main/jobs/queue-order';
import type { Job } from '../../../../src/shared/jobs/job';

type Row = Pick<Job, 'id' | 'order' | 'state'>;
const q = (id: string, order: number, state: Job['state'] = 'queued'): Row => ({ id, order, state });
const queue = (n: number): Row[] => Array.from({ length: n }, (_, i) => q(`j${i}`, i));

/** Applies a plan and reads the queue back in order, as the scheduler does. */
function apply(jobs: Row[], plan: Map<string, number>): Row[] {
  return jobs.map((j) => (plan.has(j.id) ? { ...j, order: plan.get(j.id)! } : j));
}
const idsInOrder = (jobs: Row[]) => jobs.filter((j) => j.state === 'queued').sort((a, b) => a.order - b.order).map((j) => j.id);

/** Small deterministic PRNG (mulberry32): random cases the run can reproduce. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('planQueueOrder', () => {
  it('puts the given ids first, keeps the rest in order, ignores jobs already sent or unknown', () => {
    const jobs = [q('a', 0), q('b', 1), q('c', 2), q('d', 3), q('x', 4, 'running')];
    const plan = planQueueOrder(jobs, ['c', 'x', 'nope', 'a', 'c']);
    expect(idsInOrder(apply(jobs, plan))).toEqual(['c', 'a', 'b', 'd']);
    expect(plan.has('x')).toBe(false);
  });

  it('moves the last of 1,000 jobs to the front by changing that one job only', () => {
    const jobs = queue(1000);
    const plan = planQueueOrder(jobs, ['j999']);
    expect([...plan]).toEqual([['j999', -1]]);
    expect(idsInOrder(apply(jobs, plan)).slice(0, 3)).toEqual(['j999', 'j0', 'j1']);
  });

  it('swaps two neighbours (Alt+↓) by changing one job, placed between its new neighbours', () => {
    const jobs = queue(1000);
    const plan = planQueueOrder(jobs, ['j1', 'j0']);
    expect(plan.size).toBe(1);
    expect(idsInOrder(apply(jobs, plan)).slice(0, 3)).toEqual(['j1', 'j0', 'j2']);
  });

  it('changes nothing when the order is already the one asked for', () => {
    expect(planQueueOrder(queue(50), ['j0', 'j1', 'j2']).size).toBe(0);
  });

  it('gives jobs that share an order value (old data) distinct places', () => {
    const jobs = [q('a', 5), q('b', 5), q('c', 5)];
    const after = apply(jobs, planQueueOrder(jobs, ['c']));
    expect(idsInOrder(after)[0]).toBe('c');
    expect(new Set(after.map((j) => j.order)).size).toBe(3);
  });

  it('yields exactly the asked order for random moves, changing no more jobs than were moved', () => {
    const random = rng(20261123);
    for (let round = 0; round < 300; round++) {
      let jobs = queue(1 + Math.floor(random() * 60));
      for (let move = 0; move < 5; move++) {
        const current = idsInOrder(jobs);
        const moved = current.filter(() => random() < 0.2);
        const plan = planQueueOrder(jobs, moved);
        const chosen = new Set(moved);
        const wanted = [...moved, ...current.filter((id) => !chosen.has(id))];
        jobs = apply(jobs, plan);
        expect(idsInOrder(jobs)).toEqual(wanted);
        expect(plan.size).toBeLessThanOrEqual(moved.length);
      }
    }
  });

  it('spreads out the neighbours of a gap too narrow to split, rewriting a few jobs, not the queue', () => {
    // Orders near a million: a double's step there is ~1e-10, so halving one gap runs out within ~35 moves.
    let jobs = queue(1000).map((j) => ({ ...j, order: 1_000_000 + j.order }));
    const sizes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const current = idsInOrder(jobs);
      const last = current[current.length - 1]!;
      // Always put the last job second: the gap after the first job halves each time.
      const plan = planQueueOrder(jobs, [current[0]!, last]);
      sizes.push(plan.size);
      jobs = apply(jobs, plan);
      expect(idsInOrder(jobs)).toEqual([current[0], last, ...current.slice(1, -1)]);
    }
    expect(Math.max(...sizes)).toBeGreaterThan(1); // the gap did run out, more than once
    expect(sizes.filter((n) => n > 1).length).toBeGreaterThan(1);
    expect(Math.max(...sizes)).toBeLessThan(200);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(2_000); // vs 200 × 1,000 for renumbering each time
  });
});
