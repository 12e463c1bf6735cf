import type { ProviderId } from '../../shared/catalog/types';
import type { Handlers } from '../../shared/contract/index';
import type { KeyCheckResult } from '../../shared/contract/keys';
import type { KeyVault } from './vault';

export interface KeyHandlerDeps {
  vault: KeyVault;
  checkKey(provider: ProviderId): Promise<KeyCheckResult>;
}

/** Handlers for the `keys` domain. Every answer is a status or a check result — never a key. */
export function createKeyHandlers(deps: KeyHandlerDeps): Handlers['keys'] {
  return {
    list: () => deps.vault.list(),
    set: ({ provider, key, storage }) => deps.vault.set(provider, key, storage),
    remove: ({ provider }) => deps.vault.remove(provider),
    check: ({ provider }) => deps.checkKey(provider),
  };
}
