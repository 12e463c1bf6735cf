import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { createAutosave } from './autosave';
import { createFrameSync } from './frame-sync';
import { createReferenceSync } from './reference-sync';

/**
 * Binds Compose to main: restores the current draft (`drafts:get`), saves every edit after a
 * pause (`drafts:save`, see `createAutosave`) and once more when the page goes away, and keeps the
 * frames' checks (`createFrameSync`) and the reference tray's (`createReferenceSync`) current. Returns the function that undoes all of it.
 */
export function connectCompose(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const compose = () => store.getState().compose;
  const requests = { drafts: client.drafts, images: client.images, media: client.media, files: client.files, jobs: client.jobs };
  compose().setRequests(requests);
  const autosave = createAutosave(store);
  compose().setFlushSave(autosave.flush);
  const syncFrames = createFrameSync(store);
  const syncReferences = createReferenceSync(store);

  const off = store.subscribe((state, previous) => {
    if (state.compose.revision !== previous.compose.revision) autosave.schedule();
    if (state.compose.draft !== previous.compose.draft || state.compose.checks !== previous.compose.checks) syncFrames();
    if (state.compose.draft !== previous.compose.draft || state.compose.inputs !== previous.compose.inputs || state.models.list !== previous.models.list) syncReferences();
  });
  // A reload or window close must not drop the last second of typing.
  const onPageHide = () => void autosave.flush(); // flush records its own failure.
  window.addEventListener('pagehide', onPageHide);

  void loadDraft(client, store); // Records its own failure in the slice.

  return () => {
    off();
    window.removeEventListener('pagehide', onPageHide);
    void autosave.flush().then(() => autosave.dispose()); // Best effort; failures are in the slice.
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (compose().requests === requests) compose().setRequests(null);
  };
}

/** Asks main for the current draft and shows it; a failure is kept as `loadError`. */
export async function loadDraft(client: StudioClient, store: StoreApi<StudioState>): Promise<void> {
  try {
    const { draft } = await client.drafts.get();
    store.getState().compose.loaded(draft);
  } catch (err) {
    store.getState().compose.setLoadError(describeError(err));
  }
}
