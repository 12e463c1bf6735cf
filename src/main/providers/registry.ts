import type { ProviderId } from '../../shared/catalog/types';
import { arkAdapter } from './ark';
import { evolinkAdapter } from './evolink';
import { falAdapter } from './fal';
import { novitaAdapter } from './novita';
import type { ProviderAdapter, ProviderContext } from './types';

const ADAPTERS: Record<ProviderId, ProviderAdapter> = { novita: novitaAdapter, fal: falAdapter, evolink: evolinkAdapter, ark: arkAdapter };

/** The adapter module for a provider. */
export function adapterFor(id: ProviderId): ProviderAdapter {
  return ADAPTERS[id];
}

/** The providers' real hosts (providers.md, "At a glance"). */
export const DEFAULT_BASE_URLS: Record<ProviderId, ProviderContext['baseUrls']> = {
  novita: { api: 'https://api.novita.ai' },
  fal: { api: 'https://queue.fal.run', files: 'https://rest.fal.ai' },
  evolink: { api: 'https://api.evolink.ai', files: 'https://files-api.evolink.ai' },
  ark: { api: 'https://ark.ap-southeast.bytepluses.com/api/v3' },
};

/** Environment variables that override each base URL, so tests and the simulator can stand in. */
const BASE_URL_VARS: Record<ProviderId, { api: string; files?: string }> = {
  novita: { api: 'NOVITA_BASE_URL' },
  fal: { api: 'FAL_QUEUE_BASE_URL', files: 'FAL_REST_BASE_URL' },
  evolink: { api: 'EVOLINK_BASE_URL', files: 'EVOLINK_FILES_BASE_URL' },
  ark: { api: 'ARK_BASE_URL' },
};

/** The documented key variable per provider (providers.md, "key variable"). */
export const KEY_VARS: Record<ProviderId, string> = {
  novita: 'NOVITA_API_KEY',
  fal: 'FAL_KEY',
  evolink: 'EVOLINK_API_KEY',
  ark: 'ARK_API_KEY',
};

const trim = (url: string) => url.trim().replace(/\/+$/, '');

/**
 * Base URLs for a provider: the env variable when set and non-empty (NOVITA_BASE_URL,
 * FAL_QUEUE_BASE_URL, FAL_REST_BASE_URL, EVOLINK_BASE_URL, EVOLINK_FILES_BASE_URL, ARK_BASE_URL),
 * else the real host; trailing slashes removed.
 */
export function baseUrlsFromEnv(provider: ProviderId, env: Record<string, string | undefined>): ProviderContext['baseUrls'] {
  const vars = BASE_URL_VARS[provider];
  const defaults = DEFAULT_BASE_URLS[provider];
  const api = env[vars.api]?.trim() ? trim(env[vars.api] as string) : defaults.api;
  const filesVar = vars.files ? env[vars.files]?.trim() : undefined;
  const files = filesVar ? trim(filesVar) : defaults.files;
  return files ? { api, files } : { api };
}

/** The `files` role's base URL from its environment variable (FAL_REST_BASE_URL, EVOLINK_FILES_BASE_URL) when set, else undefined. */
export function filesBaseFromEnv(provider: ProviderId, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const name = BASE_URL_VARS[provider].files;
  const value = name ? env[name]?.trim() : undefined;
  return value ? trim(value) : undefined;
}

/** The provider's key from its env variable (NOVITA_API_KEY, FAL_KEY, EVOLINK_API_KEY, ARK_API_KEY), or undefined. */
export function keyFromEnv(provider: ProviderId, env: Record<string, string | undefined>): string | undefined {
  const v = env[KEY_VARS[provider]]?.trim();
  return v ? v : undefined;
}
