import type { CostEstimate } from '../../../shared/catalog/params';

const KB = 1024;
const MB = 1024 * 1024;

/** Bytes for people (binary units, like the image rules' 30 MB): `812 bytes`, `345 KB`, `4.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return `${mb >= 100 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

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
