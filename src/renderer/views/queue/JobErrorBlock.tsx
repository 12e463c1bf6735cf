import { KeyRound, PenLine, RotateCcw, VolumeX } from 'lucide-react';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { duplicateToCompose, retryJob, retryWithoutAudio } from '../../store/jobs/actions';
import { FIX_LABELS, fixFor, type FixAction } from './error-fix';
import { runAction } from './run-action';

const FIX_ICONS = { settings: KeyRound, 'retry-without-audio': VolumeX, 'edit-in-compose': PenLine, retry: RotateCcw } as const;

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
export function JobErrorBlock({ job, compact = false }: { job: Pick<JobView, 'id' | 'error' | 'notice' | 'params' | 'state'>; compact?: boolean }) {
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
        <button type="button" className="button small" onClick={() => runFix(fix, job.id)}>
          <Icon aria-hidden="true" size={14} />
          {FIX_LABELS[fix]}
        </button>
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
