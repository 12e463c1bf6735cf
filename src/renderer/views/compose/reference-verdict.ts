import type { ReferenceItemCheck, ReferenceViolation } from '../../../shared/contract/media';
import type { Phrase } from '../../../shared/messages/phrase';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';

/** The fixes `media:fix` can make; any other `fix` text is an instruction for the user. */
export type MediaFixAction = 'reencode' | 'trim';

const ACTIONS: readonly string[] = ['reencode', 'trim'];

/** The fix the app can make for this violation, if it names one. */
export function fixAction(v: ReferenceViolation): MediaFixAction | null {
  return v.fix && ACTIONS.includes(v.fix) ? (v.fix as MediaFixAction) : null;
}

/** A violation's message in the UI's language (its English when it has no usable phrase). */
const messageOf = (v: { message: string; phrase?: Phrase }) => phraseText(v.phrase, v.message);

/** An instruction fix in the UI's language; null for none or for a fix the app makes itself. */
function instruction(v: ReferenceViolation): string | null {
  return v.fix && !fixAction(v) ? phraseText(v.fixPhrase, v.fix) : null;
}

/** A violation in plain words: the message, then the user's instruction when the app cannot fix it itself. */
export function violationText(v: ReferenceViolation): string {
  const fix = instruction(v);
  return fix ? `${messageOf(v)} ${fix}` : messageOf(v);
}

/** The verdict on one tray item: tone, headline and details, like a frame's (`verdictFor`). */
export interface ReferenceVerdict {
  tone: 'fits' | 'blocked';
  headline: string;
  details: Array<{ kind: 'fix' | 'warn'; text: string }>;
  /** The fix the app offers (a button), from the first violation naming one. */
  action: MediaFixAction | null;
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An item's `media:check` verdict in plain words: "Fits" with its warnings, or the first broken
 * rule as the headline ("(and N more)" when there are more), every rule's instruction below it,
 * and the fix the app can make on request (re-encode, trim). The rules' own messages come from main
 * as phrases, rendered in the UI's language (English when a phrase is missing).
 */
export function referenceVerdict(check: ReferenceItemCheck): ReferenceVerdict {
  const warnings = check.warnings.map((w) => ({ kind: 'warn' as const, text: sentence(messageOf(w)) }));
  const [first, ...rest] = check.violations;
  if (!first) return { tone: 'fits', headline: i18n.t('compose:tile.fits'), details: warnings, action: null };
  const more = rest.length ? i18n.t('compose:tile.more', { n: rest.length }) : '';
  const details = [
    ...(rest.length ? check.violations.map(violationText) : [instruction(first) ?? []].flat()).map((text) => ({ kind: 'fix' as const, text: sentence(text) })),
    ...warnings,
  ];
  return { tone: 'blocked', headline: `${sentence(messageOf(first))}${more}`, details, action: check.violations.map(fixAction).find((a) => a !== null) ?? null };
}
