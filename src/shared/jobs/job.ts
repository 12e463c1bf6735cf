import { z } from 'zod';
import { JobParams, ProviderId } from '../catalog/types';
import { JobBatch } from './batch';
import { LenientPhrase } from '../messages/phrase';

/**
 * Every state a job can be in (ARCHITECTURE.md, "Job lifecycle"):
 * `draft → queued → submitting → submitted → running → downloading → completed`, with exits to
 * `failed`, `cancelled`, `expired` and `needs_attention`.
 */
export const JobState = z.enum([
  'draft',
  'queued',
  'submitting',
  'submitted',
  'running',
  'downloading',
  'completed',
  'failed',
  'cancelled',
  'expired',
  'needs_attention',
]);
export type JobState = z.infer<typeof JobState>;

/** States a job never leaves. `needs_attention` is not one: the user can still dismiss it (→ `cancelled`). */
export const TERMINAL_STATES: readonly JobState[] = ['completed', 'failed', 'cancelled', 'expired'];

/** States in which the provider holds a task for the job (it counts against the provider's concurrency). */
export const REMOTE_STATES: readonly JobState[] = ['submitting', 'submitted', 'running'];

/** True when `state` is terminal (see `TERMINAL_STATES`). */
export function isTerminal(state: JobState): boolean {
  return TERMINAL_STATES.includes(state);
}

/**
 * Where a job's provider requests go: `demo` — the offline demo's simulator (no key set when it was
 * sent); `provider` — the real provider with the user's key. Recorded when the job is sent, and every
 * later request for it (polls, cancel, download) keeps that route, whatever keys are set meanwhile
 * (ARCHITECTURE.md "Job lifecycle": a job keeps the route it was sent with).
 */
export const JobRoute = z.enum(['demo', 'provider']);
export type JobRoute = z.infer<typeof JobRoute>;

/** Milliseconds since the Unix epoch. */
const EpochMs = z.number().int().nonnegative();

/** A job id: 8–64 lowercase letters, digits and dashes (a UUID fits). Safe as a file name. */
export const JobId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'job id must be 8–64 lowercase letters, digits or dashes');
export type JobId = z.infer<typeof JobId>;

/**
 * What went wrong, in the provider-error kinds of ARCHITECTURE.md "Errors" plus the engine's own:
 * `expired` (result URL or task lifetime passed), `download` (the file could not be fetched),
 * `verification` (the file is not the video asked for), `interrupted` (the app stopped mid-submit),
 * `internal` (a bug; the log has details).
 */
export const JobErrorKind = z.enum([
  'auth',
  'quota',
  'rate_limited',
  'invalid_input',
  'content_policy',
  'provider_error',
  'network',
  'timeout',
  'expired',
  'download',
  'verification',
  'interrupted',
  'internal',
]);
export type JobErrorKind = z.infer<typeof JobErrorKind>;

/**
 * An error fit to show a person: what happened (`message`), what to do (`fix`), and the provider's own
 * words. `phrase`/`fixPhrase` are the same two sentences as codes for the UI's language; `message` and
 * `fix` stay the English of record (CLI, logs, jobs saved before phrases existed). A phrase that does
 * not parse is dropped, never the job: the English is shown instead.
 */
export const JobError = z.object({
  kind: JobErrorKind,
  message: z.string(),
  phrase: LenientPhrase,
  providerCode: z.string().optional(),
  providerMessage: z.string().optional(),
  fix: z.string().optional(),
  fixPhrase: LenientPhrase,
});
export type JobError = z.infer<typeof JobError>;

/**
 * The provider's task. `taskId`/`handle` as the adapter returned them (`RemoteTask`); the rest is
 * filled from the poll that reported success: the video URL, when it stops working (ms epoch), the
 * seed and usage the provider reported.
 */
export const JobRemote = z.object({
  taskId: z.string().min(1),
  handle: z.record(z.string(), z.string()),
  resultUrl: z.string().optional(),
  resultExpiresAt: EpochMs.optional(),
  /** The provider's own last frame (ModelArk `last_frame_url`), fetched beside the video; expires with it. */
  lastFrameUrl: z.string().optional(),
  seed: z.number().optional(),
  usage: z.record(z.string(), z.number()).optional(),
  /**
   * The provider's id for this job's draft, when the job was a draft (`params.draft`): what its
   * final names (ModelArk: the draft task's own id; fal: the result's `draft_id`; seedance-2.5.md §2.6, §3).
   */
  draftId: z.string().min(1).max(500).optional(),
});
export type JobRemote = z.infer<typeof JobRemote>;

