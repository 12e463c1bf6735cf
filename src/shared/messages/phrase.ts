import { z } from 'zod';
import en from './en.json' with { type: 'json' };

/*
 * Sentences built outside the renderer (engine and provider failures, image and reference verdicts)
 * travel as a `Phrase` — a stable code into the `messages` namespace of the UI's i18n resources plus
 * the values it interpolates — next to the finished English `message` they always carried (issue 14,
 * "Languages"). The English of every code lives once, in `en.json`: main renders it with `english()`
 * for the `message` (CLI, logs, old clients), the renderer renders the code in the UI's language and
 * falls back to `message` when a phrase is missing (jobs saved before phrases) or unknown.
 */

/** A value a phrase interpolates: plain text or a number as it is, or another phrase rendered first. */
export type PhraseValue = string | number | Phrase;

/** A code into the `messages` namespace (`failure.auth`) and its `{{placeholder}}` values. */
export interface Phrase {
  code: string;
  values?: Record<string, PhraseValue>;
}

/** The wire and disk form of a `Phrase`: codes are short dotted words; values nest at most a few levels. */
export const Phrase: z.ZodType<Phrase, Phrase> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^[a-zA-Z0-9_.]{1,120}$/),
    values: z.record(z.string(), z.union([z.string(), z.number(), Phrase])).optional(),
  }),
);

/**
 * A phrase field that never rejects what carries it: a missing or malformed phrase reads as
 * undefined, so the English `message` beside it is shown instead (older or newer writers).
 */
export const LenientPhrase = Phrase.optional().catch(undefined);

type Tree = { readonly [key: string]: string | Tree };
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every code the English resources define, e.g. `failure.auth`. */
export type PhraseCode = Leaves<typeof en>;

/** Builds a phrase; the code is checked against the English resources at compile time. */
export function phrase(code: PhraseCode, values?: Record<string, PhraseValue>): Phrase {
  return values ? { code, values } : { code };
}

/** The text of a code in a resource tree, or undefined when it has none. */
export function lookup(tree: Tree, code: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of code.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** `{{name}}` placeholders of `template` replaced by `values` (i18next's syntax, without formats). */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * A phrase in English, nested phrases first. Throws when a code has no English text: phrases are
 * made in this codebase with `phrase()`, so that is a bug, not user input.
 */
export function english(p: Phrase): string {
  const template = lookup(en, p.code);
  if (template === undefined) throw new Error(`no English text for the phrase ${p.code}`);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(p.values ?? {})) values[name] = typeof value === 'object' ? english(value) : value;
  return interpolate(template, values);
}

/** A sentence as main and shared code hand it on: its English `message` and its `phrase`. */
export interface Said {
  message: string;
  phrase: Phrase;
}

/** A message and its phrase: the English text for `message` and the phrase for the UI's language. */
export function said(code: PhraseCode, values?: Record<string, PhraseValue>): Said {
  const p = phrase(code, values);
  return { message: english(p), phrase: p };
}

/** The same for a fix: `fix` (English) and `fixPhrase`, as job errors and image verdicts carry them. */
export function saidFix(code: PhraseCode, values?: Record<string, PhraseValue>): { fix: string; fixPhrase: Phrase } {
  const { message, phrase } = said(code, values);
  return { fix: message, fixPhrase: phrase };
}
