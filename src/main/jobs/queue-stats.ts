import type { ProviderId } from '../../shared/catalog/types';
import { ProviderId as ProviderIds } from '../../shared/catalog/types';
import type { Job, JobState } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import type { Scheduler } from './scheduler';

/** What the queue's figures are made of: the jobs, slots in use per provider, pacing, and the request total. */
export interface StatsInput {
  jobs: readonly Job[];
  active: ReadonlyMap<ProviderId, number>;
  scheduler: Pick<Scheduler, 'paused' | 'limits' | 'cooldownMs'>;
  online: boolean;
  requestsTotal: number;
}

/** The queue's figures (Queue view, status line): jobs per state, per-provider slots, waits and cool-downs, the request total. */
export function queueStatsOf(input: StatsInput): QueueStats {
  const byState: Partial<Record<JobState, number>> = {};
  const waiting = new Map<ProviderId, number>();
  for (const job of input.jobs) {
    byState[job.state] = (byState[job.state] ?? 0) + 1;
    if (job.state === 'queued') waiting.set(job.provider, (waiting.get(job.provider) ?? 0) + 1);
  }
  return {
    paused: input.scheduler.paused,
    online: input.online,
    byState,
    providers: ProviderIds.options.map((provider) => ({
      provider,
      active: input.active.get(provider) ?? 0,
      limit: input.scheduler.limits(provider).maxActive,
      waiting: waiting.get(provider) ?? 0,
      cooldownMs: input.scheduler.cooldownMs(provider),
    })),
    requests: { total: input.requestsTotal },
  };
}
