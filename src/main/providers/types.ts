import type { JobParams, ModelEntry, ProviderId } from '../../shared/catalog/types';
import type { Phrase, Said } from '../../shared/messages/phrase';
import type { UploadCache } from './upload-cache';

/**
 * The small set of error kinds every provider error maps to (ARCHITECTURE.md, "Errors").
 * The provider's own code and message are kept beside the kind.
 */
export type ErrorKind =
  | 'auth'
  | 'quota'
  | 'rate_limited'
  | 'invalid_input'
  | 'content_policy'
  | 'provider_error'
  | 'network'
  | 'timeout';

/** A provider failure in one shape: what happened (plain words), and the provider's own words. */
export interface ProviderFailure {
  kind: ErrorKind;
  /** Plain-language message for the user: what happened and what to do. Never contains a key. */
  message: string;
  /** `message` as a phrase for the UI's language (its values are scrubbed like `message`). */
  phrase?: Phrase;
  /** The provider's own error code, e.g. `INVALID_API_KEY`, `insufficient_quota`, `InvalidParameter`. */
  providerCode?: string;
  /** The provider's own message, kept verbatim (redacted of secrets). */
  providerMessage?: string;
  /** HTTP status, when the failure came from an HTTP answer. */
  httpStatus?: number;
  /** From `Retry-After` (seconds or HTTP date), in ms. */
  retryAfterMs?: number;
  /** True when the same request may succeed later (429, 5xx, network). */
  retryable: boolean;
  /** The provider will not run the model (not found, retired, not activated): `failure.ts` `modelRefused`. */
  modelUnavailable?: boolean;
}

/** Thrown by adapters; carries a `ProviderFailure`. Its `message` is the failure's plain message. */
export class ProviderError extends Error {
  constructor(readonly failure: ProviderFailure) {
    super(failure.message);
    this.name = 'ProviderError';
  }
}

/**
 * Provider task states, unified across the four APIs (providers.md, "statuses"). `unknown`: the
 * provider reported a status its docs do not list (`providerStatus` says which); the engine shows
 * it and keeps checking only until the task's documented lifetime is over — never as "running".
 */
export type RemoteState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'expired' | 'unknown';

/** One poll's answer in the unified shape every adapter returns. */
export interface TaskStatus {
  state: RemoteState;
  /** 0–100, when the provider reports it. */
  progress?: number;
  /** Seconds until done, when the provider estimates it. */
  etaSeconds?: number;
  /** Position in the provider's queue (fal). */
  queuePosition?: number;
  /** The video URL once `succeeded`. */
  resultUrl?: string;
  /** When `resultUrl` stops working, ms since the epoch (from the provider's TTL, or its documented lifetime). */
  resultExpiresAt?: number;
  /**
   * The provider's own last frame of the video, once `succeeded`, when it makes one (ModelArk
   * `content.last_frame_url` with `return_last_frame`: a PNG of the video's size, no watermark, valid
   * as long as `resultUrl`; providers.md, BytePlus ModelArk).
   */
  lastFrameUrl?: string;
  /** Seed the provider actually used. */
  seed?: number;
  /** Usage the provider reports, e.g. ModelArk `{ completion_tokens, total_tokens }`. */
  usage?: Record<string, number>;
  /** The draft id once a draft job has `succeeded`: what its final names (seedance-2.5.md §2.6 ModelArk, §3 fal). */
  draftId?: string;
  /** Set when `failed` (or a failed fetch of the result, fal). */
  error?: ProviderFailure;
  /** The provider's own status word, when `state` is `unknown`. */
  providerStatus?: string;
}

/**
 * A task found in a provider's task list (ModelArk), with what identifies the request that made it.
 * `createdAt` is ms on this machine's clock (the provider's time corrected by the clock difference
 * its `Date` header showed); the request fields are the provider's echo of what it was sent.
 */
export interface ListedTask {
  taskId: string;
  createdAt: number;
  model: string;
  resolution?: string;
  ratio?: string;
  duration?: number;
  seed?: number;
}

/** One look through a provider's task list for tasks made in a time window. */
export interface TaskListing {
  tasks: ListedTask[];
  /** True when every task of the window was seen (all pages read) — only then does "none" mean none. */
  complete: boolean;
  /** True when `createdAt` was corrected by the provider's clock (its `Date` header); false: this machine's clock was trusted as is. */
  clockChecked: boolean;
}

/** A local image file that the image service has already checked and fixed for this model. */
export interface PreparedImage {
  /** Absolute path of the processed file (in the input cache). */
  path: string;
  /** `image/jpeg`, `image/png` or `image/webp`. */
  mime: string;
  /** File size in bytes. */
  bytes: number;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
}

/**
 * A local reference video or audio file the engine has already probed and checked for the model:
 * the file as the user gave it (or its accepted fix), with its hash and length.
 */
export interface PreparedMediaFile {
  /** Absolute path of the file to send. */
  path: string;
  /** `video/mp4`, `video/quicktime`, `audio/wav`, `audio/mpeg`. */
  mime: string;
  /** File size in bytes. */
  bytes: number;
  /** Hex sha256 of the file's bytes (the upload cache's key). */
  sha256: string;
  /** Length in seconds (ffprobe). */
  durationSec: number;
}

