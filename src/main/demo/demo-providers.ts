import type { ProviderId } from '../../shared/catalog/types';
import type { JobRoute } from '../../shared/jobs/job';
import { providerContextFrom } from '../jobs/provider-context';
import type { ProviderContext } from '../providers/types';

/**
 * Main's answer to the engine's `context` call: for the `provider` route, the vault's key and the
 * base URLs in effect; for the `demo` route, only the route — the engine's own process resolves it
 * with its local demo server (local-demo.ts), so the demo's HTTP server and its ffmpeg renders run
 * where provider traffic already goes, never in main, and a real key never reaches them.
 */
export type ContextAnswer = { route: 'demo' } | (ProviderContext & { route: 'provider' });

/** The offline demo's routing: which route new work takes, and what main answers for each route. */
export interface DemoProviders {
  /** The route for work sent now: `demo` while no provider has a usable key, else `provider`. */
  currentRoute(): JobRoute;
  /**
   * Main's answer for a call to `provider` on `route` (default: `currentRoute()`; a job passes the
   * route it was sent by, so its polls stay there whatever keys were set since). Rejects with a
   * non-retryable `ProviderError` kind `auth` when a `provider` route has no key (its key was removed).
   */
  context(provider: ProviderId, route?: JobRoute): Promise<ContextAnswer>;
}

/**
 * The offline demo (README: "with no provider key it runs the offline demo"): while no provider
 * has a usable key, new work takes the `demo` route (the demo provider, src/main/demo/provider,
 * started by the engine's process the first time a call needs it). As soon as any real key is
 * configured new work goes to the real hosts — a real key is never sent to the demo server, and a
 * call routed `demo` never reaches a real provider.
 */
export function createDemoProviders(opts: {
  /** True while no provider has a usable key. */
  isDemo: () => boolean;
  keyFor: (provider: ProviderId) => string | undefined;
  baseUrls: (provider: ProviderId) => ProviderContext['baseUrls'];
}): DemoProviders {
  const real = providerContextFrom(opts.keyFor, opts.baseUrls);
  const currentRoute = (): JobRoute => (opts.isDemo() ? 'demo' : 'provider');
  return {
    currentRoute,
    async context(provider, which = currentRoute()) {
      if (which === 'demo') return { route: 'demo' };
      return { ...(await real(provider)), route: 'provider' };
    },
  };
}
