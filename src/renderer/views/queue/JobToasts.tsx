import { CircleCheck, CircleX, TriangleAlert, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';
import { continueFromLastFrame, openJob } from '../../store/jobs/actions';
import type { JobNotice } from '../../store/jobs/slice';
import { promptExcerpt, providerName, stateWord } from './job-text';
import { runAction } from './run-action';
import './queue.css';

/** A toast stays this long (ms) unless the pointer or focus is on it. */
const TOAST_MS = 12_000;

/**
 * Toasts for jobs that just ended (UX.md "Frame"): "Open" shows the job in the Queue, "Continue
 * from last frame" opens Compose with the clip's final frame. A polite `role=status` region, so a
 * screen reader hears them without losing its place; rendered at every view.
 */
export function JobToasts() {
  const { t } = useTranslation('queue');
  const notices = useStudio((s) => s.jobs.notices);
  return (
    <div className="job-toasts" role="status" aria-live="polite" aria-label={t('toasts.label')}>
      {notices.map((notice) => (
        <JobToast key={`${notice.jobId}-${notice.at}`} notice={notice} />
      ))}
    </div>
  );
}

function JobToast({ notice }: { notice: JobNotice }) {
  const { t } = useTranslation('queue');
  const job = useStudio((s) => s.jobs.byId[notice.jobId]);
  const dismiss = useStudio((s) => s.jobs.dismissNotice);
  // Held while the pointer or keyboard focus is on it: nobody loses a toast they are reading.
  const [held, setHeld] = useState(false);

  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss(notice), TOAST_MS);
    return () => clearTimeout(timer);
  }, [dismiss, notice, held]);

  if (!job) return null;
  const done = notice.state === 'completed';
  const Icon = done ? CircleCheck : notice.state === 'needs_attention' ? TriangleAlert : CircleX;
  const clipId = job.result?.libraryId;
  return (
    <div
      className="job-toast"
      data-state={notice.state}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <Icon aria-hidden="true" size={18} />
      <div className="job-toast-body">
        <p className="job-toast-title">
          {t('toasts.title', {
            what: done ? t('toasts.videoReady') : t('toasts.jobEnded', { state: stateWord({ state: notice.state }).toLowerCase() }),
            provider: providerName(job.provider),
          })}
        </p>
        <p className="job-toast-prompt">{promptExcerpt(job.params.prompt, 60)}</p>
        <div className="job-toast-actions">
          <button
            type="button"
            className="button small"
            onClick={() => {
              dismiss(notice);
              openJob(useStudio, job.id);
            }}
          >
            {t('toasts.open')}
          </button>
          {done && clipId ? (
            <button
              type="button"
              className="button small"
              onClick={() => {
                dismiss(notice);
                void runAction(t('toasts.continue'), () => continueFromLastFrame(useStudio, clipId));
              }}
            >
              {t('toasts.continue')}
            </button>
          ) : null}
        </div>
      </div>
      <button type="button" className="icon-button" aria-label={t('toasts.dismiss')} onClick={() => dismiss(notice)}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
