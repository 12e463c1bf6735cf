import type { JobView } from '../../../shared/jobs/job';
import type { ProviderQueueStats } from '../../../shared/jobs/queue-stats';
import { i18n } from '../../i18n/index';
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
    if (ctx.online === false) return i18n.t('queue:wait.heldOffline');
    if (ctx.paused) return i18n.t('queue:wait.heldPaused');
    const p = ctx.provider;
    if (p && p.cooldownMs > 0) return i18n.t('queue:wait.heldCooldown', { provider: name, seconds: Math.ceil(p.cooldownMs / 1000) });
    if (p && p.active >= p.limit) {
      return i18n.t('queue:wait.heldSlots', { active: p.active, limit: p.limit, provider: name });
    }
    return null;
  }
  if (ctx.online !== false) return null;
  if (job.state === 'submitted' || job.state === 'running') return i18n.t('queue:wait.offlineAtProvider', { provider: name });
  if (job.state === 'downloading') return i18n.t('queue:wait.offlineDownload');
  if (job.state === 'submitting') return i18n.t('queue:wait.offlineSending', { provider: name });
  return null;
}
