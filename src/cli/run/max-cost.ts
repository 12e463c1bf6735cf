import { RejectedError } from '../io';
import { usd } from './prepare';

/**
 * `--max-cost USD`, the CLI's answer to Compose's monthly-budget question: a script cannot be asked,
 * so it states its ceiling up front. Refuses — before anything is sent, exit 1 — a job or batch whose
 * total estimate (USD, the catalogue's published prices, providers.md "Cost") is above `maxUsd`, and
 * one with no published price at all, since its cost cannot be checked. No ceiling: nothing to do.
 * Throws `RejectedError`.
 */
export function checkMaxCost(maxUsd: number | undefined, totalUsd: number | null): void {
  if (maxUsd === undefined) return;
  if (totalUsd === null) throw new RejectedError(`Not sent: this model has no published price, so --max-cost ${usd(maxUsd)} cannot be checked.`);
  if (totalUsd > maxUsd) throw new RejectedError(`Not sent: the estimate ≈ ${usd(totalUsd)} is above --max-cost ${usd(maxUsd)}.`);
}
