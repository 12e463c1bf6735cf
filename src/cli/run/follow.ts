import type { EngineHost } from '../../main/jobs/engine-host';
import { isTerminal, type Job } from '../../shared/jobs/job';

/** A job the CLI watches through the engine's events. */
export interface FollowedJob {
  /** Resolves with the job once it is terminal or needs attention; rejects if the job is removed. */
  ended: Promise<Job>;
  /** The job as last reported, if any event came yet. */
  latest(): Job | undefined;
  /** Stops listening. */
  stop(): void;
}

/** True for states the CLI stops waiting at: terminal ones and `needs_attention` (never resent automatically). */
function hasEnded(job: Job): boolean {
  return isTerminal(job.state) || job.state === 'needs_attention';
}

/**
 * Follows job `id` through `jobs.subscribe`, calling `onUpdate` with every change. Subscribe
 * before submitting (with a known id) so no event is missed.
 */
export function followJob(jobs: Pick<EngineHost, 'subscribe'>, id: string, onUpdate: (job: Job) => void): FollowedJob {
  let latest: Job | undefined;
  let settle: { resolve: (job: Job) => void; reject: (err: Error) => void } | undefined;
  const ended = new Promise<Job>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const unsubscribe = jobs.subscribe((event) => {
    if (event.type === 'removed' && event.id === id) settle?.reject(new Error('The job was removed from the queue.'));
    if (event.type !== 'changed') return;
    const job = event.jobs.find((j) => j.id === id);
    if (!job) return;
    latest = job;
    onUpdate(job);
    if (hasEnded(job)) settle?.resolve(job);
  });
  return { ended, latest: () => latest, stop: unsubscribe };
}
