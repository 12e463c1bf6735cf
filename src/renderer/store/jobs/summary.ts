import type { JobView } from '../../../shared/jobs/job';
import { RUNNING_STATES } from './filters';

/** The queue at a glance for the rail badge and the status line. */
export interface QueueSummary {
  /** Jobs being sent, at the provider, or downloading (`RUNNING_STATES`). */
  running: number;
  /** Jobs not sent yet (`queued`): what goes out when the network returns or the queue resumes. */
  queued: number;
  /**
   * Mean progress of the running jobs, percent 0–100 (rounded down); null when none runs. A job
   * that is downloading counts as 100: its video is made and downloads take seconds, while
   * generation takes minutes.
   */
  progress: number | null;
}

/** Counts and aggregate progress of `jobs` (any order). */
export function summarise(jobs: Iterable<JobView>): QueueSummary {
  let running = 0;
  let queued = 0;
  let total = 0;
  for (const job of jobs) {
    if (job.state === 'queued') queued++;
    if (!RUNNING_STATES.includes(job.state)) continue;
    running++;
    total += job.state === 'downloading' ? 100 : (job.progress ?? 0);
  }
  return { running, queued, progress: running ? Math.floor(total / running) : null };
}
