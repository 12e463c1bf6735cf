import type { StoreApi } from 'zustand';
import type { ImportedImage } from '../../../shared/contract/images';
import type { ClipDetail } from '../../../shared/contract/library';
import type { DraftSeed } from '../../../shared/drafts/draft';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import { continueSeed, reuseSeed } from './seeds';
import { excerpt, libraryRequests, type LibraryRequests } from './slice';

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
 * Imports one of the clip's input images (kept in its folder) into the image service by its bytes:
 * the renderer has the image's media URL, never its path.
 */
async function importInput(requests: LibraryRequests, clip: ClipDetail, role: 'first' | 'last'): Promise<ImportedImage | undefined> {
  const input = clip.inputs.find((i) => i.role === role);
  if (!input?.url) return undefined;
  const response = await fetch(input.url);
  if (!response.ok) throw new Error(`The clip's ${role} frame could not be read (HTTP ${response.status}).`);
  const blob = await response.blob();
  return requests.images.importBytes({ bytes: await blobToBase64(blob), name: `${role} frame of ${excerpt(clip.prompt, 40)}` });
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

/** Base64 of a blob's bytes, without the `data:` prefix (FileReader encodes natively, fast for 30 MB). */
function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(blob);
  });
}
