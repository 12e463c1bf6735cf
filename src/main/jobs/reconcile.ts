import { AUTO_DURATION } from '../../shared/catalog/task-type';
import type { ModelEntry } from '../../shared/catalog/types';
import type { Job } from '../../shared/jobs/job';
import { PROVIDER_NAMES } from '../providers/failure';
import type { ListedTask, ProviderAdapter, TaskListing } from '../providers/types';
import { sleep } from './clock';
import { failureOf } from './failures';
import type { JobRuntime } from './runtime';
import { said } from '../../shared/messages/phrase';

/**
 * Margin around the window in which a job's POST could have made its task, ms: the provider's
 * `created_at` has 1 s resolution and the clock correction (its `Date` header) another second, plus
 * the request's own time on the wire.
 */
export const RECONCILE_SLACK_MS = 60_000;
/**
 * How long after the POST's outcome became unknown the task list is trusted to show its task, ms:
 * a request that reached the provider has made its task well within this.
 */
export const RECONCILE_SETTLE_MS = 60_000;
/** Tries of the list request when it fails retryably (429, 5xx, network). */
const LIST_ATTEMPTS = 5;

/**
 * A job caught with an unknown POST outcome (interrupted send, no task id) at a provider that can
 * list its tasks — and that the user has not retried (`jobs`: every job; a retry is the user's own
 * second submission, so the engine must not send the first one again as well).
 */
export function canReconcile(job: Job, adapter: Pick<ProviderAdapter, 'listTasks'>, jobs: readonly Job[]): boolean {
  return (
    job.state === 'needs_attention' &&
    job.error?.kind === 'interrupted' &&
    !job.remote &&
    typeof adapter.listTasks === 'function' &&
    !jobs.some((j) => j.retryOf === job.id)
  );
}

/** What the task list says about a job: its one task, none at all, or several that fit (the user decides). */
export type TaskMatch = { kind: 'one'; task: ListedTask } | { kind: 'none' } | { kind: 'several'; taskIds: string[] };

/**
 * The listed tasks that could be `job`'s (pure): the same model, and — where the provider echoes
 * them — the same resolution, duration, ratio (unless the job let the provider pick) and seed
 * (unless random); tasks another job already holds (`claimed`) are not candidates. The listing is
 * already limited to the job's time window.
 */
export function matchTask(job: Job, model: string, tasks: readonly ListedTask[], claimed: ReadonlySet<string>): TaskMatch {
  const p = job.params;
  const candidates = tasks.filter(
    (t) =>
      !claimed.has(t.taskId) &&
      t.model === model &&
      (t.resolution === undefined || t.resolution === p.resolution) &&
      (t.duration === undefined || p.duration === AUTO_DURATION || t.duration === p.duration) &&
      (t.ratio === undefined || p.aspectRatio === 'adaptive' || p.aspectRatio === 'auto' || t.ratio === p.aspectRatio) &&
      (t.seed === undefined || p.seed === undefined || p.seed === -1 || t.seed === p.seed),
  );
  if (candidates.length === 1) return { kind: 'one', task: candidates[0]! };
  if (candidates.length === 0) return { kind: 'none' };
  return { kind: 'several', taskIds: candidates.map((t) => t.taskId) };
}

/**
 * Settles job `id` (see `canReconcile`) from the provider's task list instead of asking the user:
 * once `RECONCILE_SETTLE_MS` have passed since the send was interrupted, lists the model's tasks
 * made between the start of the send and then (± `RECONCILE_SLACK_MS`). Exactly one fitting task →
 * the job takes it (`recovered` → submitted, then polled as usual). No task, with every page read and
 * the provider's clock checked → nothing was made: the job is queued again (`requeue`). Anything
 * else (several fit, an incomplete list, an unchecked clock, a list that fails) leaves the job
 * needing attention, as before. Rejects with `Aborted` when `signal` aborts.
 */
export async function reconcileJob(rt: JobRuntime, id: string, catalog: (modelId: string) => ModelEntry | undefined, signal: AbortSignal): Promise<void> {
  const job = rt.job(id);
  if (!job || !canReconcile(job, rt.adapter(job.provider), rt.jobs())) return;
  const entry = catalog(job.params.modelId);
  if (!entry) return;
  const from = (job.times.submitting ?? job.updatedAt) - RECONCILE_SLACK_MS;
  const to = (job.times.needs_attention ?? job.updatedAt) + RECONCILE_SLACK_MS;
  await sleep(rt.clock, to - RECONCILE_SLACK_MS + RECONCILE_SETTLE_MS - rt.clock.now(), signal);
  const listing = await listWithRetries(rt, id, { model: entry.model, from, to }, signal);
  const current = rt.job(id);
  if (!listing || !current || !canReconcile(current, rt.adapter(current.provider), rt.jobs())) return;
  const name = PROVIDER_NAMES[current.provider];
  const claimed = new Set(rt.jobs().flatMap((j) => (j.id !== id && j.remote ? [j.remote.taskId] : [])));
  const match = matchTask(current, entry.model, listing.tasks, claimed);
  rt.log.info('jobs.reconciled', { id, match: match.kind, complete: listing.complete, clockChecked: listing.clockChecked });
  if (match.kind === 'one') {
    const { message, phrase } = said('notice.foundInList', { provider: name, task: match.task.taskId });
    await rt.apply(id, { type: 'recovered', task: { taskId: match.task.taskId, handle: {} }, note: message, notePhrase: phrase });
  } else if (match.kind === 'none' && listing.complete && listing.clockChecked) {
    const { message, phrase } = said('notice.notInList', { provider: name });
    await rt.apply(id, { type: 'requeue', note: message, notePhrase: phrase });
  }
}

async function listWithRetries(rt: JobRuntime, id: string, query: { model: string; from: number; to: number }, signal: AbortSignal): Promise<TaskListing | null> {
  const job = rt.job(id)!;
  const adapter = rt.adapter(job.provider);
  for (let attempt = 1; ; attempt++) {
    await rt.waitOnline(signal);
    try {
      return await adapter.listTasks!(query, await rt.context(id, { signal }));
    } catch (err) {
      if (signal.aborted) throw err;
      const failure = failureOf(err, job.provider);
      rt.log.warn('jobs.reconcile_list_failed', { id, attempt, kind: failure.kind, status: failure.httpStatus });
      if (!failure.retryable || attempt >= LIST_ATTEMPTS) return null;
      await sleep(rt.clock, rt.scheduler.penalize(job.provider, failure.retryAfterMs), signal);
    }
  }
}
