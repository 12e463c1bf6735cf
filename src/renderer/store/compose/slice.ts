import type { StateCreator } from 'zustand';
import type { ModelEntry, ReferenceItem, ReferenceTask } from '../../../shared/catalog/types';
import type { ImportedMedia, ReferenceCheck } from '../../../shared/contract/media';
import type { DraftInputs } from '../../../shared/drafts/params';
import type { Draft, DraftCrop, DraftParams, DraftVariations } from '../../../shared/drafts/draft';
import { describeError, StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import * as edit from './edits';
import type { FrameRole } from './edits';
import { importImageFile } from './frame-files';
import { IDLE, type CheckState, type FixState, type FrameImage, type Keyed } from './frame-state';
import { withReferenceMoved, withReferenceRemoved, withReferenceReplaced, withReferencesAdded } from './reference-edits';
import { i18n } from '../../i18n/index';

/** The verbs Compose uses; `connectCompose` binds them to main. */
export type ComposeRequests = {
  drafts: StudioClient['drafts'];
  images: Pick<StudioClient['images'], 'import' | 'importBytes' | 'check' | 'fix' | 'preview'>;
  /** Reference videos and audio (`media:*`); reference images go through `images`. */
  media: Pick<StudioClient['media'], 'import' | 'importBytes' | 'info' | 'check' | 'fix'>;
  /** Grants for dropped and picked files (`images:import` takes their tokens). */
  files: StudioClient['files'];
  jobs: Pick<StudioClient['jobs'], 'submit' | 'submitBatch'>;
};

/** Where the autosave stands: `pending` = edited, waiting for the debounce; `error` keeps the message. */
export type SaveState = { status: 'saved' | 'pending' | 'saving' } | { status: 'error'; message: string };

/** The last Generate: sending, queued (with the job's words), or refused (main's message). */
export type SubmitState = { status: 'idle' } | { status: 'sending' } | { status: 'sent'; message: string } | { status: 'error'; message: string };

/**
 * Compose's working state. `draft` is the user's work (main keeps it on disk: every edit bumps
 * `revision`, which the autosave follows); the rest caches main's answers about it: thumbnails by
 * image id, the check and fix of each frame, and the outcome of Generate.
 */
export interface ComposeState {
  /** Null until `drafts:get` answers. */
  draft: Draft | null;
  loadError: string | null;
  /** Bumped by every user edit; the autosave saves when it moves. */
  revision: number;
  save: SaveState;
  images: Record<string, FrameImage>;
  checks: Record<FrameRole, CheckState>;
  fixes: Record<FrameRole, FixState>;
  /** A photo being imported into the slot, and why the last import failed. */
  importing: Record<FrameRole, boolean>;
  frameErrors: Record<FrameRole, string | null>;
  submit: SubmitState;
  /** Reference videos and audio main registered, by media id (name, probe, poster). */
  media: Record<string, ImportedMedia>;
  /** `media:check` of the tray for the current model and settings. */
  referenceCheck: Keyed<ReferenceCheck>;
  /** Files being imported into the tray, and why the last ones failed (one line per file). */
  referenceImport: { pending: number; errors: string[] };
  /** On a row taking both frames and references (ModelArk 2.0): the user's pick; null = follow the draft (`inputsFor`). */
  inputs: DraftInputs | null;
  /** The tray's last change in words, for screen readers ("@image2 is now @image1"). */
  trayAnnouncement: string;
  /** Older drafts (`drafts:list`); null until asked. */
  olderDrafts: Draft[] | null;
  requests: ComposeRequests | null;
  /** Saves a pending edit now (before switching drafts or leaving); bound by `connectCompose`. */
  flushSave(): Promise<void>;

  setFlushSave(flush: () => Promise<void>): void;
  setRequests(requests: ComposeRequests | null): void;
  /** Replaces the draft with one from main (load, open, new): not an edit, nothing to save. */
  loaded(draft: Draft): void;
  setLoadError(message: string | null): void;
  /** Applies a user edit and marks the draft for saving. */
  change(update: (draft: Draft) => Draft): void;
  setModel(entry: ModelEntry): void;
  setPrompt(prompt: string): void;
  setParam<K extends keyof DraftParams>(key: K, value: DraftParams[K]): void;
  /** Sets the Seedance 2.5 task on `entry`, with the values it locks (`withTask`). */
  setTask(entry: ModelEntry, task: ReferenceTask): void;
  setCrop(role: FrameRole, crop: DraftCrop | undefined): void;
  swapFrames(): void;
  clearFrame(role: FrameRole): void;
  copyToBoth(from: FrameRole): void;
  /** Imports a dropped, picked or pasted file into `role`; a refusal is kept in `frameErrors`. */
  importFile(role: FrameRole, file: File): Promise<void>;
  rememberImage(imageId: string, image: FrameImage): void;
  setCheck(role: FrameRole, state: CheckState): void;
  setFix(role: FrameRole, state: FixState): void;
  setSave(state: SaveState): void;
  setSubmit(state: SubmitState): void;
  /** Generate ×N's takes and seed list: kept in the draft (saved like any edit, back after a reload). */
  setVariations(patch: Partial<DraftVariations>): void;
  setOlderDrafts(drafts: Draft[] | null): void;
  /** Adds imported references to the tray (each at the end of its kind; one already there is skipped). */
  addReferences(items: ReferenceItem[]): void;
  /** Moves a tray item one place within its kind; false when it cannot move. The prompt's tags follow. */
  moveReference(index: number, delta: -1 | 1): boolean;
  /** Removes a tray item; the prompt's tags follow (its own mentions become `@image?`). */
  removeReference(index: number): void;
  /** Replaces a tray item by another of its kind (a fixed copy), keeping its tag. */
  replaceReference(index: number, item: ReferenceItem): void;
  setInputs(inputs: DraftInputs | null): void;
  rememberMedia(media: ImportedMedia): void;
  setReferenceCheck(state: Keyed<ReferenceCheck>): void;
  setReferenceImport(state: { pending: number; errors: string[] }): void;
  announceTray(text: string): void;
}

export interface ComposeSlice {
  compose: ComposeState;
}


export const createComposeSlice: StateCreator<StudioState, [], [], ComposeSlice> = (set, get) => {
  const patch = (partial: Partial<ComposeState>) => set((s) => ({ compose: { ...s.compose, ...partial } }));
  const change = (update: (draft: Draft) => Draft) =>
    set((s) => {
      if (!s.compose.draft) return s;
      return { compose: { ...s.compose, draft: update(s.compose.draft), revision: s.compose.revision + 1, save: { status: 'pending' } } };
    });
  const setFrameFlag = (role: FrameRole, importing: boolean, error: string | null) =>
    set((s) => ({
      compose: { ...s.compose, importing: { ...s.compose.importing, [role]: importing }, frameErrors: { ...s.compose.frameErrors, [role]: error } },
    }));

  return {
    compose: {
      draft: null,
      loadError: null,
      revision: 0,
      save: { status: 'saved' },
      images: {},
      checks: { first: IDLE, last: IDLE },
      fixes: { first: IDLE, last: IDLE },
      importing: { first: false, last: false },
      frameErrors: { first: null, last: null },
      submit: { status: 'idle' },
      media: {},
      referenceCheck: IDLE,
      referenceImport: { pending: 0, errors: [] },
      inputs: null,
      trayAnnouncement: '',
      olderDrafts: null,
      requests: null,
      flushSave: () => Promise.resolve(),

      setFlushSave: (flushSave) => patch({ flushSave }),
      setRequests: (requests) => patch({ requests }),
      loaded: (draft) =>
        patch({
          draft,
          loadError: null,
          save: { status: 'saved' },
          submit: { status: 'idle' },
          frameErrors: { first: null, last: null },
          referenceImport: { pending: 0, errors: [] },
          inputs: null,
          trayAnnouncement: '',
        }),
      setLoadError: (loadError) => patch({ loadError }),
      change,
      setModel: (entry) => change((d) => edit.withModel(d, entry)),
      setPrompt: (prompt) => change((d) => ({ ...d, prompt })),
      setParam: (key, value) => change((d) => edit.withParam(d, key, value)),
      setTask: (entry, task) => change((d) => edit.withTask(d, entry, task)),
      setCrop: (role, crop) => change((d) => edit.withCrop(d, role, crop)),
      swapFrames: () => change(edit.swapFrames),
      clearFrame: (role) => {
        change((d) => edit.withoutFrame(d, role));
        setFrameFlag(role, false, null);
      },
      copyToBoth: (from) => change((d) => edit.copyToBoth(d, from)),
      async importFile(role, file) {
        const requests = get().compose.requests;
        if (!requests) {
          setFrameFlag(role, false, i18n.t('common:notConnected'));
          return;
        }
        setFrameFlag(role, true, null);
        try {
          const imported = await importImageFile(requests, file);
          get().compose.rememberImage(imported.imageId, { previewUrl: imported.previewUrl, info: imported.info });
          change((d) => edit.withFrame(d, role, imported.imageId));
          setFrameFlag(role, false, null);
        } catch (err) {
          setFrameFlag(role, false, describeError(err));
        }
      },
      rememberImage: (imageId, image) => set((s) => ({ compose: { ...s.compose, images: { ...s.compose.images, [imageId]: image } } })),
      setCheck: (role, state) => set((s) => ({ compose: { ...s.compose, checks: { ...s.compose.checks, [role]: state } } })),
      setFix: (role, state) => set((s) => ({ compose: { ...s.compose, fixes: { ...s.compose.fixes, [role]: state } } })),
      setSave: (save) => patch({ save }),
      setSubmit: (submit) => patch({ submit }),
      setVariations: (next) => change((d) => ({ ...d, variations: { ...d.variations, ...next } })),
      setOlderDrafts: (olderDrafts) => patch({ olderDrafts }),
      addReferences: (items) => change((d) => withReferencesAdded(d, items)),
      moveReference(index, delta) {
        const draft = get().compose.draft;
        const next = draft ? withReferenceMoved(draft, index, delta) : null;
        if (next) change(() => next);
        return next !== null;
      },
      removeReference(index) {
        const draft = get().compose.draft;
        const next = draft ? withReferenceRemoved(draft, index) : null;
        if (next) change(() => next);
      },
      replaceReference: (index, item) => change((d) => withReferenceReplaced(d, index, item)),
      setInputs: (inputs) => patch({ inputs }),
      rememberMedia: (media) => set((s) => ({ compose: { ...s.compose, media: { ...s.compose.media, [media.mediaId]: media } } })),
      setReferenceCheck: (referenceCheck) => patch({ referenceCheck }),
      setReferenceImport: (referenceImport) => patch({ referenceImport }),
      announceTray: (trayAnnouncement) => patch({ trayAnnouncement }),
    },
  };
};

/** The bound requests, or a `StudioClientError('UNAVAILABLE')` to show when not connected. */
export function composeRequests(state: StudioState): ComposeRequests {
  const bound = state.compose.requests;
  if (!bound) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
  return bound;
}
