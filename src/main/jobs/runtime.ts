import type { JobEvent } from '../../shared/jobs/transition';
import type { Job } from '../../shared/jobs/job';
import type { Logger } from '../logging/logger';
import type { ProviderAdapter, ProviderContext } from '../providers/types';
import type { EngineClock } from './clock';
import type { RequestProbe } from './failures';
import type { Scheduler } from './scheduler';

/** A job event without its timestamp: the runtime stamps it. */
export type EventInput = JobEvent extends infer E ? (E extends JobEvent ? Omit<E, 'at'> : never) : never;

/** Live fields a flow may update without a state change (never persisted on their own). */
export interface LiveUpdate {
  progress?: number;
  etaSeconds?: number;
  queuePosition?: number;
  /** A passing problem to show; `null` clears it. */
  notice?: string | null;
}

/** What the engine gives its flows (submit, poll, deliver): the one place that changes jobs. */
export interface JobRuntime {
  readonly clock: EngineClock;
  readonly scheduler: Scheduler;
  readonly log: Logger;
  job(id: string): Job | undefined;
  adapter(provider: Job['provider']): ProviderAdapter;
  /**
   * Applies `event` through `transition`. A state change is on disk before this resolves (and
   * before listeners hear of it). Returns the new job, or null when the event was refused (logged).
   * Throws when the store cannot write; the job is then left as it was.
   */
  apply(id: string, event: EventInput): Promise<Job | null>;
  /** Updates live fields (progress, ETA, queue position, notice) in memory and tells listeners. */
  live(id: string, update: LiveUpdate): void;
  /**
   * A provider context for requests made for job `id`: every request is paced by the scheduler
   * and counted in `Job.requests`; `probe`, when given, records what left the machine.
   */
  context(id: string, signal?: AbortSignal, probe?: RequestProbe): Promise<ProviderContext>;
  /** A fetch that counts requests for job `id` without pacing (downloads from a CDN). */
  countingFetch(id: string): typeof fetch;
  /** Resolves when the engine is online; rejects with `Aborted` if `signal` aborts first. */
  waitOnline(signal: AbortSignal): Promise<void>;
}
