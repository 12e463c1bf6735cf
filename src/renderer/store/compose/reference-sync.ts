import type { StoreApi } from 'zustand';
import { inputsFor, takesReferences } from '../../../shared/drafts/params';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import { selectModel } from '../models/slice';
import { IDLE, keyOf } from './frame-state';

/** Thumbnail size asked for restored reference images, px (tiles are ~120 px wide). */
const PREVIEW_SIDE = 256;

/** The `media:check` input for the tray, or null when the job does not use it (another model, frames chosen, empty tray). */
export function referenceCheckInput(state: StudioState) {
  const { draft, inputs } = state.compose;
  const model = selectModel(state, draft?.modelId);
  if (!draft || !model || !takesReferences(model) || inputsFor(draft, model, inputs ?? undefined) !== 'references') return null;
  if (!draft.references.length) return null;
  const task = draft.task && model.tasks?.includes(draft.task) ? { task: draft.task } : {};
  return { modelId: model.id, references: draft.references, resolution: draft.params.resolution, aspectRatio: draft.params.aspectRatio, ...task };
}

/**
 * Keeps the tray's verdict current: whenever the references, the model or its resolution or
 * aspect ratio change, the tray is checked again (`media:check`; frames are never sent with
 * references, so none are given). Restored items get what the tray shows of them: a thumbnail and
 * name for images (`images:preview`, `images:check`), name, probe and poster for videos and audio
 * (`media:info`). Answers
 * for an outdated key are dropped; a failed look-up is not asked again (the check says what is
 * wrong). Call it after every state change; it only asks main when something moved.
 */
export function createReferenceSync(store: StoreApi<StudioState>): () => void {
  const asked = new Set<string>();
  const compose = () => store.getState().compose;

  const restore = () => {
    const { draft, requests, images, media } = compose();
    if (!draft || !requests) return;
    for (const item of draft.references) {
      if (!item.id || asked.has(item.id)) continue;
      const id = item.id;
      if (item.kind === 'image' && !images[id]) {
        asked.add(id);
        requests.images
          .preview({ imageId: id, maxSide: PREVIEW_SIDE })
          .then(({ previewUrl }) => compose().rememberImage(id, { ...compose().images[id], previewUrl }))
          .catch(() => undefined); // The tile shows a placeholder; the check names the problem.
        // The image service tells an image's name and size only with a check; its verdict as a frame is not used here.
        requests.images
          .check({ imageId: id, modelId: draft.modelId, resolution: draft.params.resolution, aspectRatio: draft.params.aspectRatio, role: 'first' })
          .then(({ info }) => {
            const known = compose().images[id];
            compose().rememberImage(id, { previewUrl: known?.previewUrl ?? '', ...known, info });
          })
          .catch(() => undefined); // As above.
      } else if (item.kind !== 'image' && !media[id]) {
        asked.add(id);
        requests.media
          .info({ mediaId: id })
          .then((answer) => compose().rememberMedia(answer))
          .catch(() => undefined); // As above.
      }
    }
  };

  const runCheck = () => {
    const { requests, referenceCheck } = compose();
    const input = referenceCheckInput(store.getState());
    if (!input || !requests) {
      if (referenceCheck.status !== 'idle') compose().setReferenceCheck(IDLE);
      return;
    }
    const key = keyOf(input);
    if (referenceCheck.status !== 'idle' && referenceCheck.key === key) return;
    compose().setReferenceCheck({ status: 'busy', key });
    const current = () => {
      const now = compose().referenceCheck;
      return now.status !== 'idle' && now.key === key;
    };
    requests.media
      .check(input)
      .then((value) => {
        if (current()) compose().setReferenceCheck({ status: 'done', key, value });
      })
      .catch((err: unknown) => {
        if (current()) compose().setReferenceCheck({ status: 'error', key, message: describeError(err) });
      });
  };

  return () => {
    restore();
    runCheck();
  };
}
