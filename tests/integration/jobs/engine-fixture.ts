import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findModel } from '../../../src/shared/catalog/models';
import type { JobParams, ProviderId } from '../../../src/shared/catalog/types';
import { contract, type Handlers } from '../../../src/shared/contract/index';
import { StudioError } from '../../../src/shared/contract/result';
import type { Job, JobView } from '../../../src/shared/jobs/job';
import { createImageService } from '../../../src/main/images/image-service';
import { createEventBus } from '../../../src/main/ipc/events';
import { createRouter } from '../../../src/main/ipc/router';
import { createEngineHost, forkEngine, type EngineHost } from '../../../src/main/jobs/engine-host';
import { createJobHandlers, forwardJobEvents } from '../../../src/main/jobs/handlers';
import { prepareImagesWith } from '../../../src/main/jobs/prepare-images';
import { deliverToLibrary } from '../../../src/main/library/deliver';
import { imageSource } from '../../../src/main/library/job-inputs';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { createMediaService, type MediaService } from '../../../src/main/references/media-service';
import { referenceFilesWith } from '../../../src/main/references/resolve-files';
import { baseUrlsFromEnv, keyFromEnv } from '../../../src/main/providers/registry';
import { simulatorEnv, startSimulator, type FaultConfig, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { mainTransport, openJobsWindow, type JobsWindow } from '../../fixtures/jobs-window';

/** A text-to-video job on Novita: the simulator renders it as a real 864×480 H.264 MP4. */
export const NOVITA_T2V: JobParams = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat on a pond', resolution: '480p', aspectRatio: '16:9', duration: 5 };

const ENTRY = resolve(__dirname, '../../../src/main/jobs/engine-process.ts');

export interface Rig {
  sim: SimulatorHandle;
  host: EngineHost;
  /** What a window sees: the renderer's jobs slice fed through main's router and event bus. */
  window: JobsWindow;
  /** The real library the engine's downloads are filed into. */
  library: Library;
  dataDir: string;
  /** Where downloads accumulate (`.part` files) before the library files them. */
  outputDir: string;
  /** Points the engine's requests for `provider` somewhere else (a proxy), or back to the simulator with null. */
  route(provider: ProviderId, apiBase: string | null): void;
  /** Points `provider`'s uploads (fal storage, EvoLink files API) somewhere else (a proxy), or back with null. */
  routeFiles(provider: ProviderId, filesBase: string | null): void;
  /** Main's media service (reference videos and audio), probing in the rig's engine; jobs with references resolve through it. */
  media: MediaService;
  close(): Promise<void>;
}

/** Handlers for the `jobs` domain only; every other verb refuses (this rig has no keys, drafts or settings). */
function jobsOnly(jobs: Handlers['jobs']): Handlers {
  const refuse = (domain: string) =>
    Object.fromEntries(
      Object.keys(contract[domain as keyof typeof contract].requests).map((verb) => [
        verb,
        () => {
          throw new StudioError('UNAVAILABLE', `${domain}:${verb} is not part of the engine rig.`);
        },
      ]),
    );
  return { ...Object.fromEntries(Object.keys(contract).map((domain) => [domain, refuse(domain)])), jobs } as unknown as Handlers;
}

/**
 * A simulator plus an engine in a forked child (tsx), with fast polling, wired as the app wires it:
 * keys and base URLs reach the engine only through the host's `context` calls, images come from
 * the real image service, verified videos are filed by the real library, and a window follows the
 * jobs through main's router and event bus.
 */
export async function startRig(faults: FaultConfig = {}, simOptions: { resultTtlSeconds?: number } = {}): Promise<Rig> {
  const root = mkdtempSync(join(tmpdir(), 'jobs-int-'));
  const sim = await startSimulator({ dataDir: join(root, 'sim'), timeScale: 0.5, faults, ...simOptions });
  const env = simulatorEnv(sim.url);
  const overrides = new Map<ProviderId, string>();
  const fileOverrides = new Map<ProviderId, string>();
  const dataDir = join(root, 'data');
  const outputDir = join(root, 'downloads');
  const log = createMemoryLogger();
  // Main gets no usable ffmpeg/ffprobe: filing a job's clip must run none (the engine probed it and made its poster, issue 12).
  const noTool = join(root, 'no-media-tool-in-main');
  const library = createLibrary({ libraryDir: join(root, 'library'), framesDir: join(dataDir, 'frames'), log, watch: false, ffmpegPath: noTool, ffprobePath: noTool });
  const images = await createImageService({ dataDir, log });
  const prepareImages = prepareImagesWith(images, findModel);
  // The media service probes in the engine, which needs the media service for reference jobs: bound once both exist.
  const late: { media?: MediaService } = {};
  const host = createEngineHost({
    launch: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'] }),
    init: { dataDir, outputDir, polling: { minMs: 250, maxMs: 1_000 } },
    context: async (provider) => {
      const baseUrls = baseUrlsFromEnv(provider, env);
      const api = overrides.get(provider);
      const files = fileOverrides.get(provider);
      return { route: 'provider', apiKey: keyFromEnv(provider, env) as string, baseUrls: { ...baseUrls, ...(api ? { api } : {}), ...(files ? { files } : {}) }, fetch: globalThis.fetch };
    },
    prepareImages,
    referenceFiles: (job) => referenceFilesWith({ images, media: late.media!, catalog: findModel })(job),
    deliver: deliverToLibrary({ library, catalog: findModel, prepareImages, sources: { image: imageSource(images) }, appVersion: '0.0.0-test', log }),
    log,
  });
  const events = createEventBus(log);
  forwardJobEvents(host, events);
  await host.start();
  const media = (late.media = await createMediaService({ dataDir, log, prober: host }));
  const window = openJobsWindow(mainTransport({ router: createRouter(jobsOnly(createJobHandlers(host)), log), events }));
  return {
    sim,
    host,
    window,
    library,
    dataDir,
    outputDir,
    route: (provider, api) => (api ? overrides.set(provider, api) : overrides.delete(provider)),
    routeFiles: (provider, files) => (files ? fileOverrides.set(provider, files) : fileOverrides.delete(provider)),
    media,
    async close() {
      window.close();
      await host.dispose();
      await media.dispose();
      await library.dispose();
      await sim.close();
    },
  };
}

/**
 * Resolves with main's copy of job `id` (paths and provider URLs included) once the window shows
 * the job passing `test`; rejects after `ms` naming what the window holds.
 */
export async function waitForJob(rig: Pick<Rig, 'window' | 'host'>, id: string, test: (job: JobView) => boolean, ms = 60_000): Promise<Job> {
  await rig.window.until((jobs) => jobs.some((j) => j.id === id && test(j)), ms);
  const job = rig.host.table().jobs.find((j) => j.id === id);
  if (!job) throw new Error(`Job ${id} is in the window but not in main's table.`);
  return job;
}

export const settled = (job: JobView) => ['completed', 'failed', 'cancelled', 'expired', 'needs_attention'].includes(job.state);

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Submit POSTs the simulator answered per task id (faulted ones carry no task id). */
export function submitsPerTask(sim: SimulatorHandle): number[] {
  return Object.values(sim.stats().byTask).map((routes) => routes.submit ?? 0).filter((n) => n > 0);
}

/** Kills the engine process at once (SIGKILL: no clean-up, as in a crash). */
export function crash(host: EngineHost): void {
  const pid = host.pid;
  if (!pid) throw new Error('The engine is not running in a child process.');
  process.kill(pid, 'SIGKILL');
}
