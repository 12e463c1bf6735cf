import { Columns2, Layers, Library, X } from 'lucide-react';
import { memo, useState } from 'react';
import type { JobView } from '../../../shared/jobs/job';
import { batchProgress } from '../../../shared/jobs/batch';
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
  return [`${p.total} takes`, p.done ? `${p.done} done` : '', p.active ? `${p.active} under way` : '', p.failed ? `${p.failed} failed or cancelled` : '']
    .filter(Boolean)
    .join(' · ');
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
  const [confirming, setConfirming] = useState(false);
  const progress = batchProgress(takes);
  const clips = batchClipIds(takes);
  const going = cancellableTakes(takes);
  const prompt = takes[0]?.params.prompt ?? '';
  const name = `Batch of ${takes[0]?.batch?.of ?? takes.length} takes: ${promptExcerpt(prompt)}`;
  const compareReason = clips.length < MIN_COMPARE ? 'Compare needs two finished takes' : null;

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
        <progress className="batch-progress" max={progress.total} value={progress.done + progress.failed} aria-label={`Batch progress: ${progress.done + progress.failed} of ${progress.total} ended`} />
        <div className="batch-actions">
          <button
            type="button"
            className="button"
            disabled={compareReason !== null}
            title={compareReason ?? (clips.length > MAX_COMPARE ? `Compares the first ${MAX_COMPARE} finished takes` : undefined)}
            onClick={() => openCompare(clips)}
          >
            <Columns2 aria-hidden="true" size={16} />
            Compare
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
            Show in Library
          </button>
          <button type="button" className="button" disabled={going.length === 0} aria-expanded={confirming} onClick={() => setConfirming((c) => !c)}>
            <X aria-hidden="true" size={16} />
            Cancel all
          </button>
        </div>
      </section>
      {confirming && going.length > 0 ? (
        <div className="job-confirm batch-confirm" role="group" aria-label="Confirm cancel all">
          <p>
            Cancel the {going.length} {going.length === 1 ? 'take' : 'takes'} still under way? Takes not sent yet are not billed; a take a provider has
            started may still be billed where the provider cannot stop it.
          </p>
          <div className="job-actions">
            <button
              type="button"
              className="button primary"
              onClick={() => {
                setConfirming(false);
                void runAction(
                  'Cancel all',
                  async () => {
                    const out = await Promise.allSettled(going.map((t) => cancelJob(useStudio, t.id)));
                    const failed = out.filter((o) => o.status === 'rejected').length;
                    if (failed) throw new Error(`${failed} of ${going.length} could not be cancelled`);
                    return going.length;
                  },
                  (n) => `Cancelled ${n} ${n === 1 ? 'take' : 'takes'} of the batch.`,
                );
              }}
            >
              Cancel {going.length} {going.length === 1 ? 'take' : 'takes'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep them
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
});
