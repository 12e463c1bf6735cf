import * as Dialog from '@radix-ui/react-dialog';
import { Wallet } from 'lucide-react';
import { useRef } from 'react';
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
                Over your monthly budget
              </Dialog.Title>
              <Dialog.Description className="spend-dialog-text">
                Sending {ask.what} would take this month to {money(ask.afterUsd)}, {money(ask.overUsd)} over your {money(ask.budgetUsd)} budget.
              </Dialog.Description>
              <dl className="spend-dialog-figures">
                <dt>This job (estimate)</dt>
                <dd>{money(ask.jobUsd)}</dd>
                <dt>This month so far</dt>
                <dd>{money(ask.committedUsd)}</dd>
                <dt>With this job</dt>
                <dd>{money(ask.afterUsd)}</dd>
                <dt>Monthly budget</dt>
                <dd>{money(ask.budgetUsd)}</dd>
              </dl>
              <div className="spend-dialog-actions">
                <button type="button" className="button primary" onClick={() => answer(true)}>
                  Send anyway
                </button>
                <button type="button" className="button" onClick={() => answer(false)}>
                  Don&apos;t send
                </button>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
