import { Wallet } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { spendRequests } from '../../store/spend/slice';
import { money } from './money';

/**
 * The monthly budget: an amount in USD, saved in main; Generate and Retry ask before a job would take
 * this month's committed spend (billed + pending) over it. A bar and a sentence say where the month stands.
 */
export function BudgetForm({ budgetUsd, committedUsd }: { budgetUsd: number | null; committedUsd: number }) {
  const { t } = useTranslation('spend');
  const [text, setText] = useState(budgetUsd === null ? '' : String(budgetUsd));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const inputId = useId();
  const helpId = useId();

  const save = async (usd: number | null) => {
    setError(null);
    setSaved(null);
    try {
      const state = await spendRequests(useStudio.getState()).spend.setBudget({ budgetUsd: usd });
      useStudio.getState().spend.budgetChanged(state);
      setText(state.budgetUsd === null ? '' : String(state.budgetUsd));
      setSaved(state.budgetUsd === null ? t('budget.removed') : t('budget.saved', { amount: money(state.budgetUsd) }));
    } catch (err) {
      setError(describeError(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim().replace(/^\$/, '');
    if (trimmed === '') return void save(null);
    const usd = Number(trimmed);
    if (!Number.isFinite(usd)) return setError(t('budget.invalid'));
    void save(usd);
  };
  const share = budgetUsd ? Math.min(1, committedUsd / budgetUsd) : 0;
  const over = budgetUsd !== null && committedUsd > budgetUsd;

  return (
    <section className="card spend-budget" aria-labelledby="spend-budget-title">
      <h2 id="spend-budget-title" className="card-title">
        <Wallet aria-hidden="true" size={16} />
        {t('budget.title')}
      </h2>
      {budgetUsd !== null ? (
        <>
          <div
            className="spend-meter"
            role="meter"
            aria-label={t('budget.meterLabel')}
            aria-valuemin={0}
            aria-valuemax={budgetUsd}
            aria-valuenow={Math.min(committedUsd, budgetUsd)}
            aria-valuetext={t('budget.meterValue', { committed: money(committedUsd), budget: money(budgetUsd) })}
            data-over={over || undefined}
          >
            <span style={{ width: `${share * 100}%` }} />
          </div>
          <p className="spend-budget-line">
            {over
              ? t('budget.lineOver', { committed: money(committedUsd), budget: money(budgetUsd), over: money(committedUsd - budgetUsd) })
              : t('budget.lineLeft', { committed: money(committedUsd), budget: money(budgetUsd), left: money(budgetUsd - committedUsd) })}
          </p>
        </>
      ) : (
        <p className="card-text">{t('budget.none')}</p>
      )}
      <form className="spend-budget-form" onSubmit={submit}>
        <label htmlFor={inputId} className="spend-field-label">
          {t('budget.field')}
        </label>
        <div className="spend-field-row">
          <input
            id={inputId}
            className="spend-input"
            inputMode="decimal"
            value={text}
            placeholder={t('budget.placeholder')}
            aria-describedby={helpId}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button primary">
            {t('budget.save')}
          </button>
          {budgetUsd !== null ? (
            <button type="button" className="button" onClick={() => void save(null)}>
              {t('budget.remove')}
            </button>
          ) : null}
        </div>
        <p id={helpId} className="spend-help">
          {t('budget.help')}
        </p>
        <p className="spend-feedback" role="status">
          {saved}
        </p>
        {error ? (
          <p className="spend-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
