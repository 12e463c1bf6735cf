import type { Job } from '../../shared/jobs/job';

/** The part of a job a progress line shows. */
export type JobProgress = Pick<Job, 'state' | 'progress' | 'etaSeconds' | 'queuePosition' | 'notice'>;

/**
 * One progress line for stderr from the engine's view of the job: its state in words, percent
 * (0–100, rounded), the provider's ETA in seconds, the queue position, and any passing notice
 * ("fal is limiting how fast…; trying again in 4 s"). `provider` is the display name.
 * Example: `generating 40% · about 12 s left`.
 */
export function describeProgress(job: JobProgress, provider: string): string {
  const pct = job.progress !== undefined ? ` ${Math.round(job.progress)}%` : '';
  const eta = job.etaSeconds !== undefined ? ` · about ${Math.round(job.etaSeconds)} s left` : '';
  const position = job.queuePosition !== undefined ? ` (position ${job.queuePosition})` : '';
  let line: string;
  switch (job.state) {
    case 'draft':
    case 'queued':
      line = 'queued';
      break;
    case 'submitting':
      line = `sending to ${provider}`;
      break;
    case 'submitted':
      line = `waiting at ${provider}${position}${pct}${eta}`;
      break;
    case 'running':
      line = `generating${pct}${eta}`;
      break;
    case 'downloading':
      line = `downloading${pct}`;
      break;
    default:
      line = job.state.replace('_', ' ');
  }
  return job.notice ? `${line} — ${job.notice}` : line;
}
