import { CATALOG } from '../../shared/catalog/models';
import type { Handlers } from '../../shared/contract/index';
import type { ModelList } from '../../shared/contract/models';
import type { KeyVault } from '../keys/vault';
import { listModels } from './availability';

/** What the models domain reads: the key statuses and their change notifications. */
export type ModelKeys = Pick<KeyVault, 'list' | 'onChange'>;

/** Handlers for the `models` domain: `models:list` is the catalog with availability (see `listModels`). */
export function createModelHandlers(keys: ModelKeys): Handlers['models'] {
  return {
    list: () => listModels(CATALOG, keys.list()),
  };
}

/**
 * Calls `emit` with the new model list after every key change (`models:changed`), so Compose
 * enables a provider's models the moment its key is saved. Returns the unsubscribe.
 */
export function watchModels(keys: ModelKeys, emit: (list: ModelList) => void): () => void {
  return keys.onChange((statuses) => emit(listModels(CATALOG, statuses)));
}
