import type { ProviderId } from '../../shared/catalog/types';
import { providerError, PROVIDER_NAMES } from '../providers/failure';
import type { ProviderContext } from '../providers/types';
import { phrase } from '../../shared/messages/phrase';

/**
 * The engine's `context` from main's services: the key from the vault (in memory; it only ever
 * crosses the engine's private channel) and the base URLs in effect. Without a key it throws a
 * non-retryable `ProviderError` kind `auth`, so the job fails before anything is sent.
 */
export function providerContextFrom(
  keyFor: (provider: ProviderId) => string | undefined,
  baseUrls: (provider: ProviderId) => ProviderContext['baseUrls'],
): (provider: ProviderId) => Promise<ProviderContext> {
  return async (provider) => {
    const apiKey = keyFor(provider);
    if (!apiKey) {
      throw providerError({ kind: 'auth', provider: PROVIDER_NAMES[provider], detail: phrase('failure.detail.noApiKey'), retryable: false });
    }
    return { apiKey, baseUrls: baseUrls(provider), fetch: globalThis.fetch };
  };
}
