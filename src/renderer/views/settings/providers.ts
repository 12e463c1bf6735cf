import type { ProviderId } from '../../../shared/catalog/types';

/** How Settings names each provider and where a key is bought (providers.md, "At a glance"). */
export const PROVIDER_LABELS: Record<ProviderId, { name: string; site: string }> = {
  novita: { name: 'Novita', site: 'https://novita.ai' },
  fal: { name: 'fal', site: 'https://fal.ai' },
  evolink: { name: 'EvoLink', site: 'https://evolink.ai' },
  ark: { name: 'BytePlus ModelArk', site: 'https://www.byteplus.com' },
};
