import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import { loadAppInfo } from '../app/connect';
import type { StudioState } from '../index';

/**
 * Binds the keys slice to main: hydrates it with `keys:list`, follows `keys:changed`, and lends
 * the slice the `set`/`remove`/`check` verbs. A key change also refreshes `app:info`, whose demo
 * flag depends on whether any key is configured. Returns the function that undoes all of it.
 */
export function connectKeys(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const keys = () => store.getState().keys;
  const requests = { set: client.keys.set, remove: client.keys.remove, check: client.keys.check };
  keys().setRequests(requests);
  // Subscribe before asking, so a change between the answer and the subscription is not lost.
  const off = client.keys.onChanged(({ keys: list }) => {
    keys().setList(list);
    void loadAppInfo(client, store); // Records its own failure in the app slice.
  });
  client.keys
    .list()
    .then((list) => keys().setList(list))
    .catch((err: unknown) => keys().setLoadError(describeError(err)));
  return () => {
    off();
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (keys().requests === requests) keys().setRequests(null);
  };
}
