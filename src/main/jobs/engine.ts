import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { paramsSchema } from '../../shared/catalog/params';
import type { ModelEntry, ProviderId } from '../../shared/catalog/types';
import { ProviderId as ProviderIds } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import { isTerminal, JobId, REMOTE_STATES, type Job, type JobState } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import { transition, type JobEvent } from '../../shared/jobs/transition';
import type { Logger } from '../logging/logger';
import { resolveMediaTool } from '../media-tools/ffmpeg';
import { PROVIDER_NAMES } from '../providers/failure';
import type { ProviderAdapter, ProviderContext } from '../providers/types';
import type { CancelOutcome, EngineApi, EngineEvent } from './api';
import { Aborted, realClock, sleep, type EngineClock } from './clock';
import { deliverInto, deliverResult, partPathOf, type DeliverHook } from './delivery';
import { socketCode, type RequestProbe } from './failures';
import { DEFAULT_POLL_BOUNDS, pollUntilSettled, type PollBounds } from './poller';
import type { EventInput, JobRuntime, LiveUpdate } from './runtime';
import { planQueueOrder } from './queue-order';
import { createScheduler, type ProviderLimits } from './scheduler';
import { createJobStore } from './store';
import { submitJob, type PrepareImages } from './submitter';
import { expectedVideo } from './verify';

export interface EngineOptions {
  /** App data folder; jobs live in `<dataDir>/jobs/`. */
  dataDir: string;
  /** Where finished videos go (`<outputDir>/<jobId>.mp4` unless `deliver` files them elsewhere); `.part` files live here too. */
  outputDir: string;
  adapters: (provider: ProviderId) => ProviderAdapter;
  /** The key and base URLs for a provider, from main's vault (in memory only). Called before each request batch. */
  context: (provider: ProviderId) => Promise<ProviderContext>;
  prepareImages: PrepareImages;
  catalog: (modelId: string) => ModelEntry | undefined;
  log: Logger;
  deliver?: DeliverHook;
  /** ffprobe binary; default `resolveMediaTool('ffprobe')` ($FFPROBE_PATH, the installer's, then PATH). */
  ffprobe?: string;
  limits?: Partial<Record<ProviderId, Partial<ProviderLimits>>>;
  polling?: PollBounds;
  clock?: EngineClock;
  /** Randomness for backoff jitter, [0, 1). */
  random?: () => number;
}

/** A running engine: the commands plus `start`, which loads the store and resumes work. */
export interface Engine extends EngineApi {
  /** Loads jobs (recovering interrupted submits as needs_attention), then resumes polling, downloads and the queue. */
  start(): Promise<void>;
}

interface Work {
  controller: AbortController;
  done: Promise<void>;
}

/** How long `dispose` lets a POST in flight finish so its task id gets stored, ms. */
const DISPOSE_GRACE_MS = 5_000;
/** Pause before re-driving a job whose flow threw unexpectedly (a bug, or a disk error), ms. */
const REDRIVE_AFTER_MS = 30_000;

/**
 * The job engine (ARCHITECTURE.md "Job lifecycle"): the only writer of jobs. Plain Node — runs
 * in-process (CLI), in a Node child process or in Electron's utilityProcess via `engine-process.ts`.
 * Nothing is lost (every state change is on disk before anyone hears of it) and nothing is
 * submitted twice (a job caught mid-POST is never resent automatically).
 */
