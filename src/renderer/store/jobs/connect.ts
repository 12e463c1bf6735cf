import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Binds the jobs slice to main: follows `jobs:changed`, `jobs:removed` and `jobs:stats`, then
 * hydrates with `jobs:list` and `jobs:stats`, and lends the slice the verbs the Queue calls.
 * Returns the function that undoes all of it.
 */
export function connectJobs(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const jobs = () => store.getState().jobs;
  const requests = { jobs: client.jobs, library: client.library, images: client.images };
  jobs().setRequests(requests);
  // Subscribe before asking, so a change between the answer and the subscription is not lost.
  const offs = [
    client.jobs.onChanged(({ job }) => jobs().upsert(job)),
    client.jobs.onRemoved(({ id }) => jobs().removed(id)),
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
    const { jobs } = await client.jobs.list();
    store.getState().jobs.setAll(jobs);
  } catch (err) {
    store.getState().jobs.setLoadError(describeError(err));
  }
}
