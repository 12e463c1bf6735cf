import type { JobParams, ReferenceTask } from '../../../shared/catalog/types';
import { i18n } from '../../i18n/index';

/** The task picker's words for each Seedance 2.5 task (seedance-2.5.md §2.2), in the UI's language. */
export function taskLabel(task: ReferenceTask): string {
  return i18n.t(`compose:task.name.${task}`);
}

/** One line under the picker: what the chosen task does with @video1, in the UI's language. */
export function taskHelp(task: ReferenceTask): string {
  return i18n.t(`compose:task.help.${task}`);
}

/**
 * Why the ratio and/or duration are locked, for a job whose locks come from `params`
 * (`taskLocks`, seedance-2.5.md §2.2): a first frame, an edit or an extension. Null for no lock.
 */
export function lockReason(params: Pick<JobParams, 'task' | 'firstFrame'>, task: ReferenceTask): string | null {
  if (params.firstFrame) return i18n.t('compose:task.lock.firstFrame');
  if (task === 'edit') return i18n.t('compose:task.lock.edit');
  if (task === 'extend') return i18n.t('compose:task.lock.extend');
  return null;
}
