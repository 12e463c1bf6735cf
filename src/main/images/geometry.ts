import { adaptiveOutputSize, outputSize, type PixelSize } from '../../shared/catalog/output-sizes';
import type { AspectRatio, ModelEntry, Resolution } from '../../shared/catalog/types';
import { phrase, type PhraseValue } from '../../shared/messages/phrase';

/** A rectangle in px of the upright (EXIF-oriented) source image. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Which frame an image is: the first frame, or the last frame of a first+last job. */
export type FrameRole = 'first' | 'last';

/** The job settings that decide how a frame must look. */
export interface FrameSpec {
  resolution: Resolution;
  aspectRatio: AspectRatio;
  role: FrameRole;
  /** For `role: 'last'`: the first frame's final size in px; the last frame is fitted to it. */
  firstFrameSize?: PixelSize;
}

/**
 * The size a frame is sent at, and where that size comes from:
 * - `table`: providers.md "Output sizes" for the model's family, resolution and fixed ratio;
 * - `adaptive`: for `adaptive`/`auto`, the table ratio closest to the image (what providers pick);
 * - `first-frame`: a last frame takes the first frame's final size (providers.md, "End frame");
 * - `source`: no table row (4k): the image's own pixels cropped to the ratio, shrunk below the
 *   longer-side limit.
 */
export interface FrameTarget {
  size: PixelSize;
  basis: 'table' | 'adaptive' | 'first-frame' | 'source';
  /** How to name the target ratio in messages: `16:9`, or a phrase (`the first frame's 1280 × 720`). */
  label: PhraseValue;
}

const RATIOS: Record<string, number> = { '21:9': 21 / 9, '16:9': 16 / 9, '4:3': 4 / 3, '1:1': 1, '3:4': 3 / 4, '9:16': 9 / 16, '9:21': 9 / 21 };

/**
 * The exact size the frame should have for this model and these settings (see `FrameTarget`).
 * `image` is the upright source size in px; `maxSideExclusive` the model's longer-side limit, used
 * only for the `source` basis. `9:21` has no row in providers.md: the 21:9 size turned portrait is
 * used, as every portrait row of the table is the transpose of its landscape row.
 */
export function frameTarget(entry: ModelEntry, image: PixelSize, spec: FrameSpec, maxSideExclusive: number): FrameTarget {
  if (spec.role === 'last' && spec.firstFrameSize) {
    const { width, height } = spec.firstFrameSize;
    return { size: { width, height }, basis: 'first-frame', label: phrase('image.target.firstFrame', { width, height }) };
  }
  const family = entry.sizeFamily;
  if (spec.aspectRatio === 'adaptive' || spec.aspectRatio === 'auto') {
    const adaptive = adaptiveOutputSize(family, spec.resolution, image);
    if (adaptive) return { size: adaptive.size, basis: 'adaptive', label: adaptive.ratio };
    return sourceTarget(image, image.width / image.height, phrase('image.target.ownRatio'), maxSideExclusive);
  }
  if (spec.aspectRatio === '9:21') {
    const landscape = outputSize(family, spec.resolution, '21:9');
    if (landscape) return { size: { width: landscape.height, height: landscape.width }, basis: 'table', label: '9:21' };
  } else {
    const size = outputSize(family, spec.resolution, spec.aspectRatio);
    if (size) return { size, basis: 'table', label: spec.aspectRatio };
  }
  return sourceTarget(image, RATIOS[spec.aspectRatio] ?? image.width / image.height, spec.aspectRatio, maxSideExclusive);
}

function sourceTarget(image: PixelSize, ratio: number, label: PhraseValue, maxSideExclusive: number): FrameTarget {
  const crop = centreCrop(image, ratio);
  const scale = Math.min(1, (maxSideExclusive - 1) / Math.max(crop.width, crop.height));
  const even = (n: number) => Math.max(2, Math.floor((n * scale) / 2) * 2);
  return { size: { width: even(crop.width), height: even(crop.height) }, basis: 'source', label };
}

/** The largest rectangle of width/height `ratio` centred in `image` (what providers crop to), in whole px. */
export function centreCrop(image: PixelSize, ratio: number): Rect {
  if (image.width / image.height > ratio) {
    const width = Math.min(image.width, Math.max(1, Math.round(image.height * ratio)));
    return { left: Math.floor((image.width - width) / 2), top: 0, width, height: image.height };
  }
  const height = Math.min(image.height, Math.max(1, Math.round(image.width / ratio)));
  return { left: 0, top: Math.floor((image.height - height) / 2), width: image.width, height };
}
