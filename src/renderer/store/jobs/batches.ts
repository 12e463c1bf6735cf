import type { JobView } from '../../../shared/jobs/job';

/** The Queue's list: a batch's header row before the first of its takes shown, then the jobs. */
export type QueueRow = { kind: 'batch'; batchId: string } | { kind: 'job'; job: JobView };

/** Every batch's takes, by batch id, in take order (a retried take after the take it retried). */
export function groupBatches(jobs: Iterable<JobView>): Map<string, JobView[]> {
  const out = new Map<string, JobView[]>();
  for (const job of jobs) {
    if (!job.batch) continue;
    const list = out.get(job.batch.id);
    if (list) list.push(job);
    else out.set(job.batch.id, [job]);
  }
  for (const list of out.values()) list.sort((a, b) => a.batch!.take - b.batch!.take || a.order - b.order);
  return out;
}

/**
 * The rows of the Queue's list for `shown` (in queue order): each batch's header goes right before
 * the first of its takes that is shown, once; lone jobs and takes keep their places. O(n).
 */
export function queueRows(shown: readonly JobView[]): QueueRow[] {
  const headed = new Set<string>();
  const rows: QueueRow[] = [];
  for (const job of shown) {
    const id = job.batch?.id;
    if (id && !headed.has(id)) {
      headed.add(id);
      rows.push({ kind: 'batch', batchId: id });
    }
    rows.push({ kind: 'job', job });
  }
  return rows;
}

/** States a batch's Cancel all stops: takes still on their way (one needing attention is left to the user). */
const CANCELLABLE = new Set<JobView['state']>(['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading']);

/** The takes Cancel all would cancel. */
export function cancellableTakes(takes: readonly JobView[]): JobView[] {
  return takes.filter((t) => CANCELLABLE.has(t.state));
}

/** The library clips of a batch's finished takes, in take order: what Compare opens. */
export function batchClipIds(takes: readonly JobView[]): string[] {
  return takes.flatMap((t) => (t.state === 'completed' && t.result?.libraryId ? [t.result.libraryId] : []));
}
