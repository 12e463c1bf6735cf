import type { StoreApi } from 'zustand';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';

/** Quiet time after the last edit before the draft is written, in ms: typing is not a save per key. */
export const SAVE_DELAY_MS = 400;

export interface Autosave {
  /** (Re)starts the debounce; called on every edit. */
  schedule(): void;
  /** Saves now if an edit is pending, and resolves when every save has settled. Never rejects. */
  flush(): Promise<void>;
  /** Stops the timer (a pending edit is flushed first by the caller if wanted). */
  dispose(): void;
}

/**
 * The draft's autosave: `drafts:save` once edits pause for `delayMs`, one save at a time (main
 * writes atomically; ordering keeps the newest last). A failure is shown as `save.status = 'error'`
 * and the next edit tries again — the draft stays in memory meanwhile, nothing is lost.
 */
export function createAutosave(store: StoreApi<StudioState>, delayMs = SAVE_DELAY_MS): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let chain: Promise<void> = Promise.resolve();
  let savedRevision = store.getState().compose.revision;

  const saveOnce = async () => {
    const { draft, revision, requests } = store.getState().compose;
    if (!draft || !requests || revision === savedRevision) return;
    store.getState().compose.setSave({ status: 'saving' });
    try {
      await requests.drafts.save({ draft });
      savedRevision = revision;
      // Edits made while the save was in flight are still pending; their own timer saves them.
      if (store.getState().compose.revision === revision) store.getState().compose.setSave({ status: 'saved' });
    } catch (err) {
      store.getState().compose.setSave({ status: 'error', message: describeError(err) });
    }
  };
  const enqueue = () => {
    chain = chain.then(saveOnce);
    return chain;
  };

  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(() => void enqueue(), delayMs); // enqueue records its own failure.
    },
    flush() {
      clearTimeout(timer);
      return enqueue();
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

