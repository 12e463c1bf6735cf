import type { JobParams, ReferenceTask } from '../../../shared/catalog/types';

/** The task picker's words for each Seedance 2.5 task (seedance-2.5.md §2.2). */
export const TASK_LABELS: Record<ReferenceTask, string> = {
  reference: 'New clip from references',
  edit: 'Edit a clip',
  extend: 'Extend a clip',
};

/** One line under the picker: what the chosen task does with @video1. */
export const TASK_HELP: Record<ReferenceTask, string> = {
  reference: 'A new video from the images, videos and audio in the tray.',
  edit: 'Changes what is in the first reference video (@video1, 4–30 s); same ratio and length.',
  extend: 'Continues the first reference video (@video1) forward or backward; same ratio.',
};

/**
 * Why the ratio and/or duration are locked, for a job whose locks come from `params`
 * (`taskLocks`, seedance-2.5.md §2.2): a first frame, an edit or an extension. Null for no lock.
 */
export function lockReason(params: Pick<JobParams, 'task' | 'firstFrame'>, task: ReferenceTask): string | null {
  if (params.firstFrame) return 'A first frame sets the aspect ratio: the video follows the image.';
  if (task === 'edit') return 'Edit keeps the source clip’s aspect ratio and length.';
  if (task === 'extend') return 'Extend keeps the source clip’s aspect ratio.';
  return null;
}
