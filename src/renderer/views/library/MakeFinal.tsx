import { Sparkles } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findModel } from '../../../shared/catalog/models';
import type { JobParams } from '../../../shared/catalog/types';
import type { ClipDetail } from '../../../shared/contract/library';
import { finalParams, finalQuote, finalQuoteText } from '../../../shared/library/final';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { libraryRequests } from '../../store/library/slice';
import { useNow } from '../queue/use-now';

/**
 * "Make final (1080p)…" on a draft clip (seedance-2.5.md §2.6 ModelArk, §3 fal). It first asks, in a
 * group named "Confirm final": both stages are billed, with the draft's and the final's estimates,
 * and until when the draft can be finished (7 days); or says why it cannot (expired, no draft id).
 * "Send final" queues the final job, which the library files as a new clip linked to this one.
 * Nothing is shown on clips that are not drafts of a row with Draft.
 */
export function MakeFinal({ clip }: { clip: ClipDetail }) {
  const demo = useStudio((s) => s.app.info?.demo ?? false);
  const toast = useStudio((s) => s.library.showToast);
  const [asking, setAsking] = useState(false);
  const [sending, setSending] = useState(false);
  const { t } = useTranslation('library');
  const entry = findModel(clip.modelId);
  if (!clip.sidecar.parameters.draft || !entry?.draft) return null;
  const label = t('final.button', { resolutions: entry.draft.finalResolutions.join('/') });

  const send = async (params: JobParams) => {
    setSending(true);
    try {
      await libraryRequests(useStudio.getState()).jobs.submit({ params });
      setAsking(false);
      toast({ tone: 'info', text: t('final.queued') });
    } catch (err) {
      toast({ tone: 'error', text: t('final.notSent', { error: describeError(err) }) });
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <button type="button" className="button" aria-expanded={asking} onClick={() => setAsking((v) => !v)}>
        <Sparkles aria-hidden="true" size={16} />
        {label}
      </button>
      {asking ? <FinalConfirm clip={clip} demo={demo} busy={sending} onSend={(p) => void send(p)} onCancel={() => setAsking(false)} /> : null}
    </>
  );
}

/** The question before the final is sent, or why it cannot be. */
function FinalConfirm({ clip, demo, busy, onSend, onCancel }: { clip: ClipDetail; demo: boolean; busy: boolean; onSend(params: JobParams): void; onCancel(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation(['library', 'common']);
  // The question opens below the toolbar, often below the pane's fold (a block body: see RetryConfirm).
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const entry = findModel(clip.modelId);
  // Ticks while the question is open, so a draft that expires meanwhile is refused, not sent.
  const now = useNow(true);
  const made = finalParams(clip.sidecar, entry, now);
  const text = made.ok && entry && clip.sidecar.draft ? finalQuoteText(finalQuote(clip.sidecar, entry, made.params, clip.sidecar.draft.expiresAt), demo) : made.ok ? '' : made.message;
  return (
    <div ref={ref} className="job-confirm clip-final-confirm" role="group" aria-label={t('final.confirm')}>
      <p>{text}</p>
      <div className="job-actions">
        {made.ok ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => onSend(made.params)}>
            {t('final.send')}
          </button>
        ) : null}
        <button type="button" className="button" onClick={onCancel}>
          {made.ok ? t('final.dontSend') : t('common:close')}
        </button>
      </div>
    </div>
  );
}
