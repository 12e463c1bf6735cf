import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { JobParams, ProviderId } from '../../../src/shared/catalog/types';
import type { Job } from '../../../src/shared/jobs/job';
import { createEngineHost, forkEngine, type EngineHost } from '../../../src/main/jobs/engine-host';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { baseUrlsFromEnv, keyFromEnv } from '../../../src/main/providers/registry';
import { simulatorEnv, startSimulator, type FaultConfig, type SimulatorHandle } from '../../../tools/provider-sim/index';

/** A text-to-video job on Novita: the simulator renders it as a real 864×480 H.264 MP4. */
export const NOVITA_T2V: JobParams = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat on a pond', resolution: '480p', aspectRatio: '16:9', duration: 5 };

const ENTRY = resolve(__dirname, '../../../src/main/jobs/engine-process.ts');

export interface Rig {
  sim: SimulatorHandle;
  host: EngineHost;
  dataDir: string;
  outputDir: string;
  /** Points the engine's requests for `provider` somewhere else (a proxy), or back to the simulator with null. */
  route(provider: ProviderId, apiBase: string | null): void;
  close(): Promise<void>;
}

/**
 * A simulator plus an engine in a forked child (tsx), with fast polling. Keys and base URLs reach
 * the engine only through the host's `context` calls, as in the app.
 */
export async function startRig(faults: FaultConfig = {}, simOptions: { resultTtlSeconds?: number } = {}): Promise<Rig> {
  const root = mkdtempSync(join(tmpdir(), 'jobs-int-'));
  const sim = await startSimulator({ dataDir: join(root, 'sim'), timeScale: 0.5, faults, ...simOptions });
  const env = simulatorEnv(sim.url);
  const overrides = new Map<ProviderId, string>();
  const dataDir = join(root, 'data');
  const outputDir = join(root, 'library');
  const host = createEngineHost({
    launch: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'] }),
    init: { dataDir, outputDir, polling: { minMs: 250, maxMs: 1_000 } },
    context: async (provider) => {
      const baseUrls = baseUrlsFromEnv(provider, env);
      const api = overrides.get(provider);
      return { apiKey: keyFromEnv(provider, env) as string, baseUrls: api ? { ...baseUrls, api } : baseUrls };
    },
    prepareImages: async () => ({}),
    log: createMemoryLogger(),
  });
  await host.start();
  return {
    sim,
    host,
    dataDir,
    outputDir,
    route: (provider, api) => (api ? overrides.set(provider, api) : overrides.delete(provider)),
    async close() {
      await host.dispose();
      await sim.close();
    },
  };
}

/** Resolves with the job once `test` accepts it; rejects after `ms` with the job's last state. */
export async function waitForJob(host: EngineHost, id: string, test: (job: Job) => boolean, ms = 60_000): Promise<Job> {
  const until = Date.now() + ms;
  let last: Job | undefined;
  while (Date.now() < until) {
    try {
      last = (await host.list()).find((j) => j.id === id);
      if (last && test(last)) return last;
    } catch {
      // The engine is restarting; the host re-sends once it is back.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for job ${id}; last seen: ${JSON.stringify(last?.state)} ${JSON.stringify(last?.error ?? last?.notice)}`);
}

export const settled = (job: Job) => ['completed', 'failed', 'cancelled', 'expired', 'needs_attention'].includes(job.state);

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
