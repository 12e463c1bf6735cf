import { taskLocks } from '../../../shared/catalog/task-type';
import type { ModelEntry, ReferenceTask } from '../../../shared/catalog/types';
import type { Draft, DraftCrop, DraftParams } from '../../../shared/drafts/draft';
import { paramsForModel } from '../../../shared/drafts/params';

/** First or last frame of a draft. */
export type FrameRole = 'first' | 'last';

const FIELD = { first: 'firstFrame', last: 'lastFrame' } as const;

/** The draft's frame in `role`, or undefined. */
export function frameOf(draft: Draft, role: FrameRole) {
  return draft[FIELD[role]];
}

/** Puts image `imageId` in `role`, with no crop (a new photo starts centred). */
export function withFrame(draft: Draft, role: FrameRole, imageId: string): Draft {
  return { ...draft, [FIELD[role]]: { imageId } };
}

/** Removes the frame in `role`. */
export function withoutFrame(draft: Draft, role: FrameRole): Draft {
  const next = { ...draft };
  delete next[FIELD[role]];
  return next;
}

/** Exchanges first and last frame (crops travel with their photo). */
export function swapFrames(draft: Draft): Draft {
  const next = { ...draft };
  delete next.firstFrame;
  delete next.lastFrame;
  if (draft.lastFrame) next.firstFrame = draft.lastFrame;
  if (draft.firstFrame) next.lastFrame = draft.firstFrame;
  return next;
}

/** Copies the frame in `from` (with its crop) into the other slot: one photo for both ends (a loop). */
export function copyToBoth(draft: Draft, from: FrameRole): Draft {
  const frame = frameOf(draft, from);
  if (!frame) return draft;
  return { ...draft, firstFrame: { ...frame }, lastFrame: { ...frame } };
}

/** Sets or (with undefined) resets the crop of the frame in `role`; no frame, no change. */
export function withCrop(draft: Draft, role: FrameRole, crop: DraftCrop | undefined): Draft {
  const frame = frameOf(draft, role);
  if (!frame) return draft;
  return { ...draft, [FIELD[role]]: crop ? { imageId: frame.imageId, crop } : { imageId: frame.imageId } };
}

/** Switches the model, fitting the parameters to what it offers (see `paramsForModel`). Frames stay. */
export function withModel(draft: Draft, entry: ModelEntry): Draft {
  return { ...draft, modelId: entry.id, params: paramsForModel(entry, draft.params) };
}

/** Sets one parameter. Typing a seed locks it: the user wants that seed, not a random one. */
export function withParam<K extends keyof DraftParams>(draft: Draft, key: K, value: DraftParams[K]): Draft {
  const params = { ...draft.params, [key]: value };
  if (key === 'seed') params.seedLocked = true;
  return { ...draft, params };
}

/**
 * Sets the draft's task (Seedance 2.5: reference, edit or extend) and writes the values it locks on
 * `entry` into the fields (edit: the source's ratio and Auto duration; extend: the source's ratio,
 * seedance-2.5.md §2.2), so the form shows what will be sent. Leaving a lock keeps the values,
 * which the row also accepts.
 */
export function withTask(draft: Draft, entry: ModelEntry, task: ReferenceTask): Draft {
  return { ...draft, task, params: { ...draft.params, ...taskLocks(entry, { task }) } };
}
