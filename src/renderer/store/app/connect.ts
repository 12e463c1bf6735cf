import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Hydrates the app slice (`app:info`, `app:status`), binds `app:openLogsFolder`, and follows main's
 * `app:status` events. Returns the unsubscribe. A failed `app:info` is kept as `loadError` for the shell to show.
 */
export function connectApp(client: StudioClient, store: StoreApi<StudioState>): () => void {
  // Subscribe before asking, so a status change between the answer and the subscription is not lost.
  const off = client.app.onStatus((status) => store.getState().app.setStatus(status));
  store.getState().app.setOpenLogsFolder(() => client.app.openLogsFolder());
  void loadAppInfo(client, store); // Errors are stored in the slice, never thrown.
  client.app
    .status()
    .then((status) => store.getState().app.setStatus(status))
    // Status is a nicety for the status line; it stays "unknown" rather than failing the shell.
    .catch(() => undefined);
  return () => {
    off();
    store.getState().app.setOpenLogsFolder(null);
  };
}

/** Asks `app:info` once; on failure records the message (the error screen offers a retry). */
export async function loadAppInfo(client: StudioClient, store: StoreApi<StudioState>): Promise<void> {
  try {
    store.getState().app.setInfo(await client.app.info());
  } catch (err) {
    store.getState().app.setLoadError(describeError(err));
  }
}
