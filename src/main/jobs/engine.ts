import { join } from 'node:path';
import type { ModelEntry, ProviderId } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import { backoff } from '../../shared/jobs/backoff';
import { isTerminal, REMOTE_STATES, type Job, type JobRoute } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import type { Logger } from '../logging/logger';
import { boundedMediaRunner, resolveMediaTool } from '../media-tools/ffmpeg';
import { createPreviewMaker } from '../media-tools/playable';
import type { ProviderAdapter } from '../providers/types';
import { createUploadCache, type UploadCache } from '../providers/upload-cache';
import type { EngineApi, EngineEvent } from './api';
import { createCancel } from './cancel-command';
import { realClock, type EngineClock } from './clock';
import { deliverInto, deliverResult, type DeliverHook } from './delivery';
import { createDispatcher } from './dispatcher';
import { createFlowSupervisor, type FlowEnd } from './flows';
import { createJobTable } from './job-table';
import { newQueuedJob, type Lineage } from './new-job';
import { createOnlineGate } from './online-gate';
import { DEFAULT_POLL_BOUNDS, pollDeadline, pollUntilSettled, type PollBounds } from './poller';
import { planQueueOrder } from './queue-order';
import { queueStatsOf } from './queue-stats';
import { canReconcile, reconcileJob } from './reconcile';
import { createRuntime, type RoutedContext } from './runtime';
import { createScheduler, type ProviderLimits } from './scheduler';
import { createJobStore, type JobStore } from './store';
import type { PrepareReferences } from './prepare-references';
import { submitJob, type PrepareImages } from './submitter';
import { expectedVideo } from './verify';
import { said, saidFix } from '../../shared/messages/phrase';

export interface EngineOptions {
  /** App data folder; jobs live in `<dataDir>/jobs/`. */
  dataDir: string;
  /** Where finished videos go (`<outputDir>/<jobId>.mp4` unless `deliver` files them elsewhere); `.part` files live here too. */
  outputDir: string;
  adapters: (provider: ProviderId) => ProviderAdapter;
  /**
   * The key and base URLs for a provider, from main's vault (in memory only), for `route` when given
   * (the route a job was sent by), else for whatever main picks now — and then the answer says which
   * route it is. Called before each request batch.
   */
  context: (provider: ProviderId, route?: JobRoute) => Promise<RoutedContext>;
  prepareImages: PrepareImages;
  /** Checks and readies a reference job's references (`prepareReferencesWith`); absent, a job with references fails before anything is sent. */
  prepareReferences?: PrepareReferences;
  catalog: (modelId: string) => ModelEntry | undefined;
  log: Logger;
  deliver?: DeliverHook;
  /** ffprobe binary; default `resolveMediaTool('ffprobe')` ($FFPROBE_PATH, the installer's, then PATH). */
  ffprobe?: string;
  /** ffmpeg binary (posters, and previews of videos the players may not play); default `resolveMediaTool('ffmpeg')`. */
  ffmpeg?: string;
  limits?: Partial<Record<ProviderId, Partial<ProviderLimits>>>;
  polling?: PollBounds;
  clock?: EngineClock;
  /** The job store; default the crash-safe files under `<dataDir>/jobs` (tests wrap it to inject disk errors). */
  store?: JobStore;
  /** Randomness for backoff jitter, [0, 1). */
  random?: () => number;
  /** Where uploads are remembered by content hash; default `<dataDir>/upload-cache.json` (see upload-cache.ts). */
  uploads?: UploadCache;
}

/** A running engine: the commands plus `start`, which loads the store and resumes work. */
export interface Engine extends EngineApi {
  /** Loads jobs (recovering interrupted submits as needs_attention), then resumes polling, downloads and the queue. */
  start(): Promise<void>;
}

