import type { LedgerStatus } from '../../../shared/spend/ledger';

/** USD as the Spend view shows it: "$1.23"; a non-zero amount under a cent is "< $0.01". */
export function money(usd: number): string {
  if (usd > 0 && usd < 0.005) return '< $0.01';
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** The words each ledger status is shown with (beside an icon, never by colour alone). */
export const STATUS_TEXT: Record<LedgerStatus, string> = {
  billed: 'billed',
  pending: 'pending',
  'may-be-billed': 'may be billed',
  'not-billed': 'not billed',
  would: 'would cost',
};

/** What each status means, for its tooltip. */
export const STATUS_HELP: Record<LedgerStatus, string> = {
  billed: 'The provider made the video: it is charged',
  pending: 'Queued or at the provider: it is charged when it finishes',
  'may-be-billed': 'The provider may have run it: its dashboard says whether it charged',
  'not-billed': 'It never reached a provider task that could be charged (cancelled before it was sent, or refused)',
  would: 'A demo job: nothing is billed; this is what it would cost with a real key',
};
