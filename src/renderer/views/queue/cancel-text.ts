import type { JobView } from '../../../shared/jobs/job';
import { i18n } from '../../i18n/index';
import { providerName } from './job-text';

/**
 * What Cancel will do to `job`, said plainly before the user confirms (providers.md "At a glance",
 * cancel row): Novita and EvoLink document no cancel, fal cancels only before a task starts,
 * ModelArk only queued tasks. Where the provider cannot stop it, the app only stops tracking the
 * job and the task may still be billed. The engine's answer afterwards says what really happened.
 */
export function cancelExplanation(job: Pick<JobView, 'state' | 'provider'>): string {
  const name = providerName(job.provider);
  switch (job.state) {
    case 'draft':
    case 'queued':
      return i18n.t('queue:cancel.notSent');
    case 'submitting':
      return i18n.t('queue:cancel.sending', { provider: name });
    case 'downloading':
      return i18n.t('queue:cancel.downloading');
    case 'needs_attention':
      return i18n.t('queue:cancel.needsAttention', { provider: name });
    case 'submitted':
    case 'running':
      if (job.provider === 'fal') return i18n.t('queue:cancel.fal');
      if (job.provider === 'ark') return i18n.t('queue:cancel.ark');
      return i18n.t('queue:cancel.noCancel', { provider: name });
    default:
      return i18n.t('queue:cancel.ended');
  }
}

/** States in which Cancel is offered (the lifecycle's `cancel` sources plus `submitting`, which the engine defers). */
export function canCancel(state: JobView['state']): boolean {
  return ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'needs_attention'].includes(state);
}

/** States in which Retry (a new, billed submission) is offered: the job has ended or needs the user. */
export function canRetry(state: JobView['state']): boolean {
  return ['completed', 'failed', 'cancelled', 'expired', 'needs_attention'].includes(state);
}

/** States in which Remove is offered: nothing of the job is at the provider any more (engine `remove`). */
export function canRemove(state: JobView['state']): boolean {
  return ['draft', 'queued', 'completed', 'failed', 'cancelled', 'expired', 'needs_attention'].includes(state);
}
