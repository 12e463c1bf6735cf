import type { Job } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import type { Logger } from '../logging/logger';
import type { EngineSnapshot, TableEvent } from './numbered-events';

/**
 * What main publishes about jobs (to the window, the notifier, the CLI). `version` is main's table
 * version: +1 for every batch of changes, removal and snapshot, so a copy at a lower version is
 * stale. `changed` carries the latest state of each job that changed since the last batch (the
 * engine sends at most about ten batches a second, see numbered-events.ts).
 * `snapshot` replaces every copy: the engine (re)started, and its table — including jobs its
 * recovery changed without events — is the truth. `epoch` counts the engine starts main has seen.
 */
export type JobsEvent =
  | { type: 'snapshot'; jobs: Job[]; version: number; epoch: number }
  | { type: 'changed'; jobs: Job[]; version: number }
  | { type: 'removed'; id: string; version: number }
  | { type: 'stats'; stats: QueueStats };

/** Main's copy of the job table: every job in queue order, at `version`. */
export interface JobTable {
  jobs: Job[];
  version: number;
}

/** Main's copy of the engine's job table, fed by the engine's numbered events and snapshots. */
export interface JobMirror {
  /** The table as main holds it now (no engine round-trip). */
  table(): JobTable;
  /** The engine (re)started with this table: it replaces main's copy and is published. */
  replace(snapshot: EngineSnapshot): void;
  /**
   * Applies and publishes engine event number `seq`. Dropped as stale when the current engine has
   * sent no snapshot yet, or when the snapshot already holds it (`seq` at or below its cut).
   */
  apply(seq: number, event: TableEvent): void;
  /** Whether `apply(seq, …)` would apply the event now (not stale, a snapshot held). */
  accepts(seq: number): boolean;
  /** Main's copy of one job, or undefined. */
  job(id: string): Job | undefined;
  /** The engine process ended: nothing from the next one counts before its snapshot. */
  engineStopped(): void;
  /** Adds a listener; returns a function that removes it. */
  subscribe(listener: (event: JobsEvent) => void): () => void;
  /** Drops every listener (the host shut down). */
  close(): void;
}

/** A mirror with no table yet (version 0) and no listeners. */
export function createJobMirror(log: Logger): JobMirror {
  const jobs = new Map<string, Job>();
  const listeners = new Set<(event: JobsEvent) => void>();
  let version = 0;
  let epoch = 0;
  /** The last engine event applied; null until the current engine's snapshot arrived. */
  let engineSeq: number | null = null;

  function publish(event: JobsEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        log.error('jobs.listener_failed', { error: err });
      }
    }
  }

  return {
    table: () => ({ jobs: [...jobs.values()].sort((a, b) => a.order - b.order), version }),
    replace(snapshot) {
      jobs.clear();
      for (const job of snapshot.jobs) jobs.set(job.id, job);
      engineSeq = snapshot.seq;
      version++;
      epoch++;
      log.info('jobs.snapshot', { jobs: jobs.size, version, epoch });
      publish({ type: 'snapshot', jobs: snapshot.jobs, version, epoch });
    },
    accepts: (seq) => engineSeq !== null && seq > engineSeq,
    job: (id) => jobs.get(id),
    apply(seq, event) {
      if (engineSeq === null || seq <= engineSeq) return;
      engineSeq = seq;
      if (event.type === 'stats') return publish(event);
      if (event.type === 'changed') for (const job of event.jobs) jobs.set(job.id, job);
      else jobs.delete(event.id);
      version++;
      publish({ ...event, version });
    },
    engineStopped() {
      engineSeq = null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
    },
  };
}
