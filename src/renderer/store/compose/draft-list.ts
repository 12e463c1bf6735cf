import type { StoreApi } from 'zustand';
import type { DraftSeed } from '../../../shared/drafts/draft';
import type { StudioState } from '../index';
import { composeRequests } from './slice';

/**
 * Starts a new current draft (optionally from a reused clip's settings). The pending edit of the
 * draft being left is saved first, so it stays complete in the list. Rejects with a
 * `StudioClientError` (shown by the caller); the current draft is then unchanged.
 */
export async function startNewDraft(store: StoreApi<StudioState>, from?: DraftSeed): Promise<void> {
  const requests = composeRequests(store.getState());
  await store.getState().compose.flushSave();
  const { draft } = await requests.drafts.create(from ? { from } : {});
  store.getState().compose.loaded(draft);
}

/** Makes an older draft current (the one being left is saved first and stays in the list). Rejects like `startNewDraft`. */
export async function openDraft(store: StoreApi<StudioState>, id: string): Promise<void> {
  const requests = composeRequests(store.getState());
  await store.getState().compose.flushSave();
  const { draft } = await requests.drafts.open({ id });
  store.getState().compose.loaded(draft);
}

/** Refreshes `compose.olderDrafts` (`drafts:list`). Rejects like `startNewDraft`. */
export async function refreshOlderDrafts(store: StoreApi<StudioState>): Promise<void> {
  const requests = composeRequests(store.getState());
  await store.getState().compose.flushSave();
  const { drafts } = await requests.drafts.list();
  store.getState().compose.setOlderDrafts(drafts);
}
