import type { ModelEntry } from '../../../shared/catalog/types';
import type { ImageCheck } from '../../../shared/contract/images';
import { cropNotices, fitsRatio } from '../../../shared/drafts/crop';
import type { DraftCrop } from '../../../shared/drafts/draft';
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
        ? `Too large: ${longer} px > ${rules.maxSideExclusive} px`
        : `Too large: ${longer} px, must be under ${rules?.maxSideExclusive ?? longer} px`;
    case 'min_side':
      return rules && shorter < rules.minSideExclusive
        ? `Too small: ${shorter} px < ${rules.minSideExclusive} px`
        : `Too small: ${shorter} px, must be over ${rules?.minSideExclusive ?? shorter} px`;
    case 'ratio':
      return `Too ${width / height < 1 ? 'narrow' : 'wide'}: ratio ${(width / height).toFixed(2)} is outside ${rules?.minRatio ?? 0.4} – ${rules?.maxRatio ?? 2.5}`;
    case 'bytes':
      return `Too heavy: ${formatBytes(bytes)}, the limit is ${formatBytes(rules?.maxBytes ?? bytes)}`;
    case 'format':
      return `${format.toUpperCase()} is not accepted by this model`;
    case 'orientation':
      return 'Stored sideways with an EXIF tag';
    default:
      return v.message.charAt(0).toUpperCase() + v.message.slice(1);
  }
}

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The warnings, with the crop and upscale notices about the user's own framing (`crop`, px of the
 * upright photo) instead of the provider's centre crop, when the user chose one for this target's
 * ratio (issue 14 item 9: the verdict follows the rectangle). Main's check judges the centre crop.
 */
function warningsFor(check: ImageCheck, crop: DraftCrop | undefined): Array<{ rule: string; message: string }> {
  const { target } = check;
  if (!crop || !fitsRatio(crop, target.width / target.height)) return check.warnings;
  const own = cropNotices(check.info, crop, target, { by: 'user' });
  return [...own, ...check.warnings.filter((w) => w.rule !== 'crop' && w.rule !== 'upscale')];
}

/**
 * The frame's verdict in plain words (UX.md, "Compose"): "Fits — will be sent as 1248 × 704",
 * or the first failing rule with its numbers and "— will be fixed" ("Too large: 6028 px > 6000 px
 * — will be fixed"), or, for a model that takes no images, why it cannot be used. With the user's
 * `crop` (px of the upright photo), the crop warnings speak of that framing. Pure.
 */
export function verdictFor(check: ImageCheck, entry: ModelEntry, crop?: DraftCrop): Verdict {
  const sent = `will be sent as ${formatSize(check.target)}`;
  const warnings = warningsFor(check, crop).map((w) => ({ kind: 'warn' as const, text: sentence(w.message) }));
  const blocking = check.violations.find((v) => v.rule === 'model');
  if (blocking) return { tone: 'blocked', headline: blocking.message, details: [{ kind: 'fix', text: blocking.fix }] };
  const [first, ...rest] = check.violations;
  if (!first) return { tone: 'fits', headline: `Fits — ${sent}`, details: warnings };
  const more = rest.length ? ` (and ${rest.length} more)` : '';
  return {
    tone: 'fix',
    headline: `${short(first, check, entry)} — will be fixed${more}`,
    // One rule: the headline already says what is wrong, the detail says what the fix does.
    details: [
      ...(rest.length ? check.violations.map((v) => `${sentence(v.message)} ${v.fix}`) : [first.fix]).map((text) => ({ kind: 'fix' as const, text })),
      ...warnings,
    ],
  };
}
