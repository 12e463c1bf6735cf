import { join } from 'node:path';
import type { ProviderId } from '../../shared/catalog/types';
import type { Logger } from '../logging/logger';
import { baseUrlsFromEnv, keyFromEnv } from '../providers/registry';
import type { ProviderContext } from '../providers/types';
import { providerContextFrom } from '../jobs/provider-context';
import { demoEnv, startDemoServer, type DemoServerHandle } from './provider/server';

/** Which provider a job talks to: the offline demo's local server, or the real provider with the user's key. */
export type DemoRoute = 'demo' | 'real';

/** Where a provider call goes: a key and base URLs. */
interface ProviderRoute {
  apiKey: string | undefined;
  baseUrls: ProviderContext['baseUrls'];
}

/** The offline demo's routing: which route new work takes, and the key and base URLs of each route. */
export interface DemoProviders {
  /** The route for work sent now: `demo` while no provider has a usable key, else `real`. */
  currentRoute(): DemoRoute;
  /**
   * The engine's provider context for a call to `provider` on `route` (default: `currentRoute()`):
   * `route`'s key and base URLs with the global `fetch`. `demo` starts the local demo server the
   * first time it is needed and hands out its own keys, so a real key never reaches it; `real`
   * uses the vault's key and the base URLs in effect. Rejects with a non-retryable
   * `ProviderError` kind `auth` when the route has no key (a `real` route whose key was removed).
   */
  context(provider: ProviderId, route?: DemoRoute): Promise<ProviderContext>;
  /** Stops the demo server if it was started. */
  dispose(): Promise<void>;
}

/**
 * The offline demo (README: "with no provider key it runs the offline demo"): while no provider
 * has a usable key, provider calls go to the demo provider (src/main/demo/provider: the four
 * providers' APIs on 127.0.0.1, real MP4s rendered with ffmpeg), started the first time a call
 * needs it. As soon as any real key is configured new work goes to the real hosts — a real key is
 * never sent to the demo server, and a call routed `demo` never reaches a real provider.
 *
 * `timeScale` (env `SEEDANCE_DEMO_TIME_SCALE`, default 1) shortens the demo's queue and
 * generation times.
 */
export function createDemoProviders(opts: {
  dataDir: string;
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  /** True while no provider has a usable key. */
  isDemo: () => boolean;
  keyFor: (provider: ProviderId) => string | undefined;
  baseUrls: (provider: ProviderId) => ProviderContext['baseUrls'];
}): DemoProviders {
  let server: Promise<DemoServerHandle> | null = null;
  const timeScale = Number(opts.env.SEEDANCE_DEMO_TIME_SCALE ?? '1');

  function demoServer(): Promise<DemoServerHandle> {
    server ??= startDemoServer({
      port: 0,
      dataDir: join(opts.dataDir, 'demo-provider'),
      timeScale: timeScale > 0 ? timeScale : 1,
      onRenderError: (taskId, message) => opts.log.warn('demo.render_failed', { taskId, message }),
    }).then((handle) => {
      opts.log.info('demo.started', { url: handle.url });
      return handle;
    });
    return server;
  }

  const currentRoute = (): DemoRoute => (opts.isDemo() ? 'demo' : 'real');

  async function route(provider: ProviderId, which: DemoRoute = currentRoute()): Promise<ProviderRoute> {
    if (which === 'real') return { apiKey: opts.keyFor(provider), baseUrls: opts.baseUrls(provider) };
    const env = demoEnv((await demoServer()).url);
    return { apiKey: keyFromEnv(provider, env), baseUrls: baseUrlsFromEnv(provider, env) };
  }

  return {
    currentRoute,
    async context(provider, which) {
      const r = await route(provider, which);
      return providerContextFrom(() => r.apiKey, () => r.baseUrls)(provider);
    },
    async dispose() {
      if (server) await (await server).close();
    },
  };
}
