import type { Job } from '../../shared/jobs/job';

/**
 * The queue's new order after the user moved jobs: `ids` first, in the given order, then the other
 * queued jobs in their previous order. Ids of jobs that are not queued (already sent, or unknown)
 * are ignored — the queue may have moved on while the user dragged.
 *
 * Returns only the jobs whose `order` must change (id → new order), as few as possible: the longest
 * run of jobs already in the wanted relative order keeps its values, and each moved job gets a value
 * between its new neighbours. Every changed job is one durable file write, so moving one job among
 * 1,000 writes one file, not 1,000. When a gap has become too narrow to split (after dozens of moves
 * into the same spot), the neighbours around it are spread out too, widening until they fit.
 */
export function planQueueOrder(jobs: readonly Pick<Job, 'id' | 'order' | 'state'>[], ids: readonly string[]): Map<string, number> {
  const queued = jobs.filter((j) => j.state === 'queued').sort((a, b) => a.order - b.order);
  const byId = new Map(queued.map((j) => [j.id, j]));
  const first = [...new Set(ids)].filter((id) => byId.has(id));
  const chosen = new Set(first);
  const sequence = [...first.map((id) => byId.get(id)!), ...queued.filter((j) => !chosen.has(j.id))];

  const keep = longestIncreasingRun(sequence.map((j) => j.order));
  const next = sequence.map((j, i) => (keep.has(i) ? j.order : Number.NaN));
  for (let i = 0; i < next.length; ) {
    if (!Number.isNaN(next[i]!)) {
      i++;
      continue;
    }
    let start = i;
    let end = i;
    while (end < next.length && Number.isNaN(next[end]!)) end++;
    // Too narrow a gap: take in kept neighbours on both sides (1, 2, 4… each way) and spread them
    // too, so dozens of moves into one spot rewrite a few dozen jobs, not the whole queue.
    for (let widen = 1; !fillBetween(next, start, end); widen *= 2) {
      start = Math.max(0, start - widen);
      end = Math.min(next.length, end + widen);
    }
    i = end;
  }
  // Orders in the 1e15s would defeat even that (they grow by one per move to an end): renumber.
  const strictlyIncreasing = next.every((v, i) => i === 0 || v > next[i - 1]!);
  const changes = new Map<string, number>();
  sequence.forEach((j, i) => {
    const order = strictlyIncreasing ? next[i]! : i;
    if (order !== j.order) changes.set(j.id, order);
  });
  return changes;
}

/** Least step between two spread orders, relative to their size: keeps ~20 more halvings in hand. */
const MIN_RELATIVE_STEP = 1e-9;

/**
 * Spreads `next[start…end)` evenly between the values just outside it (one apart past either end
 * of the queue). Returns false, leaving `next` as it was, when the step would be too small.
 */
function fillBetween(next: number[], start: number, end: number): boolean {
  const below = start > 0 ? next[start - 1] : undefined;
  const above = end < next.length ? next[end] : undefined;
  const count = end - start;
  if (below !== undefined && above !== undefined) {
    const step = (above - below) / (count + 1);
    if (step < MIN_RELATIVE_STEP * Math.max(1, Math.abs(below), Math.abs(above))) return false;
    for (let k = 1; k <= count; k++) next[start + k - 1] = below + step * k;
  } else {
    for (let k = 1; k <= count; k++) next[start + k - 1] = below !== undefined ? below + k : above !== undefined ? above - (count - k + 1) : k - 1;
  }
  return true;
}

/**
 * Indexes of one longest strictly increasing subsequence of `values` (patience sorting,
 * O(n log n)): the jobs that can keep their order values.
 */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  /** tails[k]: index of the smallest last value of an increasing run of length k + 1. */
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const run = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.add(i);
  return run;
}
