import type { Job } from '../../shared/jobs/job';
import { PROVIDER_NAMES } from '../providers/failure';
import type { ProviderAdapter } from '../providers/types';

/**
 * What cancelling a job means in its state (pure; the engine carries it out):
 * - `local`: nothing at the provider (draft, queued): stop its flow, then cancel it with `note`.
 * - `later`: the billable POST is in flight (`submitting`): nothing can be decided until it has an
 *   outcome; the engine remembers the wish and cancels once the task id (or a requeue) is known.
 * - `remote`: a task exists (submitted, running): ask the provider when it can cancel (`ask`), else
 *   stop tracking it with `note` (providers.md "cancel": Novita and EvoLink have no cancel API).
 * - `download`: the video is made and billed: stop the download, drop the part file, cancel with `note`.
 * - `dismiss`: needs attention: the user has seen it; cancel with `note` (the task, if any, is theirs to check).
 * - `ended`: terminal; nothing to cancel (`message` says so).
 */
export type CancelPlan =
  | { kind: 'local'; note: string }
  | { kind: 'later'; message: string }
  | { kind: 'remote'; ask: true }
  | { kind: 'remote'; ask: false; note: string }
  | { kind: 'download'; note: string }
  | { kind: 'dismiss'; note: string }
  | { kind: 'ended'; message: string };

/** The plan for cancelling `job` through `adapter` (its provider's). */
export function planCancel(job: Pick<Job, 'state' | 'provider'>, adapter: Pick<ProviderAdapter, 'cancel'>): CancelPlan {
  const name = PROVIDER_NAMES[job.provider];
  switch (job.state) {
    case 'draft':
    case 'queued':
      return { kind: 'local', note: 'Cancelled before it was sent; nothing was billed.' };
    case 'submitting':
      return { kind: 'later', message: `It is being sent to ${name} right now; it will be cancelled as soon as ${name} confirms it.` };
    case 'submitted':
    case 'running':
      if (adapter.cancel === 'none') {
        return { kind: 'remote', ask: false, note: `Stopped tracking this job. ${name} has no way to cancel a task, so it may still run and be billed.` };
      }
      return { kind: 'remote', ask: true };
    case 'downloading':
      return { kind: 'download', note: `Download stopped. ${name} already made (and billed) the video; its link works until it expires.` };
    case 'needs_attention':
      return { kind: 'dismiss', note: `Dismissed. Check the ${name} dashboard for a task that may have been billed.` };
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'expired':
      return { kind: 'ended', message: `This job has already ended (${job.state}); there is nothing to cancel.` };
  }
}

/** What to say after asking the provider to cancel: cancelled (`note` for the job), or why it goes on. */
export function providerCancelAnswer(
  provider: Job['provider'],
  answer: { cancelled: true } | { cancelled: false; reason?: string } | { error: unknown },
): { cancelled: true; note: string } | { cancelled: false; message: string } {
  const name = PROVIDER_NAMES[provider];
  if ('error' in answer) {
    const why = answer.error instanceof Error ? answer.error.message : String(answer.error);
    return { cancelled: false, message: `Could not ask ${name} to cancel it (${why}). The job continues.` };
  }
  if (answer.cancelled) return { cancelled: true, note: `Cancelled at ${name}.` };
  const reason = answer.reason ? ` (${answer.reason})` : '';
  return { cancelled: false, message: `${name} could not cancel it${reason}: it has probably started. It keeps running and the video will be downloaded.` };
}