/**
 * The delivered video: where it was filed (`path`, absolute; main only), its hex sha256 and size in
 * bytes, and the library's id for it when the library filed it.
 */
export const JobResult = z.object({
  path: z.string().optional(),
  sha256: z.string().regex(/^[a-f0-9]{64}$/).optional(),
  bytes: z.number().int().nonnegative().optional(),
  libraryId: z.string().optional(),
});
export type JobResult = z.infer<typeof JobResult>;

/** One line of the job's timeline; `notePhrase` is its note for the UI's language (lenient, like `JobError`'s). */
export const JobHistoryEntry = z.object({ state: JobState, at: EpochMs, note: z.string().optional(), notePhrase: LenientPhrase });
export type JobHistoryEntry = z.infer<typeof JobHistoryEntry>;

/**
 * How far a job's uploads have got while it prepares (fal storage, EvoLink files API; issue 13
 * "upload progress shown"): bytes of the files to upload that have left so far, of all of them.
 * Files the upload cache already holds (same sha256) count as sent at once.
 */
export const JobUpload = z.object({ sentBytes: z.number().int().nonnegative(), totalBytes: z.number().int().nonnegative() });
export type JobUpload = z.infer<typeof JobUpload>;

/**
 * One job, as persisted by the engine (the only writer) and sent to main.
 * - `times[state]`: when the job last entered that state (ms epoch).
 * - `progress`: percent 0–100 of the current phase — generation while `submitted`/`running`,
 *   download while `downloading`.
 * - `etaSeconds`: the provider's estimate of seconds left, as of `updatedAt`.
 * - `upload`: bytes sent of the job's uploads while it prepares (`JobUpload`), cleared once it is sent.
 * - `notice`: a passing problem the engine is working around ("provider busy, retrying in 12 s"),
 *   cleared when it passes, with `noticePhrase` for the UI's language; `error` is set only by a failing exit.
 * - `attempts`: how many times the job entered `submitting` (never more than once per billable POST).
 * - `requests`: HTTP requests made to the provider for this job (uploads, submit, polls, cancel).
 * - `order`: position among queued jobs, lower first.
 * - `retryOf`: the job this one was made from by an explicit retry.
 * - `continuedFrom`: the library clip whose last frame this job starts from (lineage, kept into the sidecar).
 * - `sourceClip`: the library clip a Seedance 2.5 `edit`/`extend` job works on (its first reference
 *   video, seedance-2.5.md §2.2); filed as the sidecar's `editedFrom` / `extendedFrom`.
 * - `route`: where its provider requests go (`JobRoute`), set when it is sent; absent on jobs sent
 *   before routes were recorded (those follow the app's current mode).
 * - `batch`: the batch of variations it is a take of (`JobBatch`, issue 14 "Variations"); a retry
 *   of a take stays in its batch.
 */
export const Job = z.object({
  id: JobId,
  params: JobParams,
  provider: ProviderId,
  state: JobState,
  remote: JobRemote.optional(),
  times: z.partialRecord(JobState, EpochMs),
  updatedAt: EpochMs,
  progress: z.number().min(0).max(100).optional(),
  etaSeconds: z.number().nonnegative().optional(),
  queuePosition: z.number().int().nonnegative().optional(),
  upload: JobUpload.optional(),
  notice: z.string().optional(),
  noticePhrase: LenientPhrase,
  error: JobError.optional(),
  result: JobResult.optional(),
  attempts: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  history: z.array(JobHistoryEntry),
  order: z.number(),
  retryOf: JobId.optional(),
  continuedFrom: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
  sourceClip: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
  route: JobRoute.optional(),
  batch: JobBatch.optional(),
});
export type Job = z.infer<typeof Job>;

/**
 * A job as the renderer sees it: no filesystem path (ARCHITECTURE.md: the renderer never sees a path
 * it did not get from the user) and, of the remote task, only the provider's task id (shown and
 * copyable in the Queue) and the seed it reported — not the provider URLs in `handle` nor the
 * signed result URL.
 */
export const JobView = Job.omit({ remote: true, result: true }).extend({
  remote: z.object({ taskId: z.string(), seed: z.number().optional() }).optional(),
  result: JobResult.omit({ path: true }).optional(),
});
export type JobView = z.infer<typeof JobView>;

/** Strips a job down to its `JobView`. */
export function toJobView(job: Job): JobView {
  const { remote, result, ...rest } = job;
  const view: JobView = { ...rest };
  if (remote) view.remote = remote.seed === undefined ? { taskId: remote.taskId } : { taskId: remote.taskId, seed: remote.seed };
  if (result) {
    const kept = { ...result };
    delete kept.path;
    view.result = kept;
  }
  return view;
}