/**
 * One reference of a reference-to-video job, ready for an adapter, in `params.references` order:
 * a local file to upload or inline (images already checked and fixed by the image rules), or a
 * public URL passed through as given (ModelArk reference videos).
 */
export type PreparedReference =
  | { kind: 'image'; file: PreparedImage }
  | { kind: 'video' | 'audio'; file: PreparedMediaFile }
  | { kind: 'video'; url: string };

/** Everything an adapter needs to build a provider request. `params` are validated against the entry. */
export interface SubmitRequest {
  entry: ModelEntry;
  params: JobParams;
  images: { first?: PreparedImage; last?: PreparedImage };
  /** Reference media in `params.references` order (reference-to-video rows only). */
  references?: PreparedReference[];
}

/**
 * A request ready to POST: images already uploaded where the provider needs URLs (fal, EvoLink),
 * or inlined as data URLs (Novita, ModelArk). Plain JSON so the engine can persist it.
 */
export interface PreparedSubmission {
  /** Path relative to the provider's base URL, or an absolute URL (fal endpoint). */
  url: string;
  body: Record<string, unknown>;
}

/**
 * What identifies a submitted task for later polls and cancels. `taskId` is the provider's id
 * (Novita `task_id`, fal `request_id`, EvoLink `task-unified-…`, ModelArk `cgt-…`); `handle` keeps
 * provider URLs that must be used as given (fal's `status_url`, `response_url`, `cancel_url`).
 */
export interface RemoteTask {
  taskId: string;
  handle: Record<string, string>;
}

/**
 * Hears how an adapter's uploads (fal storage, EvoLink files API) go, so the job can show
 * "Uploading references · 3.2 of 10.4 MB" (issue 13). Files are named by their hex sha256; sizes in
 * bytes. `expect` comes first with every local file `prepare` may upload; a file found in the upload
 * cache is `done` at once, without `sent`.
 */
export interface UploadProgress {
  expect(files: ReadonlyArray<{ sha256: string; bytes: number }>): void;
  /** `sentBytes` of file `sha256` have left this machine so far (rises; restarts at 0 when an upload is tried again). */
  sent(sha256: string, sentBytes: number): void;
  /** File `sha256` is uploaded (now, or earlier and remembered). */
  done(sha256: string): void;
}

/** Per-call context: the key (from main's vault, in memory only), base URLs, and fetch. */
export interface ProviderContext {
  apiKey: string;
  /** Base URLs by role: `api` always; `files` for fal storage / EvoLink uploads. No trailing slash. */
  baseUrls: { api: string; files?: string };
  fetch: typeof fetch;
  signal?: AbortSignal;
  /**
   * Where uploads (fal storage, EvoLink files API) are remembered by content hash so the same bytes are
   * never uploaded twice (the engine's, kept in its data dir); absent = every upload is made.
   */
  uploads?: UploadCache;
  /** Hears upload progress (the engine's, per job); absent = nobody listens. */
  uploadProgress?: UploadProgress;
}

/** What `checkKey` found: the key works, the provider refused it, or the provider could not be reached. */
export type KeyCheck = { result: 'valid' } | { result: 'rejected' | 'unreachable'; message: string; phrase?: Phrase };

/**
 * One provider's adapter (one module per provider). Submission is two steps so the engine can
 * persist `submitting` *after* uploads and *immediately before* the billable POST.
 */
export interface ProviderAdapter {
  readonly id: ProviderId;
  /** Whether and when the provider can cancel (providers.md "cancel"). */
  readonly cancel: 'queued-only' | 'none';
  /** Builds the request body and uploads images where needed. Throws `ProviderError`. Never bills. */
  prepare(req: SubmitRequest, ctx: ProviderContext): Promise<PreparedSubmission>;
  /** The billable POST. Returns the remote task. Throws `ProviderError`. */
  submit(prepared: PreparedSubmission, ctx: ProviderContext): Promise<RemoteTask>;
  /** One status read in the unified shape. Throws `ProviderError` for transport/HTTP failures only. */
  poll(task: RemoteTask, ctx: ProviderContext): Promise<TaskStatus>;
  /**
   * Asks the provider to cancel; `{ cancelled: false, reason }` where it cannot — the provider's own
   * words as a string, or our sentence as a `Said` (its phrase shown in the UI's language).
   */
  cancelTask(task: RemoteTask, ctx: ProviderContext): Promise<{ cancelled: boolean; reason?: string | Said }>;
  /** A cheap authenticated request that never starts a paid task. */
  checkKey(ctx: ProviderContext): Promise<KeyCheck>;
  /**
   * How long after submission the provider may keep a task before it ends the task itself, ms
   * (its documented expiry; each module names its source). The engine stops polling a while after.
   */
  taskLifetimeMs(params: JobParams): number;
  /**
   * Where the provider can list its tasks (ModelArk): the tasks of `model` created between `from`
   * and `to` (ms, this machine's clock). Absent where there is no such API.
   */
  listTasks?(query: { model: string; from: number; to: number }, ctx: ProviderContext): Promise<TaskListing>;
}
