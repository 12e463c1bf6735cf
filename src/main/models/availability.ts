import type { ModelEntry, ProviderId } from '../../shared/catalog/types';
import type { KeyStatus } from '../../shared/contract/keys';
import type { ModelChoice, ModelList } from '../../shared/contract/models';
import { isoDay, retiredSaid } from '../../shared/catalog/status';
import { said, type Said } from '../../shared/messages/phrase';
import { PROVIDER_NAMES } from '../providers/failure';

/**
 * Which catalog models Compose may use, given each provider's key status (`KeyVault.list()`):
 * - no provider has a usable key → `demo: true`, every model available (the offline demo);
 * - otherwise a model is available when its provider's key is configured; an unavailable one says
 *   why — the vault's own message for a damaged or re-encrypted key, else "no API key";
 * - a row retired on `today` (`YYYY-MM-DD`, UTC; `modelState`) is never available, demo or not:
 *   its reason names the replacement (`retiredSaid`). It stays listed so Reuse can show it.
 * Keeps `catalog` order. A provider missing from `keys` counts as not configured. Pure but for the default `today`.
 */
export function listModels(catalog: readonly ModelEntry[], keys: readonly KeyStatus[], today: string = isoDay(Date.now())): ModelList {
  const byProvider = new Map<ProviderId, KeyStatus>(keys.map((k) => [k.provider, k]));
  const demo = !keys.some((k) => k.configured);
  const find = (id: string) => catalog.find((m) => m.id === id);
  const models = catalog.map((entry): ModelChoice => {
    const retired = retiredSaid(entry, today, find);
    if (retired) return { ...entry, available: false, unavailableReason: retired.message, unavailablePhrase: retired.phrase };
    if (demo) return { ...entry, available: true };
    const status = byProvider.get(entry.provider);
    if (status?.configured) return { ...entry, available: true };
    const reason = reasonFor(entry.provider, status);
    return { ...entry, available: false, unavailableReason: reason.message, unavailablePhrase: reason.phrase };
  });
  return { demo, models };
}

function reasonFor(provider: ProviderId, status: KeyStatus | undefined): Said {
  const name = PROVIDER_NAMES[provider];
  if (status && (status.status === 'backend_changed' || status.status === 'unreadable') && status.message) {
    return said('keys.providerProblem', { provider: name, problem: status.phrase ?? status.message });
  }
  return said('keys.noKeyFor', { provider: name });
}

/**
 * The model a fresh draft starts with: the first available model that takes a first frame (Compose
 * leads with the frames), else the first available one, else the first in the catalog.
 * Throws when the catalog is empty (a build error, not a user error).
 */
export function defaultModelId(list: ModelList): string {
  const available = list.models.filter((m) => m.available);
  const pick = available.find((m) => m.modes.includes('image-to-video')) ?? available[0] ?? list.models[0];
  if (!pick) throw new Error('The model catalog is empty.');
  return pick.id;
}
