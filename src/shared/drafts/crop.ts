import type { DraftCrop } from './draft';

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
