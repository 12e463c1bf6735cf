import { z } from 'zod';
import { AspectRatio, ReferenceItem, ReferenceTask, Resolution } from '../catalog/types';
import { MAX_BATCH } from '../jobs/batch';

/** A draft id: 8–64 lowercase letters, digits and dashes (a UUID fits). Safe as a file name. */
export const DraftId = z.string().regex(/^[a-z0-9-]{8,64}$/, 'draft id must be 8–64 lowercase letters, digits or dashes');
export type DraftId = z.infer<typeof DraftId>;

/**
 * A rectangle in px of the upright source image (after EXIF orientation): the part of the photo
 * the user framed in the crop box. Same shape as the image service's `ImageRect`.
 */
export const DraftCrop = z.object({
  left: z.number().int().min(0),
  top: z.number().int().min(0),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type DraftCrop = z.infer<typeof DraftCrop>;

/**
 * A first or last frame: the opaque image id main handed out (32 hex chars, never a path) and the
 * crop the user chose; without `crop` the centre of the image is used, as the providers do.
 */
export const DraftFrame = z.object({
  imageId: z.string().regex(/^[0-9a-f]{32}$/, 'not an image id'),
  crop: DraftCrop.optional(),
});
export type DraftFrame = z.infer<typeof DraftFrame>;

/**
 * Where a draft continues from: the library clip (`clipId`) whose last frame was imported as the
 * image `imageId`. The lineage holds only while that image is still the first frame.
 */
export const DraftLineage = z.object({
  clipId: z.string().regex(/^[a-z0-9]{8,32}$/, 'not a clip id'),
  imageId: z.string().regex(/^[0-9a-f]{32}$/, 'not an image id'),
});
export type DraftLineage = z.infer<typeof DraftLineage>;

/**
 * The library clip a draft edits or extends (Seedance 2.5, seedance-2.5.md §2.2): `clipId`, and the
 * source video it was given as — a media id of the clip's file, or the clip's own result link
 * (ModelArk takes videos only by URL, §2.4). It holds while that video is still the first reference
 * video and the task is still edit or extend (`sourceOf`).
 */
export const DraftSource = z
  .object({
    clipId: z.string().regex(/^[a-z0-9]{8,32}$/, 'not a clip id'),
    mediaId: z.string().regex(/^[0-9a-f]{32}$/, 'not a media id').optional(),
    url: z.string().max(4096).optional(),
  })
  .refine((s) => (s.mediaId === undefined) !== (s.url === undefined), { error: 'a source is a media id or a URL' });
export type DraftSource = z.infer<typeof DraftSource>;

/**
 * The parameters as the user left them. Every field the catalog's `ParamSpec` keys know is kept,
 * whatever the current model offers, so switching models and back loses nothing; only the ones
 * the model has are sent (see `jobParamsFromDraft`). Reading is lenient: fields an older file
 * lacks get their defaults.
 */
export const DraftParams = z.object({
  resolution: Resolution,
  aspectRatio: AspectRatio,
  /** Seconds, or −1: the model picks (Seedance 2.x "Auto"). */
  duration: z
    .number()
    .int()
    .min(-1)
    .max(60)
    .refine((d) => d !== 0, { error: 'duration must be at least 1 s, or -1 for Auto' }),
  /** −1 = random; otherwise the seed to send when `seedLocked`. */
  seed: z.number().int().min(-1).max(4294967295).default(-1),
  /** When false, Generate rolls a new seed each time (and shows it); when true it sends `seed` as is. */
  seedLocked: z.boolean().default(false),
  cameraFixed: z.boolean().default(false),
  generateAudio: z.boolean().default(true),
  watermark: z.boolean().default(false),
  serviceTier: z.string().max(32).default('default'),
  /** Generate as a 480p Draft to make final later (rows with `draft`, seedance-2.5.md §2.6, §3); ignored elsewhere. */
  draft: z.boolean().default(false),
});
export type DraftParams = z.infer<typeof DraftParams>;

/** Longest seed list a draft keeps, in characters (eight 10-digit seeds with separators fit twice over). */
export const MAX_SEED_LIST = 200;

/**
 * Generate ×N (issue 14 "Variations"): how many takes one Generate sends (1 = one job; 2–8 = a
 * batch) and the seed list as the user typed it ("1, 2, 42"; empty = random seeds), kept as text so
 * a list still being typed (or one Compose refuses, with the reason shown) comes back as it was left.
 * A file written before the field existed reads as one take, no list.
 */
export const DraftVariations = z.object({
  count: z.number().int().min(1).max(MAX_BATCH).default(1),
  seedList: z.string().max(MAX_SEED_LIST).default(''),
});
export type DraftVariations = z.infer<typeof DraftVariations>;

/** One take, no seed list: what a new draft, and a file written before `variations` existed, start with. */
export const ONE_TAKE: DraftVariations = { count: 1, seedList: '' };

/** Longest prompt a draft keeps, in characters (far above any model's limit; guards the file). */
export const MAX_DRAFT_PROMPT = 20_000;

/**
 * One Compose draft, as saved under `<dataDir>/drafts/<id>.json` and carried by the `drafts`
 * domain. `updatedAt` is ms since the Unix epoch, set by main on every save. `modelId` is a
 * catalog id (`<provider>/<model>`); an id the catalog no longer has is kept, and Compose asks the
 * user to pick a model.
 */
export const Draft = z.object({
  id: DraftId,
  updatedAt: z.number().int().nonnegative(),
  modelId: z.string().max(200),
  prompt: z.string().max(MAX_DRAFT_PROMPT),
  params: DraftParams,
  firstFrame: DraftFrame.optional(),
  lastFrame: DraftFrame.optional(),
  continuedFrom: DraftLineage.optional(),
  /** The reference tray (reference-to-video), in tag order per kind; kept whatever the current model offers. */
  references: z.array(ReferenceItem).max(50).default([]),
  /** The reference task (Seedance 2.5: reference, edit or extend); sent only to rows that offer it. */
  task: ReferenceTask.optional(),
  sourceClip: DraftSource.optional(),
  /** Generate ×N's takes and seed list (`DraftVariations`); an older file without it reads as one take. */
  variations: DraftVariations.default(ONE_TAKE),
});
export type Draft = z.infer<typeof Draft>;

/** The clip this draft edits or extends, if its task is still edit/extend and its first reference video is still that clip; else undefined. */
export function sourceOf(draft: Pick<Draft, 'task' | 'references' | 'sourceClip'>): string | undefined {
  const source = draft.sourceClip;
  if (!source || (draft.task !== 'edit' && draft.task !== 'extend')) return undefined;
  const video = draft.references.find((r) => r.kind === 'video');
  const same = source.mediaId !== undefined ? video?.id === source.mediaId : video?.url === source.url;
  return same ? source.clipId : undefined;
}

/** The clip this draft continues, if its first frame is still that clip's last frame; else undefined. */
export function lineageOf(draft: Pick<Draft, 'firstFrame' | 'continuedFrom'>): string | undefined {
  const l = draft.continuedFrom;
  return l && draft.firstFrame?.imageId === l.imageId ? l.clipId : undefined;
}

/** What a new draft may start from (a reused clip, a duplicated job): any part of a draft but its id and time. */
export const DraftSeed = z
  .object({
    modelId: z.string().max(200),
    prompt: z.string().max(MAX_DRAFT_PROMPT),
    params: DraftParams.partial(),
    firstFrame: DraftFrame,
    lastFrame: DraftFrame,
    continuedFrom: DraftLineage,
    references: z.array(ReferenceItem).max(50),
    task: ReferenceTask,
    sourceClip: DraftSource,
  })
  .partial()
  .strict();
export type DraftSeed = z.infer<typeof DraftSeed>;

/** True when the draft holds nothing of the user's: no prompt, no frame and no reference. */
export function isBlankDraft(draft: Pick<Draft, 'prompt' | 'firstFrame' | 'lastFrame'> & { references?: readonly unknown[] }): boolean {
  return draft.prompt.trim() === '' && !draft.firstFrame && !draft.lastFrame && !draft.references?.length;
}
