import type { FixedImage, ImageCheck, ImageInfoView } from '../../../shared/contract/images';
import { fitsRatio } from '../../../shared/drafts/crop';
import type { Draft } from '../../../shared/drafts/draft';
import { frameOf, type FrameRole } from './edits';

/** What the renderer shows of an imported image: its thumbnail, and its measurements once known (never a path). */
export interface FrameImage {
  previewUrl: string;
  /** From `images:import*` or, for a restored draft, from the first `images:check`. */
  info?: ImageInfoView;
}

/**
 * A request to main that depends on the draft, tagged with the `key` it was made for, so an
 * answer that arrives after the draft moved on is recognised as stale and dropped.
 */
export type Keyed<T> =
  | { status: 'idle' }
  | { status: 'busy'; key: string }
  | { status: 'done'; key: string; value: T }
  | { status: 'error'; key: string; message: string };

export type CheckState = Keyed<ImageCheck>;
export type FixState = Keyed<FixedImage>;

export const IDLE = { status: 'idle' } as const;

/** The `images:check` input for the frame in `role`, or null when there is no frame. */
export function checkInput(draft: Draft, role: FrameRole) {
  const frame = frameOf(draft, role);
  if (!frame) return null;
  const first = draft.firstFrame;
  return {
    imageId: frame.imageId,
    modelId: draft.modelId,
    resolution: draft.params.resolution,
    aspectRatio: draft.params.aspectRatio,
    role,
    ...(role === 'last' && first ? { firstImageId: first.imageId } : {}),
  };
}

/**
 * The `images:fix` input: the check input plus the user's crop — the centre when there is none,
 * or when it was made for another ratio than `targetRatio` (width ÷ height of `check.target`).
 */
export function fixInput(draft: Draft, role: FrameRole, targetRatio: number) {
  const input = checkInput(draft, role);
  if (!input) return null;
  const crop = frameOf(draft, role)?.crop;
  return { ...input, crop: crop && fitsRatio(crop, targetRatio) ? { kind: 'rect' as const, rect: crop } : { kind: 'centre' as const } };
}

/** A stable key for a request input (object key order is fixed by the builders above). */
export function keyOf(input: object | null): string {
  return input ? JSON.stringify(input) : '';
}
