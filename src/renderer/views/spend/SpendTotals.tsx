import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import { ProviderId } from '../../../shared/catalog/types';
import type { SpendTotals as Totals, Tally } from '../../../shared/spend/ledger';
import { money } from './money';

/** One tally as a short list: billed, then what is pending, uncertain or simulated when there is any. */
function TallyFacts({ tally }: { tally: Tally }) {
  return (
    <dl className="spend-tally">
      <div>
        <dt>Billed</dt>
        <dd className="spend-amount">{money(tally.billedUsd)}</dd>
      </div>
      <div>
        <dt>Pending</dt>
        <dd>{money(tally.pendingUsd)}</dd>
      </div>
      {tally.uncertainUsd > 0 ? (
        <div>
          <dt>May be billed</dt>
          <dd>{money(tally.uncertainUsd)}</dd>
        </div>
      ) : null}
      {tally.wouldUsd > 0 ? (
        <div>
          <dt>Demo, would cost</dt>
          <dd>{money(tally.wouldUsd)}</dd>
        </div>
      ) : null}
      <div>
        <dt>Jobs</dt>
        <dd>{tally.jobs}</dd>
      </div>
    </dl>
  );
}

/** Today and this month side by side. */
export function SpendTotals({ totals }: { totals: Totals }) {
  return (
    <div className="spend-periods">
      <section className="card" aria-labelledby="spend-today">
        <h2 id="spend-today" className="card-title">
          Today
        </h2>
        <TallyFacts tally={totals.today} />
      </section>
      <section className="card" aria-labelledby="spend-month">
        <h2 id="spend-month" className="card-title">
          This month
        </h2>
        <TallyFacts tally={totals.month} />
      </section>
    </div>
  );
}

/** This month per provider, as a table. */
export function ProviderTotals({ totals }: { totals: Totals }) {
  return (
    <section className="card" aria-labelledby="spend-providers">
      <h2 id="spend-providers" className="card-title">
        This month by provider
      </h2>
      <table className="spend-table" aria-labelledby="spend-providers">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Billed</th>
            <th scope="col">Pending</th>
            <th scope="col">May be billed</th>
            <th scope="col">Demo, would cost</th>
            <th scope="col">Jobs</th>
          </tr>
        </thead>
        <tbody>
          {ProviderId.options.map((id) => {
            const t = totals.byProvider[id];
            return (
              <tr key={id}>
                <th scope="row">{PROVIDER_NAMES[id]}</th>
                <td>{money(t.billedUsd)}</td>
                <td>{money(t.pendingUsd)}</td>
                <td>{money(t.uncertainUsd)}</td>
                <td>{money(t.wouldUsd)}</td>
                <td>{t.jobs}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
