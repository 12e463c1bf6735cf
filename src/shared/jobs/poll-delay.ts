/** Inputs of `pollDelay`. Times in ms since the epoch, durations in ms. */
export interface PollDelayInput {
  /** When the provider accepted the task. */
  submittedAt: number;
  now: number;
  /** The provider's latest estimate of seconds left (Novita `task.eta`, EvoLink `task_info.estimated_time`). */
  etaSeconds?: number;
  /** The provider's latest progress, percent 0–100 (Novita, EvoLink). */
  progress?: number;
  /** The previous delay; absent before the first poll. */
  lastDelay?: number;
  /** Lower bound, ms (Settings → Advanced → polling bounds). */
  min: number;
  /** Upper bound, ms. */
  max: number;
}

/** The first poll comes this soon after submit: it catches a rejected task and reports the queue position early. */
export const FIRST_POLL_MS = 3_000;
/** Without any estimate, wait this share of the time spent so far: the finish is then seen at most ~10 % late. */
const ELAPSED_SHARE = 0.1;
/** …but never more than this times the previous delay, so one long wait does not jump to the maximum. */
const MAX_GROWTH = 2;

/**
 * How long to wait before the next status poll, in ms, always within [min, max].
 * Rules (providers.md "Pitfalls": polling every 500 ms is wasteful for multi-minute jobs; use the ETA):
 * 1. first poll: `FIRST_POLL_MS` after submit;
 * 2. with an ETA > 0: wait the ETA, i.e. poll near the expected finish;
 * 3. with progress in (0, 100) and no ETA: wait the time left at the current rate
 *    (elapsed × (100 − p) / p);
 * 4. otherwise (no estimate, or an ETA of 0 that has passed): 10 % of the time elapsed since
 *    submit, at most double the previous delay.
 */
export function pollDelay(input: PollDelayInput): number {
  const { min, max } = input;
  const clamp = (ms: number) => Math.round(Math.min(max, Math.max(min, ms)));
  if (input.lastDelay === undefined) return clamp(FIRST_POLL_MS);
  if (input.etaSeconds !== undefined && input.etaSeconds > 0) return clamp(input.etaSeconds * 1000);
  const elapsed = Math.max(0, input.now - input.submittedAt);
  const p = input.progress;
  if (p !== undefined && p > 0 && p < 100 && elapsed > 0) return clamp((elapsed * (100 - p)) / p);
  return clamp(Math.min(elapsed * ELAPSED_SHARE, Math.max(min, input.lastDelay) * MAX_GROWTH));
}
