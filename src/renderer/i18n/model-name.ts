import { findModel } from '../../shared/catalog/models';
import type { ModelEntry } from '../../shared/catalog/types';
import type { ModelChoice } from '../../shared/contract/models';
import { i18n } from './index';
import { phraseText } from './phrase';
import words from './locales/en/catalog.json';

/** What separates a catalogue name from its mode words: "Seedance 2.0 · text to video". */
const SEPARATOR = ' · ';

/** The catalogue's English mode words ("text to video") → their key in the `catalog:mode` words. */
const MODES = new Map(Object.entries(words.mode).map(([key, english]) => [english, key as keyof typeof words.mode]));

/**
 * A model's name as the UI shows it: the catalogue's name — found by id when given a string (the id
 * itself for a model this build no longer offers) — with the mode words after its last " · " in the
 * UI's language ("Seedance 2.0 · 文生视频"). In English it is the catalogue's name unchanged, as the
 * CLI, the ledger's CSV and the accessible names in English know it.
 */
export function modelName(model: string | Pick<ModelEntry, 'name'>): string {
  const name = typeof model === 'string' ? (findModel(model)?.name ?? model) : model.name;
  const at = name.lastIndexOf(SEPARATOR);
  const mode = at < 0 ? undefined : MODES.get(name.slice(at + SEPARATOR.length));
  return mode ? `${name.slice(0, at)}${SEPARATOR}${i18n.t(`catalog:mode.${mode}`)}` : name;
}

/** Why a model cannot be picked now, in the UI's language where main sent its phrase (else main's English). */
export function unavailableText(model: Pick<ModelChoice, 'unavailableReason' | 'unavailablePhrase'>): string {
  return phraseText(model.unavailablePhrase, model.unavailableReason ?? '');
}
