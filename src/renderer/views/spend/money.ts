import type { LedgerStatus } from '../../../shared/spend/ledger';
import { i18n } from '../../i18n/index';
import { formatUsd } from '../../i18n/format';

/** USD as the Spend view shows it: "$1.23" ("US$1.23" in Chinese); a non-zero amount under a cent is "< $0.01". */
export function money(usd: number): string {
  if (usd > 0 && usd < 0.005) return i18n.t('spend:money.underCent', { amount: formatUsd(0.01) });
  return formatUsd(usd);
}

/** The words each ledger status is shown with (beside an icon, never by colour alone), in the UI's language. */
export function statusText(status: LedgerStatus): string {
  return i18n.t(`spend:status.${status}`);
}

/** What each status means, for its tooltip, in the UI's language. */
export function statusHelp(status: LedgerStatus): string {
  return i18n.t(`spend:statusHelp.${status}`);
}
