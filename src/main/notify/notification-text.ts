import { findModel } from '../../shared/catalog/models';
import type { FocusJob } from '../../shared/contract/app';
import type { Job, JobState } from '../../shared/jobs/job';
import type { NativeText } from '../i18n/native-text';
import type { NativeKey } from '../i18n/resources';
import { redactText } from '../logging/redact';

/**
 * What a click on a desktop notification or one of its buttons asks for: show the job, or continue
 * from its last frame. The same words `app:focusJob` carries to the renderer.
 */
export type NotificationAction = FocusJob['action'];

/**
 * One desktop notification about one job. `title` and `body` are plain text (the OS renders
 * them); `actions` lists what the notification offers — `open` is what a click on it does, the
 * others are buttons where the OS has them (Electron: macOS and Windows).
 */
export interface DesktopNotification {
  title: string;
  body: string;
  jobId: string;
  actions: NotificationAction[];
}

/** Which setting (`settings.notifications`) governs a state's notification; null for states that never notify. */
export type NotifySetting = 'onFinish' | 'onFail';

/**
 * The setting behind a notification for a job that entered `state` (issue 5, "Notify": finished or
 * failed). `expired` and `needs_attention` count as failures: the user has to act on them.
 * `cancelled` never notifies — the user did it.
 */
export function notifySettingFor(state: JobState): NotifySetting | null {
  switch (state) {
    case 'completed':
      return 'onFinish';
    case 'failed':
    case 'expired':
    case 'needs_attention':
      return 'onFail';
    default:
      return null;
  }
}

/** Longest prompt excerpt in a notification body, characters: about one line of a toast on every OS. */
const PROMPT_CHARS = 80;

/** The text keys of a failure's title, and of the reason used when the job carries no error message. */
const FAILURE_TEXT: Record<'failed' | 'expired' | 'needs_attention', { title: NativeKey; reason: NativeKey }> = {
  failed: { title: 'notification.failed', reason: 'notification.failedReason' },
  expired: { title: 'notification.expired', reason: 'notification.expiredReason' },
  needs_attention: { title: 'notification.needsAttention', reason: 'notification.needsAttentionReason' },
};

/**
 * The notification for a job that has just entered `job.state`, or null when that state does not
 * notify (see `notifySettingFor`).
 * - `completed`: "Video ready"; body = prompt excerpt · model name; actions `open`, plus `continue`
 *   when the library filed the clip (continuing needs its last frame).
 * - `failed` / `expired` / `needs_attention`: the plain reason (`job.error.phrase` in the app's
 *   language, else `job.error.message`; never the provider's raw message), then the prompt
 *   excerpt; action `open`.
 * Registered secrets are masked in the body (`redactText`): the OS may keep notification history.
 * The words are `text`'s (the app's language); the prompt and model name are as they are.
 */
export function notificationFor(job: Job, text: Pick<NativeText, 't' | 'phrase'>): DesktopNotification | null {
  const { t } = text;
  const prompt = promptExcerpt(job.params.prompt) || t('notification.noPrompt');
  switch (job.state) {
    case 'completed': {
      const model = findModel(job.params.modelId)?.name ?? job.params.modelId;
      const actions: NotificationAction[] = job.result?.libraryId ? ['open', 'continue'] : ['open'];
      return { title: t('notification.ready'), body: redactText(`${prompt} · ${model}`), jobId: job.id, actions };
    }
    case 'failed':
    case 'expired':
    case 'needs_attention': {
      const keys = FAILURE_TEXT[job.state];
      const reason = (job.error ? text.phrase(job.error.phrase, job.error.message).trim() : '') || t(keys.reason);
      return { title: t(keys.title), body: redactText(`${reason}\n${prompt}`), jobId: job.id, actions: ['open'] };
    }
    default:
      return null;
  }
}

/** The prompt on one line, cut at `PROMPT_CHARS` with an ellipsis; '' when empty (the caller says "No prompt", as the Queue does). */
function promptExcerpt(prompt: string): string {
  const text = prompt.trim().replace(/\s+/g, ' ');
  return text.length > PROMPT_CHARS ? `${text.slice(0, PROMPT_CHARS - 1)}…` : text;
}
