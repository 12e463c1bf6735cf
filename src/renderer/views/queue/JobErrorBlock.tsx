import { KeyRound, PenLine, RotateCcw, VolumeX } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import { useStudio } from '../../store/index';
import { duplicateToCompose, retryJob, retryWithoutAudio } from '../../store/jobs/actions';
import { fixFor, fixLabel, type FixAction } from './error-fix';
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
      void runAction(i18n.t('queue:error.retryNoAudioAction'), () => retryWithoutAudio(useStudio, id), i18n.t('queue:error.sentAgainNoAudio'));
      return;
    case 'edit-in-compose':
      void runAction(i18n.t('queue:error.openingInCompose'), () => duplicateToCompose(useStudio, id), i18n.t('queue:actions.duplicated'));
      return;
    case 'retry':
      void runAction(i18n.t('queue:actions.retryAction'), () => retryJob(useStudio, id), i18n.t('queue:actions.sentAgain'));
      return;
  }
}

/**
 * A failed job in plain words: what happened, what to do (with a button for the remedy), the
 * provider's own message folded underneath. Also shows a passing `notice` ("provider busy,
 * retrying in 12 s") for jobs still under way.
 */
export function JobErrorBlock({ job, compact = false }: { job: Pick<JobView, 'id' | 'error' | 'notice' | 'noticePhrase' | 'params' | 'state' | 'provider'>; compact?: boolean }) {
  const { t } = useTranslation('queue');
  const [confirming, setConfirming] = useState(false);
  const error = job.error;
  if (!error) return job.notice ? <p className="job-notice">{phraseText(job.noticePhrase, job.notice)}</p> : null;
  const fix = fixFor(job);
  const Icon = fix ? FIX_ICONS[fix] : null;
  const providerWords = [error.providerCode, error.providerMessage].filter(Boolean).join(': ');
  return (
    <div className="job-error" data-compact={compact ? '' : undefined}>
      <p className="job-error-message">{phraseText(error.phrase, error.message)}</p>
      {error.fix ? <p className="job-error-fix">{phraseText(error.fixPhrase, error.fix)}</p> : null}
      {fix && Icon ? (
        <button
          type="button"
          className="button small"
          aria-expanded={SENDS.has(fix) ? confirming : undefined}
          onClick={() => (SENDS.has(fix) ? setConfirming((c) => !c) : runFix(fix, job.id))}
        >
          <Icon aria-hidden="true" size={14} />
          {fixLabel(fix)}
          {SENDS.has(fix) ? '…' : ''}
        </button>
      ) : null}
      {fix && SENDS.has(fix) && confirming ? (
        <RetryConfirm
          job={fix === 'retry-without-audio' ? { ...job, params: { ...job.params, generateAudio: false } } : job}
          confirmLabel={fix === 'retry-without-audio' ? t('retry.sendAgainNoAudio') : t('retry.sendAgain')}
          onConfirm={() => {
            setConfirming(false);
            runFix(fix, job.id);
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
      {providerWords ? (
        <details className="job-error-details">
          <summary>{t('error.providerMessage')}</summary>
          <code>{providerWords}</code>
        </details>
      ) : null}
    </div>
  );
}
