import type { JobView } from '../../../shared/jobs/job';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index';
import { etaText, providerName } from './job-text';
import { useNow } from './use-now';

type ProgressJob = Pick<JobView, 'state' | 'progress' | 'etaSeconds' | 'updatedAt' | 'provider'>;

/**
 * The job's progress (issue 14 item 7): a determinate bar only for a number someone measured — the
 * provider's reported percent while generating, the bytes while downloading (`JobView.progress`);
 * otherwise an indeterminate bar (a sliding segment, never a full one that reads as done), with
 * the provider's ETA when it gave one. Nothing for jobs not sent or ended. `decorative` (in a row,
 * whose chip and times already say it) hides it from assistive technology; otherwise it is a
 * labelled `progressbar` with a caption.
 */
export function ProgressBar({ job, decorative = false }: { job: ProgressJob; decorative?: boolean }) {
  const { t } = useTranslation('queue');
  const active = ['submitting', 'submitted', 'running', 'downloading'].includes(job.state);
  const now = useNow(active && !decorative && job.progress === undefined && job.etaSeconds !== undefined);
  if (!active) return null;
  const value = job.progress === undefined ? undefined : Math.round(job.progress);
  const indeterminate = value === undefined ? '' : undefined;
  const fill = <span style={value === undefined ? undefined : { width: `${value}%` }} />;
  if (decorative) {
    return (
      <span className="job-progress" aria-hidden="true" data-indeterminate={indeterminate}>
        {fill}
      </span>
    );
  }
  const caption = value === undefined ? unmeasured(job, now) : undefined;
  return (
    <div className="job-progress-wrap">
      <div
        className="job-progress"
        role="progressbar"
        aria-label={job.state === 'downloading' ? t('progress.download') : t('progress.generation')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={caption}
        data-indeterminate={indeterminate}
      >
        {fill}
      </div>
      {caption ? <p className="job-progress-note">{caption}</p> : null}
    </div>
  );
}

/** The caption of a bar without a number: who gives no percent, and the ETA when there is one. */
function unmeasured(job: ProgressJob, now: number): string {
  const name = providerName(job.provider);
  const eta = etaText(job, now);
  const what =
    job.state === 'downloading'
      ? i18n.t('queue:progress.sizeUnknown')
      : job.state === 'submitting'
        ? i18n.t('queue:progress.sending', { provider: name })
        : i18n.t('queue:progress.noPercent', { provider: name });
  return eta ? i18n.t('queue:progress.withEta', { what, eta }) : what;
}
