import { Wallet } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { spendRequests } from '../../store/spend/slice';
import { money } from './money';

/**
 * The monthly budget: an amount in USD, saved in main; Generate and Retry ask before a job would take
 * this month's committed spend (billed + pending) over it. A bar and a sentence say where the month stands.
 */
export function BudgetForm({ budgetUsd, committedUsd }: { budgetUsd: number | null; committedUsd: number }) {
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
      setSaved(state.budgetUsd === null ? 'Budget removed.' : `Budget saved: ${money(state.budgetUsd)} a month.`);
    } catch (err) {
      setError(describeError(err));
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim().replace(/^\$/, '');
    if (trimmed === '') return void save(null);
    const usd = Number(trimmed);
    if (!Number.isFinite(usd)) return setError('Enter the budget as an amount in dollars, e.g. 50.');
    void save(usd);
  };
  const share = budgetUsd ? Math.min(1, committedUsd / budgetUsd) : 0;
  const over = budgetUsd !== null && committedUsd > budgetUsd;

  return (
    <section className="card spend-budget" aria-labelledby="spend-budget-title">
      <h2 id="spend-budget-title" className="card-title">
        <Wallet aria-hidden="true" size={16} />
        Monthly budget
      </h2>
      {budgetUsd !== null ? (
        <>
          <div
            className="spend-meter"
            role="meter"
            aria-label="This month against the budget"
            aria-valuemin={0}
            aria-valuemax={budgetUsd}
            aria-valuenow={Math.min(committedUsd, budgetUsd)}
            aria-valuetext={`${money(committedUsd)} of ${money(budgetUsd)}`}
            data-over={over || undefined}
          >
            <span style={{ width: `${share * 100}%` }} />
          </div>
          <p className="spend-budget-line">
            {money(committedUsd)} of {money(budgetUsd)} this month{over ? ` — over by ${money(committedUsd - budgetUsd)}` : ` — ${money(budgetUsd - committedUsd)} left`}
          </p>
        </>
      ) : (
        <p className="card-text">No budget set: jobs are sent without asking.</p>
      )}
      <form className="spend-budget-form" onSubmit={submit}>
        <label htmlFor={inputId} className="spend-field-label">
          Monthly budget (USD)
        </label>
        <div className="spend-field-row">
          <input
            id={inputId}
            className="spend-input"
            inputMode="decimal"
            value={text}
            placeholder="e.g. 50"
            aria-describedby={helpId}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button primary">
            Save budget
          </button>
          {budgetUsd !== null ? (
            <button type="button" className="button" onClick={() => void save(null)}>
              Remove budget
            </button>
          ) : null}
        </div>
        <p id={helpId} className="spend-help">
          Generate and Retry ask first, with the amounts, when a job would take this month past it. Counts billed and pending jobs; demo jobs never count.
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
