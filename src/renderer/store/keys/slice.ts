import type { StateCreator } from 'zustand';
import type { ProviderId } from '../../../shared/catalog/types';
import type { KeyCheckResult, KeyStatus, KeyStorage, SetKeyOutcome } from '../../../shared/contract/keys';
import { StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { i18n } from '../../i18n/index';

/** The `keys` verbs the slice calls; `connectKeys` binds them to main. */
export type KeyRequests = Pick<StudioClient['keys'], 'set' | 'remove' | 'check'>;

/**
 * What the renderer knows about API keys: one status per provider (source, last four characters,
 * health) — never a key. Main owns the facts; `keys:changed` keeps the cache current.
 * The request methods reject with `StudioClientError` (its message is fit to show inline).
 */
export interface KeysState {
  /** One status per provider in `ProviderId` order; null until `keys:list` answers. */
  list: KeyStatus[] | null;
  /** Why `keys:list` failed, shown in Settings → Providers. */
  loadError: string | null;
  /** Bound by `connectKeys`; null while not connected (requests then reject with `UNAVAILABLE`). */
  requests: KeyRequests | null;
  setList(list: KeyStatus[]): void;
  setLoadError(message: string | null): void;
  setRequests(requests: KeyRequests | null): void;
  /**
   * Sends `key` to main (write-only). `storage` answers a storage question from an earlier call.
   * A saved key's new status is cached at once (the `keys:changed` event follows).
   */
  save(provider: ProviderId, key: string, storage?: KeyStorage): Promise<SetKeyOutcome>;
  /** Forgets the session and stored key; resolves with the status that follows (an environment key may remain). */
  remove(provider: ProviderId): Promise<KeyStatus>;
  /** Asks the provider whether the key main would use is accepted; never starts a paid task. */
  check(provider: ProviderId): Promise<KeyCheckResult>;
}

export interface KeysSlice {
  keys: KeysState;
}

export const createKeysSlice: StateCreator<StudioState, [], [], KeysSlice> = (set, get) => {
  const requests = (): KeyRequests => {
    const bound = get().keys.requests;
    if (!bound) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
    return bound;
  };
  const replaceOne = (status: KeyStatus) =>
    set((s) => ({ keys: { ...s.keys, list: s.keys.list?.map((k) => (k.provider === status.provider ? status : k)) ?? null } }));

  return {
    keys: {
      list: null,
      loadError: null,
      requests: null,
      setList: (list) => set((s) => ({ keys: { ...s.keys, list, loadError: null } })),
      setLoadError: (loadError) => set((s) => ({ keys: { ...s.keys, loadError } })),
      setRequests: (bound) => set((s) => ({ keys: { ...s.keys, requests: bound } })),
      async save(provider, key, storage) {
        const outcome = await requests().set(storage ? { provider, key, storage } : { provider, key });
        if (outcome.saved) replaceOne(outcome.key);
        return outcome;
      },
      async remove(provider) {
        const status = await requests().remove({ provider });
        replaceOne(status);
        return status;
      },
      check: (provider) => requests().check({ provider }),
    },
  };
};
