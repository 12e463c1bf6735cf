import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Binds the jobs slice to main: follows `jobs:changed`, `jobs:removed`, `jobs:snapshot` (the engine
 * restarted: its whole table replaces the cache) and `jobs:stats`, then hydrates with `jobs:list`
 * and `jobs:stats`, and lends the slice the verbs the Queue calls.
 * Returns the function that undoes all of it.
 */
export function connectJobs(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const jobs = () => store.getState().jobs;
  const requests = { jobs: client.jobs, library: client.library, images: client.images };
  jobs().setRequests(requests);
  // Subscribe before asking, so a change between the answer and the subscription is not lost.
  const offs = [
    client.jobs.onChanged(({ jobs: changed, patches, version }) => jobs().follow({ type: 'changed', jobs: changed, patches, version })),
    client.jobs.onRemoved(({ id, version }) => jobs().follow({ type: 'removed', id, version })),
    client.jobs.onSnapshot(({ jobs: table, version }) => jobs().replaceAll(table, version)),
    client.jobs.onStats((stats) => jobs().setStats(stats)),
  ];
  void loadJobs(client, store); // Records its own failure in the slice.
  client.jobs
    .stats()
    .then((stats) => jobs().setStats(stats))
    // The stats are a nicety (paused flag, per-provider load); the next `jobs:stats` event brings them.
    .catch(() => undefined);
  return () => {
    for (const off of offs) off();
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (jobs().requests === requests) jobs().setRequests(null);
  };
}

/** Asks main for every job; a failure is kept as `loadError` (the Queue offers a retry). */
export async function loadJobs(client: Pick<StudioClient, 'jobs'>, store: StoreApi<StudioState>): Promise<void> {
  try {
    const { jobs, version } = await client.jobs.list();
    store.getState().jobs.replaceAll(jobs, version);
  } catch (err) {
    store.getState().jobs.setLoadError(describeError(err));
  }
}
