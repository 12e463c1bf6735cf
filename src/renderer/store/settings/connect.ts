import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Binds the settings slice to main: hydrates it with `settings:get`, follows `settings:changed`
 * (changes made anywhere apply here without a restart) and lends the slice `settings:update` (and Settings `settings:chooseLibraryDir`).
 * Returns the function that undoes all of it.
 */
export function connectSettings(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const settings = () => store.getState().settings;
  const requests = { update: client.settings.update, chooseLibraryDir: client.settings.chooseLibraryDir };
  settings().setRequests(requests);
  // Subscribe before asking, so a change between the answer and the subscription is not lost.
  const off = client.settings.onChanged(({ settings: next }) => settings().setCurrent(next));
  client.settings
    .get()
    .then((current) => settings().setCurrent(current))
    .catch((err: unknown) => settings().setLoadError(describeError(err)));
  return () => {
    off();
    // StrictMode connects twice; only the connection that bound the verb may unbind it.
    if (settings().requests === requests) settings().setRequests(null);
  };
}
