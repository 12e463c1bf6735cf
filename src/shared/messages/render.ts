import type { Phrase } from './phrase';

/**
 * A phrase rendered by `text` (one language's `messages` resources), nested phrases first;
 * undefined when `text` has no text for any code in it, so the caller shows the English `message`
 * the phrase came with instead. Shared by the renderer's i18n and main's native text.
 */
export function renderPhrase(p: Phrase, text: (code: string, values: Record<string, string | number>) => string | undefined): string | undefined {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values ?? {})) {
    const rendered = typeof value === 'object' ? renderPhrase(value, text) : value;
    if (rendered === undefined) return undefined;
    values[name] = rendered;
  }
  return text(p.code, values);
}
