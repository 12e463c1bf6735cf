import type { JobParams } from '../../shared/catalog/types';
import type { JobBatch } from '../../shared/jobs/batch';
import type { Job } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import type { EngineConfig } from './protocol';
import type { Phrase } from '../../shared/messages/phrase';

/** What the engine tells its host. `changed` carries the whole job (main strips it to a `JobView` for the renderer). */
export type EngineEvent = { type: 'changed'; job: Job } | { type: 'removed'; id: string } | { type: 'stats'; stats: QueueStats };

/**
 * The answer to `cancel`: the job as it now is, whether the provider task was stopped (or, where the
 * provider cannot cancel, whether the engine stopped tracking it), and a sentence for the user.
 */
export interface CancelOutcome {
  job: Job;
  cancelled: boolean;
  message: string;
  /** `message` as a phrase for the UI's language. */
  phrase?: Phrase;
}

/**
 * The job engine's commands, the same whether it runs in-process (CLI), in a Node child process
 * (tests, harness) or in Electron's utilityProcess. Expected failures throw `StudioError` with code
 * `NOT_FOUND` (no such job), `CONFLICT` (not allowed in the job's state) or `BAD_INPUT`.
 * `id` options let a host re-send a command after an engine restart without creating a second job.
 */
export interface EngineApi {
  /** Every job, in queue order. */
  list(): Promise<Job[]>;
  /**
   * Validates `params` against the model's catalog entry and queues a new job. With `id`, a second
   * call with the same id returns the first job. `sourceClip`: the library clip a 2.5 edit or extend
   * works on; `batch`: the batch of variations it is a take of.
   */
  submit(params: JobParams, options?: { id?: string; continuedFrom?: string; sourceClip?: string; batch?: JobBatch }): Promise<Job>;
  cancel(id: string): Promise<CancelOutcome>;
  /** A NEW job with the same inputs as `id` (an explicit second submission; `id` must have ended or need attention). */
  retry(id: string, options?: { id?: string }): Promise<Job>;
  /** The job's parameters, for Compose. */
  duplicate(id: string): Promise<JobParams>;
  /** Forgets a job that has nothing at the provider (not sent, ended, or needing attention). */
  remove(id: string): Promise<void>;
  /** Puts queued jobs in this order (see `reorderQueued`); returns every job. */
  reorder(ids: string[]): Promise<Job[]>;
  /** Stops sending queued jobs (persisted: stays paused across restarts). Running jobs keep polling. */
  pause(): Promise<QueueStats>;
  resume(): Promise<QueueStats>;
  /** Offline: nothing is sent, running jobs stop polling; everything resumes when `true` comes back. */
  setOnline(online: boolean): Promise<void>;
  /** Applies new poll bounds and provider limits (Settings changed) without a restart. */
  configure(config: EngineConfig): Promise<void> | void;
  stats(): Promise<QueueStats>;
  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: (event: EngineEvent) => void): () => void;
  /** Stops timers and work (a POST in flight is allowed to finish, up to a few seconds). Idempotent. */
  dispose(): Promise<void>;
}
