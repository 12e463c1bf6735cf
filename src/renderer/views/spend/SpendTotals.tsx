import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import { ProviderId } from '../../../shared/catalog/types';
import type { SpendTotals as Totals, Tally } from '../../../shared/spend/ledger';
import { useTranslation } from 'react-i18next';
import { money } from './money';

/** One tally as a short list: billed, then what is pending, uncertain or simulated when there is any. */
function TallyFacts({ tally }: { tally: Tally }) {
  const { t } = useTranslation('spend');
  return (
    <dl className="spend-tally">
      <div>
        <dt>{t('totals.billed')}</dt>
        <dd className="spend-amount">{money(tally.billedUsd)}</dd>
      </div>
      <div>
        <dt>{t('totals.pending')}</dt>
        <dd>{money(tally.pendingUsd)}</dd>
      </div>
      {tally.uncertainUsd > 0 ? (
        <div>
          <dt>{t('totals.mayBeBilled')}</dt>
          <dd>{money(tally.uncertainUsd)}</dd>
        </div>
      ) : null}
      {tally.wouldUsd > 0 ? (
        <div>
          <dt>{t('totals.would')}</dt>
          <dd>{money(tally.wouldUsd)}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('totals.jobs')}</dt>
        <dd>{tally.jobs}</dd>
      </div>
    </dl>
  );
}

/** Today and this month side by side. */
export function SpendTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation('spend');
  return (
    <div className="spend-periods">
      <section className="card" aria-labelledby="spend-today">
        <h2 id="spend-today" className="card-title">
          {t('totals.today')}
        </h2>
        <TallyFacts tally={totals.today} />
      </section>
      <section className="card" aria-labelledby="spend-month">
        <h2 id="spend-month" className="card-title">
          {t('totals.month')}
        </h2>
        <TallyFacts tally={totals.month} />
      </section>
    </div>
  );
}

/** This month per provider, as a table. */
export function ProviderTotals({ totals }: { totals: Totals }) {
  const { t } = useTranslation('spend');
  return (
    <section className="card" aria-labelledby="spend-providers">
      <h2 id="spend-providers" className="card-title">
        {t('totals.byProvider')}
      </h2>
      <table className="spend-table" aria-labelledby="spend-providers">
        <thead>
          <tr>
            <th scope="col">{t('totals.provider')}</th>
            <th scope="col">{t('totals.billed')}</th>
            <th scope="col">{t('totals.pending')}</th>
            <th scope="col">{t('totals.mayBeBilled')}</th>
            <th scope="col">{t('totals.would')}</th>
            <th scope="col">{t('totals.jobs')}</th>
          </tr>
        </thead>
        <tbody>
          {ProviderId.options.map((id) => {
            const row = totals.byProvider[id];
            return (
              <tr key={id}>
                <th scope="row">{PROVIDER_NAMES[id]}</th>
                <td>{money(row.billedUsd)}</td>
                <td>{money(row.pendingUsd)}</td>
                <td>{money(row.uncertainUsd)}</td>
                <td>{money(row.wouldUsd)}</td>
                <td>{row.jobs}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
