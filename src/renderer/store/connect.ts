import type { StoreApi } from 'zustand';
import type { StudioClient } from '../api/client';
import { connectApp } from './app/connect';
import type { StudioState } from './index';

/**
 * Hydrates every slice from main and subscribes to main's events. Each domain adds its own
 * `connect<Domain>` here. Returns one function that removes every subscription.
 */
export function connectStore(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const offs = [connectApp(client, store)];
  return () => {
    for (const off of offs) off();
  };
}
