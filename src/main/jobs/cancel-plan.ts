import type { Job } from '../../shared/jobs/job';
import { PROVIDER_NAMES } from '../providers/failure';
import { ProviderError, type ProviderAdapter } from '../providers/types';
import { phrase, said, type Said } from '../../shared/messages/phrase';

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
  | { kind: 'local'; note: Said }
  | { kind: 'later'; message: Said }
  | { kind: 'remote'; ask: true }
  | { kind: 'remote'; ask: false; note: Said }
  | { kind: 'download'; note: Said }
  | { kind: 'dismiss'; note: Said }
  | { kind: 'ended'; message: Said };

/** The plan for cancelling `job` through `adapter` (its provider's). */
export function planCancel(job: Pick<Job, 'state' | 'provider'>, adapter: Pick<ProviderAdapter, 'cancel'>): CancelPlan {
  const name = PROVIDER_NAMES[job.provider];
  switch (job.state) {
    case 'draft':
    case 'queued':
      return { kind: 'local', note: said('cancel.local') };
    case 'submitting':
      return { kind: 'later', message: said('cancel.later', { provider: name }) };
    case 'submitted':
    case 'running':
      if (adapter.cancel === 'none') {
        return { kind: 'remote', ask: false, note: said('cancel.untracked', { provider: name }) };
      }
      return { kind: 'remote', ask: true };
    case 'downloading':
      return { kind: 'download', note: said('cancel.download', { provider: name }) };
    case 'needs_attention':
      return { kind: 'dismiss', note: said('cancel.dismissed', { provider: name }) };
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'expired':
      return { kind: 'ended', message: said('cancel.ended', { state: phrase(`cancel.state.${job.state}`) }) };
  }
}

/** What to say after asking the provider to cancel: cancelled (`note` for the job), or why it goes on. */
export function providerCancelAnswer(
  provider: Job['provider'],
  answer: { cancelled: true } | { cancelled: false; reason?: string | Said } | { error: unknown },
): { cancelled: true; note: Said } | { cancelled: false; message: Said } {
  const name = PROVIDER_NAMES[provider];
  if ('error' in answer) {
    // A provider failure carries its sentence as a phrase; anything else is shown as it was thrown.
    const why = answer.error instanceof ProviderError && answer.error.failure.phrase ? answer.error.failure.phrase : answer.error instanceof Error ? answer.error.message : String(answer.error);
    return { cancelled: false, message: said('cancel.askFailed', { provider: name, reason: why }) };
  }
  if (answer.cancelled) return { cancelled: true, note: said('cancel.atProvider', { provider: name }) };
  const given = typeof answer.reason === 'object' ? answer.reason.phrase : answer.reason;
  const reason = given ? phrase('cancel.refusedReason', { reason: given }) : '';
  return { cancelled: false, message: said('cancel.refused', { provider: name, reason }) };
}
