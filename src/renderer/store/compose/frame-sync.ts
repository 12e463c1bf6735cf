import type { StoreApi } from 'zustand';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import type { FrameRole } from './edits';
import { checkInput, fixInput, IDLE, keyOf, type Keyed } from './frame-state';

const ROLES: readonly FrameRole[] = ['first', 'last'];
/** Thumbnail size asked for restored frames, px (the crop box is at most ~400 px wide). */
const PREVIEW_SIDE = 512;

const keyIn = (state: Keyed<unknown>) => (state.status === 'idle' ? '' : state.key);

/**
 * Keeps each frame's verdict current: whenever the draft changes, every frame whose model,
 * resolution, aspect ratio or photo changed is checked again (`images:check`), and once checked,
 * fixed with the user's crop (`images:fix`) so the slot can show exactly what will be sent.
 * Restored frames get their thumbnail (`images:preview`). Answers for an outdated key are dropped.
 * Call it after every state change; it only asks main when a key moved.
 */
export function createFrameSync(store: StoreApi<StudioState>): () => void {
  const previewing = new Set<string>();
  /** Ids whose thumbnail failed: not asked again (the check says what is wrong with the photo). */
  const failed = new Set<string>();

  const ensurePreview = (imageId: string) => {
    const compose = store.getState().compose;
    if (compose.images[imageId] || previewing.has(imageId) || failed.has(imageId) || !compose.requests) return;
    previewing.add(imageId);
    compose.requests.images
      .preview({ imageId, maxSide: PREVIEW_SIDE })
      .then(({ previewUrl }) => {
        const known = store.getState().compose.images[imageId];
        store.getState().compose.rememberImage(imageId, { ...known, previewUrl });
      })
      .catch(() => failed.add(imageId))
      .finally(() => previewing.delete(imageId));
  };

  const runCheck = (role: FrameRole) => {
    const { draft, requests, checks } = store.getState().compose;
    const input = draft ? checkInput(draft, role) : null;
    const key = keyOf(input);
    if (!input || !requests) {
      if (checks[role].status !== 'idle') store.getState().compose.setCheck(role, IDLE);
      return;
    }
    if (keyIn(checks[role]) === key) return;
    store.getState().compose.setCheck(role, { status: 'busy', key });
    requests.images
      .check(input)
      .then((value) => {
        if (keyIn(store.getState().compose.checks[role]) !== key) return;
        store.getState().compose.setCheck(role, { status: 'done', key, value });
        const known = store.getState().compose.images[input.imageId];
        if (known && !known.info) store.getState().compose.rememberImage(input.imageId, { ...known, info: value.info });
      })
      .catch((err: unknown) => {
        if (keyIn(store.getState().compose.checks[role]) === key) store.getState().compose.setCheck(role, { status: 'error', key, message: describeError(err) });
      });
  };

  const runFix = (role: FrameRole) => {
    const { draft, requests, checks, fixes } = store.getState().compose;
    const check = checks[role];
    // No fix before a verdict, and none for a model that takes no images (the check says why).
    const fixable = check.status === 'done' && !check.value.violations.some((v) => v.rule === 'model');
    const input = draft && fixable ? fixInput(draft, role, check.value.target.width / check.value.target.height) : null;
    if (!input || !requests) {
      if (fixes[role].status !== 'idle') store.getState().compose.setFix(role, IDLE);
      return;
    }
    const key = keyOf(input);
    if (keyIn(fixes[role]) === key) return;
    store.getState().compose.setFix(role, { status: 'busy', key });
    requests.images
      .fix(input)
      .then((value) => {
        if (keyIn(store.getState().compose.fixes[role]) === key) store.getState().compose.setFix(role, { status: 'done', key, value });
      })
      .catch((err: unknown) => {
        if (keyIn(store.getState().compose.fixes[role]) === key) store.getState().compose.setFix(role, { status: 'error', key, message: describeError(err) });
      });
  };

  return () => {
    const draft = store.getState().compose.draft;
    for (const role of ROLES) {
      const frame = role === 'first' ? draft?.firstFrame : draft?.lastFrame;
      if (frame) ensurePreview(frame.imageId);
      runCheck(role);
      runFix(role);
    }
  };
}
