import type { ProviderId } from '../../shared/catalog/types';
import type { Settings } from '../../shared/contract/settings';
import { baseUrlsFromEnv, filesBaseFromEnv } from '../providers/registry';
import type { ProviderContext } from '../providers/types';

/**
 * The base URLs in effect for `provider`: the user's override from Settings for the `api` role,
 * else the environment variable, else the provider's real host (providers.md: "Every adapter's
 * base URL must be configurable (settings and an environment variable)"). The `files` role (fal
 * storage, EvoLink uploads) has no setting of its own: its environment variable when set; else,
 * when the user set a Base URL, that same address — the key then goes only to the host the user
 * named (a key check or an upload never reaches the provider's real storage host behind a local or
 * proxy Base URL, issue 14 item 10); else the provider's default.
 */
export function effectiveBaseUrls(settings: Settings, env: Readonly<Record<string, string | undefined>>, provider: ProviderId): ProviderContext['baseUrls'] {
  const fromEnv = baseUrlsFromEnv(provider, env);
  const override = settings.providers[provider].baseUrl;
  if (!override) return fromEnv;
  if (fromEnv.files === undefined) return { api: override };
  return { api: override, files: filesBaseFromEnv(provider, env) ?? override };
}

/** `effectiveBaseUrls` over the live settings: what each call site asks for a provider's base URLs now. */
export function baseUrlsFrom(
  settings: { get(): Settings },
  env: Readonly<Record<string, string | undefined>>,
): (provider: ProviderId) => ProviderContext['baseUrls'] {
  return (provider) => effectiveBaseUrls(settings.get(), env, provider);
}
