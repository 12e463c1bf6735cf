import * as Dialog from '@radix-ui/react-dialog';
import { Wallet } from 'lucide-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { money } from './money';
import './dialog.css';

/**
 * The question before a job would take this month past the budget (issue 14 "Spend"), with the
 * amounts: the job's estimate, the month so far (billed + pending), the total with the job, the
 * budget and how far over. "Send anyway" or "Don't send"; Escape does not send. A Radix dialog:
 * focus is trapped and returns to what had it (Generate, or the Retry confirm).
 */
export function BudgetDialog() {
  const { t } = useTranslation('spend');
  const ask = useStudio((s) => s.spend.ask);
  const answer = useStudio((s) => s.spend.answer);
  // The dialog has no Radix trigger: focus goes back by hand to what had it when it opened.
  const opener = useRef<HTMLElement | null>(null);
  return (
    <Dialog.Root open={ask !== null} onOpenChange={(open) => (open ? undefined : answer(false))}>
      <Dialog.Portal>
        <Dialog.Overlay className="spend-dialog-overlay" />
        <Dialog.Content
          className="spend-dialog"
          onOpenAutoFocus={() => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          }}
          onCloseAutoFocus={(e) => {
            if (!opener.current?.isConnected) return;
            e.preventDefault();
            opener.current.focus();
          }}
        >
          {ask ? (
            <>
              <Dialog.Title className="spend-dialog-title">
                <Wallet aria-hidden="true" size={20} />
                {t('dialog.title')}
              </Dialog.Title>
              <Dialog.Description className="spend-dialog-text">
                {t('dialog.text', { what: whatWords(ask.takes), after: money(ask.afterUsd), over: money(ask.overUsd), budget: money(ask.budgetUsd) })}
              </Dialog.Description>
              <dl className="spend-dialog-figures">
                <dt>{t('dialog.job')}</dt>
                <dd>{money(ask.jobUsd)}</dd>
                <dt>{t('dialog.soFar')}</dt>
                <dd>{money(ask.committedUsd)}</dd>
                <dt>{t('dialog.withJob')}</dt>
                <dd>{money(ask.afterUsd)}</dd>
                <dt>{t('dialog.budget')}</dt>
                <dd>{money(ask.budgetUsd)}</dd>
              </dl>
              <div className="spend-dialog-actions">
                <button type="button" className="button primary" onClick={() => answer(true)}>
                  {t('dialog.sendAnyway')}
                </button>
                <button type="button" className="button" onClick={() => answer(false)}>
                  {t('dialog.dontSend')}
                </button>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** What is being sent, in the UI's language: "this job" for one, "these 3 takes" for a batch. */
function whatWords(takes: number): string {
  return takes === 1 ? i18n.t('spend:dialog.thisJob') : i18n.t('spend:dialog.theseTakes', { count: takes });
}
