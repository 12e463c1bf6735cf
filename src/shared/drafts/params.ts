import type { AspectRatio, JobParams, ModelEntry, ParamSpec, Resolution } from '../catalog/types';
import { AUTO_DURATION, taskLocks } from '../catalog/task-type';
import { DraftParams, type Draft, type DraftSeed } from './draft';

type EnumSpec = Extract<ParamSpec, { kind: 'enum' }>;
type IntSpec = Extract<ParamSpec, { kind: 'int' }>;

/** `adaptive` (Novita 1.5, ModelArk, EvoLink) and `auto` (fal) mean the same: follow the first frame. */
const FOLLOW_IMAGE: readonly string[] = ['adaptive', 'auto'];

function enumSpec(entry: ModelEntry, key: EnumSpec['key']): EnumSpec | undefined {
  return entry.params.find((s): s is EnumSpec => s.kind === 'enum' && s.key === key);
}

function intSpec(entry: ModelEntry, key: IntSpec['key']): IntSpec | undefined {
  return entry.params.find((s): s is IntSpec => s.kind === 'int' && s.key === key);
}

function fitEnum(spec: EnumSpec, value: string): string {
  if (spec.options.includes(value)) return value;
  // The same meaning under the other provider's spelling.
  if (FOLLOW_IMAGE.includes(value)) return spec.options.find((o) => FOLLOW_IMAGE.includes(o)) ?? spec.default;
  return spec.default;
}

function fitInt(spec: IntSpec, value: number): number {
  if (value === AUTO_DURATION) return spec.auto ? value : spec.default;
  if (spec.values) return spec.values.includes(value) ? value : spec.default;
  return value >= spec.min && value <= spec.max ? value : spec.default;
}

/** The parameters a fresh draft starts with for `entry`: each spec's default (catalog, providers.md). */
export function defaultParams(entry: ModelEntry): DraftParams {
  return paramsForModel(entry, DraftParams.parse({ resolution: '720p', aspectRatio: '16:9', duration: 5 }));
}

/**
 * `params` adjusted to what `entry` offers: every value the model allows is kept, every other one
 * becomes the model's default (`adaptive` ↔ `auto` are translated, not reset). Fields the model
 * has no spec for are kept untouched, so switching back restores them. A seed beyond the model's
 * range becomes −1 (random) and unlocks. Pure.
 */
export function paramsForModel(entry: ModelEntry, params: DraftParams): DraftParams {
  const next: DraftParams = { ...params };
  const resolution = enumSpec(entry, 'resolution');
  if (resolution) next.resolution = fitEnum(resolution, params.resolution) as Resolution;
  const aspect = enumSpec(entry, 'aspectRatio');
  if (aspect) next.aspectRatio = fitEnum(aspect, params.aspectRatio) as AspectRatio;
  const tier = enumSpec(entry, 'serviceTier');
  if (tier) next.serviceTier = fitEnum(tier, params.serviceTier);
  const duration = intSpec(entry, 'duration');
  if (duration) next.duration = fitInt(duration, params.duration);
  const seed = intSpec(entry, 'seed');
  if (seed && (params.seed < seed.min || params.seed > seed.max)) {
    next.seed = -1;
    next.seedLocked = false;
  }
  return next;
}

/** True when `entry` takes a first frame (image-to-video or first + last frame). */
export function takesFrames(entry: ModelEntry): boolean {
  return entry.modes.includes('image-to-video') || entry.modes.includes('first-last-frame');
}

/** True when `entry` is a reference-to-video row with its reference rules (providers.md "Seedance 2.0 reference-to-video"). */
export function takesReferences(entry: ModelEntry): boolean {
  return entry.modes.includes('reference-to-video') && entry.references !== undefined;
}

/** The inputs a job takes from a draft: its first/last frames, or its reference tray. */
export type DraftInputs = 'frames' | 'references';

/**
 * Which of the draft's inputs a job on `entry` uses: the first/last frames or the reference tray.
 * The two never go together (providers.md "Seedance 2.0 reference-to-video": "Reference mode
 * excludes first/last-frame mode"). A row with only one of them decides; a row with both (ModelArk
 * 2.0) follows `chosen`, the user's pick in Compose, else the tray when it holds anything. Pure.
 */
export function inputsFor(draft: Pick<Draft, 'references'>, entry: ModelEntry, chosen?: DraftInputs): DraftInputs {
  if (!takesReferences(entry)) return 'frames';
  if (!takesFrames(entry)) return 'references';
  return chosen ?? (draft.references.length > 0 ? 'references' : 'frames');
}

