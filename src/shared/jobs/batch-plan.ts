import type { JobParams, ModelEntry } from '../catalog/types';
import { batchSeeds, MAX_BATCH, MIN_BATCH, parseSeedList } from './batch';

/**
 * A random seed in 0 … `max` (capped at 2³¹ − 1, which every provider accepts), from the platform's
 * CSPRNG (Web Crypto: the renderer's and Node's global `crypto`). How Compose and `seedance run`
 * pick every seed they are not given.
 */
export function randomSeed(max: number): number {
  const cap = Math.min(max, 2147483647);
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return n % (cap + 1);
}

/**
 * What Generate ×N (or `seedance run --count`) will send: each take's parameters (the draft's, each with its own seed),
 * `seeds` (null on a row without a seed: the takes then differ only by chance), or why it cannot.
 */
export type BatchPlan = { ok: true; takes: JobParams[]; seeds: number[] | null } | { ok: false; reason: string };

/**
 * Plans a batch of `count` takes (2–8) of `params` on `model`: the user's seed list first
 * (`parseSeedList`, refused in plain words), the rest random and distinct (`batchSeeds`, drawn with
 * `random` in 0…max). A row without a seed (fal 2.0, ModelArk 2.0: providers.md) takes no list.
 * Pure.
 */
export function planBatch(model: ModelEntry, params: JobParams, count: number, seedList: string, random: (max: number) => number): BatchPlan {
  const problem = batchProblem(model, count, seedList);
  if (problem) return { ok: false, reason: problem };
  const max = seedMax(model);
  if (max === null) return { ok: true, takes: Array.from({ length: count }, () => ({ ...params })), seeds: null };
  const listed = parseSeedList(seedList, count, max);
  const seeds = batchSeeds(count, listed.ok ? listed.seeds : [], max, random);
  return { ok: true, takes: seeds.map((seed) => ({ ...params, seed })), seeds };
}

/** The largest seed `model` takes (capped at 2³¹ − 1, which every provider accepts), or null on a row without a seed. */
export function seedMax(model: ModelEntry): number | null {
  const spec = model.params.find((s) => s.kind === 'int' && s.key === 'seed');
  return spec?.kind === 'int' ? Math.min(spec.max, 2147483647) : null;
}

/** Why a batch of `count` with this seed list cannot be sent on `model`, in plain words; null when it can. Pure. */
export function batchProblem(model: ModelEntry, count: number, seedList: string): string | null {
  if (!Number.isInteger(count) || count < MIN_BATCH || count > MAX_BATCH) return `A batch holds ${MIN_BATCH} to ${MAX_BATCH} takes.`;
  const max = seedMax(model);
  if (max === null) return seedList.trim() === '' ? null : `${model.name} takes no seed: clear the seed list (its takes differ only by chance).`;
  const listed = parseSeedList(seedList, count, max);
  return listed.ok ? null : listed.reason;
}

/** The seeds as a sentence's list: "1, 2 and 42". */
export function seedsText(seeds: readonly number[]): string {
  if (seeds.length < 2) return seeds.join('');
  return `${seeds.slice(0, -1).join(', ')} and ${seeds[seeds.length - 1]}`;
}
