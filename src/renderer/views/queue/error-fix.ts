import type { JobError, JobView } from '../../../shared/jobs/job';
import { i18n } from '../../i18n/index';

/** The one-click remedy a failed job offers beside the engine's advice (issue 5: "retry without audio", "check your key in Settings"). */
export type FixAction = 'settings' | 'retry-without-audio' | 'edit-in-compose' | 'retry' | null;

/** True when the provider blamed the generated audio (ModelArk `OutputAudioSensitiveContentDetected`, or a message about audio). */
export function blamesAudio(error: Pick<JobError, 'providerCode' | 'providerMessage' | 'message'>): boolean {
  return /audio/i.test(`${error.providerCode ?? ''} ${error.providerMessage ?? ''} ${error.message}`);
}

/**
 * The remedy for `job`'s error: a key problem goes to Settings; moderated audio on a job that made
 * audio is retried without it; other refused inputs are edited in Compose; passing troubles
 * (network, busy provider, timeouts, downloads) are retried. Quota and interrupted submissions get
 * none: the fix is outside the app (top up; check the dashboard before paying twice).
 */
export function fixFor(job: Pick<JobView, 'error' | 'params'>): FixAction {
  const error = job.error;
  if (!error) return null;
  switch (error.kind) {
    case 'auth':
      return 'settings';
    case 'content_policy':
      return blamesAudio(error) && job.params.generateAudio !== false ? 'retry-without-audio' : 'edit-in-compose';
    case 'invalid_input':
      return 'edit-in-compose';
    case 'rate_limited':
    case 'provider_error':
    case 'network':
    case 'timeout':
    case 'expired':
    case 'download':
    case 'verification':
      return 'retry';
    default:
      return null;
  }
}

/** The button's words for a remedy, in the UI's language. */
export function fixLabel(fix: Exclude<FixAction, null>): string {
  return i18n.t(`queue:fix.${fix}`);
}
