import { Columns2, Layers, Library, X } from 'lucide-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { batchProgress } from '../../../shared/jobs/batch';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { MAX_COMPARE, MIN_COMPARE } from '../../store/compare/slice';
import { batchClipIds, cancellableTakes } from '../../store/jobs/batches';
import { cancelJob } from '../../store/jobs/actions';
import { promptExcerpt } from './job-text';
import { runAction } from './run-action';

interface BatchRowProps {
  batchId: string;
  /** Every take of the batch (whatever the Queue's filter shows), in take order. */
  takes: readonly JobView[];
  index: number;
  start: number;
  measure(element: HTMLLIElement | null): void;
}

/** "3 takes · 1 done · 2 under way · 1 failed": the batch's progress in words. */
export function batchProgressText(takes: readonly JobView[]): string {
  const p = batchProgress(takes);
  return [
    i18n.t('queue:batch.progressTakes', { total: p.total }),
    p.done ? i18n.t('queue:batch.progressDone', { done: p.done }) : '',
    p.active ? i18n.t('queue:batch.progressActive', { active: p.active }) : '',
    p.failed ? i18n.t('queue:batch.progressFailed', { failed: p.failed }) : '',
  ]
    .filter(Boolean)
    .join(i18n.t('queue:batch.progressSeparator'));
}

/**
 * A batch's header in the Queue (issue 14 "Variations"): the prompt, its progress (in words and a
 * bar), and the batch's actions — Compare its finished takes (2–4), show them in the Library, and
 * Cancel all (asked first: takes already at a provider that cannot cancel may still be billed).
 */
export const BatchRow = memo(function BatchRow({ batchId, takes, index, start, measure }: BatchRowProps) {
  const openCompare = useStudio((s) => s.compare.open);
  const setView = useStudio((s) => s.shell.setView);
  const setFilters = useStudio((s) => s.library.setFilters);
  const { t } = useTranslation('queue');
  const [confirming, setConfirming] = useState(false);
  const progress = batchProgress(takes);
  const clips = batchClipIds(takes);
  const going = cancellableTakes(takes);
  const prompt = takes[0]?.params.prompt ?? '';
  const name = t('batch.name', { of: takes[0]?.batch?.of ?? takes.length, prompt: promptExcerpt(prompt) });
  const compareReason = clips.length < MIN_COMPARE ? t('batch.compareNeedsTwo') : null;

  return (
    <li ref={measure} data-index={index} data-batch-id={batchId} className="batch-row" style={{ transform: `translateY(${start}px)` }}>
      <section className="batch-row-inner" aria-label={name}>
        <Layers aria-hidden="true" size={18} className="batch-icon" />
        <div className="batch-text">
          <span className="batch-title" title={prompt.trim() || undefined}>
            {name}
          </span>
          <span className="batch-progress-text">{batchProgressText(takes)}</span>
        </div>
        <progress className="batch-progress" max={progress.total} value={progress.done + progress.failed} aria-label={t('batch.progressLabel', { ended: progress.done + progress.failed, total: progress.total })} />
        <div className="batch-actions">
          <button
            type="button"
            className="button"
            disabled={compareReason !== null}
            title={compareReason ?? (clips.length > MAX_COMPARE ? t('batch.comparesFirst', { max: MAX_COMPARE }) : undefined)}
            onClick={() => openCompare(clips)}
          >
            <Columns2 aria-hidden="true" size={16} />
            {t('batch.compare')}
          </button>
          <button
            type="button"
            className="button"
            disabled={clips.length === 0}
            onClick={() => {
              setFilters({ batchId });
              setView('library');
            }}
          >
            <Library aria-hidden="true" size={16} />
            {t('batch.showInLibrary')}
          </button>
          <button type="button" className="button" disabled={going.length === 0} aria-expanded={confirming} onClick={() => setConfirming((c) => !c)}>
            <X aria-hidden="true" size={16} />
            {t('batch.cancelAll')}
          </button>
        </div>
      </section>
      {confirming && going.length > 0 ? (
        <div className="job-confirm batch-confirm" role="group" aria-label={t('batch.confirmLabel')}>
          <p>{t('batch.confirm', { count: going.length })}</p>
          <div className="job-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setConfirming(false);
                void runAction(
                  t('batch.cancelAll'),
                  async () => {
                    const out = await Promise.allSettled(going.map((t) => cancelJob(useStudio, t.id)));
                    const failed = out.filter((o) => o.status === 'rejected').length;
                    if (failed) throw new Error(t('batch.couldNotCancel', { failed, total: going.length }));
                    return going.length;
                  },
                  (n) => t('batch.cancelled', { count: n }),
                );
              }}
            >
              {t('batch.cancelTakes', { count: going.length })}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('batch.keep')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
});
