import { FileSpreadsheet } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { ViewHeader } from '../../components/ViewHeader';
import { i18n } from '../../i18n/index';
import { useStudio } from '../../store/index';
import { spendRequests } from '../../store/spend/slice';
import { BudgetForm } from './BudgetForm';
import { LedgerTable } from './LedgerTable';
import { ProviderTotals, SpendTotals } from './SpendTotals';
import './spend.css';

/** How long the view waits after a job change before asking main again: a running queue changes many times a second. */
const REFRESH_MS = 600;

/**
 * Spend (issue 14): what every job cost — the estimate before sending, the provider's figure after
 * where it reports one — with totals for today, this month and per provider, the monthly budget and
 * a CSV export. Main derives every figure from the job table; this view asks when it opens and again
 * (at most every `REFRESH_MS`) while the table moves on.
 */
export function SpendView() {
  const { t } = useTranslation('spend');
  const summary = useStudio((s) => s.spend.summary);
  const loadError = useStudio((s) => s.spend.loadError);
  const version = useStudio((s) => s.jobs.version);
  const refresh = useStudio((s) => s.spend.refresh);
  const connected = useStudio((s) => s.spend.requests !== null);

  // Asks at once when the view opens, then at most every REFRESH_MS while the table moves on (`version` is the trigger).
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const last = useRef(0);
  useEffect(() => {
    if (!connected || timer.current) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        last.current = Date.now();
        void refresh();
      },
      Math.max(0, last.current + REFRESH_MS - Date.now()),
    );
  }, [connected, version, refresh]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    [],
  );

  return (
    <>
      <ViewHeader
        title={t('view.title')}
        subtitle={t('view.subtitle')}
        actions={
          <button type="button" className="button spend-export" onClick={() => void exportCsv()}>
            <FileSpreadsheet aria-hidden="true" size={16} />
            {t('view.export')}
          </button>
        }
      />
      <div className="spend">
        {loadError ? (
          <p className="spend-error" role="alert">
            {t('view.loadError', { error: loadError })}
          </p>
        ) : null}
        {summary ? (
          <>
            <SpendTotals totals={summary.totals} />
            <LedgerTable lines={summary.entries} total={summary.lines} />
            <BudgetForm budgetUsd={summary.budgetUsd} committedUsd={summary.committedUsd} />
            <ProviderTotals totals={summary.totals} />
          </>
        ) : loadError ? null : (
          <p className="card-text">{t('view.loading')}</p>
        )}
      </div>
    </>
  );
}

/** Export CSV: main's save dialog, or a browser download where the host has none (the harness). */
async function exportCsv(): Promise<void> {
  const announce = useStudio.getState().shell.announce;
  try {
    const answer = await spendRequests(useStudio.getState()).spend.exportCsv();
    if (answer.outcome === 'saved') announce(i18n.t('spend:view.saved', { lines: answer.lines, fileName: answer.fileName, folder: answer.folder }));
    if (answer.outcome !== 'no_dialog') return;
    const url = URL.createObjectURL(new Blob([answer.csv], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = answer.fileName;
    link.click();
    // The download has taken the bytes once the click returns; a short delay covers slow hosts.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    announce(i18n.t('spend:view.exported', { lines: answer.lines, fileName: answer.fileName }));
  } catch (err) {
    announce(i18n.t('spend:view.exportFailed', { error: describeError(err) }));
  }
}
