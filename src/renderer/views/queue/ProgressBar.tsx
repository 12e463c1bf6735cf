import type { JobView } from '../../../shared/jobs/job';

/**
 * The job's progress: generation while it is at the provider, the download while downloading
 * (`JobView.progress`, percent); full and pulsing while the provider gives no number. Nothing for
 * jobs not sent or ended. `decorative` (in a row, whose chip already says the percent) hides it
 * from assistive technology; otherwise it is a labelled `progressbar`.
 */
export function ProgressBar({ job, decorative = false }: { job: Pick<JobView, 'state' | 'progress'>; decorative?: boolean }) {
  if (!['submitting', 'submitted', 'running', 'downloading'].includes(job.state)) return null;
  const value = job.progress === undefined ? undefined : Math.round(job.progress);
  const fill = <span style={{ width: `${value ?? 100}%` }} />;
  const indeterminate = value === undefined ? '' : undefined;
  if (decorative) {
    return (
      <span className="job-progress" aria-hidden="true" data-indeterminate={indeterminate}>
        {fill}
      </span>
    );
  }
  return (
    <div
      className="job-progress"
      role="progressbar"
      aria-label={job.state === 'downloading' ? 'Download' : 'Generation'}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      data-indeterminate={indeterminate}
    >
      {fill}
    </div>
  );
}
