import { Ban, CopyPlus, Library, RotateCcw, Trash2 } from 'lucide-react';
import { useState } from 'react';
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
  const [confirming, setConfirming] = useState<'cancel' | 'retry' | null>(null);
  const [busy, setBusy] = useState(false);
  const clipId = job.result?.libraryId;

  const act = (what: string, work: () => Promise<unknown>, done?: string | ((v: unknown) => string | null)) => {
    setBusy(true);
    void runAction(what, work, done).finally(() => setBusy(false));
  };

  return (
    <div className="job-actions-wrap">
      <div className="job-actions" role="group" aria-label="Job actions">
        {canCancel(job.state) ? (
          <button type="button" className="button" disabled={busy} aria-expanded={confirming === 'cancel'} onClick={() => setConfirming((c) => (c === 'cancel' ? null : 'cancel'))}>
            <Ban aria-hidden="true" size={16} />
            Cancel…
          </button>
        ) : null}
        {canRetry(job.state) ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            aria-expanded={confirming === 'retry'}
            title="Sends the same inputs again as a new job; asks first, with the price"
            onClick={() => setConfirming((c) => (c === 'retry' ? null : 'retry'))}
          >
            <RotateCcw aria-hidden="true" size={16} />
            Retry…
          </button>
        ) : null}
        <button type="button" className="button" disabled={busy} onClick={() => act('Duplicate to Compose', () => duplicateToCompose(useStudio, job.id), 'Opened as a new draft in Compose.')}>
          <CopyPlus aria-hidden="true" size={16} />
          Duplicate to Compose
        </button>
        {clipId ? (
          <button type="button" className="button" onClick={() => openInLibrary(useStudio, clipId)}>
            <Library aria-hidden="true" size={16} />
            Open in Library
          </button>
        ) : null}
        {canRemove(job.state) ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            title={job.state === 'completed' ? 'Removes it from the Queue; the video stays in the Library' : 'Removes it from the Queue'}
            onClick={() => act('Remove', () => removeJob(useStudio, job.id), 'Removed from the Queue.')}
          >
            <Trash2 aria-hidden="true" size={16} />
            Remove
          </button>
        ) : null}
      </div>
      {confirming === 'retry' && canRetry(job.state) ? (
        <RetryConfirm
          job={job}
          confirmLabel="Send again"
          busy={busy}
          onConfirm={() => {
            setConfirming(null);
            act('Retry', () => retryJob(useStudio, job.id), 'Sent again, as a new job.');
          }}
          onCancel={() => setConfirming(null)}
        />
      ) : null}
      {confirming === 'cancel' && canCancel(job.state) ? (
        <div className="job-confirm" role="group" aria-label="Confirm cancel">
          <p>{cancelExplanation(job)}</p>
          <div className="job-actions">
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => {
                setConfirming(null);
                act('Cancel', () => cancelJob(useStudio, job.id));
              }}
            >
              Cancel the job
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Keep it
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
