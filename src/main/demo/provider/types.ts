import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

/**
 * Types shared by the demo provider's server, task store and provider modules. It stands in for the
 * four Seedance providers (providers.md) on one local port: the offline demo's provider, and the
 * core the test simulator (tools/provider-sim) wraps.
 */

/** The four simulated providers. */
export type SimProvider = 'novita' | 'fal' | 'evolink' | 'ark';

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
 * `internal` (provider-side error), `timeout` (generation timed out / ModelArk `expired`),
 * `task_type_mismatch` (Seedance 2.5: the prompt's wording contradicts the explicit task type; fails
 * after generation started, seedance-2.5.md §2.8 `InvalidParameter.TaskTypeMismatch`).
 */
export type FailureKind = 'content_policy' | 'audio_moderation' | 'image_policy' | 'internal' | 'timeout' | 'task_type_mismatch';

/** A provider's error answer a wrapper can give instead of a route: 429 with `Retry-After`, or a 5xx. */
export type ErrorAnswer = { kind: 'rateLimit'; retryAfterSeconds: number } | { kind: 'serverError'; status: 500 | 502 | 503 | 504 };

/** One answered request, as `DemoServerHooks.onRequest` sees it. `taskId` is the provider's task id when the route concerns one task. */
export interface RequestRecord {
  provider: SimProvider | 'sim';
  route: RouteKind;
  method: string;
  path: string;
  status: number;
  taskId?: string;
  /** What answered instead of the route (a hook's `answer` or `shapeDownload`), if anything. */
  fault?: 'rateLimit' | 'serverError' | 'malformedJson' | 'cutDownload' | 'slowDownload';
}

/** How a hook sends one result download's body instead of the server, and its name for the record. */
export interface DownloadShape {
  /** Writes `body` to `res` (headers are sent) and ends or drops the response; resolves when done. */
  send(body: Readable, res: ServerResponse): Promise<void>;
  label: 'cutDownload' | 'slowDownload';
}

/**
 * The seam a wrapper uses to observe and steer the server; every hook is optional and the offline
 * demo passes none. The test simulator (tools/provider-sim) uses it for stats and fault injection,
 * so that code never ships in the app.
 */
export interface DemoServerHooks {
  /** Every answered request, in order. */
  onRequest?(record: RequestRecord): void;
  /** Request body fields a provider ignored (the real services ignore unknown fields silently). */
  onIgnoredFields?(provider: SimProvider, model: string, fields: string[]): void;
  /** An answer instead of the route for an authenticated API request; `malformedJson` runs the route and cuts its JSON in half. */
  answer?(provider: SimProvider, route: RouteKind): ErrorAnswer | { kind: 'malformedJson' } | null;
  /** How long an API request's answer waits after its handler ran, ms (0: not at all); a kill can then land between a POST and its answer. */
  answerDelayMs?(provider: SimProvider, route: RouteKind): number;
  /** A new task's fate: failure kind, never finishing, result URL lifetime (s). */
  taskFate?(provider: SimProvider): { failure?: FailureKind; neverFinish: boolean; ttlSeconds?: number };
  /** How much older than their real age drafts count when a final names them, ms (the 7-day validity, `drafts.ts`); tests age drafts with it. */
  draftAgeMs?(provider: SimProvider): number;
  /** How to send one result download's body. */
  shapeDownload?(provider: SimProvider): DownloadShape | null;
  /** Extra routes under `/_sim/` (stats, fault config); answers true when it handled the request. */
  route?(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean>;
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
