import type { StoreApi } from 'zustand';
import type { StudioClient } from '../api/client';
import { connectApp } from './app/connect';
import { connectKeys } from './keys/connect';
import { connectSettings } from './settings/connect';
import { connectModels } from './models/connect';
import { connectCompose } from './compose/connect';
import { connectLibrary } from './library/connect';
import { connectJobs } from './jobs/connect';
import { connectFocusJob } from './shell/focus-job';
import { connectSpend } from './spend/connect';
import type { StudioState } from './index';

/**
 * Hydrates every slice from main and subscribes to main's events. Each domain adds its own
 * `connect<Domain>` here. Returns one function that removes every subscription.
 */
export function connectStore(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const offs = [connectApp(client, store), connectKeys(client, store), connectSettings(client, store), connectModels(client, store), connectCompose(client, store), connectLibrary(client, store), connectJobs(client, store), connectFocusJob(client, store), connectSpend(client, store)];
  return () => {
    for (const off of offs) off();
  };
}
