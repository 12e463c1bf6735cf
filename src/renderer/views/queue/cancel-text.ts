import type { JobView } from '../../../shared/jobs/job';
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
      return 'It has not been sent yet, so nothing is billed.';
    case 'submitting':
      return `It is being sent to ${name} right now; it will be cancelled as soon as ${name} confirms it.`;
    case 'downloading':
      return 'The video is already made (and billed); cancelling stops the download and discards it.';
    case 'needs_attention':
      return `The app stops tracking it. If ${name} did get the task, it may still run and be billed — check the ${name} dashboard.`;
    case 'submitted':
    case 'running':
      if (job.provider === 'fal') return `fal can cancel a task only before it starts. If it has started, the app stops tracking it; it may still be billed.`;
      if (job.provider === 'ark') return `ModelArk can cancel a task only while it is queued. If it is already generating, it keeps running and may still be billed.`;
      return `${name} has no way to cancel a task: the app stops tracking it; it may still be billed.`;
    default:
      return 'It has already ended.';
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
