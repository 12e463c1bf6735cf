import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import type { z } from 'zod';
import type { ProviderId } from '../../shared/catalog/types';
import type { EngineStatus } from '../../shared/contract/app';
import { StudioError } from '../../shared/contract/result';
import { saidOf } from '../../shared/messages/error-said';
import { backoff } from '../../shared/jobs/backoff';
import type { Job, JobRoute } from '../../shared/jobs/job';
import type { Logger } from '../logging/logger';
import type { PreparedImage } from '../providers/types';
import type { EngineApi } from './api';
import type { ContextAnswer } from '../demo/demo-providers';
import { deliverInto, type DeliverHook } from './delivery';
import { createEngine, type EngineOptions } from './engine';
import { createJobMirror, type JobsEvent, type JobTable } from './job-mirror';
import { decodeChanges } from './job-wire';
import { asStudioError } from '../references/errors';
import type { ImageWork } from '../images/image-work';
import { lastFrameOrUnavailable, type LastFrame } from '../library/posters';
import { resolveMediaTool } from '../media-tools/ffmpeg';
import { resultOf } from '../images/image-wire';
import type { JoinedMedia, JoinRequest } from '../media-tools/join-media';
import type { MediaFixRequest } from '../references/fix';
import type { FixedMedia, MediaWork, ProbedMedia } from '../references/work';
import { numberEvents } from './numbered-events';
import { said } from '../../shared/messages/phrase';
import {
  EngineMessage,
  REPLY_DATA,
  toWireError,
  type CommandType,
  type EngineCommand,
  type EngineConfig,
  type EngineInit,
  type HostCall,
  type HostMessage,
  type ReferenceFiles,
} from './protocol';

