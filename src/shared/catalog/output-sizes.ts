import type { AspectRatio, Resolution, SizeFamily } from './types';

/** Width × height in px. */
export interface PixelSize {
  width: number;
  height: number;
}

type Fixed = Exclude<AspectRatio, 'adaptive' | 'auto' | '9:21'>;

/**
 * Output pixel sizes per family, resolution and aspect ratio, from providers.md "Output sizes"
 * (4k: Seedance 2.0 standard only, EvoLink 2.0 pages and Volcengine 1520757, newest) and
 * seedance-2.5.md §2.5 (2.5: 480p 16:9 is 854×480; 4k on 2.5 is UNCONFIRMED, so not listed).
 */
const TABLE: Record<SizeFamily, Partial<Record<Resolution, Record<Fixed, [number, number]>>>> = {
  'seedance-1.0': {
    '480p': { '16:9': [864, 480], '4:3': [736, 544], '1:1': [640, 640], '3:4': [544, 736], '9:16': [480, 864], '21:9': [960, 416] },
    '720p': { '16:9': [1248, 704], '4:3': [1120, 832], '1:1': [960, 960], '3:4': [832, 1120], '9:16': [704, 1248], '21:9': [1504, 640] },
    '1080p': { '16:9': [1920, 1088], '4:3': [1664, 1248], '1:1': [1440, 1440], '3:4': [1248, 1664], '9:16': [1088, 1920], '21:9': [2176, 928] },
  },
  'seedance-1.5+': {
    '480p': { '16:9': [864, 496], '4:3': [752, 560], '1:1': [640, 640], '3:4': [560, 752], '9:16': [496, 864], '21:9': [992, 432] },
    '720p': { '16:9': [1280, 720], '4:3': [1112, 834], '1:1': [960, 960], '3:4': [834, 1112], '9:16': [720, 1280], '21:9': [1470, 630] },
    '1080p': { '16:9': [1920, 1080], '4:3': [1664, 1248], '1:1': [1440, 1440], '3:4': [1248, 1664], '9:16': [1080, 1920], '21:9': [2206, 946] },
    '4k': { '16:9': [3840, 2160], '4:3': [3326, 2494], '1:1': [2880, 2880], '3:4': [2494, 3326], '9:16': [2160, 3840], '21:9': [4398, 1886] },
  },
  'seedance-2.5': {
    '480p': { '16:9': [854, 480], '4:3': [752, 560], '1:1': [640, 640], '3:4': [560, 752], '9:16': [480, 854], '21:9': [992, 432] },
    '720p': { '16:9': [1280, 720], '4:3': [1112, 834], '1:1': [960, 960], '3:4': [834, 1112], '9:16': [720, 1280], '21:9': [1470, 630] },
    '1080p': { '16:9': [1920, 1080], '4:3': [1664, 1248], '1:1': [1440, 1440], '3:4': [1248, 1664], '9:16': [1080, 1920], '21:9': [2206, 946] },
  },
};

const FIXED: readonly Fixed[] = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];

/**
 * The output size for a fixed aspect ratio, or `null` when the table has none (`9:21`, 4k outside 2.0 standard).
 * For `adaptive`/`auto` call `adaptiveOutputSize` with the first frame's size.
 */
export function outputSize(family: SizeFamily, resolution: Resolution, ratio: AspectRatio): PixelSize | null {
  if (ratio === 'adaptive' || ratio === 'auto' || ratio === '9:21') return null;
  const row = TABLE[family][resolution]?.[ratio];
  return row ? { width: row[0], height: row[1] } : null;
}

/**
 * For `adaptive`/`auto`: the table's ratio closest to the image's (by log-ratio distance), which is
 * what the providers pick, and its output size. Returns null when the resolution has no table.
 */
export function adaptiveOutputSize(
  family: SizeFamily,
  resolution: Resolution,
  image: PixelSize,
): { ratio: Fixed; size: PixelSize } | null {
  const r = Math.log(image.width / image.height);
  let best: Fixed = '16:9';
  let bestDist = Infinity;
  for (const f of FIXED) {
    const [w, h] = f.split(':').map(Number) as [number, number];
    const d = Math.abs(Math.log(w / h) - r);
    if (d < bestDist) {
      bestDist = d;
      best = f;
    }
  }
  const size = outputSize(family, resolution, best);
  return size ? { ratio: best, size } : null;
}
