import type { JobView } from '../../../shared/jobs/job';
import type { ProviderQueueStats } from '../../../shared/jobs/queue-stats';
import { providerName } from './job-text';

/** What the Queue knows about why jobs may be held: from `jobs:stats` and `app:status`. */
export interface WaitContext {
  /** The queue is paused (nothing new is sent). */
  paused: boolean;
  /** The network is reachable; undefined while unknown. */
  online: boolean | undefined;
  /** The job's provider's load (`QueueStats.providers`), when known. */
  provider: ProviderQueueStats | undefined;
}

/**
 * Why a job is not moving, in its own row (issue 14 item 7), or null when nothing holds it:
 * - not sent yet: offline, the queue paused, the provider cooling down after a 429/5xx/network
 *   failure (`cooldownMs`), or every slot the user allows at that provider in use
 *   (`active ≥ limit`, Settings "Jobs at once");
 * - at the provider or downloading while offline: checks (or the download) resume with the network.
 */
export function waitReason(job: Pick<JobView, 'state' | 'provider'>, ctx: WaitContext): string | null {
  const name = providerName(job.provider);
  if (job.state === 'queued') {
    if (ctx.online === false) return 'Held: offline. It is sent when the network returns.';
    if (ctx.paused) return 'Held: the queue is paused. It is sent when you resume the queue.';
    const p = ctx.provider;
    if (p && p.cooldownMs > 0) return `Held: ${name} asked for a pause after an error. Sending resumes in about ${Math.ceil(p.cooldownMs / 1000)} s.`;
    if (p && p.active >= p.limit) {
      return `Held: ${p.active} of ${p.limit} jobs are already running at ${name} (Settings → Jobs at once). It is sent when one finishes.`;
    }
    return null;
  }
  if (ctx.online !== false) return null;
  if (job.state === 'submitted' || job.state === 'running') return `Offline: ${name} keeps working on it; status checks resume when the network returns.`;
  if (job.state === 'downloading') return 'Offline: the download resumes when the network returns.';
  if (job.state === 'submitting') return `Offline: it is sent to ${name} when the network returns.`;
  return null;
}
