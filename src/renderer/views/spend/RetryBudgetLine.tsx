import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findModel } from '../../../shared/catalog/models';
import type { RequestOutput } from '../../../shared/contract/index';
import type { JobView } from '../../../shared/jobs/job';
import { budgetVerdict, ledgerEstimate } from '../../../shared/spend/ledger';
import { useStudio } from '../../store/index';
import { spendRequests } from '../../store/spend/slice';
import { money } from './money';

/**
 * Under the Retry question, where the monthly budget stands with this retry (issue 14 "Spend": a
 * budget that asks before a job would cross it, with the amounts): nothing without a budget, in the
 * demo or without a price; else this month so far, with the retry, and how far over the budget that is.
 */
export function RetryBudgetLine({ job }: { job: Pick<JobView, 'params'> }) {
  const { t } = useTranslation('spend');
  const demo = useStudio((s) => s.app.info?.demo ?? false);
  const [budget, setBudget] = useState<RequestOutput<'spend', 'budget'> | null>(null);
  useEffect(() => {
    let live = true;
    spendRequests(useStudio.getState())
      .spend.budget()
      .then((b) => live && setBudget(b))
      // The price above is still right; only the budget line is missing.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const entry = findModel(job.params.modelId);
  const jobUsd = entry ? (ledgerEstimate(entry, job.params)?.usd ?? null) : null;
  if (demo || !budget || budget.budgetUsd === null || jobUsd === null) return null;
  const verdict = budgetVerdict(budget.budgetUsd, budget.committedUsd, jobUsd);
  return (
    <p className="job-budget" data-over={verdict.crosses || undefined}>
      {verdict.crosses
        ? t('retryLine.over', { after: money(verdict.afterUsd), over: money(verdict.overUsd), budget: money(budget.budgetUsd) })
        : t('retryLine.within', { after: money(verdict.afterUsd), budget: money(budget.budgetUsd), committed: money(budget.committedUsd) })}
    </p>
  );
}
