/**
 * Types of the test simulator's fault injection and stats, on top of the demo provider's own
 * (src/main/demo/provider/types.ts), which it re-exports so tests import one place.
 */
import type { FailureKind, RequestRecord, RouteKind, SimProvider } from '../../src/main/demo/provider/types';

export type { FailureKind, RequestRecord, RouteKind, SimProvider } from '../../src/main/demo/provider/types';

/** A counted fault: applies to the next `times` matching requests (unlimited when absent). */
interface Counted {
  times?: number;
}

/** A fault that targets request kinds; default: the API routes (everything except `download` and `file`). */
interface Routed extends Counted {
  routes?: RouteKind[];
}

/** One set of faults; see `FaultConfig` for how sets combine. */
export interface FaultSet {
  /** 429 in the provider's shape with `Retry-After: retryAfterSeconds` (default 2). */
  rateLimit?: Routed & { retryAfterSeconds?: number };
  /** A 5xx (default 500) in the provider's shape. */
  serverError?: Routed & { status?: 500 | 502 | 503 | 504 };
  /** A 200 whose JSON body is cut in half. */
  malformedJson?: Routed;
  /**
   * The request is handled at once (a submit creates its task) but its answer waits `ms`: a slow
   * provider, and for a submit the window in which a crash leaves the app not knowing the task exists.
   */
  slowAnswer?: Routed & { ms: number };
  /** Result downloads are throttled to this many bytes per second. */
  slowDownload?: Counted & { bytesPerSecond: number };
  /** Result downloads close the socket after `afterBytes` bytes of the response body. */
  cutDownload?: Counted & { afterBytes: number };
  /** Tasks submitted while set fail, at the end of their run time, with the provider's payload for `kind`. */
  failTask?: Counted & { kind: FailureKind };
  /** Tasks submitted while set stay running (progress 99) forever. */
  neverFinish?: Counted;
  /** Result URLs of tasks submitted while set stop working this many seconds after the task succeeds. */
  resultTtlSeconds?: number;
  /** Drafts count this many days older than they are when a final names them (Seedance 2.5 drafts are valid 7 days). */
  draftAgeDays?: number;
}

/**
 * Fault configuration: `global` applies to every provider; a provider's own set wins over `global`
 * for the same fault. Replacing the config (`setFaults`) resets every `times` counter.
 */
export interface FaultConfig extends Partial<Record<SimProvider, FaultSet>> {
  global?: FaultSet;
}

/**
 * Request counts since start (or since `resetStats`), for tests that prove e.g. one submit per job.
 * Keys: `byRoute` is `<provider>:<route>`; `byTask` is task id → route → count.
 */
export interface SimStats {
  total: number;
  byProvider: Record<string, number>;
  byRoute: Record<string, number>;
  byTask: Record<string, Partial<Record<RouteKind, number>>>;
  /** Request body fields the provider does not know and (like the real service) ignored. */
  ignoredFields: Array<{ provider: SimProvider; model: string; field: string }>;
  /** Every request in order (bounded to the last 5000). */
  log: RequestRecord[];
}
