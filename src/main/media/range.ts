/**
 * What to send for a request's `Range` header against a file of `size` bytes:
 * the whole file, one inclusive byte span, or 416.
 */
export type RangeDecision =
  | { kind: 'full' }
  | { kind: 'partial'; /** First byte, inclusive. */ start: number; /** Last byte, inclusive. */ end: number }
  | { kind: 'unsatisfiable' };

const SINGLE = /^bytes=(\d*)-(\d*)$/;

/**
 * Parses a `Range` header (RFC 9110 §14.1.2) for a file of `size` bytes. Supports one range of the
 * forms `bytes=a-b`, `bytes=a-` and `bytes=-n` (the last n bytes); `b` past the end is clamped.
 * A missing header, another unit, a malformed value or several ranges give `full` — RFC 9110 §14.2
 * lets a server ignore a Range it does not support, and video elements only ever ask for one.
 * A first byte at or past the end, or `bytes=-0`, is `unsatisfiable` (416).
 */
export function parseRange(header: string | null | undefined, size: number): RangeDecision {
  if (!header) return { kind: 'full' };
  const m = SINGLE.exec(header.trim());
  if (!m) return { kind: 'full' };
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return { kind: 'full' };
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(a);
  if (b !== '' && Number(b) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  return { kind: 'partial', start, end };
}
