import { z } from 'zod';
import { CatalogNote } from './notes';

/** The four providers that sell Seedance; one adapter module each under `src/main/providers/`. */
export const ProviderId = z.enum(['novita', 'fal', 'evolink', 'ark']);
export type ProviderId = z.infer<typeof ProviderId>;

/**
 * What a model makes from what: text only, one first frame, first + last frame, or reference media
 * (Seedance 2.0+ reference-to-video: images, videos and audio addressed from the prompt as `@image1`,
 * `@video1`, `@audio1`; providers.md "Seedance 2.0 reference-to-video").
 */
export const Mode = z.enum(['text-to-video', 'image-to-video', 'first-last-frame', 'reference-to-video']);
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

/**
 * Output-size family: Seedance 1.0 sizes differ from 1.5 Pro / 2.0 sizes (providers.md, "Output
 * sizes"), and 2.5's 480p differs from 2.0's (854×480, not 864×496: seedance-2.5.md §2.5).
 */
export const SizeFamily = z.enum(['seedance-1.0', 'seedance-1.5+', 'seedance-2.5']);
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
    /** Duration only: `-1` is also allowed and means "the model picks" (ModelArk/EvoLink `-1`, fal `"auto"`). */
    auto: z.boolean().optional(),
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

/** The three kinds of reference media; prompt tags are 1-based per kind in array order (`@image1`, `@video1`, `@audio1`). */
export const ReferenceKind = z.enum(['image', 'video', 'audio']);
export type ReferenceKind = z.infer<typeof ReferenceKind>;

/**
 * How a provider takes one kind of reference file: uploaded to its storage first and sent as a URL
 * (fal storage, EvoLink files API), inline as a data URL (ModelArk images and audio), or only as a
 * public URL the user gives (ModelArk reference videos: "no base64", providers.md ModelArk table).
 */
export const ReferenceTransport = z.enum(['upload', 'inline', 'public-url']);
export type ReferenceTransport = z.infer<typeof ReferenceTransport>;

/**
 * Limits on one kind of reference video or audio (providers.md, "Seedance 2.0 reference-to-video",
 * per provider). Seconds per clip and in total, bytes per file and in total, pixels per frame
 * (width × height), sides in px (inclusive), frames per second; absent = not limited by the docs.
 */
export const MediaLimits = z.object({
  /** Most files of this kind in one request. */
  max: z.number().int().nonnegative(),
  /** Containers/formats as ffprobe names the file's format (`mp4`, `mov`, `wav`, `mp3`). */
  formats: z.array(z.string()).min(1),
  /** Codecs as ffprobe names them (`h264`, `hevc`; `aac`, `mp3`, `pcm_s16le`); absent = any. */
  codecs: z.array(z.string()).optional(),
  minSeconds: z.number().optional(),
  maxSeconds: z.number().optional(),
  /** All files of this kind together (or with `totalSecondsMin`, together at least). */
  totalMaxSeconds: z.number().optional(),
  totalMinSeconds: z.number().optional(),
  maxBytes: z.number().int().positive().optional(),
  totalMaxBytes: z.number().int().positive().optional(),
  minPixels: z.number().int().optional(),
  maxPixels: z.number().int().optional(),
  minSide: z.number().int().optional(),
  maxSide: z.number().int().optional(),
  minRatio: z.number().optional(),
  maxRatio: z.number().optional(),
  minFps: z.number().optional(),
  maxFps: z.number().optional(),
  transport: ReferenceTransport,
  /** Where the limits come from, e.g. "providers.md: Seedance 2.0 reference-to-video, EvoLink table". */
  source: z.string(),
});
export type MediaLimits = z.infer<typeof MediaLimits>;

/**
 * What a reference-to-video row accepts (providers.md "Seedance 2.0 reference-to-video"): reference
 * images checked by `images` (the image rules) up to `maxImages`, videos and audio by their limits,
 * at most `maxFiles` in all (fal: 12), audio only beside an image or a video (`audioNeedsVisual`:
 * all three providers), and never mixed with first/last frames (`excludesFrames`: ModelArk refuses
 * the mix at submit; fal and EvoLink use separate endpoints).
 */
export const ReferenceRules = z.object({
  maxImages: z.number().int().nonnegative(),
  images: ImageRules,
  imageTransport: ReferenceTransport,
  videos: MediaLimits,
  audios: MediaLimits,
  maxFiles: z.number().int().positive().optional(),
  audioNeedsVisual: z.boolean(),
  excludesFrames: z.boolean(),
  source: z.string(),
});
export type ReferenceRules = z.infer<typeof ReferenceRules>;

/**
 * What a reference-to-video job does with its references (Seedance 2.5, seedance-2.5.md §2.2):
 * make a new clip from them (`reference`), change what is in a source clip (`edit`: the first
 * reference video is the source), or continue a source clip (`extend`). Sent explicitly (ModelArk
 * `omni_reference_task_type`, fal `task`, EvoLink's model id), never left to the model's guess.
 */
export const ReferenceTask = z.enum(['reference', 'edit', 'extend']);
export type ReferenceTask = z.infer<typeof ReferenceTask>;

