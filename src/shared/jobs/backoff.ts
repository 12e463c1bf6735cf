/** Options of `backoff`; the defaults suit HTTP APIs that answer 429/5xx for seconds to minutes. */
export interface BackoffOptions {
  /** Delay of the first retry before jitter, ms. Default 1,000. */
  baseMs?: number;
  /** Largest delay before jitter, ms. Default 60,000. */
  capMs?: number;
  /** Source of randomness in [0, 1). Default `Math.random`; tests pass a fixed one. */
  random?: () => number;
}

/** A server's `Retry-After` is honoured up to this (ms): a garbage value must not park a job for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;
/** How far past a `Retry-After` a retry may land (at most 10 % of it, at most 1 s), so clients do not all return at once. */
const RETRY_AFTER_SPREAD = 0.1;
const RETRY_AFTER_SPREAD_CAP_MS = 1_000;

/**
 * The delay before retry number `attempt` (1 = first retry), in ms: exponential
 * (`baseMs × 2^(attempt−1)`, capped at `capMs`) with "equal jitter" (half fixed, half random), so
 * many clients that failed together do not retry together. When the server sent `Retry-After`
 * (`retryAfterMs`, as parsed by the adapter — providers.md: fal, Novita, EvoLink, ModelArk answer
 * 429), that wait is used instead (capped at `MAX_RETRY_AFTER_MS`, at least `baseMs / 2`) plus a
 * small spread: waiting longer than the server asked only delays the user's jobs.
 */
export function backoff(attempt: number, retryAfterMs?: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? 1_000;
  const cap = options.capMs ?? 60_000;
  const random = options.random ?? Math.random;
  const n = Math.max(1, Math.floor(attempt));
  const exp = Math.min(cap, base * 2 ** Math.min(n - 1, 30));
  const jittered = exp / 2 + random() * (exp / 2);
  if (retryAfterMs === undefined || !(retryAfterMs >= 0)) return Math.round(jittered);
  const honoured = Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const spread = Math.min(RETRY_AFTER_SPREAD_CAP_MS, honoured * RETRY_AFTER_SPREAD) * random();
  // The server knows when it will take requests again; only a `Retry-After: 0` is floored (half the base delay).
  return Math.round(Math.max(base / 2, honoured + spread));
}
