/**
 * Entry of the job engine's own process: Electron's utilityProcess (messages via
 * `process.parentPort`) or a Node `child_process.fork` (`process.send` / `process.on('message')`).
 * electron-vite builds it to out/main/engine-process.js; tests fork it with `--import tsx`.
 * It asks main for keys, images and filing over the same private channel (see protocol.ts).
 */
import { join } from 'node:path';
import { findModel } from '../../shared/catalog/models';
import { StudioError } from '../../shared/contract/result';
import { saidOf } from '../../shared/messages/error-said';
import { createFileLogger, type Logger } from '../logging/logger';
import { registerSecret } from '../logging/redact';
import { createLocalDemo, type LocalDemo } from '../demo/local-demo';
import { resolveMediaTool } from '../media-tools/ffmpeg';
import { lastFrameOrUnavailable, type LastFrame } from '../library/posters';
import type { ImageWork } from '../images/image-work';
import { answerOf } from '../images/image-wire';
import { createMediaWork, type MediaWork } from '../references/work';
import { asStudioError } from '../references/errors';
import { prepareReferencesWith } from './prepare-references';
import { adapterFor } from '../providers/registry';
import { createEngine, type Engine } from './engine';
import { createChangeEncoder } from './job-wire';
import { numberEvents, type NumberedEvents } from './numbered-events';
import { watchProcess } from './process-stats';
import type { RoutedContext } from './runtime';
import { CALL_DATA, EngineCommand, HostMessage, REPLY_DATA, toWireError, type EngineInit, type EngineMessage, type HostCall } from './protocol';
import { said } from '../../shared/messages/phrase';

/** One end of the channel to main, whichever kind of process this is. */
interface ParentChannel {
  send(message: EngineMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

function connect(): ParentChannel {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) return { send: (m) => parentPort.postMessage(m), onMessage: (l) => parentPort.on('message', (e) => l(e.data)) };
  const send = process.send?.bind(process);
  if (send) {
    // The host went away (crashed or quit): nothing would hear us, and it restarts us when it comes back.
    process.on('disconnect', () => process.exit(0));
    return { send: (m) => send(m), onMessage: (l) => process.on('message', l) };
  }
  throw new Error('engine-process must run as a utilityProcess or a forked child with an IPC channel.');
}

const channel = connect();
const processStats = watchProcess();
const pendingCalls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void; name: HostCall['name'] }>();
let callSeq = 0;
let engine: Engine | null = null;
let numbered: NumberedEvents | null = null;
let log: Logger | null = null;
let localDemo: LocalDemo | null = null;
let media: MediaWork | null = null;
let images: Promise<ImageWork> | null = null;
let tools: { ffmpeg: string; ffprobe: string } | null = null;

/** `extractLastFrame` here, at normal priority (someone is waiting for it). */
function lastFrameHere(video: string, out: string): Promise<LastFrame> {
  if (!tools) throw new StudioError('UNAVAILABLE', said('job.engine.notInitialised'));
  return lastFrameOrUnavailable(tools, video, out);
}

/**
 * Main's image work, loaded on first use: sharp (libvips) then lives in this process only when
 * someone fixes or previews an image, and a run of text-to-video jobs never pays its memory.
 */
function imageWork(): Promise<ImageWork> {
  images ??= import('../images/image-work').then((m) => m.localImageWork());
  return images;
}

/** The row a fix names; an unknown model id is main's mistake (it checked the id), so an internal error. */
function entryOf(modelId: string) {
  const entry = findModel(modelId);
  if (!entry) throw new Error(`Unknown model "${modelId.slice(0, 80)}".`);
  return entry;
}

/** Asks main for something only it has; resolves with the answer's parsed `data`. */
function call<N extends HostCall['name']>(request: Extract<HostCall, { name: N }>): Promise<unknown> {
  const seq = ++callSeq;
  return new Promise((resolve, reject) => {
    pendingCalls.set(seq, { resolve, reject, name: request.name });
    channel.send({ type: 'call', seq, call: request });
  });
}

