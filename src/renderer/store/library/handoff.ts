import type { StoreApi } from 'zustand';
import type { ImportedImage } from '../../../shared/contract/images';
import type { ClipDetail } from '../../../shared/contract/library';
import type { DraftSeed } from '../../../shared/drafts/draft';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import { continueSeed, reuseSeed } from './seeds';
import { libraryRequests, type LibraryRequests } from './slice';

/**
 * Saves Compose's pending edit, creates a new current draft from `seed` (the old draft stays in
 * the draft list), shows it in Compose with the thumbnails of `images`, and opens Compose.
 */
async function openAsNewDraft(store: StoreApi<StudioState>, requests: LibraryRequests, seed: DraftSeed, images: ImportedImage[]): Promise<void> {
  // The current draft must reach disk before another one becomes current.
  await store.getState().compose.flushSave();
  const { draft } = await requests.drafts.create({ from: seed });
  const compose = store.getState().compose;
  for (const image of images) compose.rememberImage(image.imageId, { previewUrl: image.previewUrl, info: image.info });
  compose.loaded(draft);
  store.getState().shell.setView('compose');
}

/**
 * Imports one of the clip's input images (kept in its folder) into the image service: main hands
 * out a token for the file (`library:inputFrame`) and the image service imports it, so the renderer
 * never reads media URLs or paths.
 */
async function importInput(requests: LibraryRequests, clip: ClipDetail, role: 'first' | 'last'): Promise<ImportedImage | undefined> {
  if (!clip.inputs.some((i) => i.role === role)) return undefined;
  const { token } = await requests.library.inputFrame({ id: clip.id, role });
  return requests.images.importFrame({ token });
}

/** Runs a hand-off with the busy flag set; a failure becomes an error toast (nothing was changed). */
async function run(store: StoreApi<StudioState>, busy: 'reuse' | 'continue', what: string, work: (requests: LibraryRequests) => Promise<void>): Promise<void> {
  const library = () => store.getState().library;
  if (library().busy) return;
  library().setBusy(busy);
  try {
    await work(libraryRequests(store.getState()));
    library().setBusy(null);
  } catch (err) {
    library().setBusy(null);
    library().showToast({ tone: 'error', text: `${what} failed: ${describeError(err)}` });
  }
}

/**
 * **Reuse**: opens Compose with a NEW draft holding the clip's model, prompt, parameters, seed and
 * input images; the draft that was open stays in the draft list.
 */
export function reuseClip(store: StoreApi<StudioState>, clip: ClipDetail): Promise<void> {
  return run(store, 'reuse', 'Reuse', async (requests) => {
    const [first, last] = await Promise.all([importInput(requests, clip, 'first'), importInput(requests, clip, 'last')]);
    const seed = reuseSeed(clip.sidecar, { first: first?.imageId, last: last?.imageId });
    await openAsNewDraft(store, requests, seed, [first, last].filter((i): i is ImportedImage => Boolean(i)));
  });
}

/**
 * **Continue from last frame**: main extracts the clip's final frame at full size
 * (`library:lastFrame` → token), the image service imports it (`images:importFrame`), and Compose
 * opens a NEW draft with it as the first frame and the clip's model and settings.
 */
export function continueClip(store: StoreApi<StudioState>, clip: ClipDetail): Promise<void> {
  return run(store, 'continue', 'Continue from last frame', async (requests) => {
    const { token } = await requests.library.lastFrame({ id: clip.id });
    const frame = await requests.images.importFrame({ token });
    await openAsNewDraft(store, requests, continueSeed(clip.sidecar, frame.imageId), [frame]);
  });
}
