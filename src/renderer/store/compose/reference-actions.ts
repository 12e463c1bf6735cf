import type { StoreApi } from 'zustand';
import { ReferenceItem, type ModelEntry } from '../../../shared/catalog/types';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import { selectModel } from '../models/slice';
import { importReferenceFile, referenceKindOf } from './reference-files';
import { i18n } from '../../i18n/index';
import { modelName } from '../../i18n/model-name';

/** What the user is told when a local video is given to a row that takes reference videos only by URL. */
export function urlOnlyMessage(model: Pick<ModelEntry, 'name'>): string {
  return i18n.t('compose:tray.urlOnly', { model: modelName(model) });
}

/** One line of the tray's import errors: "clip.mov: <why>". */
const fileProblem = (name: string, problem: string) => i18n.t('compose:tray.fileProblem', { name, problem });

const currentModel = (store: StoreApi<StudioState>) => selectModel(store.getState(), store.getState().compose.draft?.modelId);

/**
 * Imports dropped, picked or pasted files into the tray, several at once: each is registered with
 * main (`importReferenceFile`, in parallel) and the ones main accepted are added in the order given.
 * A file that is no image, video or audio, a local video on a row that takes videos only by URL,
 * or a file main refuses is named in `compose.referenceImport.errors` (one line each); the others
 * still go in. Never rejects.
 */
export async function addReferenceFiles(store: StoreApi<StudioState>, files: readonly File[]): Promise<void> {
  const compose = () => store.getState().compose;
  const requests = compose().requests;
  if (!files.length) return;
  if (!requests) {
    compose().setReferenceImport({ pending: 0, errors: [i18n.t('common:notConnected')] });
    return;
  }
  const model = currentModel(store);
  const urlOnly = model?.references?.videos.transport === 'public-url';
  const errors: string[] = [];
  const wanted = files.flatMap((file) => {
    const kind = referenceKindOf(file);
    const name = file.name || i18n.t('compose:tray.pastedFile');
    if (!kind) errors.push(i18n.t('compose:tray.notMedia', { name }));
    else if (kind === 'video' && urlOnly && model) errors.push(fileProblem(name, urlOnlyMessage(model)));
    else return [{ file, kind, name }];
    return [];
  });
  compose().setReferenceImport({ pending: compose().referenceImport.pending + wanted.length, errors });
  const results = await Promise.allSettled(wanted.map(({ file, kind }) => importReferenceFile(requests, file, kind)));
  const items: ReferenceItem[] = [];
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      errors.push(fileProblem(wanted[i]?.name ?? i18n.t('compose:tray.aFile'), describeError(result.reason)));
      return;
    }
    const imported = result.value;
    if (imported.kind === 'image') {
      compose().rememberImage(imported.image.imageId, { previewUrl: imported.image.previewUrl, info: imported.image.info });
      items.push({ kind: 'image', id: imported.image.imageId });
    } else {
      compose().rememberMedia(imported.media);
      items.push({ kind: imported.kind, id: imported.media.mediaId });
    }
  });
  if (items.length) compose().addReferences(items);
  compose().setReferenceImport({ pending: Math.max(0, compose().referenceImport.pending - wanted.length), errors });
}

/**
 * Adds a reference video by public https URL (ModelArk takes reference videos only that way,
 * providers.md "Seedance 2.0 reference-to-video", BytePlus ModelArk). Answers the reason it was
 * refused in plain words, or null when it was added.
 */
export function addReferenceUrl(store: StoreApi<StudioState>, url: string): string | null {
  const parsed = ReferenceItem.safeParse({ kind: 'video', url: url.trim() });
  if (!parsed.success) return i18n.t(url.trim() ? 'compose:tray.urlInvalid' : 'compose:tray.urlEmpty');
  store.getState().compose.addReferences([parsed.data]);
  return null;
}

/**
 * Replaces a tray video or audio by the fixed copy main makes on the user's say-so (`media:fix`:
 * `reencode`, or `trim` to the row's longest clip). The tag stays. Answers main's refusal in plain
 * words, or null when done.
 */
export async function fixReference(store: StoreApi<StudioState>, index: number, action: 'reencode' | 'trim'): Promise<string | null> {
  const { draft, requests } = store.getState().compose;
  const item = draft?.references[index];
  const model = currentModel(store);
  if (!item?.id || item.kind === 'image' || !requests || !model?.references) return i18n.t('compose:tray.cannotFix');
  const limits = item.kind === 'video' ? model.references.videos : model.references.audios;
  try {
    const fixed = await requests.media.fix({
      mediaId: item.id,
      modelId: model.id,
      action,
      ...(action === 'trim' && limits.maxSeconds ? { maxSeconds: limits.maxSeconds } : {}),
    });
    store.getState().compose.rememberMedia(fixed);
    // The user may have moved things meanwhile: replace the item where it is now.
    const now = store.getState().compose.draft?.references.findIndex((r) => r.kind === item.kind && r.id === item.id) ?? -1;
    if (now >= 0) store.getState().compose.replaceReference(now, { kind: item.kind, id: fixed.mediaId });
    return null;
  } catch (err) {
    return describeError(err);
  }
}
