import type { JobPatch } from '../contract/jobs';
import type { JobView } from './job';

/**
 * The `JobPatch` that turns `before` into `after` (the same job): every top-level field whose value
 * differs (compared as JSON, so a rebuilt but equal `times` or `history` is not sent), and in
 * `unset` the fields `after` no longer has. Only `id` when nothing changed.
 */
export function diffJob(before: JobView, after: JobView): JobPatch {
  const patch: Record<string, unknown> = { id: after.id };
  const unset: string[] = [];
  const was = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  for (const key of Object.keys(now)) {
    const a = now[key];
    const b = was[key];
    if (key === 'id' || a === b) continue;
    // Only objects need the JSON comparison; most fields are numbers and strings (main runs this per job per batch, issue 12).
    if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null || JSON.stringify(a) !== JSON.stringify(b)) patch[key] = a;
  }
  for (const key of Object.keys(was)) if (!(key in now)) unset.push(key);
  if (unset.length) patch.unset = unset;
  return patch as JobPatch;
}

/** `job` with `patch` applied (the inverse of `diffJob`): its fields replaced, its `unset` fields gone. */
export function applyJobPatch(job: JobView, patch: JobPatch): JobView {
  const { unset, ...fields } = patch;
  const next: Record<string, unknown> = { ...job, ...fields };
  for (const key of unset ?? []) delete next[key];
  return next as JobView;
}