/**
 * The provider-neutral `JobParams` for a draft on `entry`: only the parameters the model has, the
 * first frame only for a model that takes images, the last frame only for one with
 * `first-last-frame`, a draft (`params.draft`) only on rows with Draft and then at their draft
 * resolution, and — when the job uses the tray (`inputs`, see `inputsFor`) — the
 * references in tag order instead of any frame, with the draft's task where the row offers it.
 * Seedance 2.5's locks (`taskLocks`: edit → the source's ratio and Auto duration, extend and a first
 * frame → the source's ratio) replace the ratio and duration fields, so a job never breaks them. `seed` is sent as given (callers roll one first
 * when the seed is unlocked). Frames and reference images are passed by image id, reference videos
 * and audio by media id or URL; a crop, if any, travels beside its frame.
 */
export function jobParamsFromDraft(draft: Draft, entry: ModelEntry, inputs: DraftInputs = inputsFor(draft, entry)): JobParams {
  const has = (key: ParamSpec['key']) => entry.params.some((s) => s.key === key);
  const p = draft.params;
  const out: JobParams = {
    modelId: entry.id,
    prompt: draft.prompt,
    resolution: p.resolution,
    aspectRatio: p.aspectRatio,
    duration: p.duration,
  };
  if (inputs === 'references') {
    if (draft.references.length) out.references = draft.references.map((r) => ({ ...r }));
  } else {
    if (takesFrames(entry) && draft.firstFrame) {
      out.firstFrame = draft.firstFrame.imageId;
      if (draft.firstFrame.crop) out.firstFrameCrop = draft.firstFrame.crop;
    }
    if (entry.modes.includes('first-last-frame') && draft.lastFrame) {
      out.lastFrame = draft.lastFrame.imageId;
      if (draft.lastFrame.crop) out.lastFrameCrop = draft.lastFrame.crop;
    }
  }
  if (has('seed')) out.seed = p.seed;
  if (has('cameraFixed')) out.cameraFixed = p.cameraFixed;
  if (has('generateAudio')) out.generateAudio = p.generateAudio;
  if (has('watermark')) out.watermark = p.watermark;
  if (has('serviceTier')) out.serviceTier = p.serviceTier;
  // The task is a reference-mode setting (seedance-2.5.md §2.2, `omni_reference_task_type`): not sent with frames.
  if (inputs === 'references' && draft.task && entry.tasks?.includes(draft.task)) out.task = draft.task;
  // What the task (or a 2.5 first frame) locks is sent locked, whatever the fields held (seedance-2.5.md §2.2).
  Object.assign(out, taskLocks(entry, out));
  // A draft is made at the row's draft resolution, whatever the resolution field says (seedance-2.5.md §2.6).
  if (p.draft && entry.draft) {
    out.draft = true;
    out.resolution = entry.draft.draftResolution;
  }
  return out;
}

/**
 * A `drafts:create` seed from a job's or clip's parameters (Queue "Duplicate to Compose", Library
 * "Reuse"): same model, prompt, frames, references and settings; a given seed ≥ 0 comes back locked, so the
 * clip can be reproduced.
 */
export function draftSeedFromJobParams(params: JobParams): DraftSeed {
  const seed: DraftSeed = {
    modelId: params.modelId,
    prompt: params.prompt,
    ...(params.task ? { task: params.task } : {}),
    params: {
      resolution: params.resolution,
      aspectRatio: params.aspectRatio,
      duration: params.duration,
      ...(params.seed !== undefined ? { seed: params.seed, seedLocked: params.seed >= 0 } : {}),
      ...(params.cameraFixed !== undefined ? { cameraFixed: params.cameraFixed } : {}),
      ...(params.generateAudio !== undefined ? { generateAudio: params.generateAudio } : {}),
      ...(params.watermark !== undefined ? { watermark: params.watermark } : {}),
      ...(params.serviceTier !== undefined ? { serviceTier: params.serviceTier } : {}),
      ...(params.draft ? { draft: true } : {}),
    },
  };
  if (params.firstFrame) seed.firstFrame = { imageId: params.firstFrame, ...(params.firstFrameCrop ? { crop: params.firstFrameCrop } : {}) };
  if (params.lastFrame) seed.lastFrame = { imageId: params.lastFrame, ...(params.lastFrameCrop ? { crop: params.lastFrameCrop } : {}) };
  if (params.references?.length) seed.references = params.references.map((r) => ({ ...r }));
  return seed;
}
