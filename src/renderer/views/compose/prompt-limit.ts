import type { ModelEntry } from '../../../shared/catalog/types';
import { i18n } from '../../i18n/index';

/** The prompt counter's state: `over` blocks Generate (a hard limit), `long` only warns (a recommendation). */
export interface PromptLimit {
  count: number;
  max: number;
  tone: 'ok' | 'near' | 'long' | 'over';
  /** Said under the counter when not `ok`. */
  message: string | null;
}

/**
 * Counts the prompt against the model's limit (catalog `prompt`: Novita V1 2000 characters hard,
 * 1.5 Pro 500 recommended — providers.md). Characters are UTF-16 code units, as the providers'
 * JSON string lengths are. From 90 % of the limit the counter turns `near`. The message is in the UI's language.
 */
export function promptLimit(prompt: string, spec: ModelEntry['prompt']): PromptLimit {
  const count = prompt.length;
  const max = spec.maxChars;
  if (count > max) {
    return spec.hard
      ? { count, max, tone: 'over', message: i18n.t('compose:prompt.over', { n: count - max }) }
      : { count, max, tone: 'long', message: i18n.t('compose:prompt.long', { max }) };
  }
  if (count >= max * 0.9) return { count, max, tone: 'near', message: i18n.t('compose:prompt.left', { n: max - count }) };
  return { count, max, tone: 'ok', message: null };
}
