import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Handlers } from '../../shared/contract/index';
import { createAppHandlers } from '../app/handlers';
import { createEventBus, type EventBus } from '../ipc/events';
import { createRouter, type Router } from '../ipc/router';
import { createFileLogger, type Logger } from '../logging/logger';
import type { StudioConfig } from './config';

/** The assembled core: what a host needs to carry the contract and shut down cleanly. */
export interface Studio {
  router: Router;
  events: EventBus;
  log: Logger;
  /** Stops background work and flushes stores. Idempotent. */
  dispose(): Promise<void>;
}

/**
 * The composition root: builds every service from `config` and wires the contract's handlers.
 * It only wires — logic lives in the domain folders.
 */
export async function createStudio(config: StudioConfig): Promise<Studio> {
  mkdirSync(config.dataDir, { recursive: true });
  const log = createFileLogger(join(config.dataDir, 'logs', 'studio.log'), config.echoLog);
  const events = createEventBus(log);
  let online = true;

  const handlers: Handlers = {
    app: createAppHandlers({
      info: () => ({
        name: 'Seedance Studio',
        version: config.appVersion,
        host: config.host === 'cli' ? 'harness' : config.host,
        demo: true,
        platform: process.platform,
        versions: config.versions,
        dataDir: config.dataDir,
      }),
      isOnline: () => online,
      openExternal: config.openExternal,
    }),
  };

  const router = createRouter(handlers, log);
  let disposed = false;
  return {
    router,
    events,
    log,
    async dispose() {
      if (disposed) return;
      disposed = true;
      online = false;
    },
  };
}
