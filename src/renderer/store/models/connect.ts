import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/**
 * Hydrates the models slice with `models:list` and follows `models:changed` (a key saved or
 * removed in Settings). Returns the unsubscribe.
 */
export function connectModels(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const models = () => store.getState().models;
  // Subscribe before asking, so a change between the answer and the subscription is not lost.
  const off = client.models.onChanged((list) => models().setList(list));
  client.models
    .list()
    .then((list) => models().setList(list))
    .catch((err: unknown) => models().setLoadError(describeError(err)));
  return off;
}
