import type { AspectRatio } from '../catalog/types';
import type { ClipSidecar } from './sidecar';

type FixedRatio = Exclude<AspectRatio, 'adaptive' | 'auto'>;

const FIXED: ReadonlyArray<[FixedRatio, number]> = [
  ['21:9', 21 / 9],
  ['16:9', 16 / 9],
  ['4:3', 4 / 3],
  ['1:1', 1],
  ['3:4', 3 / 4],
  ['9:16', 9 / 16],
  ['9:21', 9 / 21],
];

/**
 * The aspect ratio a clip actually has, for filtering: the requested one when it was fixed, else
 * (for `adaptive`/`auto`, which follow the first frame) the fixed ratio nearest the output size
 * by log-ratio distance — the same rule the providers use to pick a table size
 * (providers.md, "Output sizes").
 */
export function effectiveAspectRatio(clip: Pick<ClipSidecar, 'parameters' | 'output'>): FixedRatio {
  const asked = clip.parameters.aspectRatio;
  if (asked !== 'adaptive' && asked !== 'auto') return asked;
  const r = Math.log(clip.output.width / clip.output.height);
  let best: FixedRatio = '16:9';
  let bestDist = Infinity;
  for (const [name, ratio] of FIXED) {
    const d = Math.abs(Math.log(ratio) - r);
    if (d < bestDist) {
      bestDist = d;
      best = name;
    }
  }
  return best;
}
