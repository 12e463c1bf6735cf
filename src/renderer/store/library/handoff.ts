import type { StoreApi } from 'zustand';
import type { ImportedImage } from '../../../shared/contract/images';
import type { ClipDetail } from '../../../shared/contract/library';
import type { ReferenceItem } from '../../../shared/catalog/types';
import type { DraftFrame, DraftSeed } from '../../../shared/drafts/draft';
import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import type { StudioState } from '../index';
import { continueSeed, reuseSeed } from './seeds';
import { libraryRequests, type LibraryBusy, type LibraryRequests } from './slice';

/**
 * Saves Compose's pending edit, creates a new current draft from `seed` (the old draft stays in
 * the draft list), shows it in Compose with the thumbnails of `images`, and opens Compose.
 */
export async function openAsNewDraft(store: StoreApi<StudioState>, requests: LibraryRequests, seed: DraftSeed, images: ImportedImage[]): Promise<void> {
  // The current draft must reach disk before another one becomes current.
  await store.getState().compose.flushSave();
  const { draft } = await requests.drafts.create({ from: seed });
  const compose = store.getState().compose;
  for (const image of images) compose.rememberImage(image.imageId, { previewUrl: image.previewUrl, info: image.info });
  compose.loaded(draft);
  store.getState().shell.setView('compose');
}

/**
 * Brings the clip's inputs back as ids for a draft: main hands out a token per frame and reference
 * image (`library:reuseInputs`; the original, with its name, when the library kept it) and the
 * image service imports each (`images:importFrame`), so the renderer never reads paths; reference
 * videos and audio come back already registered. Returns the draft's inputs, the images to show,
 * and what could not come back.
 */
async function importInputs(requests: LibraryRequests, clip: ClipDetail) {
  const answer = await requests.library.reuseInputs({ id: clip.id });
  const images: ImportedImage[] = [];
  const frames: { first?: DraftFrame; last?: DraftFrame } = {};
  for (const frame of answer.frames) {
    const image = await requests.images.importFrame({ token: frame.token });
    images.push(image);
    frames[frame.role] = { imageId: image.imageId, ...(frame.crop ? { crop: frame.crop } : {}) };
  }
  const references: ReferenceItem[] = [];
  for (const reference of answer.references) {
    if ('token' in reference) {
      const image = await requests.images.importFrame({ token: reference.token });
      images.push(image);
      references.push({ kind: 'image', id: image.imageId });
    } else if ('media' in reference) references.push({ kind: reference.kind, id: reference.media.mediaId });
    else references.push({ kind: 'video', url: reference.url });
  }
  // Each input left behind in the UI's language when main said it as a phrase (same order as `left`).
  const left = answer.left.map((message, i) => phraseText(answer.leftPhrases?.[i], message));
  return { inputs: { ...frames, references }, images, left };
}

/** The hand-offs from a clip to Compose: each is its busy flag and names its failure ("Reuse failed: …"). */
export type Handoff = Extract<LibraryBusy, 'reuse' | 'continue' | 'edit' | 'extend' | 'join'>;

/** Runs a hand-off with the busy flag set; a failure becomes an error toast (nothing was changed). */
export async function run(store: StoreApi<StudioState>, busy: Handoff, work: (requests: LibraryRequests) => Promise<void>): Promise<void> {
  const library = () => store.getState().library;
  if (library().busy) return;
  library().setBusy(busy);
  try {
    await work(libraryRequests(store.getState()));
    library().setBusy(null);
  } catch (err) {
    library().setBusy(null);
    library().showToast({ tone: 'error', text: i18n.t(`library:toast.failed.${busy}`, { error: describeError(err) }) });
  }
}

/**
 * **Reuse**: opens Compose with a NEW draft holding the clip's model, prompt, parameters, seed,
 * frames (the originals with their crops when the library kept them) and references; the draft that
 * was open stays in the draft list. Inputs that could not come back are named in the status line.
 */
export function reuseClip(store: StoreApi<StudioState>, clip: ClipDetail): Promise<void> {
  return run(store, 'reuse', async (requests) => {
    const { inputs, images, left } = await importInputs(requests, clip);
    await openAsNewDraft(store, requests, reuseSeed(clip.sidecar, inputs), images);
    // Compose is open now, so the status line (not the Library's toast) says what did not come back.
    if (left.length > 0) store.getState().shell.announce(i18n.t('library:toast.reusedWithout', { left: left.join(' ') }));
  });
}

/**
 * **Continue from last frame**: main extracts the clip's final frame at full size
 * (`library:lastFrame` → token), the image service imports it (`images:importFrame`), and Compose
 * opens a NEW draft with it as the first frame and the clip's model and settings.
 */
export function continueClip(store: StoreApi<StudioState>, clip: ClipDetail): Promise<void> {
  return run(store, 'continue', async (requests) => {
    const { token } = await requests.library.lastFrame({ id: clip.id });
    const frame = await requests.images.importFrame({ token });
    await openAsNewDraft(store, requests, continueSeed(clip.sidecar, frame.imageId), [frame]);
  });
}
