import { ARK_MODELS } from './ark';
import { EVOLINK_MODELS } from './evolink';
import { FAL_MODELS } from './fal';
import { NOVITA_MODELS } from './novita';
import type { ModelEntry } from './types';

/**
 * Every (provider, model) row the app offers, in picker order: Novita, fal, EvoLink, ModelArk.
 * Values come from providers.md; each provider file cites its section.
 */
export const CATALOG: readonly ModelEntry[] = Object.freeze([...NOVITA_MODELS, ...FAL_MODELS, ...EVOLINK_MODELS, ...ARK_MODELS]);

/** The row with this `id` (`<provider>/<model>`), or undefined. */
export function findModel(id: string): ModelEntry | undefined {
  return CATALOG.find((m) => m.id === id);
}
