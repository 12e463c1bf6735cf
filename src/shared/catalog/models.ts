import { ARK_MODELS } from './ark';
import { ARK_25_MODELS } from './ark-2-5';
import { EVOLINK_MODELS } from './evolink';
import { EVOLINK_25_MODELS } from './evolink-2-5';
import { FAL_MODELS } from './fal';
import { FAL_25_MODELS } from './fal-2-5';
import { NOVITA_MODELS } from './novita';
import type { ModelEntry } from './types';

/**
 * Every (provider, model) row the app offers, in picker order: Novita, fal, EvoLink, ModelArk.
 * Values come from providers.md (Seedance 2.5: seedance-2.5.md, in the `*-2-5.ts` files); each
 * provider file cites its section. 2.5 rows follow each provider's older rows.
 */
export const CATALOG: readonly ModelEntry[] = Object.freeze([
  ...NOVITA_MODELS,
  ...FAL_MODELS,
  ...FAL_25_MODELS,
  ...EVOLINK_MODELS,
  ...EVOLINK_25_MODELS,
  ...ARK_MODELS,
  ...ARK_25_MODELS,
]);

/** The row with this `id` (`<provider>/<model>`), or undefined. */
export function findModel(id: string): ModelEntry | undefined {
  return CATALOG.find((m) => m.id === id);
}
