import { backoff } from '../../shared/jobs/backoff';
import type { Job, JobError } from '../../shared/jobs/job';
import { pollDelay } from '../../shared/jobs/poll-delay';
import { PROVIDER_NAMES } from '../providers/failure';
import type { TaskStatus } from '../providers/types';
import { Aborted, sleep } from './clock';
import { failureOf, jobErrorOf, retryNotice } from './failures';
import { phrase, said, saidFix } from '../../shared/messages/phrase';
import type { JobRuntime } from './runtime';

/** The error of a job whose task outlived its documented lifetime without a final answer. */
function pastDeadline(job: Job, endsAt: number): JobError {
  const name = PROVIDER_NAMES[job.provider];
  const hours = Math.round((endsAt - DEADLINE_GRACE_MS - sentAt(job)) / 3_600_000);
  return {
    kind: 'expired',
    ...said('job.pastDeadline', { provider: name, hours, task: job.remote?.taskId ?? phrase('job.unknownTask') }),
    ...saidFix('job.pastDeadlineFix', { provider: name }),
  };
}

/** Poll interval bounds, ms (Settings → Advanced → polling bounds). */
export interface PollBounds {
  minMs: number;
  maxMs: number;
}

/** Defaults: never more often than every 2 s, never less often than every 30 s. */
export const DEFAULT_POLL_BOUNDS: PollBounds = { minMs: 2_000, maxMs: 30_000 };

/**
 * How long past a task's documented lifetime (`ProviderAdapter.taskLifetimeMs`) the engine keeps
 * polling, ms: the provider normally reports `expired` itself at the lifetime; this margin lets that
 * answer arrive (a slow queue, a clock a little off) before the engine gives up on its own.
 */
export const DEADLINE_GRACE_MS = 60 * 60 * 1000;

/**
 * Consecutive non-retryable poll failures (e.g. 404 task not found, 401 key removed) after which
 * the job fails; retryable ones (429, 5xx, network) never fail it — the task is paid for.
 */
const MAX_HARD_FAILURES = 10;

/** When `job` was sent (ms epoch): the start of its POST, else when it was first known submitted. */
function sentAt(job: Job): number {
  return job.times.submitting ?? job.times.submitted ?? job.updatedAt;
}

/** When the engine stops polling `job` (ms epoch): sent at + the provider's documented task lifetime (`lifetimeMs`) + `DEADLINE_GRACE_MS`. */
export function pollDeadline(job: Job, lifetimeMs: number): number {
  return sentAt(job) + lifetimeMs + DEADLINE_GRACE_MS;
}

/**
 * Polls job `id` while it is `submitted` or `running`, waiting `pollDelay` between polls (or the
 * backoff after a failure), and applies what the provider reports: progress/ETA/queue position,
 * `running`, success (→ `downloading`), failure, cancellation or expiry. Past `deadline(job)` (the
 * task's documented lifetime, see `pollDeadline`) the job ends `expired` without another poll,
 * whatever the provider said so far (unknown statuses, failures). Returns when the job leaves those
 * states; rejects with `Aborted` when `signal` aborts. Waits while offline.
 */