/** Creates and starts the engine from `init`'s options; its events go to main numbered (numbered-events.ts). */
async function startEngine(options: EngineInit): Promise<NumberedEvents> {
  log = createFileLogger(join(options.dataDir, 'logs', 'engine.log'), options.echoLog);
  // The offline demo's server runs here, beside the engine's provider traffic, never in main.
  const demo = createLocalDemo({ dataDir: options.dataDir, env: process.env, log });
  localDemo = demo;
  tools = { ffmpeg: options.ffmpeg ?? resolveMediaTool('ffmpeg'), ffprobe: options.ffprobe ?? resolveMediaTool('ffprobe') };
  const work = createMediaWork(tools);
  media = work;
  const created = createEngine({
    dataDir: options.dataDir,
    outputDir: options.outputDir,
    ...(options.ffprobe ? { ffprobe: options.ffprobe } : {}),
    ...(options.ffmpeg ? { ffmpeg: options.ffmpeg } : {}),
    ...(options.polling ? { polling: options.polling } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    log,
    adapters: adapterFor,
    catalog: findModel,
    context: async (provider, route): Promise<RoutedContext> => {
      const answer = CALL_DATA.context.parse(await call({ name: 'context', provider, ...(route ? { route } : {}) }));
      if (answer.route === 'demo') return demo.resolve(provider, answer);
      registerSecret(answer.apiKey);
      return { ...answer, fetch: globalThis.fetch };
    },
    prepareImages: async (job) => CALL_DATA.prepareImages.parse(await call({ name: 'prepareImages', job })),
    prepareReferences: prepareReferencesWith({
      catalog: findModel,
      files: async (job) => CALL_DATA.referenceFiles.parse(await call({ name: 'referenceFiles', job })),
      media: work,
    }),
    deliver: async (job, file) => CALL_DATA.deliver.parse(await call({ name: 'deliver', job, file })),
  });
  engine = created;
  // Main holds the snapshot plus every batch since: a job it holds goes as the fields that changed (job-wire.ts).
  const changes = createChangeEncoder();
  const events = numberEvents(created, {
    event: (seq, event) => {
      if (event.type === 'changed') return channel.send({ type: 'event', seq, event: { type: 'changed', ...changes.encode(event.jobs) } });
      if (event.type === 'removed') changes.forget(event.id);
      channel.send({ type: 'event', seq, event });
    },
    snapshot: ({ seq, jobs }) => {
      changes.reset(jobs);
      channel.send({ type: 'snapshot', seq, jobs });
    },
  });
  await created.start();
  return events;
}

async function handle(command: EngineCommand): Promise<unknown> {
  if (command.type === 'init') {
    numbered ??= await startEngine(command.options);
    // The whole table, before the reply: main replaces its copy with it (recovery changed jobs without events).
    const snapshot = await numbered.sendSnapshot();
    return { jobs: snapshot.jobs.length };
  }
  if (!engine || !media) throw new StudioError('UNAVAILABLE', said('job.engine.notInitialised'));
  const work = media;
  switch (command.type) {
    case 'list':
      return engine.list();
    case 'submit':
      return engine.submit(command.params, {
        ...(command.id ? { id: command.id } : {}),
        ...(command.continuedFrom ? { continuedFrom: command.continuedFrom } : {}),
        ...(command.sourceClip ? { sourceClip: command.sourceClip } : {}),
        ...(command.batch ? { batch: command.batch } : {}),
      });
    case 'cancel':
      return engine.cancel(command.id);
    case 'retry':
      return engine.retry(command.id, command.newId ? { id: command.newId } : {});
    case 'duplicate':
      return engine.duplicate(command.id);
    case 'remove':
      await engine.remove(command.id);
      return null;
    case 'reorder':
      return engine.reorder(command.ids);
    case 'pause':
      return engine.pause();
    case 'resume':
      return engine.resume();
    case 'setOnline':
      await engine.setOnline(command.online);
      return null;
    case 'configure':
      engine.configure(command.config);
      return null;
    case 'stats':
      return { ...(await engine.stats()), process: processStats() };
    case 'probeMedia':
      return asStudioError(() => work.probe(command.path, command.poster ? { poster: command.poster } : {}));
    case 'fixMedia':
      return asStudioError(() => work.fix(command.request));
    case 'fixImage': {
      const pixels = await imageWork();
      return answerOf(() => pixels.fix(command.request, entryOf(command.request.modelId)));
    }
    case 'lastFrame':
      return lastFrameHere(command.video, command.out);
    case 'previewImage': {
      const pixels = await imageWork();
      return answerOf(() => pixels.preview(command.request));
    }
    case 'joinMedia':
      return asStudioError(() => work.join(command.request));
    case 'shutdown':
      await engine.dispose();
      numbered?.close();
      await localDemo?.dispose();
      setImmediate(() => process.exit(0));
      return null;
  }
}

channel.onMessage((raw) => {
  const parsed = HostMessage.safeParse(raw);
  if (!parsed.success) {
    const seq = (raw as { seq?: unknown })?.seq;
    log?.error('jobs.protocol_invalid', { issues: parsed.error.issues.slice(0, 3).map((i) => i.message) });
    if (typeof seq === 'number' && (raw as { type?: unknown }).type !== 'call-reply') {
      channel.send({ type: 'reply', seq, ok: false, error: { code: 'BAD_INPUT', ...said('job.engine.malformedCommand') } });
    }
    return;
  }
  const message = parsed.data;
  if (message.type === 'call-reply') {
    const pending = pendingCalls.get(message.seq);
    pendingCalls.delete(message.seq);
    if (!pending) return;
    if (message.ok) pending.resolve(message.data);
    else pending.reject(new StudioError(message.error.code, saidOf(message.error)));
    return;
  }
  const command = message;
  handle(command).then(
    (data) => {
      // The changes a command made reach main before its answer (main's table then holds them).
      numbered?.flush();
      const checked = REPLY_DATA[command.type].safeParse(data ?? null);
      if (!checked.success) {
        log?.error('jobs.reply_invalid', { type: command.type });
        channel.send({ type: 'reply', seq: command.seq, ok: false, error: { code: 'INTERNAL', ...said('job.engine.unexpectedAnswer') } });
        return;
      }
      channel.send({ type: 'reply', seq: command.seq, ok: true, data: checked.data });
    },
    (err) => {
      numbered?.flush();
      if (!(err instanceof StudioError)) log?.error('jobs.command_failed', { type: command.type, error: err });
      channel.send({ type: 'reply', seq: command.seq, ok: false, error: toWireError(err) });
    },
  );
});

process.on('uncaughtException', (err) => {
  log?.error('jobs.engine_crashed', { error: err });
  // State is on disk after every change; main restarts us and we resume from the store.
  process.exit(1);
});

channel.send({ type: 'ready' });
