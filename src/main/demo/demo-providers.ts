import { join } from 'node:path';
import type { ProviderId } from '../../shared/catalog/types';
import type { JobRoute } from '../../shared/jobs/job';
import type { Logger } from '../logging/logger';
import { baseUrlsFromEnv, keyFromEnv } from '../providers/registry';
import type { ProviderContext } from '../providers/types';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';

/** Where a provider call goes: a real key and host, or the offline demo's simulator (`route` says which). */
export interface ProviderRoute {
  apiKey: string | undefined;
  baseUrls: ProviderContext['baseUrls'];
  route: JobRoute;
}

/**
 * The offline demo (README: "with no provider key it runs the offline demo"): while no provider
 * has a usable key, every provider call goes to the built-in simulator, started on 127.0.0.1 the
 * first time a call needs it. As soon as any real key is configured the demo is off and calls go
 * to the real hosts — a real key is never sent to the simulator, and a demo job never reaches a
 * real provider.
 *
 * `timeScale` (env `SEEDANCE_DEMO_TIME_SCALE`, default 1) shortens the simulated queue and
 * generation times for tests.
 */
export function createDemoProviders(opts: {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  /** True while no provider has a usable key. */
  isDemo: () => boolean;
  keyFor: (provider: ProviderId) => string | undefined;
  baseUrls: (provider: ProviderId) => ProviderContext['baseUrls'];
}) {
  let sim: Promise<SimulatorHandle> | null = null;
  const timeScale = Number(opts.env.SEEDANCE_DEMO_TIME_SCALE ?? '1');

  function simulator(): Promise<SimulatorHandle> {
    sim ??= startSimulator({
      port: 0,
      dataDir: join(opts.dataDir, 'demo-provider'),
      timeScale: timeScale > 0 ? timeScale : 1,
    }).then((handle) => {
      opts.log.info('demo.simulator_started', { url: handle.url });
      return handle;
    });
    return sim;
  }

  return {
    /**
     * The key and base URLs a call to `provider` should use: for `wanted` when given (a job keeps the
     * route it was sent by, whatever keys were set since), else for the app's current mode.
     */
    async route(provider: ProviderId, wanted?: JobRoute): Promise<ProviderRoute> {
      const route = wanted ?? (opts.isDemo() ? 'demo' : 'provider');
      if (route === 'provider') return { apiKey: opts.keyFor(provider), baseUrls: opts.baseUrls(provider), route };
      const env = simulatorEnv((await simulator()).url);
      return { apiKey: keyFromEnv(provider, env), baseUrls: baseUrlsFromEnv(provider, env), route };
    },
    /** Stops the simulator if it was started. */
    async dispose(): Promise<void> {
      if (sim) await (await sim).close();
    },
  };
}
