import { CATALOG, findModel } from '../../../shared/catalog/models';
import type { ReferenceItem } from '../../../shared/catalog/types';
import type { DraftFrame, DraftSeed } from '../../../shared/drafts/draft';
import { draftSeedFromJobParams } from '../../../shared/drafts/params';
import type { ClipSidecar } from '../../../shared/library/sidecar';

/** Largest seed a draft keeps (`DraftParams.seed`); a reported seed beyond it is not reused. */
const MAX_SEED = 4294967295;

/**
 * The seed the clip can be reproduced with: the one the provider reports it used, else the one
 * that was asked for; undefined when neither is a valid draft seed.
 */
function reproducibleSeed(sidecar: ClipSidecar): number | undefined {
  const seed = sidecar.seed ?? sidecar.parameters.seed;
  return seed !== undefined && seed >= 0 && seed <= MAX_SEED ? seed : undefined;
}

/**
 * A `drafts:create` seed for **Reuse**: the clip's model, prompt and parameters, its seed locked
 * (so Generate reproduces it), the given frames (image ids from `images:import*`, with the crop
 * the user chose on the original) and references (in tag order per kind).
 * Pure; the inputs are imported by the caller.
 */
export function reuseSeed(sidecar: ClipSidecar, inputs: { first?: DraftFrame; last?: DraftFrame; references?: ReferenceItem[] }): DraftSeed {
  const seed = reproducibleSeed(sidecar);
  const { seed: _asked, ...parameters } = sidecar.parameters;
  const draft = draftSeedFromJobParams({
    ...parameters,
    ...(seed !== undefined ? { seed } : {}),
    modelId: sidecar.modelId,
    prompt: sidecar.prompt,
    ...(inputs.first ? { firstFrame: inputs.first.imageId, ...(inputs.first.crop ? { firstFrameCrop: inputs.first.crop } : {}) } : {}),
    ...(inputs.last ? { lastFrame: inputs.last.imageId, ...(inputs.last.crop ? { lastFrameCrop: inputs.last.crop } : {}) } : {}),
  });
  return inputs.references?.length ? { ...draft, references: inputs.references } : draft;
}

/**
 * The model to continue a clip with: its own when it takes a first frame; for a text-to-video
 * model, the image-to-video model of the same provider and family (catalog ids differ only in
 * `t2v`/`i2v` or `text-to-video`/`image-to-video`), else its own (Compose then asks for a model).
 */
export function continueModelId(modelId: string): string {
  const entry = findModel(modelId);
  if (!entry || entry.modes.some((m) => m !== 'text-to-video')) return modelId;
  const twin = modelId.replace(/t2v/g, 'i2v').replace(/text-to-video/g, 'image-to-video');
  const found = CATALOG.find((m) => m.id === twin && m.modes.includes('image-to-video'));
  return found ? found.id : modelId;
}

/**
 * A `drafts:create` seed for **Continue from last frame**: the clip's model (or its
 * image-to-video twin), prompt and parameters with a fresh seed, and `frameId` (the imported last
 * frame) as the first frame, and the lineage (this clip) that the next job records while that
 * frame stays first.
 */
export function continueSeed(sidecar: ClipSidecar, frameId: string): DraftSeed {
  const { seed: _asked, ...parameters } = sidecar.parameters;
  const seed = draftSeedFromJobParams({ ...parameters, modelId: continueModelId(sidecar.modelId), prompt: sidecar.prompt, firstFrame: frameId });
  return { ...seed, params: { ...seed.params, seed: -1, seedLocked: false }, continuedFrom: { clipId: sidecar.id, imageId: frameId } };
}
