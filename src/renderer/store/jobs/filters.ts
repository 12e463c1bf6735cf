import type { JobState, JobView } from '../../../shared/jobs/job';

/** The Queue's filters (issue 5, "Queue view"): everything, work under way, ended well, ended badly. */
export const JOB_FILTERS = ['all', 'active', 'finished', 'failed'] as const;
export type JobFilter = (typeof JOB_FILTERS)[number];

/** States whose job is still on its way: not sent yet, at the provider, or downloading. */
export const ACTIVE_STATES: readonly JobState[] = ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading'];

/** States the rail badge and the status line count as "running": the provider holds the task, or we download it. */
export const RUNNING_STATES: readonly JobState[] = ['submitting', 'submitted', 'running', 'downloading'];

/**
 * Which filter a state belongs to besides `all`. A cancelled job ended by the user's choice, so it
 * counts as finished; `needs_attention` and `expired` are problems the user has to look at, so
 * they count as failed.
 */
export function filterOf(state: JobState): Exclude<JobFilter, 'all'> {
  if (ACTIVE_STATES.includes(state)) return 'active';
  if (state === 'completed' || state === 'cancelled') return 'finished';
  return 'failed';
}

/** True when `job` shows under `filter`. */
export function matchesFilter(job: Pick<JobView, 'state'>, filter: JobFilter): boolean {
  return filter === 'all' || filterOf(job.state) === filter;
}

/** How many jobs each filter shows, for the filter buttons. */
export function filterCounts(jobs: Iterable<Pick<JobView, 'state'>>): Record<JobFilter, number> {
  const counts: Record<JobFilter, number> = { all: 0, active: 0, finished: 0, failed: 0 };
  for (const job of jobs) {
    counts.all++;
    counts[filterOf(job.state)]++;
  }
  return counts;
}
