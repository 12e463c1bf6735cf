import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Hydrates the app slice (`app:info`, `app:status`, `app:engine`), binds `app:openLogsFolder` and
 * `app:retryEngine`, and follows main's `app:status` and `app:engine` events. Returns the unsubscribe. A failed `app:info` is kept as `loadError` for the shell to show.
 */
export function connectApp(client: StudioClient, store: StoreApi<StudioState>): () => void {
  // Subscribe before asking, so a status change between the answer and the subscription is not lost.
  const off = client.app.onStatus((status) => store.getState().app.setStatus(status));
  const offEngine = client.app.onEngine((engine) => store.getState().app.setEngine(engine));
  store.getState().app.setOpenLogsFolder(() => client.app.openLogsFolder());
  store.getState().app.setRetryEngine(async () => {
    const engine = await client.app.retryEngine();
    store.getState().app.setEngine(engine);
    return engine;
  });
  void loadAppInfo(client, store); // Errors are stored in the slice, never thrown.
  client.app
    .status()
    .then((status) => store.getState().app.setStatus(status))
    // Status is a nicety for the status line; it stays "unknown" rather than failing the shell.
    .catch(() => undefined);
  client.app
    .engine()
    .then((engine) => store.getState().app.setEngine(engine))
    .catch(() => undefined);
  return () => {
    off();
    offEngine();
    store.getState().app.setOpenLogsFolder(null);
    store.getState().app.setRetryEngine(null);
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
