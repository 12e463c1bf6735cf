const KB = 1024;
const MB = 1024 * 1024;

/**
 * A byte count for people: `812 bytes`, `345 KB`, `4.2 MB`. Binary units, matching the catalog's
 * `maxBytes` (30 MB = 30 × 1024 × 1024 bytes), so a limit prints as the round number it is.
 */
export function formatBytes(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  const mb = bytes / MB;
  return `${mb >= 100 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** Size of `bytes` once base64-encoded (4 characters per 3 bytes, padded): what inline providers receive. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
