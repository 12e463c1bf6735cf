const KB = 1024;
const MB = 1024 * 1024;

/**
 * A byte count for people: `812 bytes`, `345 KB`, `4.2 MB`. Binary units, matching the catalog's
 * `maxBytes` (30 MB = 30 × 1024 × 1024 bytes), so a limit prints as the round number it is.
 * Pure: shared by main (image checks, CLI) and the renderer (Compose frame verdicts).
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return `${mb >= 100 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