export async function pollUntilSettled(rt: JobRuntime, id: string, bounds: PollBounds, deadline: (job: Job) => number, signal: AbortSignal): Promise<void> {
  let lastDelay: number | undefined;
  let failures = 0;
  let hardFailures = 0;
  let retryDelay = 0;
  for (;;) {
    const job = rt.job(id);
    if (!job?.remote || (job.state !== 'submitted' && job.state !== 'running')) return;
    const endsAt = deadline(job);
    if (rt.clock.now() >= endsAt) {
      await rt.apply(id, { type: 'expire', error: pastDeadline(job, endsAt) });
      return;
    }
    const wanted =
      failures > 0
        ? retryDelay
        : pollDelay({
            submittedAt: job.times.submitted ?? job.updatedAt,
            now: rt.clock.now(),
            etaSeconds: job.etaSeconds,
            progress: job.progress,
            lastDelay,
            min: bounds.minMs,
            max: bounds.maxMs,
          });
    if (failures === 0) lastDelay = wanted;
    const delay = Math.min(wanted, endsAt - rt.clock.now());
    await sleep(rt.clock, delay, signal);
    await rt.waitOnline(signal);
    if (rt.clock.now() >= endsAt) continue;

    const current = rt.job(id);
    if (!current?.remote || (current.state !== 'submitted' && current.state !== 'running')) return;
    let status: TaskStatus;
    try {
      status = await rt.adapter(current.provider).poll({ taskId: current.remote.taskId, handle: current.remote.handle }, await rt.context(id, { signal }));
    } catch (err) {
      if (signal.aborted) throw new Aborted();
      const failure = failureOf(err, current.provider);
      failures++;
      if (failure.retryable) {
        hardFailures = 0;
        retryDelay = rt.scheduler.penalize(current.provider, failure.retryAfterMs);
      } else {
        hardFailures++;
        retryDelay = backoff(failures);
        if (hardFailures >= MAX_HARD_FAILURES) {
          await rt.apply(id, { type: 'fail', error: jobErrorOf(failure) });
          return;
        }
      }
      rt.log.warn('jobs.poll_failed', { id, provider: current.provider, kind: failure.kind, status: failure.httpStatus, retryInMs: retryDelay });
      rt.live(id, retryNotice(failure, retryDelay, 'check'));
      continue;
    }
    if (failures > 0) rt.live(id, { notice: null });
    failures = 0;
    hardFailures = 0;
    rt.scheduler.relieve(current.provider);
    if (await applyStatus(rt, id, status)) return;
  }
}

/** Applies one poll's answer; true when the job left `submitted`/`running`. */
async function applyStatus(rt: JobRuntime, id: string, status: TaskStatus): Promise<boolean> {
  const job = rt.job(id);
  if (!job?.remote) return true;
  const name = PROVIDER_NAMES[job.provider];
  const live = { progress: status.progress, etaSeconds: status.etaSeconds, queuePosition: status.queuePosition };
  switch (status.state) {
    case 'queued':
      rt.live(id, live);
      return false;
    case 'unknown': {
      const unknown = said('job.unknownStatus', { provider: name, status: status.providerStatus ?? '?' });
      rt.live(id, { notice: unknown.message, noticePhrase: unknown.phrase });
      return false;
    }
    case 'running':
      if (job.state === 'submitted') await rt.apply(id, { type: 'started', progress: status.progress, etaSeconds: status.etaSeconds });
      else rt.live(id, live);
      return false;
    case 'succeeded':
      if (!status.resultUrl) {
        await rt.apply(id, {
          type: 'fail',
          error: { kind: 'provider_error', ...said('job.noVideoLink', { provider: name, task: job.remote.taskId }), ...saidFix('job.noVideoLinkFix') },
        });
        return true;
      }
      await rt.apply(id, {
        type: 'succeeded',
        resultUrl: status.resultUrl,
        ...(status.resultExpiresAt === undefined ? {} : { resultExpiresAt: status.resultExpiresAt }),
        ...(status.lastFrameUrl === undefined ? {} : { lastFrameUrl: status.lastFrameUrl }),
        ...(status.seed === undefined ? {} : { seed: status.seed }),
        ...(status.usage === undefined ? {} : { usage: status.usage }),
        ...(status.draftId === undefined ? {} : { draftId: status.draftId }),
      });
      return true;
    case 'failed':
      await rt.apply(id, {
        type: 'fail',
        error: status.error ? jobErrorOf(status.error) : { kind: 'provider_error', ...said('job.failedNoReason', { provider: name }), ...saidFix('job.failedNoReasonFix') },
      });
      return true;
    case 'cancelled': {
      const cancelled = said('job.providerCancelled', { provider: name });
      await rt.apply(id, { type: 'cancel', note: cancelled.message, notePhrase: cancelled.phrase });
      return true;
    }
    case 'expired':
      await rt.apply(id, {
        type: 'expire',
        error: {
          kind: 'expired',
          ...said('job.taskExpired', { provider: name, task: job.remote.taskId }),
          ...(status.error?.providerCode ? { providerCode: status.error.providerCode } : {}),
          ...(status.error?.providerMessage ? { providerMessage: status.error.providerMessage } : {}),
          ...saidFix('job.taskExpiredFix'),
        },
      });
      return true;
  }
}
