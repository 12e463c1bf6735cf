import type { Handlers } from '../../shared/contract/index';
import type { JobPatch } from '../../shared/contract/jobs';
import { toJobView, type JobView } from '../../shared/jobs/job';
import { diffJob } from '../../shared/jobs/job-patch';
import type { EventBus } from '../ipc/events';
import type { EngineHost } from './engine-host';
import type { JobTable } from './job-mirror';
import { submitBatch } from './submit-batch';

/** Main's table as the renderer gets it: `JobView`s in queue order, with the table's version. */
function tableView(table: JobTable) {
  return { jobs: table.jobs.map(toJobView), version: table.version };
}

/**
 * Handlers for the `jobs` domain: each verb is one engine command; jobs leave as `JobView`s.
 * `list` (and `reorder`'s answer) come from main's copy of the table, at the version its events carry.
 */
export function createJobHandlers(engine: Omit<EngineHost, 'start' | 'pid' | 'subscribe'>): Handlers['jobs'] {
  return {
    list: async () => tableView(engine.table()),
    submit: async ({ params, continuedFrom, sourceClip }) => ({
      job: toJobView(await engine.submit(params, { ...(continuedFrom ? { continuedFrom } : {}), ...(sourceClip ? { sourceClip } : {}) })),
    }),
    submitBatch: async (input) => ({ jobs: (await submitBatch(engine, input)).map(toJobView) }),
    cancel: async ({ id }) => {
      const out = await engine.cancel(id);
      return { job: toJobView(out.job), cancelled: out.cancelled, message: out.message, ...(out.phrase ? { phrase: out.phrase } : {}) };
    },
    retry: async ({ id }) => ({ job: toJobView(await engine.retry(id)) }),
    duplicate: async ({ id }) => ({ params: await engine.duplicate(id) }),
    remove: async ({ id }) => {
      await engine.remove(id);
      return { removed: true as const };
    },
    reorder: async ({ ids }) => {
      // The engine's events for the moved jobs reached main before its answer: the table holds them.
      await engine.reorder(ids);
      return tableView(engine.table());
    },
    pause: () => engine.pause(),
    resume: () => engine.resume(),
    stats: () => engine.stats(),
  };
}

/**
 * Publishes main's job events to the renderer's event bus: `jobs:snapshot` (the engine (re)started:
 * the whole table), `jobs:changed`, `jobs:removed` (each with the table's version) and `jobs:stats`.
 * A changed job the renderer already has goes as a `JobPatch` against the copy last sent; stats
 * equal to the last ones sent are not sent again. Changes and stats were parsed when they crossed
 * from the engine's process (engine-host.ts) and only narrowed by typed code since, so they are not
 * parsed a second time (`emitParsed`).
 * Returns an unsubscribe function.
 */
export function forwardJobEvents(engine: Pick<EngineHost, 'subscribe' | 'table'>, events: EventBus): () => void {
  /** Each job as the renderer holds it after the events sent so far: what the next patch is against. */
  const sent = new Map<string, JobView>(engine.table().jobs.map((job) => [job.id, toJobView(job)]));
  /** The last stats sent, as JSON: the same figures again are not news. */
  let lastStats = '';
  return engine.subscribe((event) => {
    switch (event.type) {
      case 'snapshot': {
        const table = tableView(event);
        sent.clear();
        for (const job of table.jobs) sent.set(job.id, job);
        return events.emit('jobs', 'snapshot', table);
      }
      case 'changed': {
        const jobs: JobView[] = [];
        const patches: JobPatch[] = [];
        for (const job of event.jobs) {
          const view = toJobView(job);
          const before = sent.get(job.id);
          sent.set(job.id, view);
          if (before) patches.push(diffJob(before, view));
          else jobs.push(view);
        }
        return events.emitParsed('jobs', 'changed', { jobs, patches, version: event.version });
      }
      case 'removed':
        sent.delete(event.id);
        return events.emit('jobs', 'removed', { id: event.id, version: event.version });
      case 'stats': {
        const json = JSON.stringify(event.stats);
        if (json === lastStats) return;
        lastStats = json;
        return events.emitParsed('jobs', 'stats', event.stats);
      }
    }
  });
}
