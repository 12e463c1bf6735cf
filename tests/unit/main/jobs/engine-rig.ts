import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findModel } from '../../../../src/shared/catalog/models';
import type { JobParams, ProviderId } from '../../../../src/shared/catalog/types';
import { Job, type JobRoute } from '../../../../src/shared/jobs/job';
import type { EngineEvent } from '../../../../src/main/jobs/api';
import type { EngineClock } from '../../../../src/main/jobs/clock';
import { createEngine, type Engine, type EngineOptions } from '../../../../src/main/jobs/engine';
import type { RoutedContext } from '../../../../src/main/jobs/runtime';
import { createJobStore, type JobStore } from '../../../../src/main/jobs/store';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { UPSTREAM_TASK_LIFETIME_MS } from '../../../../src/main/providers/lenient';
import type { ProviderAdapter, RemoteTask, TaskListing, TaskStatus } from '../../../../src/main/providers/types';

export const T0 = 1_800_000_000_000;

/**
 * The engine's clock, driven by the test: timers due now fire on the next turn of the event loop;
 * later ones wait for `advance` — or, with `fast` on, fire in order at once, time jumping to each.
 */
export class TestClock implements EngineClock {
  fast = false;
  private t = T0;
  private seq = 0;
  private kicking = false;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    this.kick();
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Timers waiting for a later time than now. */
  waiting(): number {
    return [...this.timers.values()].filter((t) => t.at > this.t).length;
  }
  /** Moves time on by `ms`, firing the timers that come due, in order. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (let next = this.earliest(); next && next[1].at <= end; next = this.earliest()) this.fire(next);
    this.t = end;
  }
  private earliest(): [number, { at: number; fn: () => void }] | undefined {
    let best: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of this.timers) if (!best || entry[1].at < best[1].at) best = entry;
    return best;
  }
  private fire([id, timer]: [number, { at: number; fn: () => void }]): void {
    this.timers.delete(id);
    this.t = Math.max(this.t, timer.at);
    timer.fn();
  }
  private kick(): void {
    if (this.kicking) return;
    this.kicking = true;
    setImmediate(() => {
      this.kicking = false;
      const next = this.earliest();
      if (!next || (next[1].at > this.t && !this.fast)) return;
      this.fire(next);
      if (this.timers.size > 0) this.kick();
    });
  }
}

/** A promise with its resolve/reject in hand. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Calls made to a `ScriptedProvider`, and what each answers (replaceable per test). */
export interface ScriptedProvider {
  adapter: ProviderAdapter;
  calls: { prepare: number; submit: number; poll: number; cancel: number; list: number };
  /** Base URLs of the contexts each call got, in order (which route it went by). */
  apis: string[];
  submit: () => Promise<RemoteTask>;
  poll: () => Promise<TaskStatus>;
  cancel: () => Promise<{ cancelled: boolean; reason?: string }>;
  list: (query: { model: string; from: number; to: number }) => Promise<TaskListing>;
}

/**
 * A provider double behind the real adapter interface: each call makes one request through the
 * engine's context (so pacing, counting and routes are the engine's own), then answers as scripted.
 */
export function scriptedProvider(id: ProviderId, cancel: ProviderAdapter['cancel']): ScriptedProvider {
  const p: ScriptedProvider = {
    calls: { prepare: 0, submit: 0, poll: 0, cancel: 0, list: 0 },
    apis: [],
    submit: async () => ({ taskId: 'task-1', handle: {} }),
    poll: async () => ({ state: 'running', progress: 10 }),
    cancel: async () => ({ cancelled: true }),
    list: async () => ({ tasks: [], complete: true, clockChecked: true }),
    adapter: undefined as unknown as ProviderAdapter,
  };
  const touch = async (ctx: RoutedContext) => {
    p.apis.push(ctx.baseUrls.api);
    await ctx.fetch(`${ctx.baseUrls.api}/touch`);
  };
  p.adapter = {
    id,
    cancel,
    async prepare(_req, ctx) {
      p.calls.prepare++;
      await touch(ctx);
      return { url: '/tasks', body: {} };
    },
    async submit(_prepared, ctx) {
      p.calls.submit++;
      await touch(ctx);
      return p.submit();
    },
    async poll(_task, ctx) {
      p.calls.poll++;
      await touch(ctx);
      return p.poll();
    },
    async cancelTask(_task, ctx) {
      p.calls.cancel++;
      await touch(ctx);
      return p.cancel();
    },
    checkKey: async () => ({ result: 'valid' }),
    taskLifetimeMs: () => UPSTREAM_TASK_LIFETIME_MS,
    async listTasks(query, ctx) {
      p.calls.list++;
      await touch(ctx);
      return p.list(query);
    },
  };
  return p;
}

/** fal text-to-video (fal can cancel queued tasks), Novita (cannot cancel), ModelArk (can list its tasks). */
export const FAL_T2V: JobParams = { modelId: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video', prompt: 'a kite over dunes', resolution: '480p', aspectRatio: '16:9', duration: 5 };
export const NOVITA_T2V: JobParams = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat', resolution: '480p', aspectRatio: '16:9', duration: 5 };
export const ARK_T2V: JobParams = { modelId: 'ark/seedance-1-0-pro-250528', prompt: 'a red lantern', resolution: '480p', aspectRatio: '16:9', duration: 5 };

export interface Rig {
  engine: Engine;
  clock: TestClock;
  dataDir: string;
  providers: Record<ProviderId, ScriptedProvider>;
  /** Every event, in order, with the job's file as it was on disk when the event was heard. */
  events: Array<{ event: EngineEvent; onDisk: Job | null }>;
  /** Routes the engine asked `context` for, in order (undefined: "whatever mode the app is in"). */
  routesAsked: Array<JobRoute | undefined>;
  /** The job as its file says now. */
  onDisk(id: string): Job | null;
  /** Resolves with the job once an event shows `test` true of it (checks the current list first). */
  until(id: string, test: (job: Job) => boolean): Promise<Job>;
  /** A second engine on the same data folder, as after a crash (this one is left as it is). */
  restart(overrides?: Partial<Omit<EngineOptions, 'clock'>> & { clock?: TestClock }): Promise<Rig>;
  close(): Promise<void>;
}

/** The app's current mode for `context` calls that name no route; tests flip it (a key saved mid-job). */
export const mode: { current: JobRoute } = { current: 'provider' };

/** An engine on a fresh data folder with scripted providers and a test clock; started. */
export async function startEngine(overrides: Partial<Omit<EngineOptions, 'clock'>> & { dataDir?: string; clock?: TestClock } = {}): Promise<Rig> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'engine-unit-'));
  const clock = overrides.clock ?? new TestClock();
  const providers = {
    fal: scriptedProvider('fal', 'queued-only'),
    novita: scriptedProvider('novita', 'none'),
    evolink: scriptedProvider('evolink', 'none'),
    ark: scriptedProvider('ark', 'queued-only'),
  };
  const events: Rig['events'] = [];
  const routesAsked: Rig['routesAsked'] = [];
  const onDisk = (id: string): Job | null => {
    try {
      return Job.parse(JSON.parse(readFileSync(join(dataDir, 'jobs', `${id}.json`), 'utf8')));
    } catch {
      return null;
    }
  };
  const engine = createEngine({
    dataDir,
    outputDir: join(dataDir, 'out'),
    adapters: (p) => providers[p].adapter,
    catalog: findModel,
    log: createMemoryLogger(),
    clock,
    random: () => 0.5,
    limits: { fal: { minSpacingMs: 0 }, novita: { minSpacingMs: 0 }, evolink: { minSpacingMs: 0 }, ark: { minSpacingMs: 0 } },
    context: async (provider, route) => {
      routesAsked.push(route);
      const chosen = route ?? mode.current;
      return { apiKey: 'k', baseUrls: { api: `https://${chosen}.${provider}.test` }, fetch: async () => new Response('{}'), route: chosen };
    },
    prepareImages: async () => ({}),
    ...overrides,
  });
  const waiters = new Set<() => void>();
  engine.subscribe((event) => {
    events.push({ event, onDisk: event.type === 'changed' ? onDisk(event.job.id) : null });
    for (const wake of [...waiters]) wake();
  });
  await engine.start();
  const rig: Rig = {
    engine,
    clock,
    dataDir,
    providers,
    events,
    routesAsked,
    onDisk,
    until(id, test) {
      return new Promise((resolve) => {
        const check = async () => {
          const job = (await engine.list()).find((j) => j.id === id);
          if (job && test(job)) {
            waiters.delete(check);
            resolve(job);
          }
        };
        waiters.add(check);
        void check();
      });
    },
    restart: (more = {}) => startEngine({ ...overrides, dataDir, clock: new TestClock(), ...more }),
    close: () => engine.dispose(),
  };
  return rig;
}

