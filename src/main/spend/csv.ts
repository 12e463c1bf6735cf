import { stringify } from 'csv-stringify/sync';
import { PROVIDER_NAMES } from '../../shared/catalog/provider-names';
import type { LedgerEntry, LedgerStatus } from '../../shared/spend/ledger';

/** The CSV's words for each status, as the Spend view says them. */
const STATUS_WORDS: Record<LedgerStatus, string> = {
  billed: 'billed',
  pending: 'pending',
  'may-be-billed': 'may be billed',
  'not-billed': 'not billed',
  would: 'would cost (demo)',
};

/** Column headers of the ledger CSV, in order. */
export const CSV_COLUMNS = [
  'date',
  'job id',
  'provider',
  'model',
  'state',
  'status',
  'estimate usd',
  'reported usd',
  'reported tokens',
  'amount usd',
  'prices as of',
  'prompt',
] as const;

/** USD with 4 decimals (token prices make sub-cent amounts); empty when unknown. */
const usd = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toFixed(4));

/**
 * The ledger as RFC 4180 CSV (csv-stringify: quotes fields with commas, quotes or line breaks),
 * one line per job in the order given, with a header row. `date` is ISO 8601 in UTC.
 */
export function ledgerCsv(lines: readonly LedgerEntry[]): string {
  const rows = lines.map((l) => [
    new Date(l.at).toISOString(),
    l.jobId,
    PROVIDER_NAMES[l.provider],
    l.modelName,
    l.state,
    STATUS_WORDS[l.status],
    usd(l.estimateUsd),
    usd(l.reported?.usd),
    l.reported ? String(l.reported.tokens) : '',
    usd(l.amountUsd),
    l.asOf ?? '',
    l.prompt,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' });
}
