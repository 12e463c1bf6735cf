import { z } from 'zod';
import { Job, JobId } from '../../shared/jobs/job';

/**
 * How a batch of job changes crosses the engine → main channel (issue 12): a job main does not hold
 * yet goes whole; a job main holds goes as the top-level fields that changed since the copy the
 * engine last sent (`set`) and the fields it no longer has (`unset`). Main validates only what
 * travels, so a progress tick costs a few field checks instead of a whole `Job` (params, history,
 * times) parsed again; the job main rebuilds is valid because every `Job` field is checked on its
 * own (the schema has no rule across fields).
 */

/** The fields of `Job` that may be absent: the only ones a patch may `unset`. */
const OPTIONAL_KEYS = Object.entries(Job.shape)
  .filter(([, schema]) => schema.safeParse(undefined).success)
  .map(([key]) => key) as Array<keyof Job>;

/** One job's change on the wire: `{ id, set, unset? }`, every field in `set` checked by its own `Job` schema. */
export const JobChangePatch = z.object({
  id: JobId,
  set: Job.omit({ id: true }).partial(),
  unset: z.array(z.enum(OPTIONAL_KEYS as [keyof Job, ...Array<keyof Job>])).optional(),
});
export type JobChangePatch = z.infer<typeof JobChangePatch>;

/** A `changed` batch on the wire: whole jobs main does not hold, patches for the ones it does. */
export const WireChanges = z.object({ jobs: z.array(Job), patches: z.array(JobChangePatch) });
export type WireChanges = z.infer<typeof WireChanges>;

/** Equal as the JSON the channel would carry: scalars by value, objects (times, history, remote) by their JSON. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The patch that turns `before` into `after` (the same job). */
export function patchBetween(before: Job, after: Job): JobChangePatch {
  const set: Record<string, unknown> = {};
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of Object.keys(now)) if (key !== 'id' && now[key] !== undefined && !sameValue(now[key], was[key])) set[key] = now[key];
  const unset = Object.keys(was).filter((key) => was[key] !== undefined && now[key] === undefined) as Array<keyof Job>;
  return unset.length ? { id: after.id, set, unset } : { id: after.id, set };
}

/** `job` with `patch` applied: its `set` fields replaced, its `unset` fields gone. A new object; `job` is not changed. */
export function applyChangePatch(job: Job, patch: JobChangePatch): Job {
  const next: Record<string, unknown> = { ...job, ...patch.set };
  for (const key of patch.unset ?? []) delete next[key];
  return next as Job;
}

/**
 * The engine's side: remembers the copy of each job main holds (what it sent last, or the snapshot)
 * and turns each batch into `WireChanges`. Call `reset` with every snapshot sent (main's copy is
 * then exactly that table) and `forget` with every removal.
 */
export interface ChangeEncoder {
  encode(jobs: Job[]): WireChanges;
  reset(jobs: Job[]): void;
  forget(id: string): void;
}

export function createChangeEncoder(): ChangeEncoder {
  const sent = new Map<string, Job>();
  return {
    encode(jobs) {
      const out: WireChanges = { jobs: [], patches: [] };
      for (const job of jobs) {
        const before = sent.get(job.id);
        sent.set(job.id, job);
        if (before) out.patches.push(patchBetween(before, job));
        else out.jobs.push(job);
      }
      return out;
    },
    reset(jobs) {
      sent.clear();
      for (const job of jobs) sent.set(job.id, job);
    },
    forget(id) {
      sent.delete(id);
    },
  };
}

/**
 * Main's side: the whole jobs of `changes`, each patch applied to main's copy (`held`). Patches for
 * a job main does not hold are answered in `orphans` (the engine and main disagree on what main has:
 * the caller logs it; the next snapshot mends it).
 */
export function decodeChanges(changes: WireChanges, held: (id: string) => Job | undefined): { jobs: Job[]; orphans: string[] } {
  const jobs = [...changes.jobs];
  const orphans: string[] = [];
  for (const patch of changes.patches) {
    const base = held(patch.id);
    if (base) jobs.push(applyChangePatch(base, patch));
    else orphans.push(patch.id);
  }
  return { jobs, orphans };
}
