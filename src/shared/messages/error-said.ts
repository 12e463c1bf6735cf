import { english, phrase, type Phrase, type PhraseCode, type PhraseValue, type Said } from './phrase';

/*
 * Errors that carry a sentence as a phrase (issue 14): domain errors (`ImageError`, `MediaError`,
 * `MediaToolError`…) take `string | Said` as `StudioError` does, and hand it on when they are
 * re-thrown as a `StudioError`, so a refusal reads in the UI's language wherever it surfaces.
 */

/** A thrown error's sentence: `Said` when it has a phrase, else its plain English message (an error from elsewhere). */
export function saidOf(err: { message: string; phrase?: Phrase | undefined }): string | Said {
  return err.phrase ? { message: err.message, phrase: err.phrase } : err.message;
}

/** The phrase of a sentence given as `string | Said`, or undefined for plain English. */
export function phraseOf(said: string | Said): Phrase | undefined {
  return typeof said === 'string' ? undefined : said.phrase;
}

/** The English of a sentence given as `string | Said`. */
export function messageOf(said: string | Said): string {
  return typeof said === 'string' ? said : said.message;
}

/** `p` with every value that is exactly `from` (at any depth) replaced by `to`: a file named as the user knows it. */
export function renamePhrase(p: Phrase, from: string, to: string): Phrase {
  if (!p.values) return p;
  const values: Record<string, PhraseValue> = {};
  for (const [name, value] of Object.entries(p.values)) values[name] = value === from ? to : typeof value === 'object' ? renamePhrase(value, from, to) : value;
  return { code: p.code, values };
}

/**
 * `items` joined into one value by a two-place code (`{{first}}; {{rest}}`), nested from the
 * right so each language places its own separator: `a; b; c` is `join(a, join(b, c))`. '' when empty.
 */
export function joinPhrases(code: PhraseCode, items: readonly PhraseValue[]): PhraseValue {
  if (items.length === 0) return '';
  return items.slice(0, -1).reduceRight<PhraseValue>((rest, first) => phrase(code, { first, rest }), items[items.length - 1]!);
}

/** A phrase value as a sentence: a phrase with its English, plain text (or a number) as it is. */
export function saidValue(value: PhraseValue): string | Said {
  return typeof value === 'object' ? { message: english(value), phrase: value } : String(value);
}
