import type { CostEstimate } from '../../../shared/catalog/params';
import { batchCost } from '../../../shared/jobs/batch';
import { i18n } from '../../i18n/index';
import { formatPrice } from './format';

/**
 * What a batch of `count` takes costs, as Compose's footer and the confirm say it (issue 14: the
 * batch's total before sending), in the UI's language. `each` is one take's estimate (every take
 * has the same settings, providers.md "Cost"); `demo` (no key set: the offline demo) bills nothing,
 * so it says what it would cost. `short` for the footer, `sentence` for the confirm, `button` for
 * its Send button.
 */
export function batchCostText(each: CostEstimate | null, count: number, provider: string, demo: boolean): { short: string; sentence: string; button: string } {
  const total = batchCost(each?.usd ?? null, count);
  const n = count;
  if (!each || total === null) {
    return {
      short: i18n.t('compose:cost.batchShortNone', { n }),
      sentence: i18n.t('compose:cost.batchSentenceNone', { n, provider }),
      button: i18n.t('compose:cost.batchSend', { n }),
    };
  }
  const of = i18n.t('compose:cost.batchOf', { n, each: formatPrice(each.usd), asOf: each.asOf });
  const sum = formatPrice(total);
  if (demo) {
    return {
      short: i18n.t('compose:cost.batchShortDemo', { n, total: sum }),
      sentence: i18n.t('compose:cost.batchSentenceDemo', { provider, total: sum, of }),
      button: i18n.t('compose:cost.batchSendDemo', { n }),
    };
  }
  return {
    short: i18n.t('compose:cost.batchShort', { n, total: sum, asOf: each.asOf }),
    sentence: i18n.t('compose:cost.batchSentence', { provider, total: sum, of }),
    button: i18n.t('compose:cost.batchSendPaid', { n, total: sum }),
  };
}
