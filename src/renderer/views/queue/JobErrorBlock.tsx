import { KeyRound, PenLine, RotateCcw, VolumeX } from 'lucide-react';
import { useState } from 'react';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { duplicateToCompose, retryJob, retryWithoutAudio } from '../../store/jobs/actions';
import { FIX_LABELS, fixFor, type FixAction } from './error-fix';
import { RetryConfirm } from './RetryConfirm';
import { runAction } from './run-action';

const FIX_ICONS = { settings: KeyRound, 'retry-without-audio': VolumeX, 'edit-in-compose': PenLine, retry: RotateCcw } as const;

/** Remedies that send a new, billed job: they ask first, with the price. */
const SENDS: ReadonlySet<FixAction> = new Set(['retry', 'retry-without-audio']);

function runFix(fix: Exclude<FixAction, null>, id: string): void {
  switch (fix) {
    case 'settings':
      useStudio.getState().shell.setView('settings');
      return;
    case 'retry-without-audio':
      void runAction('Retry without audio', () => retryWithoutAudio(useStudio, id), 'Sent again without audio, as a new job.');
      return;
    case 'edit-in-compose':
      void runAction('Opening in Compose', () => duplicateToCompose(useStudio, id), 'Opened as a new draft in Compose.');
      return;
    case 'retry':
      void runAction('Retry', () => retryJob(useStudio, id), 'Sent again, as a new job.');
      return;
  }
}

/**
 * A failed job in plain words: what happened, what to do (with a button for the remedy), the
 * provider's own message folded underneath. Also shows a passing `notice` ("provider busy,
 * retrying in 12 s") for jobs still under way.
 */
export function JobErrorBlock({ job, compact = false }: { job: Pick<JobView, 'id' | 'error' | 'notice' | 'params' | 'state' | 'provider'>; compact?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const error = job.error;
  if (!error) return job.notice ? <p className="job-notice">{job.notice}</p> : null;
  const fix = fixFor(job);
  const Icon = fix ? FIX_ICONS[fix] : null;
  const providerWords = [error.providerCode, error.providerMessage].filter(Boolean).join(': ');
  return (
    <div className="job-error" data-compact={compact ? '' : undefined}>
      <p className="job-error-message">{error.message}</p>
      {error.fix ? <p className="job-error-fix">{error.fix}</p> : null}
      {fix && Icon ? (
        <button
          type="button"
          className="button small"
          aria-expanded={SENDS.has(fix) ? confirming : undefined}
          onClick={() => (SENDS.has(fix) ? setConfirming((c) => !c) : runFix(fix, job.id))}
        >
          <Icon aria-hidden="true" size={14} />
          {FIX_LABELS[fix]}
          {SENDS.has(fix) ? '…' : ''}
        </button>
      ) : null}
      {fix && SENDS.has(fix) && confirming ? (
        <RetryConfirm
          job={fix === 'retry-without-audio' ? { ...job, params: { ...job.params, generateAudio: false } } : job}
          confirmLabel={fix === 'retry-without-audio' ? 'Send again without audio' : 'Send again'}
          onConfirm={() => {
            setConfirming(false);
            runFix(fix, job.id);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {providerWords ? (
        <details className="job-error-details">
          <summary>The provider's message</summary>
          <code>{providerWords}</code>
        </details>
      ) : null}
    </div>
  );
}
