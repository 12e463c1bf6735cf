import type { ModelEntry } from '../../../shared/catalog/types';
import type { ImageCheck } from '../../../shared/contract/images';
import { cropNotices, fitsRatio } from '../../../shared/drafts/crop';
import type { DraftCrop } from '../../../shared/drafts/draft';
import { formatFixed } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import type { Phrase } from '../../../shared/messages/phrase';
import { formatBytes, formatSize } from './format';

/** The verdict line under a frame: its tone, one headline, and the details behind it. */
export interface Verdict {
  /** `fits`: sent as is (resized to the output); `fix`: a rule fails and the fix mends it; `blocked`: it cannot be used. */
  tone: 'fits' | 'fix' | 'blocked';
  headline: string;
  /** What the fix does for each failing rule (`fix`), then the non-blocking warnings (`warn`). */
  details: Array<{ kind: 'fix' | 'warn'; text: string }>;
}

type Violation = ImageCheck['violations'][number];

/** The short form of a failing rule, with its numbers, from the image and the model's rules (providers.md, "Input image rules"). */
function short(v: Violation, check: ImageCheck, entry: ModelEntry): string {
  const rules = entry.imageRules;
  const { width, height, bytes, format } = check.info;
  const longer = Math.max(width, height);
  const shorter = Math.min(width, height);
  switch (v.rule) {
    case 'max_side':
      return rules && longer > rules.maxSideExclusive
        ? i18n.t('compose:verdict.tooLargeOver', { side: longer, max: rules.maxSideExclusive })
        : i18n.t('compose:verdict.tooLargeUnder', { side: longer, max: rules?.maxSideExclusive ?? longer });
    case 'min_side':
      return rules && shorter < rules.minSideExclusive
        ? i18n.t('compose:verdict.tooSmallUnder', { side: shorter, min: rules.minSideExclusive })
        : i18n.t('compose:verdict.tooSmallOver', { side: shorter, min: rules?.minSideExclusive ?? shorter });
    case 'ratio': {
      const words = { ratio: formatFixed(width / height, 2), min: rules?.minRatio ?? 0.4, max: rules?.maxRatio ?? 2.5 };
      return width / height < 1 ? i18n.t('compose:verdict.tooNarrow', words) : i18n.t('compose:verdict.tooWide', words);
    }
    case 'bytes':
      return i18n.t('compose:verdict.tooHeavy', { bytes: formatBytes(bytes), limit: formatBytes(rules?.maxBytes ?? bytes) });
    case 'format':
      return i18n.t('compose:verdict.format', { format: format.toUpperCase() });
    case 'orientation':
      return i18n.t('compose:verdict.orientation');
    default:
      return sentence(said(v));
  }
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A rule's message from main in the UI's language (its English when it has no usable phrase). */
const said = (v: { message: string; phrase?: Phrase }) => phraseText(v.phrase, v.message);
/** A violation's fix in the UI's language. */
const fixOf = (v: Violation) => phraseText(v.fixPhrase, v.fix);

/**
 * The warnings, with the crop and upscale notices about the user's own framing (`crop`, px of the
 * upright photo) instead of the provider's centre crop, when the user chose one for this target's
 * ratio (issue 14 item 9: the verdict follows the rectangle). Main's check judges the centre crop.
 */
function warningsFor(check: ImageCheck, crop: DraftCrop | undefined): Array<{ rule: string; message: string; phrase?: Phrase }> {
  const { target } = check;
  if (!crop || !fitsRatio(crop, target.width / target.height)) return check.warnings;
  const own = cropNotices(check.info, crop, target, { by: 'user' });
  return [...own, ...check.warnings.filter((w) => w.rule !== 'crop' && w.rule !== 'upscale')];
}

/**
 * The frame's verdict in plain words (UX.md, "Compose"): "Fits — will be sent as 1248 × 704",
 * or the first failing rule with its numbers and "— will be fixed" ("Too large: 6028 px > 6000 px
 * — will be fixed"), or, for a model that takes no images, why it cannot be used. With the user's
 * `crop` (px of the upright photo), the crop warnings speak of that framing. The headline is in the
 * UI's language; the rules' messages and fixes come from main as phrases (English when a phrase is missing).
 */
export function verdictFor(check: ImageCheck, entry: ModelEntry, crop?: DraftCrop): Verdict {
  const warnings = warningsFor(check, crop).map((w) => ({ kind: 'warn' as const, text: sentence(said(w)) }));
  const blocking = check.violations.find((v) => v.rule === 'model');
  if (blocking) return { tone: 'blocked', headline: said(blocking), details: [{ kind: 'fix', text: fixOf(blocking) }] };
  const [first, ...rest] = check.violations;
  if (!first) return { tone: 'fits', headline: i18n.t('compose:verdict.fits', { size: formatSize(check.target) }), details: warnings };
  const more = rest.length ? i18n.t('compose:verdict.more', { n: rest.length }) : '';
  return {
    tone: 'fix',
    headline: i18n.t('compose:verdict.willBeFixed', { problem: short(first, check, entry), more }),
    // One rule: the headline already says what is wrong, the detail says what the fix does.
    details: [
      ...(rest.length ? check.violations.map((v) => i18n.t('compose:verdict.fixThen', { problem: sentence(said(v)), fix: fixOf(v) })) : [fixOf(first)]).map((text) => ({ kind: 'fix' as const, text })),
      ...warnings,
    ],
  };
}
