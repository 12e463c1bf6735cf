import type { Job, JobState } from '../../shared/jobs/job';

/**
 * States that count as "running" for the taskbar: the job is being sent, is at the provider or is
 * downloading. The same set as the rail badge and the status line (`RUNNING_STATES` in
 * src/renderer/store/jobs/filters.ts), so the taskbar never disagrees with the window.
 */
export const PROGRESS_STATES: readonly JobState[] = ['submitting', 'submitted', 'running', 'downloading'];

/**
 * The taskbar's progress: the mean progress of the running jobs as a fraction 0–1, or null when
 * none runs (the host then removes the bar). A job without progress yet counts as 0; a job that is
 * downloading counts as done (1), as the status line counts it (src/renderer/store/jobs/summary.ts):
 * its video is made and the download takes seconds, while generation takes minutes — counting the
 * download's own 0–100 would make the bar jump back when generation ends.
 */
export function aggregateProgress(jobs: Iterable<Pick<Job, 'state' | 'progress'>>): number | null {
  let running = 0;
  let total = 0;
  for (const job of jobs) {
    if (!PROGRESS_STATES.includes(job.state)) continue;
    running++;
    total += job.state === 'downloading' ? 100 : Math.min(100, Math.max(0, job.progress ?? 0));
  }
  return running === 0 ? null : total / running / 100;
}
