import type { Job } from '../../shared/jobs/job';
import { transition, type JobEvent } from '../../shared/jobs/transition';
import type { Logger } from '../logging/logger';
import type { EngineClock } from './clock';
import type { EventInput } from './runtime';
import type { JobStore } from './store';

/** What the table tells its listener after a change is on disk. */
export type TableChange = { type: 'changed'; job: Job } | { type: 'removed'; id: string };

/**
 * One edit of a job: the job as it is now (undefined when there is none) → the job as it should be,
 * or null for "no change" (refused, or nothing to do).
 */
export type JobEdit = (job: Job | undefined) => Job | null;

/**
 * The engine's one job table, and the only code that changes jobs (ARCHITECTURE.md "Job
 * lifecycle"; STYLE.md 12, save then publish). Every change — state transitions, live progress and
 * notices, queue order, request counts, removal — is written to the store first, then put in
 * memory, then published, in that order; readers (`get`, `list`, flows) only ever see what is on disk.
 * Changes to one job are applied one after another; edits that arrive while a write is under way are
 * folded into the next write (group commit), so a burst of progress updates costs one write.
 */
export interface JobTable {
  /** Puts jobs read from the store in memory (they are on disk already); publishes nothing. */
  load(jobs: readonly Job[]): void;
  get(id: string): Job | undefined;
  /** Every job, in no particular order. */
  all(): Job[];
  /** Every job in queue order (`order`, lower first). */
  list(): Job[];
  /** The `order` for a new job: after every job so far, distinct even for concurrent adds. */
  nextOrder(): number;
  /** Saves and publishes a new job; when one with its id exists, returns that one unchanged. */
  add(job: Job): Promise<Job>;
  /**
   * Applies `event` through `transition` (stamped with the clock, never before the job's last change).
   * Resolves with the new job once it is on disk and published, or null when the event was refused
   * (logged) or there is no such job. Rejects when the store cannot write; the job stays as it was.
   */
  apply(id: string, event: EventInput): Promise<Job | null>;
  /** Any other edit (order, request count): saved, then published. Same answers as `apply`. */
  edit(id: string, edit: (job: Job) => Job | null): Promise<Job | null>;
  /** Deletes the job's file, then forgets it and publishes `removed`. */
  remove(id: string): Promise<void>;
}

interface Pending {
  kind: 'edit' | 'remove';
  edit?: JobEdit;
  resolve(job: Job | null): void;
  reject(err: unknown): void;
}

/** A table over `store`; `publish` hears every change after it is on disk (its throws are logged). */
export function createJobTable(store: JobStore, clock: EngineClock, log: Logger, publish: (change: TableChange) => void): JobTable {
  const jobs = new Map<string, Job>();
  const queues = new Map<string, Pending[]>();
  /** The last order handed out: adds save before they enter `jobs`, so concurrent ones must not read the same maximum. */
  let lastOrder = -1;

  function tell(change: TableChange): void {
    try {
      publish(change);
    } catch (err) {
      log.error('jobs.listener_failed', { error: err });
    }
  }

  function enqueue(id: string, item: Pending): void {
    const queue = queues.get(id);
    if (queue) {
      queue.push(item);
      return;
    }
    queues.set(id, [item]);
    void drain(id);
  }

  /** Works through job `id`'s queue: a removal alone, contiguous edits folded into one write. */
  async function drain(id: string): Promise<void> {
    const queue = queues.get(id)!;
    while (queue.length > 0) {
      if (queue[0]!.kind === 'remove') {
        const item = queue.shift()!;
        try {
          await store.remove(id);
          const had = jobs.delete(id);
          if (had) tell({ type: 'removed', id });
          item.resolve(null);
        } catch (err) {
          item.reject(err);
        }
        continue;
      }
      const batch: Pending[] = [];
      while (queue.length > 0 && queue[0]!.kind === 'edit') batch.push(queue.shift()!);
      const before = jobs.get(id);
      let current = before;
      const results = batch.map((item) => {
        try {
          const next = item.edit!(current);
          if (next) current = next;
          return next;
        } catch (err) {
          // A broken edit is refused on its own; the others in the batch still apply.
          item.reject(err);
          return null;
        }
      });
      if (current === before || !current) {
        batch.forEach((item) => item.resolve(null));
        continue;
      }
      try {
        await store.save(current);
      } catch (err) {
        // Not on disk → not done: memory and listeners keep the job as it was.
        batch.forEach((item, i) => (results[i] ? item.reject(err) : item.resolve(null)));
        continue;
      }
      jobs.set(id, current);
      tell({ type: 'changed', job: current });
      batch.forEach((item, i) => item.resolve(results[i] ?? null));
    }
    queues.delete(id);
  }

  function change(id: string, edit: JobEdit): Promise<Job | null> {
    return new Promise((resolve, reject) => enqueue(id, { kind: 'edit', edit, resolve, reject }));
  }

  return {
    load(loaded) {
      for (const job of loaded) {
        jobs.set(job.id, job);
        lastOrder = Math.max(lastOrder, job.order);
      }
    },
    get: (id) => jobs.get(id),
    all: () => [...jobs.values()],
    list: () => [...jobs.values()].sort((a, b) => a.order - b.order),
    nextOrder() {
      lastOrder = Math.max(lastOrder, ...[...jobs.values()].map((j) => j.order)) + 1;
      return lastOrder;
    },
    async add(job) {
      return (await change(job.id, (current) => (current ? null : job))) ?? jobs.get(job.id) ?? job;
    },
    apply(id, input) {
      return change(id, (job) => {
        if (!job) return null;
        const out = transition(job, { ...input, at: Math.max(clock.now(), job.updatedAt) } as JobEvent);
        if (out.ok) return out.job;
        log.warn('jobs.transition_refused', { id, event: input.type, reason: out.reason });
        return null;
      });
    },
    edit(id, edit) {
      return change(id, (job) => (job ? edit(job) : null));
    },
    remove(id) {
      return new Promise<void>((resolve, reject) => enqueue(id, { kind: 'remove', resolve: () => resolve(), reject }));
    },
  };
}
