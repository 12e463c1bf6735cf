import { join } from 'node:path';
import type { ProviderId } from '../../shared/catalog/types';
import type { Logger } from '../logging/logger';
import { baseUrlsFromEnv, keyFromEnv } from '../providers/registry';
import { providerContextFrom } from '../jobs/provider-context';
import type { RoutedContext } from '../jobs/runtime';
import type { ContextAnswer } from './demo-providers';
import { demoEnv, startDemoServer, type DemoServerHandle } from './provider/server';

/** The demo provider in the engine's own process: started on first use, stopped with the engine. */
export interface LocalDemo {
  /**
   * The engine's provider context from main's answer: a `provider` answer as it is; a `demo` answer
   * resolved here — the local demo server's own keys and 127.0.0.1 base URLs, the server started
   * (127.0.0.1, a free port) the first time it is needed.
   */
  resolve(provider: ProviderId, answer: ContextAnswer): Promise<RoutedContext>;
  /** Stops the demo server if it was started. */
  dispose(): Promise<void>;
}

/**
 * Creates the engine process's demo provider. Renders, uploads and results go under
 * `<dataDir>/demo-provider`. `SEEDANCE_DEMO_TIME_SCALE` (env, default 1) shortens the demo's queue
 * and generation times.
 */
export function createLocalDemo(opts: { dataDir: string; env: Readonly<Record<string, string | undefined>>; log: Logger }): LocalDemo {
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

  return {
    async resolve(provider, answer) {
      if (answer.route === 'provider') return answer;
      const env = demoEnv((await demoServer()).url);
      const context = await providerContextFrom((p) => keyFromEnv(p, env), (p) => baseUrlsFromEnv(p, env))(provider);
      return { ...context, route: 'demo' };
    },
    async dispose() {
      if (server) await (await server).close();
    },
  };
}