/** ffprobe/ffmpeg runs (verification, posters) at once: a wave of finished jobs queues here instead of starting dozens of children. */
const MEDIA_CONCURRENCY = 2;
/** How long `dispose` lets a POST in flight finish so its task id gets stored, ms. */
const DISPOSE_GRACE_MS = 5_000;
/**
 * Flows that threw unexpectedly (a bug, a full disk) in a row after which a queued job fails: each
 * try re-prepares (and for fal/EvoLink re-uploads) its images, so it must not go on for ever.
 */
export const MAX_QUEUED_FLOW_FAILURES = 5;
/** Backoff between such tries, ms: from 5 s, doubling, to 5 min (jittered). */
const FLOW_RETRY = { baseMs: 5_000, capMs: 5 * 60_000 };

/**
 * The job engine (ARCHITECTURE.md "Job lifecycle"). Plain Node — runs in-process (CLI), in a Node
 * child process or in Electron's utilityProcess via `engine-process.ts`. It wires the one job table
 * (the only writer: saved, then published), the flow supervisor (one flow per job), the dispatcher
 * (which queued job goes next) and the cancel plan, and carries out the commands. Nothing is lost
 * (every change is on disk before anyone hears of it) and nothing is submitted twice (a job caught
 * mid-POST is never resent unless the provider's own task list shows it made nothing).
 */
