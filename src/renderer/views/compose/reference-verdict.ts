import type { ReferenceItemCheck, ReferenceViolation } from '../../../shared/contract/media';
import { i18n } from '../../i18n/index';

/** The fixes `media:fix` can make; any other `fix` text is an instruction for the user. */
export type MediaFixAction = 'reencode' | 'trim';

const ACTIONS: readonly string[] = ['reencode', 'trim'];

/** The fix the app can make for this violation, if it names one. */
export function fixAction(v: ReferenceViolation): MediaFixAction | null {
  return v.fix && ACTIONS.includes(v.fix) ? (v.fix as MediaFixAction) : null;
}

/** A violation in plain words: the message, then the user's instruction when the app cannot fix it itself. */
export function violationText(v: ReferenceViolation): string {
  return v.fix && !fixAction(v) ? `${v.message} ${v.fix}` : v.message;
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
 * (English); the words around them are in the UI's language.
 */
export function referenceVerdict(check: ReferenceItemCheck): ReferenceVerdict {
  const warnings = check.warnings.map((w) => ({ kind: 'warn' as const, text: sentence(w.message) }));
  const [first, ...rest] = check.violations;
  if (!first) return { tone: 'fits', headline: i18n.t('compose:tile.fits'), details: warnings, action: null };
  const more = rest.length ? i18n.t('compose:tile.more', { n: rest.length }) : '';
  const details = [
    ...(rest.length ? check.violations.map(violationText) : first.fix && !fixAction(first) ? [first.fix] : []).map((text) => ({ kind: 'fix' as const, text: sentence(text) })),
    ...warnings,
  ];
  return { tone: 'blocked', headline: `${sentence(first.message)}${more}`, details, action: check.violations.map(fixAction).find((a) => a !== null) ?? null };
}
