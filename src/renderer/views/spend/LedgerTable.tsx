import { CircleCheck, CircleDashed, CircleHelp, CircleSlash, FlaskConical, type LucideIcon } from 'lucide-react';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import type { LedgerEntry, LedgerStatus } from '../../../shared/spend/ledger';
import { money, STATUS_HELP, STATUS_TEXT } from './money';

const STATUS_ICON: Record<LedgerStatus, LucideIcon> = {
  billed: CircleCheck,
  pending: CircleDashed,
  'may-be-billed': CircleHelp,
  'not-billed': CircleSlash,
  would: FlaskConical,
};

const when = (at: number) => new Date(at).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** What the provider reported: "$0.12 · 48,600 tokens", or a dash where it reports nothing. */
function reportedText(line: LedgerEntry): string {
  if (!line.reported) return '—';
  const tokens = `${line.reported.tokens.toLocaleString('en-US')} tokens`;
  return line.reported.usd === null ? tokens : `${money(line.reported.usd)} · ${tokens}`;
}

/**
 * This month's jobs, newest first: when, prompt, model and provider, the status (icon and word),
 * the estimate before sending and what the provider reported after. `more`: lines not shown.
 */
export function LedgerTable({ lines, total }: { lines: LedgerEntry[]; total: number }) {
  return (
    <section className="card" aria-labelledby="spend-ledger">
      <h2 id="spend-ledger" className="card-title">
        This month’s jobs
      </h2>
      {lines.length === 0 ? (
        <p className="card-text">No jobs this month yet. What each job costs appears here as soon as it is queued.</p>
      ) : (
        <div className="spend-ledger-scroll">
          <table className="spend-table spend-ledger" aria-labelledby="spend-ledger">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Prompt</th>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col">Estimate</th>
                <th scope="col">Reported</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => {
                const Icon = STATUS_ICON[line.status];
                return (
                  <tr key={line.jobId} data-job-id={line.jobId}>
                    <td className="spend-when">{when(line.at)}</td>
                    <td className="spend-prompt" title={line.prompt}>
                      {line.prompt || <span className="spend-muted">(no prompt)</span>}
                    </td>
                    <td>
                      {line.modelName}
                      <span className="spend-muted"> · {PROVIDER_NAMES[line.provider]}</span>
                    </td>
                    <td className="spend-status" data-status={line.status} title={STATUS_HELP[line.status]}>
                      <Icon aria-hidden="true" size={14} />
                      {STATUS_TEXT[line.status]}
                    </td>
                    <td className="spend-estimate" title={line.asOf ? `Estimate, prices as of ${line.asOf}` : 'No published price'}>
                      {line.estimateUsd === null ? 'no price' : `≈ ${money(line.estimateUsd)}`}
                    </td>
                    <td className="spend-reported">{reportedText(line)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {total > lines.length ? <p className="card-text">The newest {lines.length} of {total} jobs; Export CSV has every one.</p> : null}
        </div>
      )}
    </section>
  );
}
