/**
 * Network reachability as main believes it, from a periodic probe with hysteresis. Feeds the job
 * engine's offline mode and the status line (issue 5, "Offline": jobs wait while the network is
 * gone and resume by themselves when it returns; the UI says so).
 */

/** Answers "can we reach the providers right now?"; a rejection counts as `false`. */
export type ReachabilityProbe = () => Promise<boolean>;

export interface NetworkMonitorOptions {
  probe: ReachabilityProbe;
  /** Time between probes while online and nothing is suspicious, ms. */
  intervalMs: number;
  /**
   * Time between probes while offline, and after a failed probe while still online (to confirm the
   * failure quickly), ms. Default `max(250, intervalMs / 5)`.
   */
  fastIntervalMs?: number;
  /** Consecutive failed probes that take an online monitor offline. Default 2: one lost packet is not an outage. */
  failuresToOffline?: number;
  /** Consecutive successful probes that bring an offline monitor back. Default 1: work should resume at once. */
  successesToOnline?: number;
  /** Called once per change of the believed state (never with the same value twice in a row). */
  onChange: (online: boolean) => void;
}

/** A running monitor. Starts believing `online` and probes at once. */
export interface NetworkMonitor {
  /** The believed state (an override wins). */
  online(): boolean;
  /**
   * Probes now instead of waiting for the next tick (a key or base URL changed, or something
   * hinted at a network error). Ignored while a probe is in flight or an override is set.
   */
  poke(): void;
  /**
   * Test hook: `true`/`false` sets the state at once and stops probing; `null` returns to probing
   * (with an immediate probe, starting from the current state).
   */
  override(value: boolean | null): void;
  /** Stops the timer; a probe in flight is ignored when it ends. Idempotent. */
  dispose(): void;
}

/**
 * Starts a monitor: one probe at a time, every `intervalMs` while online, every `fastIntervalMs`
 * while offline or while confirming a failure. `failuresToOffline` consecutive failures flip it
 * offline, `successesToOnline` consecutive successes flip it back. Timers are unref'd (a monitor
 * never keeps the process alive).
 */
export function createNetworkMonitor(options: NetworkMonitorOptions): NetworkMonitor {
  const failuresToOffline = Math.max(1, options.failuresToOffline ?? 2);
  const successesToOnline = Math.max(1, options.successesToOnline ?? 1);
  const fastIntervalMs = options.fastIntervalMs ?? Math.max(250, Math.round(options.intervalMs / 5));
  let online = true;
  let forced: boolean | null = null;
  let failures = 0;
  let successes = 0;
  let inFlight = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const set = (value: boolean) => {
    if (value === online) return;
    online = value;
    options.onChange(value);
  };

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (disposed || forced !== null) return;
    timer = setTimeout(() => void probeNow(), ms);
    timer.unref?.();
  };

  /** Next delay: fast while offline or while a failure awaits confirmation. */
  const nextDelay = () => (!online || failures > 0 ? fastIntervalMs : options.intervalMs);

  async function probeNow(): Promise<void> {
    if (disposed || forced !== null || inFlight) return;
    inFlight = true;
    clearTimeout(timer);
    let ok: boolean;
    try {
      ok = (await options.probe()) === true;
    } catch {
      ok = false;
    }
    inFlight = false;
    if (disposed || forced !== null) return;
    if (ok) {
      failures = 0;
      successes++;
      if (!online && successes >= successesToOnline) set(true);
    } else {
      successes = 0;
      failures++;
      if (online && failures >= failuresToOffline) set(false);
    }
    schedule(nextDelay());
  }

  schedule(0);

  return {
    online: () => online,
    poke: () => void probeNow(),
    override(value) {
      forced = value;
      failures = 0;
      successes = 0;
      if (value === null) {
        schedule(0);
        return;
      }
      clearTimeout(timer);
      set(value);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
