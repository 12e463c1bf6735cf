import { Ban, CopyPlus, Library, RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { cancelJob, duplicateToCompose, openInLibrary, removeJob, retryJob } from '../../store/jobs/actions';
import { canCancel, canRemove, canRetry, cancelExplanation } from './cancel-text';
import { RetryConfirm } from './RetryConfirm';
import { runAction } from './run-action';

/**
 * The selected job's actions. Cancel first says plainly what it will do (where the provider cannot
 * cancel: "stops tracking; may still be billed") and asks to confirm; Retry is an explicit new,
 * billed submission: it shows the price (or that the demo bills nothing) and asks before sending.
 */
export function JobActions({ job }: { job: JobView }) {
  const { t } = useTranslation('queue');
  const [confirming, setConfirming] = useState<'cancel' | 'retry' | null>(null);
  const [busy, setBusy] = useState(false);
  const clipId = job.result?.libraryId;

  const act = (what: string, work: () => Promise<unknown>, done?: string | ((v: unknown) => string | null)) => {
    setBusy(true);
    void runAction(what, work, done).finally(() => setBusy(false));
  };

  return (
    <div className="job-actions-wrap">
      <div className="job-actions" role="group" aria-label={t('actions.label')}>
        {canCancel(job.state) ? (
          <button type="button" className="button" disabled={busy} aria-expanded={confirming === 'cancel'} onClick={() => setConfirming((c) => (c === 'cancel' ? null : 'cancel'))}>
            <Ban aria-hidden="true" size={16} />
            {t('actions.cancel')}
          </button>
        ) : null}
        {canRetry(job.state) ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-expanded={confirming === 'retry'}
            title={t('actions.retryTitle')}
            onClick={() => setConfirming((c) => (c === 'retry' ? null : 'retry'))}
          >
            <RotateCcw aria-hidden="true" size={16} />
            {t('actions.retry')}
          </button>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={() => act(t('actions.duplicate'), () => duplicateToCompose(useStudio, job.id), t('actions.duplicated'))}>
          <CopyPlus aria-hidden="true" size={16} />
          {t('actions.duplicate')}
        </button>
        {clipId ? (
          <button type="button" className="button" onClick={() => openInLibrary(useStudio, clipId)}>
            <Library aria-hidden="true" size={16} />
            {t('actions.openInLibrary')}
          </button>
        ) : null}
        {canRemove(job.state) ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            title={job.state === 'completed' ? t('actions.removeTitleDone') : t('actions.removeTitle')}
            onClick={() => act(t('actions.remove'), () => removeJob(useStudio, job.id), t('actions.removed'))}
          >
            <Trash2 aria-hidden="true" size={16} />
            {t('actions.remove')}
          </button>
        ) : null}
      </div>
      {confirming === 'retry' && canRetry(job.state) ? (
        <RetryConfirm
          job={job}
          confirmLabel={t('retry.sendAgain')}
          busy={busy}
          onConfirm={() => {
            setConfirming(null);
            act(t('actions.retryAction'), () => retryJob(useStudio, job.id), t('actions.sentAgain'));
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'cancel' && canCancel(job.state) ? (
        <div className="job-confirm" role="group" aria-label={t('actions.confirmCancelLabel')}>
          <p>{cancelExplanation(job)}</p>
          <div className="job-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => {
                setConfirming(null);
                act(t('actions.cancelAction'), () => cancelJob(useStudio, job.id));
              }}
            >
              {t('actions.cancelJob')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              {t('actions.keep')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