/**
 * How a row makes a 480p Draft and its 1080p final (Seedance 2.5, seedance-2.5.md §2.6 ModelArk and
 * §3 fal): the draft is an ordinary request with `draft: true` at `draftResolution`; the final reuses
 * the draft by its id and sends nothing else the draft had. `finalResolutions`: the only resolutions
 * a final may have (1080p; a Premium row would say 4k). `validDays`: how long the provider keeps the
 * draft id (7). `completeEndpoint`: where the final goes when it is not the row's own endpoint (fal
 * `bytedance/seedance-2.5/draft/complete`); absent = the row's own create endpoint (ModelArk).
 * Both stages are billed. `source` cites the brief and says what is unconfirmed.
 */
export const DraftSupport = z.object({
  draftResolution: Resolution,
  finalResolutions: z.array(Resolution).min(1),
  validDays: z.number().int().positive(),
  completeEndpoint: z.string().optional(),
  source: z.string().min(1),
});
export type DraftSupport = z.infer<typeof DraftSupport>;

/**
 * A final job's link to its draft: the library clip the draft made (`clipId`, lineage "final of")
 * and the provider's draft id (`draftId`: ModelArk's draft task id, fal's `draft_id`), which is all
 * the final request carries besides its resolution (seedance-2.5.md §2.6, §3).
 */
export const FinalOf = z.object({
  clipId: z.string().regex(/^[a-z0-9]{8,32}$/, 'clip id must be 8–32 lowercase letters or digits'),
  draftId: z.string().min(1).max(500),
});
export type FinalOf = z.infer<typeof FinalOf>;

/** A published price, always an estimate with the date it was read. */
export const CostModel = z.discriminatedUnion('kind', [
  /** tokens = width × height × fps × seconds / 1024; price per million tokens in USD. */
  z.object({
    kind: z.literal('tokens'),
    usdPerMillionTokens: z.number(),
    /** Price when `generateAudio` is false, where the provider charges less for silent video (1.5 Pro). */
    usdPerMillionTokensSilent: z.number().optional(),
    /**
     * Reference-to-video: the seconds of the input reference videos are billed as tokens too
     * (tokens = w × h × fps × (input video s + output s) / 1024; fal and ModelArk, providers.md
     * "Seedance 2.0 reference-to-video").
     */
    billsInputVideo: z.boolean().optional(),
    /** Price multiplier when reference videos are given (fal: 0.6, same section). */
    withVideoFactor: z.number().positive().optional(),
    /**
     * USD per million tokens for the resolutions whose price differs from `usdPerMillionTokens`
     * (Seedance 2.5: 1080p costs more, seedance-2.5.md §2.7, §3); a resolution not listed uses it.
     */
    usdPerMillionTokensByResolution: z.record(z.string(), z.number()).optional(),
    /**
     * USD per million tokens when reference videos are given, per resolution (ModelArk 2.5's lower
     * rate with video input, seedance-2.5.md §2.7); takes the place of `withVideoFactor` where listed.
     */
    usdPerMillionTokensWithVideo: z.record(z.string(), z.number()).optional(),
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
  /** Present on rows with the `reference-to-video` mode: what reference media they take. */
  references: ReferenceRules.optional(),
  /**
   * The reference task types the row offers (Seedance 2.5, seedance-2.5.md §2.2); absent = reference
   * only, not chosen by the user. The first is the default. A row with one task is locked to it:
   * EvoLink's `seedance-2.5-video-edit` / `-video-extend` ids select the task by id (§4), so the
   * user does not pick it there.
   */
  tasks: z.array(ReferenceTask).min(1).optional(),
  /**
   * Notes shown in Compose's model picker, as stable keys (`CatalogNote`): the renderer shows each in
   * the UI's language (its `catalog` namespace), English from `notes/en.json`.
   */
  notes: z.array(CatalogNote).default([]),
  /** Deprecation or retirement at the provider; absent = active. See `ModelStatus`. */
  status: ModelStatus.optional(),
  /** Draft → final, where the provider documents it (`DraftSupport`); absent = no draft. */
  draft: DraftSupport.optional(),
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
 * One reference input of a reference-to-video job, in prompt-tag order per kind. `id` is an image
 * id from main's image service (kind `image`) or a media id from main's media service (`video`,
 * `audio`) — never a path; `url` is a public https URL the user gave, for providers that take
 * reference videos only by URL (ModelArk). Exactly one of `id` and `url`.
 */
export const ReferenceItem = z
  .object({
    kind: ReferenceKind,
    id: z.string().regex(/^[0-9a-f]{32}$/, 'not an image or media id').optional(),
    url: z.url({ protocol: /^https$/, error: 'A reference URL must be a public https:// address' }).max(4096).optional(),
  })
  .strict()
  .refine((r) => (r.id === undefined) !== (r.url === undefined), { error: 'A reference needs either a file or a URL, not both' });
export type ReferenceItem = z.infer<typeof ReferenceItem>;

/** At most 50 references in one job (Seedance 2.5 takes 30 images + 10 videos + 10 audio, seedance-2.5.md §2.4; each row's `references` narrows it). */
export const MAX_REFERENCES = 50;

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
  /** Reference media of a reference-to-video job, in tag order per kind (`@image1` is the first image). */
  references: z.array(ReferenceItem).max(MAX_REFERENCES).optional(),
  /** The reference task type, on rows that offer `tasks` (Seedance 2.5); absent = `reference`. */
  task: ReferenceTask.optional(),
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
  /** Generate as a cheap preview at the row's draft resolution, to finish later (rows with `draft` only; `DraftSupport`). */
  draft: z.boolean().optional(),
  /** This job is the final of a draft: it sends only the draft id and its resolution (`FinalOf`). */
  finalOf: FinalOf.optional(),
});
export type JobParams = z.infer<typeof JobParams>;
