import type { DraftCrop } from './draft';
import { phrase, said, type Phrase, type PhraseValue } from '../messages/phrase';

/** A crop area in percent of the image (react-easy-crop's `Area` in percentages). */
export interface PercentArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Size {
  width: number;
  height: number;
}

/** The percent area as whole px of the upright source image (`size`), kept inside it. */
export function percentToRect(area: PercentArea, size: Size): DraftCrop {
  const width = Math.max(1, Math.min(size.width, Math.round((area.width / 100) * size.width)));
  const height = Math.max(1, Math.min(size.height, Math.round((area.height / 100) * size.height)));
  const left = Math.max(0, Math.min(size.width - width, Math.round((area.x / 100) * size.width)));
  const top = Math.max(0, Math.min(size.height - height, Math.round((area.y / 100) * size.height)));
  return { left, top, width, height };
}

/** A px rectangle of the source as percentages, for the crop box's initial position. */
export function rectToPercent(rect: DraftCrop, size: Size): PercentArea {
  return { x: (rect.left / size.width) * 100, y: (rect.top / size.height) * 100, width: (rect.width / size.width) * 100, height: (rect.height / size.height) * 100 };
}

/** True when two rectangles differ by at most `tolerance` px on every edge (rounding in the crop box). */
export function sameRect(a: DraftCrop, b: DraftCrop, tolerance = 2): boolean {
  return Math.abs(a.left - b.left) <= tolerance && Math.abs(a.top - b.top) <= tolerance && Math.abs(a.width - b.width) <= tolerance && Math.abs(a.height - b.height) <= tolerance;
}

/** True when `rect` has the ratio `target` (width ÷ height) within 1 %: a crop made for another aspect ratio is stale. */
export function fitsRatio(rect: DraftCrop, target: number): boolean {
  return Math.abs(rect.width / rect.height / target - 1) <= 0.01;
}

/** A crop notice: the part of the photo left out (`crop`), or too few pixels kept (`upscale`); English and phrase. */
export interface CropNotice {
  rule: 'crop' | 'upscale';
  message: string;
  phrase: Phrase;
}

/** True when two width/height ratios differ by more than 1 % (below that a crop removes under a pixel row per 100). */
export function ratiosDiffer(a: number, b: number): boolean {
  return Math.abs(Math.log(a / b)) > 0.01;
}

/** "68 % of its height", "40 % of its width and 25 % of its height": what `kept` leaves out of `image`; undefined when nothing. */
function leftOut(image: Size, kept: Size): Phrase | undefined {
  const width = Math.round((1 - kept.width / image.width) * 100);
  const height = Math.round((1 - kept.height / image.height) * 100);
  const ofWidth = phrase('image.crop.width', { percent: width });
  const ofHeight = phrase('image.crop.height', { percent: height });
  if (width > 0 && height > 0) return phrase('image.crop.both', { width: ofWidth, height: ofHeight });
  if (width > 0) return ofWidth;
  return height > 0 ? ofHeight : undefined;
}

const px = (size: Size) => `${size.width} × ${size.height}`;

/** Who framed the crop: the user, or the provider's centre crop to the target ratio named `label` (`16:9`, `the first frame's 1280 × 720`). */
export type Framing = { by: 'user' } | { by: 'provider'; label: PhraseValue };

/**
 * What cropping the upright photo (`image`, px) to `kept` (px of it) means for an output of
 * `target` px, in plain words (providers.md, "Input image rules": "When `ratio` ≠ the image's
 * ratio the provider centre-crops"):
 * - `crop`: the part left out — framed by the provider, what its centre crop removes ("the photo
 *   (1080 × 1920) does not match 16:9: the provider centre-crops 68 % of its height", only when
 *   the ratios differ by > 1 %); framed by the user, their rectangle ("your framing keeps
 *   1080 × 608 px of the 1080 × 1920 photo and leaves out 68 % of its height");
 * - `upscale`: `kept` has fewer px than `target` on a side, so the output is upscaled.
 * Pure.
 */
export function cropNotices(image: Size, kept: Size, target: Size, framing: Framing): CropNotice[] {
  const notices: CropNotice[] = [];
  const cut = leftOut(image, kept);
  if (framing.by === 'user') {
    notices.push({ rule: 'crop', ...(cut ? said('image.crop.userKeeps', { kept: px(kept), image: px(image), cut }) : said('image.crop.userWhole', { image: px(image) })) });
  } else if (ratiosDiffer(image.width / image.height, target.width / target.height)) {
    notices.push({ rule: 'crop', ...said('image.crop.provider', { image: px(image), target: framing.label, cut: cut ?? phrase('image.crop.underOnePercent') }) });
  }
  if (kept.width < target.width || kept.height < target.height) {
    notices.push({ rule: 'upscale', ...said('image.crop.upscale', { kept: px(kept), output: px(target) }) });
  }
  return notices;
}