/** One running engine process, as the host sees it. Node: `forkEngine`; Electron: a utilityProcess wrapper. */
export interface EngineChannel {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends, however it ends. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts a fresh engine process. */
export type LaunchEngine = () => EngineChannel;

/**
 * The engine as main uses it: the commands, `start`, its status, the engine process's pid
 * (undefined in-process), and main's copy of the job table. Whenever the engine (re)starts, its
 * whole table replaces main's copy (a `snapshot` event), then its changes follow; `list` and
 * `table` answer from that copy, and `subscribe` hears what main publishes (job-mirror.ts), never
 * a stale event.
 */
export interface EngineHost extends Omit<EngineApi, 'subscribe'> {
  /**
   * Resolves once the engine's first snapshot is main's table, or once the engine has been declared
   * `down` (see `status`): the app opens either way.
   */
  start(): Promise<void>;
  readonly pid: number | undefined;
  /** Every job in queue order and the table's version, as main holds them now. */
  table(): JobTable;
  /** Adds a listener for snapshots, changes, removals and stats; returns a function that removes it. */
  subscribe(listener: (event: JobsEvent) => void): () => void;
  /** Where the engine process is: starting, running, restarting after a crash, or down until `restart`. */
  status(): EngineStatus;
  /** Called on every status change. Returns an unsubscribe function. */
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** The user's Retry: starts a `down` engine afresh (crash count reset). Does nothing in any other state. Returns the status after. */
  restart(): EngineStatus;
  /** Reference media: ffprobe `path` in the engine's process (bounded there), with a poster JPEG written to `poster` for a video. Throws `StudioError('BAD_INPUT')` for a file that is not usable media. */
  probeMedia(path: string, options?: { poster?: string }): Promise<ProbedMedia>;
  /** Reference media: the ffmpeg fix `request` asks for, in the engine's process (one at a time). Throws `StudioError('BAD_INPUT')` when ffmpeg cannot. */
  fixMedia(request: MediaFixRequest): Promise<FixedMedia>;
  /** The final frame of `video` as the PNG `out` (posters.ts `extractLastFrame`), ffmpeg run in the engine's process. Throws `StudioError('UNAVAILABLE')` when ffmpeg cannot. */
  lastFrame(video: string, out: string): Promise<LastFrame>;
  /** Main's image work (`ImageWork`) in the engine's process: sharp's memory and threads stay out of main (issue 12). Throws as the work does (`ImageError`, `RangeError`). */
  readonly images: ImageWork;
  /** Clips joined into one MP4 in the engine's process (`joinMedia`, one at a time). Throws `StudioError('BAD_INPUT')` when ffmpeg cannot join them. */
  joinMedia(request: JoinRequest): Promise<JoinedMedia>;
}

/** When a crashed engine is restarted, and when the host gives up. */
export interface RestartPolicy {
  /** Crashes in a row (each within `HEALTHY_AFTER_MS` of its start) after which the engine is `down` until Retry. Default 5. */
  maxCrashes: number;
  /** First restart delay, ms, doubling per crash (with jitter, see `backoff`). Default 500. */
  baseMs: number;
  /** Largest restart delay, ms. Default 30,000. */
  capMs: number;
}

const DEFAULT_RESTART: RestartPolicy = { maxCrashes: 5, baseMs: 500, capMs: 30_000 };

export interface EngineHostOptions {
  launch: LaunchEngine;
  init: EngineInit;
  /**
   * The key and base URLs for a provider (main's vault); sent to the engine over the private channel
   * only. For `route` when the engine names one (the route a job was sent by), and the answer says
   * which route it is for.
   */
  context: (provider: ProviderId, route?: JobRoute) => Promise<ContextAnswer>;
  prepareImages: (job: Job) => Promise<{ first?: PreparedImage; last?: PreparedImage }>;
  /** A reference job's files (the engine's `referenceFiles` call; see `resolveReferenceFiles`). Absent: such a call is answered UNAVAILABLE. */
  referenceFiles?: (job: Job) => Promise<ReferenceFiles>;
  /** Files verified videos; default `deliverInto(init.outputDir)`. */
  deliver?: DeliverHook;
  log: Logger;
  /** Default: 5 crashes in a row, 0.5 s doubling to 30 s; then `down` until `restart()`. */
  restart?: Partial<RestartPolicy>;
}

/** Env variables never handed to the engine process: it gets keys over the channel, on demand, in memory. */
const SECRET_ENV = /(_API_KEY|_KEY|_TOKEN|_SECRET)$/i;

/**
 * glibc allocator settings for the engine's process, where libvips decodes images on threads of its
 * own (issue 12): at most 2 malloc arenas instead of 8 per core, and a fixed 128 KiB mmap threshold,
 * so a photo's multi-megabyte pixel buffers are mmapped and go back to the system when freed
 * instead of raising the threshold and staying in an arena (sharp's docs, "Memory allocator").
 * Measured by `npm run bench -- --only images` (the engine with and without them, side by side).
 * Other C libraries ignore them.
 */
export const ENGINE_ALLOCATOR_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/**
 * `env` without provider keys or other secrets: what every engine launcher (Node or Electron) hands
 * its child, with `ENGINE_ALLOCATOR_ENV` unless `env` sets an allocator variable of its own.
 */
export function engineEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([k]) => !SECRET_ENV.test(k)));
  const own = Object.keys(clean).some((k) => k.startsWith('MALLOC_'));
  return own ? clean : { ...clean, ...ENGINE_ALLOCATOR_ENV };
}

/**
 * A `LaunchEngine` for Node: `child_process.fork(entry)` with an IPC channel. Under tests/harness
 * pass the TypeScript entry and `execArgv: ['--import', 'tsx']`; built, `out/main/engine-process.js`.
 * Provider keys are stripped from the child's environment.
 */
