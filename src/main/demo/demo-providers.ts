import { join } from 'node:path';
import type { ProviderId } from '../../shared/catalog/types';
import type { JobRoute } from '../../shared/jobs/job';
import type { Logger } from '../logging/logger';
import { baseUrlsFromEnv, keyFromEnv } from '../providers/registry';
import type { ProviderContext } from '../providers/types';
import { providerContextFrom } from '../jobs/provider-context';
import { demoEnv, startDemoServer, type DemoServerHandle } from './provider/server';

/** Where a provider call goes: a key and base URLs. */
interface ProviderRoute {
  apiKey: string | undefined;
  baseUrls: ProviderContext['baseUrls'];
}

/** The engine's provider context, with the route it was made for (the engine records it on the job it sends). */
export type RoutedContext = ProviderContext & { route: JobRoute };

/** The offline demo's routing: which route new work takes, and the key and base URLs of each route. */
export interface DemoProviders {
  /** The route for work sent now: `demo` while no provider has a usable key, else `provider`. */
  currentRoute(): JobRoute;
  /**
   * The engine's provider context for a call to `provider` on `route` (default: `currentRoute()`;
   * a job passes the route it was sent by, so its polls stay there whatever keys were set since):
   * `route`'s key and base URLs with the global `fetch`, and the route itself. `demo` starts the
   * local demo server the first time it is needed and hands out its own keys, so a real key never
   * reaches it; `provider` uses the vault's key and the base URLs in effect. Rejects with a
   * non-retryable `ProviderError` kind `auth` when the route has no key (a `provider` route whose
   * key was removed).
   */
  context(provider: ProviderId, route?: JobRoute): Promise<RoutedContext>;
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

  const currentRoute = (): JobRoute => (opts.isDemo() ? 'demo' : 'provider');

  async function route(provider: ProviderId, which: JobRoute): Promise<ProviderRoute> {
    if (which === 'provider') return { apiKey: opts.keyFor(provider), baseUrls: opts.baseUrls(provider) };
    const env = demoEnv((await demoServer()).url);
    return { apiKey: keyFromEnv(provider, env), baseUrls: baseUrlsFromEnv(provider, env) };
  }

  return {
    currentRoute,
    async context(provider, which = currentRoute()) {
      const r = await route(provider, which);
      return { ...(await providerContextFrom(() => r.apiKey, () => r.baseUrls)(provider)), route: which };
    },
    async dispose() {
      if (server) await (await server).close();
    },
  };
}
