/**
 * Types shared by the simulator's server, task store, fault injection and provider modules.
 * The simulator stands in for the four Seedance providers (providers.md) on one local port.
 */

/** The four simulated providers. */
export type SimProvider = 'novita' | 'fal' | 'evolink' | 'ark';

export const SIM_PROVIDERS: readonly SimProvider[] = ['novita', 'fal', 'evolink', 'ark'];

/**
 * What a request does, for stats and for targeting faults:
 * `submit` (the billable POST), `status` (a poll), `result` (fal response_url), `cancel`,
 * `list` (ModelArk task list), `upload` (fal initiate / EvoLink base64), `upload-put` (fal signed PUT),
 * `download` (a result video or last frame), `file` (an uploaded input served back), `other`.
 */
export type RouteKind = 'submit' | 'status' | 'result' | 'cancel' | 'list' | 'upload' | 'upload-put' | 'download' | 'file' | 'other';

/**
 * Why a simulated task fails, mapped to each provider's own failure payload:
 * `content_policy` (output video moderated), `audio_moderation` (ModelArk
 * `OutputAudioSensitiveContentDetected`), `image_policy` (input image moderated, e.g. a real face on 2.x),
 * `internal` (provider-side error), `timeout` (generation timed out / ModelArk `expired`).
 */
export type FailureKind = 'content_policy' | 'audio_moderation' | 'image_policy' | 'internal' | 'timeout';

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
}

/**
 * Fault configuration: `global` applies to every provider; a provider's own set wins over `global`
 * for the same fault. Replacing the config (`setFaults`) resets every `times` counter.
 */
export interface FaultConfig extends Partial<Record<SimProvider, FaultSet>> {
  global?: FaultSet;
}

/** One recorded request. `taskId` is the provider's task id when the route concerns one task. */
export interface RequestRecord {
  provider: SimProvider | 'sim';
  route: RouteKind;
  method: string;
  path: string;
  status: number;
  taskId?: string;
  /** Which fault answered instead of the route, if any. */
  fault?: 'rateLimit' | 'serverError' | 'malformedJson' | 'cutDownload' | 'slowDownload';
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

/** A reply a route produces; `raw` wins over `json`. */
export interface Reply {
  status: number;
  json?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Not sent: the task a submit created, so stats count the submit under that task. */
  taskId?: string;
}
