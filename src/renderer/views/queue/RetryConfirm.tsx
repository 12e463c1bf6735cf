import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { RetryBudgetLine } from '../spend/RetryBudgetLine';
import { retryPriceText } from './job-cost';

interface RetryConfirmProps {
  job: Pick<JobView, 'params' | 'provider'>;
  /** The words of the sending button ("Send again", "Send again without audio"). */
  confirmLabel: string;
  busy?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * Asks before a retry queues a new, billed job (issue 14 item 10), with what it will cost: the
 * estimate for a real key, "nothing is billed" in the demo, and where the monthly budget stands with it.
 * A group named "Confirm retry".
 */
export function RetryConfirm({ job, confirmLabel, busy = false, onConfirm, onCancel }: RetryConfirmProps) {
  const { t } = useTranslation('queue');
  const demo = useStudio((s) => s.app.info?.demo ?? false);
  const ref = useRef<HTMLDivElement>(null);
  // The question opens below the button, often below the pane's fold: bring it into view.
  // (A block body: Chromium's scrollIntoView now returns a promise, which React would take for a cleanup.)
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div ref={ref} className="job-confirm" role="group" aria-label={t('retry.confirmLabel')}>
      <p>{retryPriceText(job, demo)}</p>
      <RetryBudgetLine job={job} />
      <div className="job-actions">
        <button type="button" className="button primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('retry.dontSend')}
        </button>
      </div>
    </div>
  );
}
