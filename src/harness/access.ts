import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A per-run secret for the harness URL: 32 hex chars from 128 random bits. */
export function createToken(): string {
  return randomBytes(16).toString('hex');
}

/** Constant-time comparison of a token from a request against the run's token; false for null/absent. */
export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether an HTTP `Host` header names the harness itself. Anything else is a DNS-rebinding
 * attempt (a page on `evil.example` resolving its name to 127.0.0.1), so it is refused.
 */
export function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}`;
}

/** Whether a WebSocket `Origin` header is the harness's own page origin (`http://127.0.0.1:<port>`). */
export function isOwnOrigin(originHeader: string | undefined, port: number): boolean {
  return originHeader === `http://127.0.0.1:${port}`;
}
