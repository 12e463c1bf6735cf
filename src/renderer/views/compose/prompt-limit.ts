import type { ModelEntry } from '../../../shared/catalog/types';

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
 * JSON string lengths are. From 90 % of the limit the counter turns `near`. Pure.
 */
export function promptLimit(prompt: string, spec: ModelEntry['prompt']): PromptLimit {
  const count = prompt.length;
  const max = spec.maxChars;
  if (count > max) {
    return spec.hard
      ? { count, max, tone: 'over', message: `${count - max} characters over this model's limit: shorten the prompt to generate.` }
      : { count, max, tone: 'long', message: `Longer than the ${max} characters this model recommends; it may ignore the end.` };
  }
  if (count >= max * 0.9) return { count, max, tone: 'near', message: `${max - count} characters left.` };
  return { count, max, tone: 'ok', message: null };
}
