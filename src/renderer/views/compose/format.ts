import type { CostEstimate } from '../../../shared/catalog/params';
import { AUTO_DURATION } from '../../../shared/catalog/task-type';
import { i18n } from '../../i18n/index';
import { formatUsd } from '../../i18n/format';

// Re-exported so Compose views import every formatter from one place; the rule lives in src/shared.
export { formatBytes } from '../../../shared/format/bytes';

/** `1248 × 704` (px). */
export function formatSize(size: { width: number; height: number }): string {
  return `${size.width} × ${size.height}`;
}

/** "$0.78" / "US$0.78" (cents below a dollar keep two decimals); under one cent says so ("< $0.01") rather than "$0.00". */
export function formatPrice(usd: number): string {
  return usd < 0.01 ? i18n.t('compose:cost.underCent', { usd: formatUsd(0.01) }) : formatUsd(usd);
}

/**
 * "≈ $0.26, estimate as of 2026-11", or "no published price" (UX.md, "Compose"), in the UI's
 * language.
 */
export function formatCost(cost: CostEstimate | null): string {
  if (!cost) return i18n.t('compose:cost.none');
  return i18n.t('compose:cost.estimate', { usd: formatPrice(cost.usd), asOf: cost.asOf });
}

/** A job's asked-for duration in words, in the UI's language: "5 s" / "5 秒", or "Auto" for −1 (the model picks, Seedance 2.x). */
export function formatDuration(seconds: number): string {
  return seconds === AUTO_DURATION ? i18n.t('compose:generate.auto') : i18n.t('compose:generate.seconds', { value: seconds });
}
