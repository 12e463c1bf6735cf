import type { PixelSize } from '../../shared/catalog/output-sizes';
import type { ModelEntry } from '../../shared/catalog/types';
import { cropNotices } from '../../shared/drafts/crop';
import { phrase, said, saidFix, type Phrase } from '../../shared/messages/phrase';
import { centreCrop, frameTarget, type FrameSpec, type Rect } from './geometry';
import type { ImageInfo } from './inspect';
import { base64Length, formatBytes } from './units';

/** Rules whose failure stops an image being sent as it is. */
export type ImageRule = 'model' | 'format' | 'bytes' | 'min_side' | 'max_side' | 'ratio' | 'orientation';
/** Things worth knowing that do not stop the image: the provider would crop or upscale it, etc. */
export type ImageNotice = 'crop' | 'upscale' | 'animated' | 'colour' | 'base64';

/**
 * A failing rule: what is wrong (plain words with the numbers) and what `fixImage` would do about
 * it, in English and as phrases for the UI's language.
 */
export interface Violation {
  rule: ImageRule;
  message: string;
  phrase: Phrase;
  fix: string;
  fixPhrase: Phrase;
}

/** A non-blocking observation, in English and as a phrase. */
export interface Warning {
  rule: ImageNotice;
  message: string;
  phrase: Phrase;
}

/** The verdict on one image for one model and job settings. */
export interface CheckResult {
  /** True when no rule fails: the file could be sent exactly as it is. */
  ok: boolean;
  violations: Violation[];
  warnings: Warning[];
  /** The size in px `fixImage` produces (and the provider renders), see `frameTarget`. */
  target: PixelSize;
  /** The part of the upright image, in px, that ends up in the video with a centre crop. */
  crop: Rect;
}

const FORMAT_NAMES: Record<string, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', bmp: 'BMP', tiff: 'TIFF', gif: 'GIF', avif: 'AVIF', svg: 'SVG' };
const formatName = (f: string) => FORMAT_NAMES[f] ?? f.toUpperCase();

/**
 * Checks `info` (from `inspectImage`) against `entry.imageRules` for a first or last frame.
 * Every failing rule is reported, not just the first. Rules, from providers.md "Input image rules"
 * (the entry's `imageRules.source` names the exact section):
 * - format in `imageRules.formats` (EvoLink and fal 2.0: JPEG/PNG/WebP only; HEIC/AVIF/SVG never);
 * - file size under `maxBytes` (30 MB);
 * - shorter side > `minSideExclusive` (300 px) and longer side < `maxSideExclusive` (6000 px),
 *   measured after EXIF orientation;
 * - width / height within `minRatio … maxRatio` (0.4 … 2.5), inclusive;
 * - no EXIF rotation/mirroring pending: "providers see pixels, not tags".
 * Warnings: the provider would centre-crop (the image's ratio differs from the target's by > 1 %:
 * "When `ratio` ≠ the image's ratio the provider centre-crops"; "End frame … centre-crops it to
 * match"), would upscale (the cropped image has fewer px than the output), animation (first frame
 * only), non-sRGB or 16-bit colour, and a base64 form (inline providers) at or over the size limit.
 * A model without image input yields the single violation `model`. Pure; never throws.
 */
export function checkImage(info: ImageInfo, entry: ModelEntry, spec: FrameSpec): CheckResult {
  const image = { width: info.width, height: info.height };
  const rules = entry.imageRules;
  const target = frameTarget(entry, image, spec, rules?.maxSideExclusive ?? 6000);
  const targetRatio = target.size.width / target.size.height;
  const crop = centreCrop(image, targetRatio);
  const sizeText = `${target.size.width} × ${target.size.height}`;
  const violations: Violation[] = [];
  const warnings: Warning[] = [];

  if (!rules) {
    violations.push({ rule: 'model', ...said('image.noImages', { model: entry.name }), ...saidFix('image.noImagesFix') });
    return { ok: false, violations, warnings, target: target.size, crop };
  }

  const accepted = rules.formats as readonly string[];
  if (!accepted.includes(info.format)) {
    violations.push({
      rule: 'format',
      ...said('image.format', { format: formatName(info.format), model: entry.name, formats: rules.formats.map(formatName).join(', ') }),
      ...saidFix('image.formatFix', { size: sizeText }),
    });
  }
  if (info.bytes >= rules.maxBytes) {
    violations.push({
      rule: 'bytes',
      ...said(info.bytes > rules.maxBytes ? 'image.bytesOver' : 'image.bytesAt', { bytes: formatBytes(info.bytes), limit: formatBytes(rules.maxBytes) }),
      ...saidFix('image.bytesFix', { size: sizeText, limit: formatBytes(rules.maxBytes) }),
    });
  } else if (base64Length(info.bytes) >= rules.maxBytes) {
    warnings.push({
      rule: 'base64',
      ...said('image.base64', { bytes: formatBytes(base64Length(info.bytes)), limit: formatBytes(rules.maxBytes) }),
    });
  }

  const longer = Math.max(image.width, image.height);
  const shorter = Math.min(image.width, image.height);
  if (longer >= rules.maxSideExclusive) {
    violations.push({
      rule: 'max_side',
      ...said(longer > rules.maxSideExclusive ? 'image.longerOver' : 'image.longerAt', { side: longer, max: rules.maxSideExclusive }),
      ...saidFix('image.longerFix', { size: sizeText }),
    });
  }
  if (shorter <= rules.minSideExclusive) {
    violations.push({
      rule: 'min_side',
      ...said(shorter < rules.minSideExclusive ? 'image.shorterUnder' : 'image.shorterAt', { side: shorter, min: rules.minSideExclusive }),
      ...saidFix('image.shorterFix', { size: sizeText }),
    });
  }
  const ratio = image.width / image.height;
  if (ratio < rules.minRatio || ratio > rules.maxRatio) {
    violations.push({
      rule: 'ratio',
      ...said('image.ratio', { ratio: ratio.toFixed(2), min: rules.minRatio, max: rules.maxRatio }),
      ...saidFix('image.ratioFix', { target: target.label, size: sizeText }),
    });
  }
  if (info.orientation !== 1) {
    violations.push({
      rule: 'orientation',
      ...said('image.orientation', { how: orientationWords(info.orientation), tag: info.orientation }),
      ...saidFix('image.orientationFix'),
    });
  }

  warnings.push(...cropNotices(image, crop, target.size, { by: 'provider', label: target.label }));
  if (info.animated) warnings.push({ rule: 'animated', ...said('image.animated', { pages: info.pages }) });
  if (!['srgb', 'b-w', 'rgb'].includes(info.space) || info.bitDepth > 8) {
    warnings.push({ rule: 'colour', ...said('image.colour', { space: info.space, depth: info.bitDepth }) });
  }
  return { ok: violations.length === 0, violations, warnings, target: target.size, crop };
}

function orientationWords(orientation: number): Phrase {
  if (orientation === 3) return phrase('image.stored.upsideDown');
  if (orientation === 2 || orientation === 4) return phrase('image.stored.mirrored');
  return phrase('image.stored.sideways');
}
