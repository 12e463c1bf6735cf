import type { JobView } from '../../../shared/jobs/job';

/**
 * Jobs in queue order, as the engine keeps them (src/main/jobs/store.ts): `order` ascending, ties by
 * the time the job was made. Returns a new array.
 */
export function inQueueOrder(jobs: Iterable<JobView>): JobView[] {
  return [...jobs].sort((a, b) => a.order - b.order || (a.times.draft ?? a.updatedAt) - (b.times.draft ?? b.updatedAt));
}

/** Ids of the jobs not sent yet (`queued`), in queue order: the only ones `jobs:reorder` moves. */
export function queuedIds(ordered: readonly JobView[]): string[] {
  return ordered.filter((j) => j.state === 'queued').map((j) => j.id);
}

/**
 * The queued ids with `id` moved by `delta` places (−1 = one earlier), clamped to the ends; null
 * when `id` is not queued or would not move. Input is in queue order; the answer is for `jobs:reorder`.
 */
export function moveBy(queued: readonly string[], id: string, delta: number): string[] | null {
  const from = queued.indexOf(id);
  if (from < 0) return null;
  const to = Math.min(queued.length - 1, Math.max(0, from + delta));
  if (to === from) return null;
  const next = queued.filter((q) => q !== id);
  next.splice(to, 0, id);
  return next;
}

/**
 * The queued ids with `id` dropped before (`place: 'before'`) or after `target`; null when either
 * is not queued or nothing would change. For drag and drop in the Queue.
 */
export function moveTo(queued: readonly string[], id: string, target: string, place: 'before' | 'after'): string[] | null {
  if (id === target || !queued.includes(id) || !queued.includes(target)) return null;
  const next = queued.filter((q) => q !== id);
  const at = next.indexOf(target) + (place === 'after' ? 1 : 0);
  next.splice(at, 0, id);
  return next.every((q, i) => q === queued[i]) ? null : next;
}
