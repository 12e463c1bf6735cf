import { z } from 'zod';

/** The four providers that sell Seedance; one adapter module each under `src/main/providers/`. */
export const ProviderId = z.enum(['novita', 'fal', 'evolink', 'ark']);
export type ProviderId = z.infer<typeof ProviderId>;

/** What a model makes from what: text only, one first frame, or first + last frame. */
export const Mode = z.enum(['text-to-video', 'image-to-video', 'first-last-frame']);
export type Mode = z.infer<typeof Mode>;

/** Output resolution names as the providers spell them (EvoLink calls the field `quality`). */
export const Resolution = z.enum(['480p', '720p', '1080p', '4k']);
export type Resolution = z.infer<typeof Resolution>;

/**
 * Aspect ratios as the providers spell them. `adaptive` (Novita 1.5, ModelArk, EvoLink) and `auto`
 * (fal) both mean "follow the first frame's ratio".
 */
export const AspectRatio = z.enum(['21:9', '16:9', '4:3', '1:1', '3:4', '9:16', '9:21', 'adaptive', 'auto']);
export type AspectRatio = z.infer<typeof AspectRatio>;

/** Output-size family: Seedance 1.0 sizes differ from 1.5 Pro / 2.0 sizes (providers.md, "Output sizes"). */
export const SizeFamily = z.enum(['seedance-1.0', 'seedance-1.5+']);
export type SizeFamily = z.infer<typeof SizeFamily>;

/**
 * One user-facing parameter, described as data so the renderer can build its form and main can
 * derive the zod schema from the same object. `key` is the provider-neutral name used in `JobParams`.
 */
export const ParamSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('enum'),
    key: z.enum(['resolution', 'aspectRatio', 'serviceTier']),
    label: z.string(),
    options: z.array(z.string()).min(1),
    default: z.string(),
    /** Options offered but not confirmed by the provider's docs; the UI marks them. */
    unconfirmed: z.array(z.string()).optional(),
  }),
  z.object({
    kind: z.literal('int'),
    key: z.enum(['duration', 'seed']),
    label: z.string(),
    min: z.number().int(),
    max: z.number().int(),
    default: z.number().int(),
    /** Unit shown next to the field, e.g. `s` for duration. */
    unit: z.string().optional(),
    /** The only allowed values when not every integer in [min, max] is (Novita V1: duration 5 or 10). */
    values: z.array(z.number().int()).optional(),
  }),
  z.object({
    kind: z.literal('bool'),
    key: z.enum(['cameraFixed', 'generateAudio', 'watermark']),
    label: z.string(),
    default: z.boolean(),
  }),
]);
export type ParamSpec = z.infer<typeof ParamSpec>;

/**
 * Input image rules a model enforces (providers.md, "Input image rules"). Sides are exclusive
 * bounds in px: a side must be > `minSideExclusive` and < `maxSideExclusive`.
 */
export const ImageRules = z.object({
  formats: z.array(z.enum(['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'])),
  maxBytes: z.number().int().positive(),
  minSideExclusive: z.number().int(),
  maxSideExclusive: z.number().int(),
  minRatio: z.number(),
  maxRatio: z.number(),
  /** Where the rule comes from, e.g. "providers.md: Input image rules; EvoLink image_urls". */
  source: z.string(),
});
export type ImageRules = z.infer<typeof ImageRules>;

/** A published price, always an estimate with the date it was read. */
export const CostModel = z.discriminatedUnion('kind', [
  /** tokens = width × height × fps × seconds / 1024; price per million tokens in USD. */
  z.object({
    kind: z.literal('tokens'),
    usdPerMillionTokens: z.number(),
    /** Price when `generateAudio` is false, where the provider charges less for silent video (1.5 Pro). */
    usdPerMillionTokensSilent: z.number().optional(),
    fps: z.number(),
    asOf: z.string(),
  }),
  /** Flat USD per output second, per resolution. */
  z.object({ kind: z.literal('per-second'), usdPerSecond: z.record(z.string(), z.number()), asOf: z.string() }),
]);
export type CostModel = z.infer<typeof CostModel>;

/** A calendar date `YYYY-MM-DD` (UTC). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD');

/**
 * Where a model stands at its provider. `active`: offered. `deprecated`: still answers but its
 * shutdown is announced; `date` is the shutdown date, from which it counts as retired.
 * `retired`: the provider no longer runs it; `date` is when it stopped. Retired rows are not offered
 * for new jobs; their clips and Reuse still work. `source` names where the fact comes from and
 * whether it is first-party; `replacement` is the catalog id (`<provider>/<model>`) to suggest.
 */
export const ModelStatus = z.object({
  state: z.enum(['active', 'deprecated', 'retired']),
  date: IsoDate.optional(),
  source: z.string().min(1),
  replacement: z.string().optional(),
});
export type ModelStatus = z.infer<typeof ModelStatus>;

/**
 * One (provider, model) row of the catalog. JSON-serializable: it crosses IPC as is.
 * `id` is `<provider>/<model>`, e.g. `novita/seedance-v1-pro-i2v`.
 */
export const ModelEntry = z.object({
  id: z.string(),
  provider: ProviderId,
  /** The provider's own model id / endpoint id / path segment. */
  model: z.string(),
  name: z.string(),
  /** Modes this row supports (ModelArk rows do text, first frame and first+last). */
  modes: z.array(Mode).min(1),
  sizeFamily: SizeFamily,
  params: z.array(ParamSpec),
  /** Prompt limit in characters and whether it is a hard limit or a recommendation. */
  prompt: z.object({ maxChars: z.number().int(), hard: z.boolean(), required: z.boolean() }),
  imageRules: ImageRules.nullable(),
  cost: CostModel.nullable(),
  /** Free-form notes shown in the picker ("runs the fast model", "1080p unconfirmed"). */
  notes: z.array(z.string()).default([]),
  /** Deprecation or retirement at the provider; absent = active. See `ModelStatus`. */
  status: ModelStatus.optional(),
});
export type ModelEntry = z.infer<typeof ModelEntry>;

/**
 * A crop rectangle in px of the upright (EXIF-applied) source image: what the user framed in
 * Compose's crop box. The image service trims it to the output's exact ratio.
 */
export const CropRect = z.object({
  left: z.number().int().min(0),
  top: z.number().int().min(0),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type CropRect = z.infer<typeof CropRect>;

/**
 * Provider-neutral job parameters, as the user chose them. Image fields are opaque image ids
 * handed out by main's image service (never paths from the renderer).
 */
export const JobParams = z.object({
  modelId: z.string(),
  prompt: z.string(),
  firstFrame: z.string().optional(),
  lastFrame: z.string().optional(),
  /** The user's framing of each frame; absent = centre crop, as the providers do. */
  firstFrameCrop: CropRect.optional(),
  lastFrameCrop: CropRect.optional(),
  resolution: Resolution,
  aspectRatio: AspectRatio,
  /** Seconds. */
  duration: z.number().int(),
  /** −1 or absent = random. */
  seed: z.number().int().optional(),
  cameraFixed: z.boolean().optional(),
  generateAudio: z.boolean().optional(),
  watermark: z.boolean().optional(),
  serviceTier: z.string().optional(),
});
export type JobParams = z.infer<typeof JobParams>;