export function createEngine(options: EngineOptions): Engine {
  const clock = options.clock ?? realClock;
  const log = options.log;
  const store = options.store ?? createJobStore(join(options.dataDir, 'jobs'), log, () => clock.now());
  const scheduler = createScheduler(clock, options.limits, options.random);
  // One object, mutated by `configure`: running poll loops read it on every wait.
  const bounds: PollBounds = { ...(options.polling ?? DEFAULT_POLL_BOUNDS) };
  const deliver = options.deliver ?? deliverInto(options.outputDir);
  const ffprobe = options.ffprobe ?? resolveMediaTool('ffprobe');
  const ffmpeg = options.ffmpeg ?? resolveMediaTool('ffmpeg');
  const media = boundedMediaRunner(MEDIA_CONCURRENCY);
  const previews = createPreviewMaker({ ffmpeg, ffprobe });
  // One cache for every route: its key holds the storage host, so demo uploads never reach the real provider.
  const uploads = options.uploads ?? createUploadCache(join(options.dataDir, 'upload-cache.json'));

  const listeners = new Set<(event: EngineEvent) => void>();
  /** Cancels asked for while the POST was in flight, carried out once it has an outcome. */
  const pendingCancel = new Set<string>();
  /** Jobs whose task list was looked through this run (once per run: the answer will not change by itself). */
  const reconciled = new Set<string>();
  /** Unexpected flow failures in a row, per job. */
  const flowFailures = new Map<string, number>();
  const online = createOnlineGate();
  let disposed = false;
  let started = false;
  let requestsTotal = 0;
  let statsQueued = false;

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

  const table = createJobTable(store, clock, log, (change) => {
    emit(change);
    emitStatsSoon();
  });
  const flows = createFlowSupervisor(log);
  const dispatcher = createDispatcher({
    clock,
    scheduler,
    table,
    flows,
    canSend: () => started && !disposed && online.online && !scheduler.paused,
    startSubmit: (id) =>
      run(id, (signal) =>
        submitJob(
          runtime,
          id,
          {
            catalog: options.catalog,
            prepareImages: options.prepareImages,
            ...(options.prepareReferences ? { prepareReferences: options.prepareReferences } : {}),
            maySend: () => online.online && !scheduler.paused && !disposed,
            holdBack: (jobId, ms) => dispatcher.holdBack(jobId, ms),
          },
          signal,
        ),
      ),
  });
  const runtime = createRuntime({
    clock,
    scheduler,
    log,
    table,
    adapters: options.adapters,
    context: async (provider, route) => ({ ...(await options.context(provider, route)), uploads }),
    countTotal: () => requestsTotal++,
    waitOnline: (signal) => online.wait(signal),
  });

  function run(id: string, flow: (signal: AbortSignal) => Promise<void>): void {
    flows.run(id, flow, (end) => afterFlow(id, end));
  }

  /** After a flow: the next flow the job's state calls for, a cancel that waited for the POST, then the queue. */
  function afterFlow(id: string, end: FlowEnd): void {
    if (disposed) return;
    if (end.kind === 'threw') flowThrew(id, end.error);
    else if (end.kind === 'done') flowFailures.delete(id);
    if (pendingCancel.has(id) && table.get(id)?.state !== 'submitting') settlePendingCancel(id);
    else if (end.kind === 'done') drive(id);
    dispatcher.pump();
  }

  /**
   * A flow threw outside its own handling. A queued job is held back (5 s doubling to 5 min) and
   * fails after `MAX_QUEUED_FLOW_FAILURES` tries; a job with a paid task keeps being retried at that pace.
   */
  function flowThrew(id: string, error: unknown): void {
    const failures = (flowFailures.get(id) ?? 0) + 1;
    flowFailures.set(id, failures);
    const delay = backoff(failures, undefined, { ...FLOW_RETRY, ...(options.random ? { random: options.random } : {}) });
    if (table.get(id)?.state !== 'queued') {
      clock.setTimeout(() => drive(id), delay);
      return;
    }
    if (failures < MAX_QUEUED_FLOW_FAILURES) {
      dispatcher.holdBack(id, delay);
      return;
    }
    // Held until the failure is on disk; if even that cannot be written, tried again after the delay.
    dispatcher.holdBack(id, Infinity);
    const code = (error as { code?: unknown })?.code;
    const why = typeof code === 'string' ? ` (${code})` : '';
    void table
      .apply(id, {
        type: 'fail',
        error: {
          kind: 'internal',
          ...said('job.notReady', { code: why, tries: failures }),
          ...saidFix('job.notReadyFix'),
        },
      })
      .catch((err: unknown) => {
        log.error('jobs.store_failed', { id, error: err });
        dispatcher.holdBack(id, delay);
        dispatcher.pump();
      });
  }

  /** Starts the flow a job's state calls for: polling, downloading, or a look through the provider's task list. Queued jobs wait for the dispatcher. */
  function drive(id: string): void {
    if (disposed || !started || flows.busy(id) || flows.halted(id)) return;
    const job = table.get(id);
    if (!job) return;
    if (job.state === 'submitted' || job.state === 'running') {
      run(id, (signal) => pollUntilSettled(runtime, id, bounds, (j) => pollDeadline(j, options.adapters(j.provider).taskLifetimeMs(j.params)), signal));
    } else if (job.state === 'downloading') {
      run(id, (signal) => deliverResult(runtime, id, deliveryDeps, signal));
    } else if (!reconciled.has(id) && canReconcile(job, options.adapters(job.provider), table.all())) {
      reconciled.add(id);
      run(id, (signal) => reconcileJob(runtime, id, options.catalog, signal));
    }
  }

  const deliveryDeps = {
    outputDir: options.outputDir,
    ffprobe,
    ffmpeg,
    media,
    deliver,
    previews,
    expected: (j: Job) => {
      const entry = options.catalog(j.params.modelId);
      return entry ? expectedVideo(entry, j.params) : null;
    },
  };

  /** A cancel that arrived mid-POST, now that the POST has an outcome. */
  function settlePendingCancel(id: string): void {
    pendingCancel.delete(id);
    const state = table.get(id)?.state;
    if (state === 'queued' || state === 'submitted' || state === 'running') {
      void cancel(id).catch((err: unknown) => log.error('jobs.cancel_failed', { id, error: err })); // reported through the job's own events
    }
  }

  function need(id: string): Job {
    const job = table.get(id);
    if (!job) throw new StudioError('NOT_FOUND', said('job.refused.noSuchJob'));
    return job;
  }

  const cancel = createCancel({
    table,
    flows,
    adapters: options.adapters,
    context: (id) => runtime.context(id),
    outputDir: options.outputDir,
    later: (id) => pendingCancel.add(id),
  });

  function stats(): QueueStats {
    return queueStatsOf({ jobs: table.all(), active: dispatcher.activeCounts(), scheduler, online: online.online, requestsTotal });
  }

  async function addJob(params: Job['params'], id: string | undefined, lineage: Lineage = {}): Promise<Job> {
    const existing = id === undefined ? undefined : table.get(id);
    if (existing) return existing;
    const job = await table.add(newQueuedJob(params, options.catalog, { id, order: table.nextOrder(), now: clock.now() }, lineage));
    dispatcher.pump();
    return job;
  }

  const engine: Engine = {
    async start() {
      if (started) return;
      const { jobs: loaded, problems } = await store.load();
      table.load(loaded);
      scheduler.paused = (await store.loadQueue()).paused;
      if (problems.length) log.error('jobs.store_problems', { problems });
      log.info('jobs.engine_started', { jobs: loaded.length, paused: scheduler.paused });
      started = true;
      for (const job of loaded) drive(job.id);
      dispatcher.pump();
      emitStatsSoon();
    },
    async list() {
      return table.list();
    },
    submit: (params, opts) => addJob(params, opts?.id, { continuedFrom: opts?.continuedFrom, sourceClip: opts?.sourceClip, batch: opts?.batch }),
    cancel,
    async retry(id, opts) {
      const source = need(id);
      if (!isTerminal(source.state) && source.state !== 'needs_attention') {
        throw new StudioError('CONFLICT', said('job.refused.retry'));
      }
      // The user's retry settles a job needing attention: the look through the task list stops (it
      // must not send the original again next to the retry).
      const retry = await flows.whileStopped(id, () => addJob(source.params, opts?.id, { retryOf: source.id, continuedFrom: source.continuedFrom, sourceClip: source.sourceClip, batch: source.batch }));
      dispatcher.pump();
      return retry;
    },
    async duplicate(id) {
      return structuredClone(need(id).params);
    },
    async remove(id) {
      const job = need(id);
      if (REMOTE_STATES.includes(job.state) || job.state === 'downloading') {
        throw new StudioError('CONFLICT', said('job.refused.removeRemote'));
      }
      await flows.whileStopped(id, async () => {
        if (REMOTE_STATES.includes(need(id).state)) throw new StudioError('CONFLICT', said('job.refused.removeJustSent'));
        await table.remove(id);
        dispatcher.release(id);
        flowFailures.delete(id);
      });
    },
    async reorder(ids) {
      const moves = [...planQueueOrder(table.all(), ids)];
      await Promise.all(moves.map(([id, order]) => table.edit(id, (job) => ({ ...job, order }))));
      dispatcher.pump();
      return table.list();
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
      dispatcher.pump();
      emitStatsSoon();
      return stats();
    },
    configure(config) {
      if (config.polling && (config.polling.minMs !== bounds.minMs || config.polling.maxMs !== bounds.maxMs)) {
        Object.assign(bounds, config.polling);
        // A loop asleep on the old bounds (up to their maximum) starts over on the new ones — also
        // the config the host re-sends after an engine restart, which resumed the polls on its `init`.
        for (const job of table.all()) {
          if (job.state === 'submitted' || job.state === 'running') void flows.whileStopped(job.id, async () => undefined).then(() => drive(job.id));
        }
      }
      if (config.limits) scheduler.setLimits(config.limits);
      // Higher limits may free slots for queued jobs right away.
      dispatcher.pump();
    },
    async setOnline(value) {
      if (!online.set(value)) return;
      log.info('jobs.online', { online: value });
      if (value) dispatcher.pump();
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
      dispatcher.dispose();
      await flows.stopAll(DISPOSE_GRACE_MS);
      listeners.clear();
    },
  };
  return engine;
}
