import type { CostEstimate } from '../../../shared/catalog/params';

// Re-exported so Compose views import every formatter from one place; the rule lives in src/shared.
export { formatBytes } from '../../../shared/format/bytes';

/** `1248 × 704` (px). */
export function formatSize(size: { width: number; height: number }): string {
  return `${size.width} × ${size.height}`;
}

/**
 * "≈ $0.26, estimate as of 2026-11", or "no published price" (UX.md, "Compose"). Cents below a
 * dollar keep two decimals; under one cent says so rather than "$0.00".
 */
export function formatCost(cost: CostEstimate | null): string {
  if (!cost) return 'no published price';
  const usd = cost.usd < 0.01 ? '< $0.01' : `$${cost.usd.toFixed(2)}`;
  return `≈ ${usd}, estimate as of ${cost.asOf}`;
}