export function forkEngine(options: { entry: string; execArgv?: string[]; env?: NodeJS.ProcessEnv }): LaunchEngine {
  return () => {
    const env = engineEnv(options.env ?? process.env);
    const child = fork(options.entry, [], { execArgv: options.execArgv ?? [], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
    return {
      pid: child.pid,
      send: (m) => {
        if (child.connected) child.send(m);
      },
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.once('exit', (code) => l(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}

interface Pending {
  command: EngineCommand;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** The engine has to live this long (ms) for its restart backoff to start over. */
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs the engine in its own process: sends commands and awaits their replies, answers the
 * engine's calls (keys, images, filing), re-emits its events, and restarts it with backoff when it
 * dies — it then resumes from its store. Commands in flight during a crash are re-sent to the new
 * process; `submit` and `retry` carry host-made job ids so a re-sent one never makes a second job.
 * Restarts are bounded (`RestartPolicy`): an engine that keeps dying is declared `down`, every
 * waiting and new command fails with `UNAVAILABLE`, and only `restart()` (the user's Retry) tries again.
 */
export function createEngineHost(options: EngineHostOptions): EngineHost {
  const { log } = options;
  const deliver = options.deliver ?? deliverInto(options.init.outputDir);
  const referenceFiles =
    options.referenceFiles ??
    (() => Promise.reject(new StudioError('UNAVAILABLE', said('job.refused.noReferenceFiles'))));
  const mirror = createJobMirror(log);
  const pending = new Map<number, Pending>();
  let seq = 0;
  let channel: EngineChannel | null = null;
  let ready = false;
  let online = true;
  let disposed = false;
  // Set when dispose starts: the engine's exit after `shutdown` is expected, not a crash to restart.
  let stopping = false;
  let latestConfig: EngineConfig | null = null;
  let crashes = 0;
  let startedAt = 0;
  let firstStart: { resolve: () => void; reject: (e: unknown) => void } | null = null;
  const policy: RestartPolicy = { ...DEFAULT_RESTART, ...options.restart };
  let status: EngineStatus = { state: 'starting' };
  const statusListeners = new Set<(status: EngineStatus) => void>();

  function setStatus(next: EngineStatus): void {
    status = next;
    for (const l of statusListeners) l(next);
  }

  /** Gives up after `policy.maxCrashes`: nothing waits on an engine that is not coming back. */
  function goDown(code: number | null): void {
    log.error('jobs.engine_down', { code, crashes });
    setStatus({ state: 'down', ...(code === null ? said('job.engine.downNoCode', { crashes }) : said('job.engine.down', { crashes, code })) });
    for (const p of pending.values()) p.reject(downError());
    pending.clear();
    firstStart?.resolve();
    firstStart = null;
  }

  function spawn(): void {
    ready = false;
    startedAt = Date.now();
    const current = options.launch();
    channel = current;
    current.onMessage((raw) => onMessage(current, raw));
    current.onExit((code) => {
      if (channel !== current) return;
      channel = null;
      ready = false;
      mirror.engineStopped();
      if (disposed || stopping) return;
      crashes = Date.now() - startedAt > HEALTHY_AFTER_MS ? 1 : crashes + 1;
      if (crashes >= policy.maxCrashes) return goDown(code);
      const delay = backoff(crashes, undefined, { baseMs: policy.baseMs, capMs: policy.capMs });
      log.error('jobs.engine_exited', { code, restartInMs: delay, crashes });
      setStatus({ state: 'restarting' });
      setTimeout(() => {
        if (!disposed && !stopping) spawn();
      }, delay).unref?.();
    });
  }

  function onMessage(from: EngineChannel, raw: unknown): void {
    if (from !== channel) return;
    const parsed = EngineMessage.safeParse(raw);
    if (!parsed.success) {
      log.error('jobs.protocol_invalid', { issues: parsed.error.issues.slice(0, 3).map((i) => i.message) });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'ready':
        void initialise(from);
        return;
      case 'reply': {
        const p = pending.get(message.seq);
        if (!p) return;
        pending.delete(message.seq);
        if (!message.ok) return p.reject(new StudioError(message.error.code, saidOf(message.error)));
        const data = (REPLY_DATA[p.command.type] as z.ZodType).safeParse(message.data);
        if (data.success) p.resolve(data.data);
        else p.reject(new StudioError('INTERNAL', said('job.engine.badAnswer')));
        return;
      }
      case 'event': {
        const { event } = message;
        if (event.type !== 'changed') return mirror.apply(message.seq, event);
        // Patches apply to main's copy: only for an event the mirror takes (a stale one's base may be gone).
        if (!mirror.accepts(message.seq)) return;
        const { jobs, orphans } = decodeChanges(event, mirror.job);
        if (orphans.length) log.error('jobs.protocol_orphan_patch', { ids: orphans.slice(0, 3), count: orphans.length });
        mirror.apply(message.seq, { type: 'changed', jobs });
        return;
      }
      case 'snapshot':
        mirror.replace(message);
        return;
      case 'call':
        void answerCall(from, message.seq, message.call);
        return;
    }
  }

  /** After (re)start: init, the online state, then every command still waiting for an answer. */
  async function initialise(from: EngineChannel): Promise<void> {
    try {
      // The latest Settings go in `init` itself: the engine resumes polls and sends queued jobs as it starts.
      await sendNow(from, { seq: ++seq, type: 'init', options: { ...options.init, ...latestConfig } });
      if (!online) await sendNow(from, { seq: ++seq, type: 'setOnline', online: false });
      // A restarted engine starts from `init`; Settings changed since then must not be lost.
      if (latestConfig) await sendNow(from, { seq: ++seq, type: 'configure', config: latestConfig });
      ready = true;
      setStatus({ state: 'running' });
      firstStart?.resolve();
      firstStart = null;
      for (const [n, p] of pending) if (p.command.type !== 'init') from.send({ ...p.command, seq: n } as HostMessage);
    } catch (err) {
      log.error('jobs.engine_init_failed', { error: err });
      firstStart?.reject(err);
      firstStart = null;
      from.kill();
    }
  }

  function sendNow(to: EngineChannel, command: EngineCommand): Promise<unknown> {
    return new Promise((resolve, reject) => {
      pending.set(command.seq, { command, resolve, reject });
      to.send(command);
    });
  }

  async function answerCall(from: EngineChannel, n: number, call: HostCall): Promise<void> {
    try {
      let data: unknown;
      if (call.name === 'context') data = await options.context(call.provider, call.route);
      else if (call.name === 'prepareImages') data = await options.prepareImages(call.job);
      else if (call.name === 'referenceFiles') data = await referenceFiles(call.job);
      else data = await deliver(call.job, call.file);
      from.send({ type: 'call-reply', seq: n, ok: true, data });
    } catch (err) {
      from.send({ type: 'call-reply', seq: n, ok: false, error: toWireError(err) });
    }
  }

  /** Sends a command once the engine is ready (queued meanwhile; re-sent after a restart). */
  function request<T extends CommandType>(type: T, fields: Omit<Extract<EngineCommand, { type: T }>, 'seq' | 'type'>): Promise<z.infer<(typeof REPLY_DATA)[T]>> {
    if (disposed) return Promise.reject(new StudioError('UNAVAILABLE', said('job.engine.shutDown')));
    if (status.state === 'down') return Promise.reject(downError());
    const full = { ...fields, type, seq: ++seq } as EngineCommand;
    return new Promise((resolve, reject) => {
      pending.set(full.seq, { command: full, resolve: resolve as (v: unknown) => void, reject });
      if (ready && channel) channel.send(full);
    });
  }

  return {
    get pid() {
      return channel?.pid;
    },
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    restart() {
      if (status.state !== 'down' || disposed || stopping) return status;
      crashes = 0;
      log.info('jobs.engine_retry', {});
      setStatus({ state: 'starting' });
      spawn();
      return status;
    },
    start() {
      if (channel) return Promise.resolve();
      return new Promise((resolve, reject) => {
        firstStart = { resolve, reject };
        spawn();
      });
    },
    list: async () => mirror.table().jobs,
    table: () => mirror.table(),
    submit: (params, opts) =>
      request('submit', {
        params,
        id: opts?.id ?? randomUUID(),
        ...(opts?.continuedFrom ? { continuedFrom: opts.continuedFrom } : {}),
        ...(opts?.sourceClip ? { sourceClip: opts.sourceClip } : {}),
        ...(opts?.batch ? { batch: opts.batch } : {}),
      }),
    cancel: (id) => request('cancel', { id }),
    retry: (id, opts) => request('retry', { id, newId: opts?.id ?? randomUUID() }),
    duplicate: (id) => request('duplicate', { id }),
    remove: async (id) => {
      await request('remove', { id });
    },
    reorder: (ids) => request('reorder', { ids }),
    pause: () => request('pause', {}),
    resume: () => request('resume', {}),
    setOnline: async (value) => {
      online = value;
      await request('setOnline', { online: value });
    },
    configure: async (config) => {
      latestConfig = config;
      await request('configure', { config });
    },
    stats: () => request('stats', {}),
    probeMedia: (path, opts) => request('probeMedia', { path, ...(opts?.poster ? { poster: opts.poster } : {}) }),
    fixMedia: (req) => request('fixMedia', { request: req }),
    lastFrame: (video, out) => request('lastFrame', { video, out }),
    images: {
      fix: async (req) => resultOf(await request('fixImage', { request: req })),
      preview: async (req) => resultOf(await request('previewImage', { request: req })),
    },
    joinMedia: (req) => request('joinMedia', { request: req }),
    subscribe: (listener) => mirror.subscribe(listener),
    async dispose() {
      if (disposed || stopping) return;
      stopping = true;
      const current = channel;
      if (current && ready) {
        // Let the engine finish a POST in flight and store its task id; then make sure it is gone.
        const exited = new Promise<void>((resolve) => current.onExit(() => resolve()));
        const stop = sendNow(current, { seq: ++seq, type: 'shutdown' }).catch(() => undefined);
        await Promise.race([Promise.all([stop, exited]), new Promise((r) => setTimeout(r, 8_000).unref?.())]);
      }
      disposed = true;
      current?.kill();
      channel = null;
      for (const p of pending.values()) p.reject(new StudioError('UNAVAILABLE', said('job.engine.shutDown')));
      pending.clear();
      mirror.close();
      statusListeners.clear();
    },
  };
}

function downError(): StudioError {
  return new StudioError('UNAVAILABLE', said('job.engine.notRunning'));
}

/**
 * The engine in this process (the CLI): the same interface and the same mirror, no child, no
 * restarts; reference media work (`media`) and image work (`images`) run here too, with the same
 * errors as in a process.
 */
export function createInProcessEngineHost(options: EngineOptions & { media: MediaWork; images: ImageWork }): EngineHost {
  const engine = createEngine(options);
  const mirror = createJobMirror(options.log);
  const numbered = numberEvents(engine, { event: (seq, event) => mirror.apply(seq, event), snapshot: (snapshot) => mirror.replace(snapshot) });
  const running: EngineStatus = { state: 'running' };
  /** A command, then its changes handed to the mirror before the caller hears the answer (as the engine process does). */
  const flushed =
    <A extends unknown[], R>(command: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await command(...args);
      } finally {
        numbered.flush();
      }
    };
  return {
    ...engine,
    submit: flushed(engine.submit),
    cancel: flushed(engine.cancel),
    retry: flushed(engine.retry),
    remove: flushed(engine.remove),
    reorder: flushed(engine.reorder),
    pause: flushed(engine.pause),
    resume: flushed(engine.resume),
    pid: undefined,
    async start() {
      await engine.start();
      await numbered.sendSnapshot();
    },
    list: async () => mirror.table().jobs,
    table: () => mirror.table(),
    subscribe: (listener) => mirror.subscribe(listener),
    status: () => running,
    onStatus: () => () => undefined,
    probeMedia: (path, opts) => asStudioError(() => options.media.probe(path, opts)),
    fixMedia: (req) => asStudioError(() => options.media.fix(req)),
    images: options.images,
    lastFrame: (video, out) =>
      lastFrameOrUnavailable({ ffmpeg: options.ffmpeg ?? resolveMediaTool('ffmpeg'), ffprobe: options.ffprobe ?? resolveMediaTool('ffprobe') }, video, out),
    joinMedia: (req) => asStudioError(() => options.media.join(req)),
    restart: () => running,
    async dispose() {
      await engine.dispose();
      numbered.close();
      mirror.close();
    },
  };
}

