import type { CostEstimate } from '../../../shared/catalog/params';
import { batchCost } from '../../../shared/jobs/batch';

/** "$0.78" (cents below a dollar keep two decimals; under one cent says so). */
function usd(amount: number): string {
  return amount < 0.01 ? '< $0.01' : `$${amount.toFixed(2)}`;
}

/**
 * What a batch of `count` takes costs, as Compose's footer and the confirm say it (issue 14: the
 * batch's total before sending). `each` is one take's estimate (every take has the same settings,
 * providers.md "Cost"); `demo` (no key set: the offline demo) bills nothing, so it says what it
 * would cost. `short` for the footer, `sentence` for the confirm, `button` for its Send button.
 */
export function batchCostText(each: CostEstimate | null, count: number, provider: string, demo: boolean): { short: string; sentence: string; button: string } {
  const total = batchCost(each?.usd ?? null, count);
  if (!each || total === null) {
    return {
      short: `${count} takes, no published price`,
      sentence: `There is no published price for this model and size: ${provider} bills each of the ${count} takes.`,
      button: `Send ${count} jobs`,
    };
  }
  const of = `${count} × ${usd(each.usd)}, estimate as of ${each.asOf}`;
  if (demo) {
    return {
      short: `${count} takes, would cost ≈ ${usd(total)}`,
      sentence: `Demo mode: nothing is billed. With a real ${provider} key the batch would cost ≈ ${usd(total)} (${of}).`,
      button: `Send ${count} jobs (demo, not billed)`,
    };
  }
  return {
    short: `${count} takes ≈ ${usd(total)}, estimate as of ${each.asOf}`,
    sentence: `${provider} bills each take: ≈ ${usd(total)} in all (${of}).`,
    button: `Send ${count} jobs, ≈ ${usd(total)}`,
  };
}