export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? realClock;
  const log = options.log;
  const store = createJobStore(join(options.dataDir, 'jobs'), log, () => clock.now());
  const scheduler = createScheduler(clock, options.limits, options.random);
  // One object, mutated by `configure`: running poll loops read it on every wait.
  const bounds: PollBounds = { ...(options.polling ?? DEFAULT_POLL_BOUNDS) };
  const deliver = options.deliver ?? deliverInto(options.outputDir);
  const ffprobe = options.ffprobe ?? resolveMediaTool('ffprobe');

  const jobs = new Map<string, Job>();
  /** Jobs as last told to listeners — what `list` answers, so nobody sees a state before it is on disk. */
  const announced = new Map<string, Job>();
  const work = new Map<string, Work>();
  const holdUntil = new Map<string, number>();
  const pendingCancel = new Set<string>();
  /** Jobs a command is stopping (cancel, remove): `pump` must not restart them meanwhile. */
  const halted = new Set<string>();
  const listeners = new Set<(event: EngineEvent) => void>();
  let onlineWaiters: Array<() => void> = [];
  let online = true;
  let disposed = false;
  let started = false;
  let requestsTotal = 0;
  let pumpTimer: { handle: unknown; at: number } | null = null;
  let statsQueued = false;
  /** The last queue order handed out: submits save before they enter `jobs`, so concurrent ones must not read the same maximum. */
  let lastOrder = -1;

  function emit(event: EngineEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        log.error('jobs.listener_failed', { error: err });
      }
    }
  }

  /** Coalesces stats events: one per turn of the event loop however many jobs changed. */
  function emitStatsSoon(): void {
    if (statsQueued) return;
    statsQueued = true;
    queueMicrotask(() => {
      statsQueued = false;
      if (!disposed) emit({ type: 'stats', stats: stats() });
    });
  }

  function changed(job: Job): void {
    announced.set(job.id, job);
    emit({ type: 'changed', job });
    emitStatsSoon();
  }

  async function apply(id: string, input: EventInput): Promise<Job | null> {
    const before = jobs.get(id);
    if (!before) return null;
    const out = transition(before, { ...input, at: Math.max(clock.now(), before.updatedAt) } as JobEvent);
    if (!out.ok) {
      log.warn('jobs.transition_refused', { id, reason: out.reason });
      return null;
    }
    jobs.set(id, out.job);
    if (out.job.state !== before.state) {
      try {
        await store.save(out.job);
      } catch (err) {
        // Not on disk → not done: put the job back so nobody acts on a change that would be lost.
        if (jobs.get(id) === out.job) jobs.set(id, before);
        throw err;
      }
    }
    changed(jobs.get(id) ?? out.job);
    return out.job;
  }

  function live(id: string, update: LiveUpdate): void {
    const job = jobs.get(id);
    if (!job) return;
    const at = Math.max(clock.now(), job.updatedAt);
    let next: Job;
    if (job.state === 'queued') {
      // Queued jobs carry only a notice (why they are held back); `progress` events start at submitted.
      next = { ...job, updatedAt: at };
      if (update.notice === null) delete next.notice;
      else if (update.notice !== undefined) next.notice = update.notice;
    } else {
      const out = transition(job, { type: 'progress', at, ...update });
      if (!out.ok) return;
      next = out.job;
    }
    jobs.set(id, next);
    changed(next);
  }

  function countRequest(id: string): void {
    requestsTotal++;
    const job = jobs.get(id);
    if (job) jobs.set(id, { ...job, requests: job.requests + 1 });
  }

  const runtime: JobRuntime = {
    clock,
    scheduler,
    log,
    job: (id) => jobs.get(id),
    adapter: (provider) => options.adapters(provider),
    apply,
    live,
    async context(id, signal, probe?: RequestProbe) {
      const provider = jobs.get(id)?.provider;
      if (!provider) throw new Aborted();
      const base = await options.context(provider);
      const ctx: ProviderContext = {
        ...base,
        fetch: async (input, init) => {
          await scheduler.gate(provider, signal);
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
    countingFetch: (id) => (input, init) => {
      countRequest(id);
      return fetch(input, init);
    },
    waitOnline(signal) {
      if (online) return Promise.resolve();
      return new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new Aborted());
        const onAbort = () => reject(new Aborted());
        signal.addEventListener('abort', onAbort, { once: true });
        onlineWaiters.push(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        });
      });
    },
  };

  /** Runs one flow for job `id`; when it ends, the next flow (if any) starts. One flow per job at a time. */
  function run(id: string, flow: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const done = flow(controller.signal)
      .then(
        () => true,
        (err) => {
          if (err instanceof Aborted || controller.signal.aborted) return false;
          log.error('jobs.flow_failed', { id, error: err });
          clock.setTimeout(() => drive(id), REDRIVE_AFTER_MS);
          return false;
        },
      )
      .then((ok) => {
        if (work.get(id)?.controller === controller) work.delete(id);
        if (disposed) return;
        if (pendingCancel.has(id) && jobs.get(id)?.state !== 'submitting') settlePendingCancel(id);
        else if (ok) drive(id);
        pump();
      });
    work.set(id, { controller, done });
  }

  /** Starts the flow a job's state calls for: polling or downloading. Queued jobs wait for `pump`. */
  function drive(id: string): void {
    if (disposed || work.has(id)) return;
    const job = jobs.get(id);
    if (job?.state === 'submitted' || job?.state === 'running') run(id, (signal) => pollUntilSettled(runtime, id, bounds, signal));
    else if (job?.state === 'downloading') {
      run(id, (signal) =>
        deliverResult(
          runtime,
          id,
          {
            outputDir: options.outputDir,
            ffprobe,
            deliver,
            expected: (j) => {
              const entry = options.catalog(j.params.modelId);
              return entry ? expectedVideo(entry, j.params) : null;
            },
          },
          signal,
        ),
      );
    }
  }

  function activeCounts(): Map<ProviderId, number> {
    const counts = new Map<ProviderId, number>();
    for (const job of jobs.values()) {
      const preparing = job.state === 'queued' && work.has(job.id);
      if (preparing || REMOTE_STATES.includes(job.state)) counts.set(job.provider, (counts.get(job.provider) ?? 0) + 1);
    }
    return counts;
  }

  /** Starts as many queued jobs as the providers' limits allow, in queue order; wakes itself when a hold ends. */
  function pump(): void {
    if (disposed || !started || !online || scheduler.paused) return;
    const now = clock.now();
    const active = activeCounts();
    let wakeIn = Infinity;
    const queued = [...jobs.values()].filter((j) => j.state === 'queued' && !work.has(j.id) && !halted.has(j.id)).sort((a, b) => a.order - b.order);
    for (const job of queued) {
      const p = job.provider;
      const wait = Math.max(scheduler.cooldownMs(p), (holdUntil.get(job.id) ?? 0) - now);
      if (wait > 0) {
        wakeIn = Math.min(wakeIn, wait);
        continue;
      }
      if ((active.get(p) ?? 0) >= scheduler.limits(p).maxActive) continue;
      active.set(p, (active.get(p) ?? 0) + 1);
      holdUntil.delete(job.id);
      run(job.id, (signal) =>
        submitJob(
          runtime,
          job.id,
          {
            catalog: options.catalog,
            prepareImages: options.prepareImages,
            maySend: () => online && !scheduler.paused && !disposed,
            holdBack: (id, ms) => holdUntil.set(id, clock.now() + ms),
          },
          signal,
        ),
      );
    }
    if (wakeIn < Infinity) wakePumpIn(wakeIn);
  }

  function wakePumpIn(ms: number): void {
    const at = clock.now() + ms;
    if (pumpTimer && pumpTimer.at <= at) return;
    if (pumpTimer) clock.clearTimeout(pumpTimer.handle);
    pumpTimer = {
      at,
      handle: clock.setTimeout(() => {
        pumpTimer = null;
        pump();
      }, ms + 1),
    };
  }

  /** Stops job `id`'s flow, runs `then` (which decides the job's fate), and only then lets `pump` see the job again. */
  async function whileStopped<T>(id: string, then: () => Promise<T>): Promise<T> {
    halted.add(id);
    try {
      const w = work.get(id);
      if (w) {
        w.controller.abort();
        await w.done;
      }
      return await then();
    } finally {
      halted.delete(id);
    }
  }

  /** A cancel that arrived mid-POST, now that the POST has an outcome. */
  function settlePendingCancel(id: string): void {
    pendingCancel.delete(id);
    const state = jobs.get(id)?.state;
    if (state === 'queued' || state === 'submitted' || state === 'running') {
      void cancel(id).catch((err) => log.error('jobs.cancel_failed', { id, error: err })); // reported through the job's own events
    }
  }

  function need(id: string): Job {
    const job = jobs.get(id);
    if (!job) throw new StudioError('NOT_FOUND', 'There is no such job; it may have been removed.');
    return job;
  }

  function stats(): QueueStats {
    const byState: Partial<Record<JobState, number>> = {};
    const waiting = new Map<ProviderId, number>();
    const byJob: Record<string, number> = {};
    for (const job of jobs.values()) {
      byState[job.state] = (byState[job.state] ?? 0) + 1;
      if (job.state === 'queued') waiting.set(job.provider, (waiting.get(job.provider) ?? 0) + 1);
      if (!isTerminal(job.state)) byJob[job.id] = job.requests;
    }
    const active = activeCounts();
    return {
      paused: scheduler.paused,
      online,
      byState,
      providers: ProviderIds.options.map((provider) => ({
        provider,
        active: active.get(provider) ?? 0,
        limit: scheduler.limits(provider).maxActive,
        waiting: waiting.get(provider) ?? 0,
        cooldownMs: scheduler.cooldownMs(provider),
      })),
      requests: { total: requestsTotal, byJob },
    };
  }

  async function addJob(params: Job['params'], id: string | undefined, lineage: { retryOf?: string; continuedFrom?: string } = {}): Promise<Job> {
    if (id !== undefined && !JobId.safeParse(id).success) throw new StudioError('BAD_INPUT', 'That job id is not valid.');
    const existing = id === undefined ? undefined : jobs.get(id);
    if (existing) return existing;
    const entry = options.catalog(params.modelId);
    if (!entry) throw new StudioError('BAD_INPUT', `Unknown model "${params.modelId}".`);
    const parsed = paramsSchema(entry).safeParse(params);
    if (!parsed.success) throw new StudioError('BAD_INPUT', parsed.error.issues.map((i) => i.message).slice(0, 3).join('; '));
    const now = clock.now();
    const order = Math.max(lastOrder, ...[...jobs.values()].map((j) => j.order)) + 1;
    lastOrder = order;
    const draft: Job = {
      id: id ?? randomUUID(),
      params: parsed.data,
      provider: entry.provider,
      state: 'draft',
      times: { draft: now },
      updatedAt: now,
      attempts: 0,
      requests: 0,
      history: [{ state: 'draft', at: now }],
      order,
      ...(lineage.retryOf ? { retryOf: lineage.retryOf } : {}),
      ...(lineage.continuedFrom ? { continuedFrom: lineage.continuedFrom } : {}),
    };
    const out = transition(draft, { type: 'enqueue', at: now });
    if (!out.ok) throw new Error(out.reason);
    await store.save(out.job);
    jobs.set(out.job.id, out.job);
    changed(out.job);
    pump();
    return out.job;
  }

  async function cancel(id: string): Promise<CancelOutcome> {
    const job = need(id);
    const name = PROVIDER_NAMES[job.provider];
    switch (job.state) {
      case 'draft':
      case 'queued':
        return whileStopped(id, async () => {
          // Stopping waited for a POST already under way: the job has moved on, cancel it where it is now.
          const now = need(id).state;
          if (now !== 'draft' && now !== 'queued') return cancel(id);
          const note = 'Cancelled before it was sent; nothing was billed.';
          const out = await apply(id, { type: 'cancel', note });
          return { job: out ?? need(id), cancelled: !!out, message: out ? note : 'It could not be cancelled in its current state.' };
        });
      case 'submitting':
        pendingCancel.add(id);
        return {
          job,
          cancelled: false,
          message: `It is being sent to ${name} right now; it will be cancelled as soon as ${name} confirms it.`,
        };
      case 'submitted':
      case 'running':
        return cancelRemote(job);
      case 'downloading':
        return whileStopped(id, async () => {
          await rm(partPathOf(options.outputDir, id), { force: true });
          const note = `Download stopped. ${name} already made (and billed) the video; its link works until it expires.`;
          const out = await apply(id, { type: 'cancel', note });
          return { job: out ?? need(id), cancelled: !!out, message: out ? note : 'It finished before it could be stopped.' };
        });
      case 'needs_attention': {
        const note = `Dismissed. Check the ${name} dashboard for a task that may have been billed.`;
        const out = await apply(id, { type: 'cancel', note });
        return { job: out ?? need(id), cancelled: true, message: note };
      }
      default:
        throw new StudioError('CONFLICT', `This job has already ended (${job.state}); there is nothing to cancel.`);
    }
  }

  async function cancelRemote(job: Job): Promise<CancelOutcome> {
    const id = job.id;
    const name = PROVIDER_NAMES[job.provider];
    const adapter = options.adapters(job.provider);
    let note: string;
    if (adapter.cancel === 'none') {
      note = `Stopped tracking this job. ${name} has no way to cancel a task, so it may still run and be billed.`;
    } else {
      let answer: { cancelled: boolean; reason?: string };
      try {
        answer = await adapter.cancelTask({ taskId: job.remote?.taskId ?? '', handle: job.remote?.handle ?? {} }, await runtime.context(id));
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        return { job: need(id), cancelled: false, message: `Could not ask ${name} to cancel it (${why}). The job continues.` };
      }
      if (!answer.cancelled) {
        const reason = answer.reason ? ` (${answer.reason})` : '';
        return {
          job: need(id),
          cancelled: false,
          message: `${name} could not cancel it${reason}: it has probably started. It keeps running and the video will be downloaded.`,
        };
      }
      note = `Cancelled at ${name}.`;
    }
    return whileStopped(id, async () => {
      const out = await apply(id, { type: 'cancel', note });
      if (!out) return { job: need(id), cancelled: false, message: 'It finished before it could be cancelled.' };
      return { job: out, cancelled: true, message: note };
    });
  }

  const engine: Engine = {
    async start() {
      if (started) return;
      const { jobs: loaded, problems } = await store.load();
      for (const job of loaded) {
        jobs.set(job.id, job);
        announced.set(job.id, job);
      }
      scheduler.paused = (await store.loadQueue()).paused;
      if (problems.length) log.error('jobs.store_problems', { problems });
      log.info('jobs.engine_started', { jobs: loaded.length, paused: scheduler.paused });
      started = true;
      for (const job of loaded) drive(job.id);
      pump();
      emitStatsSoon();
    },
    async list() {
      return [...announced.values()].sort((a, b) => a.order - b.order);
    },
    submit: (params, opts) => addJob(params, opts?.id, { continuedFrom: opts?.continuedFrom }),
    cancel,
    async retry(id, opts) {
      const source = need(id);
      if (!isTerminal(source.state) && source.state !== 'needs_attention') {
        throw new StudioError('CONFLICT', 'Only a job that has ended or needs attention can be retried.');
      }
      return addJob(source.params, opts?.id, { retryOf: source.id, continuedFrom: source.continuedFrom });
    },
    async duplicate(id) {
      return structuredClone(need(id).params);
    },
    async remove(id) {
      const job = need(id);
      if (REMOTE_STATES.includes(job.state) || job.state === 'downloading') {
        throw new StudioError('CONFLICT', 'This job is at the provider or downloading; cancel it before removing it.');
      }
      await whileStopped(id, async () => {
        if (REMOTE_STATES.includes(need(id).state)) throw new StudioError('CONFLICT', 'This job was just sent; cancel it before removing it.');
        await store.remove(id);
        jobs.delete(id);
        announced.delete(id);
        holdUntil.delete(id);
      });
      emit({ type: 'removed', id });
      emitStatsSoon();
    },
    async reorder(ids) {
      for (const [id, order] of planQueueOrder([...jobs.values()], ids)) {
        const job = jobs.get(id);
        if (!job) continue;
        const next = { ...job, order };
        jobs.set(id, next);
        await store.save(next);
        changed(next);
      }
      pump();
      return engine.list();
    },
    async pause() {
      scheduler.paused = true;
      await store.saveQueue({ paused: true });
      emitStatsSoon();
      return stats();
    },
    async resume() {
      scheduler.paused = false;
      await store.saveQueue({ paused: false });
      pump();
      emitStatsSoon();
      return stats();
    },
    configure(config) {
      if (config.polling) Object.assign(bounds, config.polling);
      if (config.limits) scheduler.setLimits(config.limits);
      // Higher limits may free slots for queued jobs right away.
      pump();
    },
    async setOnline(value) {
      if (online === value) return;
      online = value;
      log.info('jobs.online', { online });
      if (online) {
        const waiters = onlineWaiters;
        onlineWaiters = [];
        for (const wake of waiters) wake();
        pump();
      }
      emitStatsSoon();
    },
    async stats() {
      return stats();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      if (pumpTimer) clock.clearTimeout(pumpTimer.handle);
      for (const w of work.values()) w.controller.abort();
      const all = Promise.all([...work.values()].map((w) => w.done));
      await Promise.race([all, sleep(realClock, DISPOSE_GRACE_MS)]);
      listeners.clear();
    },
  };
  return engine;
}
