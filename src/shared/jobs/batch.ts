import { z } from 'zod';

/** Fewest and most takes one batch may hold (issue 14 "Variations": Generate ×N, 2–8). */
export const MIN_BATCH = 2;
export const MAX_BATCH = 8;

/** A batch id: 8–40 lowercase letters, digits and dashes (a UUID fits), so `<batch>-<take>` is a valid job id. */
export const BatchId = z.string().regex(/^[a-z0-9-]{8,40}$/, 'batch id must be 8–40 lowercase letters, digits or dashes');
export type BatchId = z.infer<typeof BatchId>;

/**
 * A job's place in a batch of variations: the batch's `id`, this take's number `take` (1-based, in
 * the order the batch was sent) and how many takes the batch was sent with (`of`, 2–8). Recorded on
 * the job (and the clip's sidecar), never sent to a provider.
 */
export const JobBatch = z
  .object({
    id: BatchId,
    take: z.number().int().min(1).max(MAX_BATCH),
    of: z.number().int().min(MIN_BATCH).max(MAX_BATCH),
  })
  .refine((b) => b.take <= b.of, { error: 'take must not exceed the batch size' });
export type JobBatch = z.infer<typeof JobBatch>;

/**
 * The job id of take `take` of batch `batchId`: fixed by the pair, so a batch sent again (after a
 * crash, or a request re-sent) names the same jobs and the engine returns those instead of adding
 * paid ones (`EngineApi.submit` with an id is idempotent).
 */
export function batchJobId(batchId: string, take: number): string {
  return `${batchId}-${take}`;
}

/** What `parseSeedList` made of the user's text: the seeds, or why they cannot be used. */
export type SeedListRead = { ok: true; seeds: number[] } | { ok: false; reason: string };

/** The entries of a seed list as typed, whatever they hold: the text split at commas, spaces and semicolons. */
export function seedListParts(text: string): string[] {
  return text.split(/[\s,;]+/).filter((p) => p !== '');
}

/**
 * Reads a seed list as the user types it: whole numbers separated by commas, spaces or semicolons
 * ("1, 2, 42"). Empty text is an empty list (random seeds). Refused, with the reason in plain words:
 * anything not a whole number, a number outside 0…`max` (the model's seed range), more seeds than
 * `count` takes, and the same seed twice (those takes would be the same video).
 */
export function parseSeedList(text: string, count: number, max: number): SeedListRead {
  const seeds: number[] = [];
  for (const part of seedListParts(text)) {
    if (!/^\d+$/.test(part)) return { ok: false, reason: `“${part}” is not a seed: use whole numbers, like 1, 2, 42.` };
    const seed = Number(part);
    if (seed > max) return { ok: false, reason: `Seed ${part} is too large: this model takes 0 to ${max}.` };
    if (seeds.includes(seed)) return { ok: false, reason: `Seed ${seed} is listed twice: those takes would be the same video.` };
    seeds.push(seed);
  }
  if (seeds.length > count) return { ok: false, reason: `${seeds.length} seeds for ${count} takes: list at most ${count}, or raise the number of takes.` };
  return { ok: true, seeds };
}

/**
 * The seeds of a batch of `count` takes: the listed ones first, then fresh draws from `random`
 * (0…`max`, none repeating a seed already in the batch). Throws when `max` leaves fewer distinct
 * seeds than takes (no model's range is that small).
 */
export function batchSeeds(count: number, listed: readonly number[], max: number, random: (max: number) => number): number[] {
  if (max + 1 < count) throw new Error(`a seed range of ${max + 1} cannot give ${count} distinct seeds`);
  const seeds = listed.slice(0, count);
  while (seeds.length < count) {
    const seed = random(max);
    if (!seeds.includes(seed)) seeds.push(seed);
  }
  return seeds;
}

/** One take as the batch's progress counts it. */
export interface BatchMember {
  state: string;
}

/**
 * How far a batch has come: takes done, failed (failed, expired, cancelled), still going, and in
 * all. `settled` once no take is still going.
 */
export interface BatchProgress {
  done: number;
  failed: number;
  active: number;
  total: number;
  settled: boolean;
}

const ENDED_BADLY = new Set(['failed', 'expired', 'cancelled']);

/** The `BatchProgress` of a batch's takes. */
export function batchProgress(members: readonly BatchMember[]): BatchProgress {
  let done = 0;
  let failed = 0;
  for (const m of members) {
    if (m.state === 'completed') done++;
    else if (ENDED_BADLY.has(m.state)) failed++;
  }
  const active = members.length - done - failed;
  return { done, failed, active, total: members.length, settled: active === 0 };
}

/**
 * The batch's total cost: `count` takes at `each` USD (the one-job estimate; every take has the same
 * inputs and settings), or null when one job has no published price.
 */
export function batchCost(each: number | null, count: number): number | null {
  return each === null ? null : each * count;
}
