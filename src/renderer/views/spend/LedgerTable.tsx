import { CircleCheck, CircleDashed, CircleHelp, CircleSlash, FlaskConical, type LucideIcon } from 'lucide-react';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import type { LedgerEntry, LedgerStatus } from '../../../shared/spend/ledger';
import { useTranslation } from 'react-i18next';
import { currentLocale, i18n } from '../../i18n/index';
import { formatNumber } from '../../i18n/format';
import { money, statusHelp, statusText } from './money';
import { modelName } from '../../i18n/model-name';

const STATUS_ICON: Record<LedgerStatus, LucideIcon> = {
  billed: CircleCheck,
  pending: CircleDashed,
  'may-be-billed': CircleHelp,
  'not-billed': CircleSlash,
  would: FlaskConical,
};

/** When a line was queued: English keeps the computer's own locale (as the ledger always showed it), Chinese uses zh-CN. */
const when = (at: number) =>
  new Date(at).toLocaleString(currentLocale() === 'en' ? undefined : currentLocale(), { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The dash of a cell the provider reports nothing for (a mark, the same in every language). */
const NO_FIGURE = '\u2014';

/** What the provider reported: "$0.12 · 48,600 tokens", or a dash where it reports nothing. */
function reportedText(line: LedgerEntry): string {
  if (!line.reported) return NO_FIGURE;
  const tokens = i18n.t('spend:ledger.tokens', { tokens: formatNumber(line.reported.tokens, 3) });
  return line.reported.usd === null ? tokens : i18n.t('spend:ledger.reportedUsd', { usd: money(line.reported.usd), tokens });
}

/**
 * This month's jobs, newest first: when, prompt, model and provider, the status (icon and word),
 * the estimate before sending and what the provider reported after. `more`: lines not shown.
 */
export function LedgerTable({ lines, total }: { lines: LedgerEntry[]; total: number }) {
  const { t } = useTranslation('spend');
  return (
    <section className="card" aria-labelledby="spend-ledger">
      <h2 id="spend-ledger" className="card-title">
        {t('ledger.title')}
      </h2>
      {lines.length === 0 ? (
        <p className="card-text">{t('ledger.empty')}</p>
      ) : (
        <div className="spend-ledger-scroll">
          <table className="spend-table spend-ledger" aria-labelledby="spend-ledger">
            <thead>
              <tr>
                <th scope="col">{t('ledger.when')}</th>
                <th scope="col">{t('ledger.prompt')}</th>
                <th scope="col">{t('ledger.model')}</th>
                <th scope="col">{t('ledger.status')}</th>
                <th scope="col">{t('ledger.estimate')}</th>
                <th scope="col">{t('ledger.reported')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const Icon = STATUS_ICON[line.status];
                return (
                  <tr key={line.jobId} data-job-id={line.jobId}>
                    <td className="spend-when">{when(line.at)}</td>
                    <td className="spend-prompt" title={line.prompt}>
                      {line.prompt || <span className="spend-muted">{t('ledger.noPrompt')}</span>}
                    </td>
                    <td>
                      {modelName(line.modelId)}
                      <span className="spend-muted"> · {PROVIDER_NAMES[line.provider]}</span>
                    </td>
                    <td className="spend-status" data-status={line.status} title={statusHelp(line.status)}>
                      <Icon aria-hidden="true" size={14} />
                      {statusText(line.status)}
                    </td>
                    <td className="spend-estimate" title={line.asOf ? t('ledger.estimateTitle', { asOf: line.asOf }) : t('ledger.noPublishedPrice')}>
                      {line.estimateUsd === null ? t('ledger.noPrice') : t('money.approx', { amount: money(line.estimateUsd) })}
                    </td>
                    <td className="spend-reported">{reportedText(line)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > lines.length ? <p className="card-text">{t('ledger.more', { shown: lines.length, total })}</p> : null}
        </div>
      )}
    </section>
  );
}
