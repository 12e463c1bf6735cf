import type { Phrase } from '../../shared/messages/phrase';
import { i18n } from './index';

// Phrase codes arrive at run time (from main): checked by `exists` below, not by the typed keys.
const translate = i18n.t as unknown as (this: typeof i18n, key: string, values: Record<string, string | number>) => string;

/** `p` in the UI's language, nested phrases first; undefined when any code has no text here. */
function render(p: Phrase): string | undefined {
  const key = `messages:${p.code}`;
  if (!i18n.exists(key)) return undefined;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values ?? {})) {
    const text = typeof value === 'object' ? render(value) : value;
    if (text === undefined) return undefined;
    values[name] = text;
  }
  return translate.call(i18n, key, values);
}

/**
 * A sentence from main or the engine in the UI's language: its phrase rendered through the
 * `messages` namespace, or `english` (the `message` it came with) when there is no phrase (jobs
 * saved before phrases existed) or the phrase names a code this build does not know.
 */
export function phraseText(p: Phrase | undefined, english: string): string {
  return (p && render(p)) ?? english;
}
