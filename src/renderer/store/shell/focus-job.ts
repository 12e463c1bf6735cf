import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { FocusJob } from '../../../shared/contract/app';
import { i18n } from '../../i18n/index';
import { continueFromLastFrame, openJob } from '../jobs/actions';
import type { StudioState } from '../index';

/**
 * Follows main's `app:focusJob` (a click on a desktop notification) and returns the unsubscribe.
 * See `focusJob` for what each click does.
 */
export function connectFocusJob(client: Pick<StudioClient, 'app'>, store: StoreApi<StudioState>): () => void {
  return client.app.onFocusJob((request) => void focusJob(store, request)); // focusJob reports its own failure.
}

/**
 * Shows the job the user clicked on: `open` → the Queue, all jobs, that job selected (as a
 * toast's "Open" does); `continue` → Compose from the job's clip's last frame, when the library
 * filed one (otherwise the job is opened instead). A failure is announced in the status line
 * ("Continue from last frame failed: …"); never rejects.
 */
export async function focusJob(store: StoreApi<StudioState>, request: FocusJob): Promise<void> {
  const clipId = store.getState().jobs.byId[request.jobId]?.result?.libraryId;
  if (request.action !== 'continue' || !clipId) {
    openJob(store, request.jobId);
    return;
  }
  try {
    await continueFromLastFrame(store, clipId);
  } catch (err) {
    store.getState().shell.announce(i18n.t('shell:continueFailed', { error: describeError(err) }));
  }
}
