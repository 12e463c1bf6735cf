// Re-exported so image checks and the CLI keep one import for sizes; the rule lives in src/shared.
export { formatBytes } from '../../shared/format/bytes';

/** Size of `bytes` once base64-encoded (4 characters per 3 bytes, padded): what inline providers receive. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
