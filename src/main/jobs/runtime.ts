import type { JobEvent } from '../../shared/jobs/transition';
import type { Job, JobRoute, JobUpload } from '../../shared/jobs/job';
import type { Logger } from '../logging/logger';
import type { ProviderAdapter, ProviderContext } from '../providers/types';
import { Aborted, type EngineClock } from './clock';
import { socketCode, type RequestProbe } from './failures';
import type { JobTable } from './job-table';
import type { Scheduler } from './scheduler';
import type { Phrase } from '../../shared/messages/phrase';

/** A job event without its timestamp: the table stamps it. */
export type EventInput = JobEvent extends infer E ? (E extends JobEvent ? Omit<E, 'at'> : never) : never;

/** Live fields a flow may update without a state change (saved, then published, like every change). */
export interface LiveUpdate {
  progress?: number;
  etaSeconds?: number;
  queuePosition?: number;
  /** Bytes of the job's uploads sent so far, of all (`JobUpload`); `null` clears it. */
  upload?: JobUpload | null;
  /** A passing problem to show; `null` clears it. */
  notice?: string | null;
  /** `notice` as a phrase for the UI's language. */
  noticePhrase?: Phrase;
}

/** A provider context that says which route (demo simulator or real provider) it leads to, when the host says. */
export type RoutedContext = ProviderContext & { route?: JobRoute };

/** Options of `JobRuntime.context`. */
export interface ContextOptions {
  signal?: AbortSignal;
  /** Records what left the machine (submit). */
  probe?: RequestProbe;
  /** The route to use; default the job's recorded route, else whatever main picks now. */
  route?: JobRoute;
  /** The caller already waited at `scheduler.gate` for the first request: it leaves at once. */
  pregated?: boolean;
}

/** What the engine gives its flows (submit, poll, deliver, reconcile); every change goes through the job table. */
export interface JobRuntime {
  readonly clock: EngineClock;
  readonly scheduler: Scheduler;
  readonly log: Logger;
  job(id: string): Job | undefined;
  /** Every job (read-only), e.g. to see which provider tasks are already claimed. */
  jobs(): Job[];
  adapter(provider: Job['provider']): ProviderAdapter;
  /** `JobTable.apply`: on disk and published before it resolves; null when refused; throws when the store cannot write. */
  apply(id: string, event: EventInput): Promise<Job | null>;
  /** Updates live fields (progress, ETA, queue position, notice); saved, then published; a failed write is logged. */
  live(id: string, update: LiveUpdate): void;
  /**
   * A provider context for requests made for job `id`: every request is paced by the scheduler
   * (except a pregated first one) and counted in `Job.requests`; goes by `options.route`, else the
   * job's recorded route. Rejects with `Aborted` when the job is gone.
   */
  context(id: string, options?: ContextOptions): Promise<RoutedContext>;
  /** Counts one request made for job `id` without pacing (a download from a CDN). */
  countRequest(id: string): void;
  /** Resolves when the engine is online; rejects with `Aborted` if `signal` aborts first. */
  waitOnline(signal: AbortSignal): Promise<void>;
}

/** What `createRuntime` builds on. */
export interface RuntimeDeps {
  clock: EngineClock;
  scheduler: Scheduler;
  log: Logger;
  table: JobTable;
  adapters(provider: Job['provider']): ProviderAdapter;
  context(provider: Job['provider'], route?: JobRoute): Promise<RoutedContext>;
  waitOnline(signal: AbortSignal): Promise<void>;
  /** Counts one request in the engine-wide total. */
  countTotal(): void;
}

/** The runtime over the job table: request counts and live fields are job changes like any other. */
export function createRuntime(deps: RuntimeDeps): JobRuntime {
  const { table, scheduler, log } = deps;

  function countRequest(id: string): void {
    deps.countTotal();
    // Not awaited: the request does not wait for its count to be on disk; the count is saved before it is published.
    table.edit(id, (job) => ({ ...job, requests: job.requests + 1 })).catch((err: unknown) => log.warn('jobs.count_not_saved', { id, error: err }));
  }

  return {
    clock: deps.clock,
    scheduler,
    log,
    job: (id) => table.get(id),
    jobs: () => table.all(),
    adapter: (provider) => deps.adapters(provider),
    apply: (id, event) => table.apply(id, event),
    live(id, update) {
      table.apply(id, { type: 'progress', ...update }).catch((err: unknown) => log.warn('jobs.live_not_saved', { id, error: err }));
    },
    async context(id, options = {}) {
      const job = table.get(id);
      if (!job) throw new Aborted();
      const provider = job.provider;
      const route = options.route ?? job.route;
      const base = await deps.context(provider, route);
      let pregated = options.pregated === true;
      const { signal, probe } = options;
      const ctx: RoutedContext = {
        ...base,
        fetch: async (input, init) => {
          if (pregated) pregated = false;
          else await scheduler.gate(provider, signal);
          // A request whose own timeout ran out while it waited for its turn never leaves.
          init?.signal?.throwIfAborted();
          countRequest(id);
          if (probe) probe.sent++;
          try {
            return await base.fetch(input, init);
          } catch (err) {
            if (probe) probe.lastErrorCode = socketCode(err);
            throw err;
          }
        },
      };
      if (signal) ctx.signal = signal;
      else delete ctx.signal;
      return ctx;
    },
    countRequest,
    waitOnline: (signal) => deps.waitOnline(signal),
  };
}
