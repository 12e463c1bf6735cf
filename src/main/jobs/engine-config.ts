import { ProviderId } from '../../shared/catalog/types';
import type { Settings } from '../../shared/contract/settings';
import type { EngineConfig } from './protocol';

/**
 * The engine's live configuration from the user's settings: poll bounds (Settings → Advanced, ms)
 * and each provider's concurrency (Settings → Providers) as its `maxActive`. Request spacing keeps
 * the engine's defaults from the providers' docs.
 */
export function engineConfigFrom(settings: Settings): EngineConfig {
  const limits: NonNullable<EngineConfig['limits']> = {};
  for (const provider of ProviderId.options) limits[provider] = { maxActive: settings.providers[provider].concurrency };
  return { polling: { minMs: settings.polling.minIntervalMs, maxMs: settings.polling.maxIntervalMs }, limits };
}
