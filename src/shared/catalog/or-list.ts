import { phrase, type PhraseValue } from '../messages/phrase';

/**
 * A list of alternatives as a phrase value: `a or b or c` in English (`params.or`, nested), each
 * language joining them its own way. A single item is itself; an empty list is an empty string.
 */
export function orList(items: ReadonlyArray<string | number>): PhraseValue {
  if (items.length <= 1) return items[0] ?? '';
  return phrase('params.or', { a: items[0]!, b: orList(items.slice(1)) });
}
