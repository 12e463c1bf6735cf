import { i18n } from '../../i18n/index';
import { takeSettingKey } from '../../i18n/take-settings';
import type { Take } from '../../store/jobs/takes';

/** A setting name from `takeDifferences` in the UI's language; an unknown one as it is. */
function settingName(name: string): string {
  const key = takeSettingKey(name);
  return key ? i18n.t(`queue:take.settings.${key}`) : name;
}

/** "seed 4821" for a known seed, "random seed" otherwise. */
export function seedWords(seed: number | null): string {
  return seed === null ? i18n.t('queue:take.randomSeed') : i18n.t('queue:take.seed', { seed });
}

/**
 * A take's line for its Queue row: "Take 2 of 5 · seed 4821" — the number among the takes of its
 * prompt, inputs and model, and the seed. Only "seed 4821" for a lone job; null when there is
 * nothing to tell (a lone job with a random seed not reported yet).
 */
export function takeLine(take: Take | undefined): string | null {
  if (!take) return null;
  if (take.of < 2) return take.seed === null ? null : seedWords(take.seed);
  return i18n.t('queue:take.line', { n: take.n, of: take.of, seed: seedWords(take.seed) });
}

/**
 * What the detail pane says: "Take 3 of 5 — differs from take 1 in seed, duration"; "Take 1 of 5";
 * null for a lone take. The UI's-language form of `takeSentence` (src/shared/jobs/takes.ts).
 */
export function takeDiffers(take: Take | undefined): string | null {
  if (!take || take.of < 2) return null;
  const numbers = { n: take.n, of: take.of };
  if (take.n === 1) return i18n.t('queue:take.head', numbers);
  if (take.differs.length === 0) return i18n.t('queue:take.same', numbers);
  return i18n.t('queue:take.differs', { ...numbers, settings: take.differs.map(settingName).join(i18n.t('queue:take.separator')) });
}
