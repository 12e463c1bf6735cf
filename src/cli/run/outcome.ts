import { KEY_VARS } from '../../main/providers/registry';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import type { ProviderId } from '../../shared/catalog/types';
import type { Job, JobErrorKind } from '../../shared/jobs/job';

/** How long each phase of a job took, ms (from the engine's `times`). */
export interface RunTimings {
  /** Queued → accepted by the provider: image processing, uploads and the submit POST. */
  submitMs: number;
  /** Accepted → generating (the provider's queue). */
  waitingMs: number;
  /** Generating → the provider reported the video done. */
  generatingMs: number;
  /** Download, check with ffprobe and filing into the library. */
  downloadMs: number;
  totalMs: number;
}

/** Phase durations of a completed job; a phase the provider never reported counts 0 ms. */
export function timingsOf(job: Pick<Job, 'times' | 'updatedAt'>): RunTimings {
  const t = job.times;
  const end = t.completed ?? job.updatedAt;
  const queued = t.queued ?? t.draft ?? end;
  const downloading = t.downloading ?? end;
  const submitted = t.submitted ?? t.running ?? downloading;
  const running = t.running ?? downloading;
  return {
    submitMs: submitted - queued,
    waitingMs: running - submitted,
    generatingMs: downloading - running,
    downloadMs: end - downloading,
    totalMs: end - queued,
  };
}

/** What to do next, in command-line terms (the engine's own advice points at the app's screens and buttons). */
function cliFix(kind: JobErrorKind, provider: ProviderId): string | undefined {
  const name = PROVIDER_NAMES[provider];
  switch (kind) {
    case 'auth':
      return `Check ${KEY_VARS[provider]}.`;
    case 'quota':
      return `Top up the ${name} balance, then run again.`;
    case 'invalid_input':
      return 'Change the parameters or images, then run again.';
    case 'content_policy':
      return 'Change the prompt or images, then run again.';
    case 'provider_error':
    case 'expired':
    case 'download':
    case 'verification':
      return 'Run again; if it keeps failing, try later or another provider.';
    case 'network':
      return 'Check the internet connection, then run again.';
    case 'timeout':
    case 'rate_limited':
      return 'Run again in a minute.';
    case 'interrupted':
      return `Check the ${name} dashboard before running again: running again may bill twice.`;
    case 'internal':
      return undefined;
  }
}

/**
 * Why a job did not complete, for stderr: the engine's plain message (which never contains a key),
 * the provider's own code and words when it gave them, the task id when there is one, and what to
 * do. `job.state` is one of `failed`, `cancelled`, `expired`, `needs_attention`.
 */
export function failureText(job: Job): string {
  const name = PROVIDER_NAMES[job.provider];
  const e = job.error;
  const lines: string[] = [];
  if (e) {
    lines.push(e.message);
    if (e.providerMessage && !e.message.includes(e.providerMessage)) lines.push(`  ${name} said: ${e.providerCode ? `${e.providerCode}: ` : ''}${e.providerMessage}`);
    else if (e.providerCode) lines.push(`  ${name} code: ${e.providerCode}`);
  } else {
    const note = job.history.at(-1)?.note;
    lines.push(note ?? `The job ended as ${job.state.replace('_', ' ')}.`);
  }
  if (job.remote?.taskId) lines.push(`  ${name} task: ${job.remote.taskId}`);
  const fix = e ? cliFix(e.kind, job.provider) : undefined;
  if (fix) lines.push(fix);
  return `${lines.join('\n')}\n`;
}
