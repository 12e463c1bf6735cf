import type { Handlers } from '../../shared/contract/index';
import { toJobView } from '../../shared/jobs/job';
import type { EventBus } from '../ipc/events';
import type { EngineApi } from './api';

/** Handlers for the `jobs` domain: each verb is one engine command; jobs leave as `JobView`s. */
export function createJobHandlers(engine: EngineApi): Handlers['jobs'] {
  return {
    list: async () => ({ jobs: (await engine.list()).map(toJobView) }),
    submit: async ({ params, continuedFrom }) => ({ job: toJobView(await engine.submit(params, continuedFrom ? { continuedFrom } : {})) }),
    cancel: async ({ id }) => {
      const out = await engine.cancel(id);
      return { job: toJobView(out.job), cancelled: out.cancelled, message: out.message };
    },
    retry: async ({ id }) => ({ job: toJobView(await engine.retry(id)) }),
    duplicate: async ({ id }) => ({ params: await engine.duplicate(id) }),
    remove: async ({ id }) => {
      await engine.remove(id);
      return { removed: true as const };
    },
    reorder: async ({ ids }) => ({ jobs: (await engine.reorder(ids)).map(toJobView) }),
    pause: () => engine.pause(),
    resume: () => engine.resume(),
    stats: () => engine.stats(),
  };
}

/** Forwards the engine's events to the renderer's event bus (as `jobs:changed`, `jobs:removed`, `jobs:stats`). Returns an unsubscribe function. */
export function forwardJobEvents(engine: EngineApi, events: EventBus): () => void {
  return engine.subscribe((event) => {
    if (event.type === 'changed') events.emit('jobs', 'changed', { job: toJobView(event.job) });
    else if (event.type === 'removed') events.emit('jobs', 'removed', { id: event.id });
    else events.emit('jobs', 'stats', event.stats);
  });
}
