import type { PixelSize } from '../../shared/catalog/output-sizes';
import type { ImageRules } from '../../shared/catalog/types';

/**
 * Most pixels a reference image is sent with: the largest output any row makes, 4k 16:9
 * (3840 × 2160, providers.md "Output sizes"). More would only grow the upload or the inline body
 * (ModelArk: request ≤ 64 MB) without reaching the video.
 */
export const MAX_REFERENCE_PIXELS = 3840 * 2160;

/**
 * The size a reference image is sent at (px): its own picture — never cropped to the output's
 * ratio, unlike a first frame — with the ratio brought inside `minRatio … maxRatio` by a centre
 * crop only when it is outside, the longer side under `maxSideExclusive`, the shorter side over
 * `minSideExclusive`, at most `MAX_REFERENCE_PIXELS`, even sides (providers.md "Input image
 * rules"; the row's `references.images` names its source). `image` is the upright size in px.
 */
export function referenceImageSize(image: PixelSize, rules: ImageRules): PixelSize {
  const ratio = Math.min(rules.maxRatio, Math.max(rules.minRatio, image.width / image.height));
  let width = image.width;
  let height = image.height;
  if (Math.abs(ratio - image.width / image.height) > 1e-9) {
    if (image.width / image.height > ratio) width = Math.round(height * ratio);
    else height = Math.round(width / ratio);
  }
  let scale = Math.min(1, (rules.maxSideExclusive - 2) / Math.max(width, height), Math.sqrt(MAX_REFERENCE_PIXELS / (width * height)));
  if (Math.min(width, height) * scale <= rules.minSideExclusive) scale = (rules.minSideExclusive + 2) / Math.min(width, height);
  const even = (n: number) => Math.max(2, Math.round((n * scale) / 2) * 2);
  return { width: even(width), height: even(height) };
}