/** Writes `job` as the store would (atomic, validated), for tests that start from a given state. */
export async function seed(dataDir: string, job: Job): Promise<void> {
  await createJobStore(join(dataDir, 'jobs'), createMemoryLogger()).save(Job.parse(job));
}

/** A job in `state` at T0 (fields a real one has there), for `seed`. */
export function jobIn(id: string, state: Job['state'], params: JobParams, extra: Partial<Job> = {}): Job {
  const provider = params.modelId.split('/')[0] as ProviderId;
  return Job.parse({
    id,
    params,
    provider,
    state,
    times: { draft: T0, queued: T0, [state]: T0 },
    updatedAt: T0,
    attempts: state === 'queued' || state === 'draft' ? 0 : 1,
    requests: 0,
    history: [{ state: 'draft', at: T0 }, { state, at: T0 }],
    order: 0,
    ...extra,
  });
}

/** A store that refuses the writes `fails` picks with ENOSPC (a full disk); `refused` lists them. */
export function failingStore(dataDir: string, fails: (job: Job, attempt: number) => boolean): JobStore & { refused: Job[] } {
  const real = createJobStore(join(dataDir, 'jobs'), createMemoryLogger());
  const tries: Job[] = [];
  const refused: Job[] = [];
  return {
    ...real,
    refused,
    async save(job) {
      tries.push(job);
      if (fails(job, tries.filter((s) => s.id === job.id && s.state === job.state).length)) {
        refused.push(job);
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      await real.save(job);
    },
  };
}
