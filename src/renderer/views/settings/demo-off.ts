import type { ProviderId } from '../../../shared/catalog/types';
import type { KeyStatus } from '../../../shared/contract/keys';
import { i18n } from '../../i18n/index';
import { PROVIDER_LABELS } from './providers';

/**
 * What to say when the first real key is saved (issue 14 item 6): the demo is off, new jobs of
 * `provider`'s models go to it with the key, and the other providers' models need their own keys.
 * `keys` is the key list after the save (the providers that already have a usable key count as set).
 */
export function demoOffText(provider: ProviderId, keys: readonly Pick<KeyStatus, 'provider' | 'configured'>[]): string {
  const withKey = new Set<ProviderId>([provider, ...keys.filter((k) => k.configured).map((k) => k.provider)]);
  const missing = (Object.keys(PROVIDER_LABELS) as ProviderId[]).filter((p) => !withKey.has(p)).map((p) => PROVIDER_LABELS[p].name);
  const using = [...withKey].map((p) => PROVIDER_LABELS[p].name);
  const head = i18n.t('settings:demoOff.head', { using: list(using) });
  if (missing.length === 0) return head;
  return i18n.t('settings:demoOff.missing', { head, missing: list(missing), count: missing.length });
}

/** "A, B and C" (no serial comma, unlike `formatList` in English) / "A、B和C". */
function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  const rest = names.slice(0, -1).join(i18n.t('settings:demoOff.listSeparator'));
  return i18n.t('settings:demoOff.listLast', { rest, last: names[names.length - 1] });
}
