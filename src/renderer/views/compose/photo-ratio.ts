import type { AspectRatio } from '../../../shared/catalog/types';

/** Width ÷ height of each fixed aspect ratio (providers.md, "Output sizes"). */
const RATIOS: Partial<Record<AspectRatio, number>> = { '21:9': 21 / 9, '16:9': 16 / 9, '4:3': 4 / 3, '1:1': 1, '3:4': 3 / 4, '9:16': 9 / 16, '9:21': 9 / 21 };
const FOLLOWS_PHOTO: readonly string[] = ['adaptive', 'auto'];

/** The aspect ratio to switch a job to so the photo is sent uncropped, and how to name it. */
export interface PhotoRatio {
  /** The job's new `aspectRatio`: `adaptive`/`auto` where the row offers it, else the nearest fixed ratio it offers. */
  value: AspectRatio;
  /** The ratio in words (`3:4`): the photo's nearest fixed ratio, or the row's nearest one to it. */
  label: string;
  /** True when `label` is the photo's own (nearest fixed) ratio, false when the row offers none closer. */
  exact: boolean;
}

/** The fixed ratio among `names` nearest to `width ÷ height` (by the log of the quotient, so 2:1 and 1:2 are as far from 1:1); null when none is fixed. */
function nearest(width: number, height: number, names: readonly string[]): AspectRatio | null {
  const photo = Math.log(width / height);
  let best: AspectRatio | null = null;
  let distance = Infinity;
  for (const name of names) {
    const ratio = RATIOS[name as AspectRatio];
    if (ratio === undefined) continue;
    const d = Math.abs(Math.log(ratio) - photo);
    if (d < distance) [best, distance] = [name as AspectRatio, d];
  }
  return best;
}

/**
 * The one-click "Use the photo's own ratio (3:4)" choice (issue 14 item 9) for a photo of
 * `photo` px (upright) on a model row whose aspect ratio `options` are given: `adaptive`/`auto`
 * when the row offers one ("follow the first frame's ratio": providers pick the table ratio
 * closest to the image, providers.md "Output sizes"), else the nearest fixed ratio it offers.
 * Null when the row offers no aspect ratio. Pure.
 */
export function photoRatio(photo: { width: number; height: number }, options: readonly string[]): PhotoRatio | null {
  const follow = options.find((o) => FOLLOWS_PHOTO.includes(o));
  const fixed = nearest(photo.width, photo.height, options);
  const label = nearest(photo.width, photo.height, Object.keys(RATIOS));
  if (follow && label) return { value: follow as AspectRatio, label, exact: true };
  return fixed ? { value: fixed, label: fixed, exact: fixed === label } : null;
}
