import type { Phrase } from '../../shared/messages/phrase';
import { renderPhrase } from '../../shared/messages/render';
import { i18n } from './index';

// Phrase codes arrive at run time (from main): checked by `exists` below, not by the typed keys.
const translate = i18n.t as unknown as (this: typeof i18n, key: string, values: Record<string, string | number>) => string;

/** One code of the `messages` namespace in the UI's language, or undefined when this build has no text for it. */
function text(code: string, values: Record<string, string | number>): string | undefined {
  const key = `messages:${code}`;
  return i18n.exists(key) ? translate.call(i18n, key, values) : undefined;
}

/**
 * A sentence from main or the engine in the UI's language: its phrase rendered through the
 * `messages` namespace, or `english` (the `message` it came with) when there is no phrase (jobs
 * saved before phrases existed) or the phrase names a code this build does not know.
 */
export function phraseText(p: Phrase | undefined, english: string): string {
  return (p && renderPhrase(p, text)) ?? english;
}
