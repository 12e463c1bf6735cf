import { z } from 'zod';
import { Phrase, said, type PhraseCode, type PhraseValue, type Said } from '../messages/phrase';
import { orList } from './or-list';
import { adaptiveOutputSize, outputSize, type PixelSize } from './output-sizes';
import { draftIssues, draftResolutionFor } from './draft';
import { AUTO_DURATION, sourceVideoMissing, taskLocks, taskLockViolations } from './task-type';
import { CropRect, FinalOf, MAX_REFERENCES, ReferenceItem, ReferenceTask, type JobParams, type ModelEntry, type ParamSpec, type ReferenceKind } from './types';

export { findModel } from './models';

type OptionalKey = 'seed' | 'cameraFixed' | 'generateAudio' | 'watermark' | 'serviceTier';
const OPTIONAL_KEYS: readonly OptionalKey[] = ['seed', 'cameraFixed', 'generateAudio', 'watermark', 'serviceTier'];
const FOLLOWS_IMAGE = ['adaptive', 'auto'];

/**
 * A refusal as zod options: the English as the issue's message (CLI, logs, tests) and the phrase in
 * its `params`, for the UI's language (`issuePhrase`). Only custom issues keep `params`, so the
 * type checks that used to be zod's (`z.boolean`, `z.literal`, `z.undefined`) are `z.custom` here.
 */
function refusal(code: PhraseCode, values?: Record<string, PhraseValue>): { error: string; params: { phrase: Phrase } } {
  const { message, phrase } = said(code, values);
  return { error: message, params: { phrase } };
}

/** A custom zod issue at `path` from an English message and its phrase. */
const issue = (path: Array<string | number>, { message, phrase }: Said) => ({ code: 'custom' as const, path, message, params: { phrase } });

/**
 * The phrase a `paramsSchema` issue carries, or undefined (zod's own issues: unknown keys, a
 * non-text value where text is due); its `message` is the English either way.
 */
export function issuePhrase(zodIssue: z.core.$ZodIssue): Phrase | undefined {
  if (zodIssue.code !== 'custom') return undefined;
  const parsed = Phrase.safeParse((zodIssue.params as { phrase?: unknown } | undefined)?.phrase);
  return parsed.success ? parsed.data : undefined;
}

const label = (spec: ParamSpec) => said(`params.label.${spec.key}`).phrase;

function enumSchema(spec: Extract<ParamSpec, { kind: 'enum' }>, model: string) {
  return z.string().refine((v) => spec.options.includes(v), refusal('params.oneOf', { label: label(spec), options: spec.options.join(', '), model }));
}

function intSchema(spec: Extract<ParamSpec, { kind: 'int' }>, model: string) {
  const allowed = spec.values ? orList(spec.values) : said('params.range', { min: spec.min, max: spec.max }).phrase;
  const refused = refusal('params.wholeNumber', {
    label: label(spec),
    allowed,
    // Seconds are the only unit the catalog has; another would be shown as written.
    unit: spec.unit === 's' ? said('params.unitSeconds').phrase : spec.unit ? ` ${spec.unit}` : '',
    auto: spec.auto ? said('params.orAuto').phrase : '',
    model,
  });
  const inRange = (v: number) => v >= spec.min && v <= spec.max && (!spec.values || spec.values.includes(v));
  // Not a number at all: zod's type check, English only (the UI only ever sends numbers here). A
  // fraction stops here, as zod's `.int()` did (the mode rules are not judged then); a whole number out of range does not.
  return z
    .number({ error: refused.error })
    .refine((v) => Number.isInteger(v), { ...refused, abort: true })
    .refine((v) => inRange(v) || (spec.auto === true && v === AUTO_DURATION), refused);
}

function specSchema(spec: ParamSpec, model: string): z.ZodType {
  switch (spec.kind) {
    case 'enum':
      // aspectRatio's default depends on whether a first frame is given, resolution's on whether the
      // job is a draft or a final: applied in the transform below.
      return spec.key === 'aspectRatio' || spec.key === 'resolution' ? enumSchema(spec, model).optional() : enumSchema(spec, model).default(spec.default);
    case 'int':
      // duration's default depends on the task (an edit keeps the source's length): applied in the transform below.
      return spec.key === 'duration' ? intSchema(spec, model).optional() : intSchema(spec, model).default(spec.default);
    case 'bool':
      return z.custom<boolean>((v) => typeof v === 'boolean', refusal('params.trueOrFalse', { label: label(spec) })).default(spec.default);
  }
}

/**
 * A strict zod schema for one model's `JobParams`, derived from the entry (providers.md rules as
 * encoded in the catalog). It fills defaults, rejects keys the model does not have and values out
 * of range, and applies the mode rules:
 * - a text-to-video-only model refuses first/last frames ("pick the image-to-video model");
 * - an image-to-video-only model requires a first frame;
 * - a last frame needs a first frame and a model with `first-last-frame`;
 * - a required prompt must be non-blank; a hard `maxChars` is enforced, a soft one is not.
 * `aspectRatio` left out defaults to the row's default, except that with a first frame a model
 * offering `adaptive`/`auto` follows the image (avoids a centre-crop the user did not ask for).
 * Seedance 2.5's task locks (`taskLocks`, seedance-2.5.md §2.2) fill `aspectRatio` and `duration`
 * when left out and refuse values that break them (what the provider answers `TaskTypeConstraint`);
 * an edit or extension without a reference video (its source clip) is refused too. The source's
 * length needs the file: `checkReferences` (media check, prepareReferences) judges it.
 * Draft → final (`draftIssues`, seedance-2.5.md §2.6, §3): `draft` and `finalOf` only on rows with
 * `draft`; a left-out resolution is the draft's (480p) or the final's (1080p); a final skips the
 * mode rules, since it carries none of the draft's media.
 * Parse errors carry plain messages naming the parameter and its allowed values, and each refusal
 * its phrase (`issuePhrase`) for the UI's language.
 */
export function paramsSchema(entry: ModelEntry): z.ZodType<JobParams> {
  const specs = new Map(entry.params.map((s) => [s.key, s] as const));
  const shape: Record<string, z.ZodType> = {
    modelId: z.custom<string>((v) => v === entry.id, refusal('params.modelId', { id: entry.id })),
    prompt: entry.prompt.hard
      ? z.string().refine((s) => s.length <= entry.prompt.maxChars, refusal('params.promptTooLong', { max: entry.prompt.maxChars })).default('')
      : z.string().default(''),
    firstFrame: z.string().min(1).optional(),
    lastFrame: z.string().min(1).optional(),
    firstFrameCrop: CropRect.optional(),
    lastFrameCrop: CropRect.optional(),
    task: ReferenceTask.optional(),
    references: z.array(ReferenceItem).max(MAX_REFERENCES).optional(),
    draft: z.boolean().optional(),
    finalOf: FinalOf.optional(),
  };
  for (const key of ['resolution', 'aspectRatio', 'duration'] as const) {
    const spec = specs.get(key);
    if (!spec) throw new Error(`Catalog row ${entry.id} has no ${key} parameter`);
    shape[key] = specSchema(spec, entry.name);
  }
  for (const key of OPTIONAL_KEYS) {
    const spec = specs.get(key);
    shape[key] = spec ? specSchema(spec, entry.name) : z.custom<undefined>((v) => v === undefined, refusal('params.noParameter', { model: entry.name, key })).optional();
  }
  const aspect = specs.get('aspectRatio') as Extract<ParamSpec, { kind: 'enum' }>;
  const duration = specs.get('duration') as Extract<ParamSpec, { kind: 'int' }>;
  const resolution = specs.get('resolution') as Extract<ParamSpec, { kind: 'enum' }>;
  const hasText = entry.modes.includes('text-to-video');
  const hasImage = entry.modes.includes('image-to-video') || entry.modes.includes('first-last-frame');
  const hasLast = entry.modes.includes('first-last-frame');
  const hasReference = entry.modes.includes('reference-to-video');

  const schema = z
    .strictObject(shape)
    .superRefine((raw, ctx) => {
      const p = raw as Partial<JobParams>;
      for (const d of draftIssues(entry, p)) ctx.addIssue(issue([d.path], d));
      // A final inherits the draft's prompt, media and task (seedance-2.5.md §2.6): the mode rules were the draft's.
      if (p.finalOf) return;
      const refs = p.references ?? [];
      if (!hasImage && (p.firstFrame || p.lastFrame)) {
        ctx.addIssue(issue(['firstFrame'], said(hasReference ? 'params.framesNotReferences' : 'params.textOnly', { model: entry.name })));
      }
      if (!hasText && !hasReference && !p.firstFrame) {
        ctx.addIssue(issue(['firstFrame'], said('params.needsFirstFrame', { model: entry.name })));
      }
      for (const r of referenceIssues(entry, refs, hasText, Boolean(p.firstFrame || p.lastFrame))) ctx.addIssue(issue(r.path, r));
      if (p.lastFrame && !p.firstFrame) {
        ctx.addIssue(issue(['lastFrame'], said('params.lastNeedsFirst')));
      }
      if (p.lastFrame && hasImage && !hasLast) {
        ctx.addIssue(issue(['lastFrame'], said('params.noLastFrame', { model: entry.name })));
      }
      if (entry.prompt.required && !(p.prompt ?? '').trim()) {
        ctx.addIssue(issue(['prompt'], said('params.needsPrompt', { model: entry.name })));
      }
      // Locks are checked on the values the user gave; the ones left out are filled with the locked value below.
      const locks = taskLocks(entry, p);
      const given = { ...p, aspectRatio: p.aspectRatio ?? locks.aspectRatio, duration: p.duration ?? locks.duration } as JobParams;
      const violations = taskLockViolations(entry, given);
      for (const v of violations) {
        if (v.path === 'task' || (given as Partial<JobParams>)[v.path] !== undefined) ctx.addIssue(issue([v.path], v));
      }
      const missing = violations.some((v) => v.path === 'task') ? null : sourceVideoMissing(entry, p);
      if (missing) ctx.addIssue(issue(['references'], missing));
    })
    .transform((raw) => {
      const p = raw as Partial<JobParams>;
      const locks = taskLocks(entry, p);
      const follow = p.firstFrame ? aspect.options.find((o) => FOLLOWS_IMAGE.includes(o)) : undefined;
      return {
        ...p,
        resolution: p.resolution ?? draftResolutionFor(entry, p) ?? (resolution.default as JobParams['resolution']),
        aspectRatio: p.aspectRatio ?? locks.aspectRatio ?? ((follow ?? aspect.default) as JobParams['aspectRatio']),
        duration: p.duration ?? locks.duration ?? duration.default,
      } as JobParams;
    });
  return schema as unknown as z.ZodType<JobParams>;
}

const count = (n: number, kind: ReferenceKind) => said(`params.references.count.${kind}.${n === 1 ? 'one' : 'other'}`, { n }).phrase;

/** One reference problem: where it is, its English and its phrase. */
type ReferenceIssue = { path: Array<string | number> } & Said;

/**
 * The reference rules that need no file (providers.md "Seedance 2.0 reference-to-video", as encoded in
 * `entry.references`): references only on reference rows; a reference-only row needs at least one
 * image or video; counts per kind and in all; audio never alone; no first/last frame beside references
 * where the row excludes them; a URL only for a video, and a provider that takes videos only by public
 * URL (ModelArk) gets no local video. What needs the files (seconds, pixels, codecs) is media:check's.
 */
function referenceIssues(entry: ModelEntry, refs: readonly ReferenceItem[], hasText: boolean, hasFrames: boolean): ReferenceIssue[] {
  const rules = entry.references;
  const model = entry.name;
  if (!rules) {
    return refs.length > 0 ? [{ path: ['references'], ...said('params.references.none', { model }) }] : [];
  }
  const issues: ReferenceIssue[] = [];
  const n: Record<ReferenceKind, number> = { image: 0, video: 0, audio: 0 };
  for (const r of refs) n[r.kind]++;
  if (!hasText && refs.length === 0) {
    issues.push({ path: ['references'], ...said(rules.audioNeedsVisual ? 'params.references.needOneVisual' : 'params.references.needOneAny', { model }) });
  }
  const max: Record<ReferenceKind, number> = { image: rules.maxImages, video: rules.videos.max, audio: rules.audios.max };
  for (const kind of ['image', 'video', 'audio'] as const) {
    if (n[kind] > max[kind]) issues.push({ path: ['references'], ...said('params.references.atMost', { model, max: count(max[kind], kind), n: n[kind] }) });
  }
  if (rules.maxFiles !== undefined && refs.length > rules.maxFiles) {
    issues.push({ path: ['references'], ...said('params.references.atMostFiles', { model, max: rules.maxFiles, n: refs.length }) });
  }
  if (rules.audioNeedsVisual && n.audio > 0 && n.image + n.video === 0) {
    issues.push({ path: ['references'], ...said('params.references.audioAlone', { model }) });
  }
  if (rules.excludesFrames && refs.length > 0 && hasFrames) {
    issues.push({ path: ['references'], ...said('params.references.framesMixed', { model }) });
  }
  refs.forEach((r, i) => {
    if (r.url !== undefined && r.kind !== 'video') {
      issues.push({ path: ['references', i], ...said(`params.references.fileOnly.${r.kind === 'image' ? 'image' : 'audio'}`) });
    }
    if (r.id !== undefined && r.kind === 'video' && rules.videos.transport === 'public-url') {
      issues.push({ path: ['references', i], ...said('params.references.publicUrlOnly', { model }) });
    }
  });
  return issues;
}

/**
 * The output size in px for these params (providers.md "Output sizes"). For `adaptive`/`auto` it
 * uses the first frame's size (EXIF-applied, px) and the closest table ratio; without it, null.
 * Null too where the table has no row (4k, `9:21`).
 */
export function outputSizeFor(entry: ModelEntry, params: JobParams, firstFrameSize?: PixelSize): PixelSize | null {
  if (FOLLOWS_IMAGE.includes(params.aspectRatio)) {
    return firstFrameSize ? (adaptiveOutputSize(entry.sizeFamily, params.resolution, firstFrameSize)?.size ?? null) : null;
  }
  return outputSize(entry.sizeFamily, params.resolution, params.aspectRatio);
}

/** A price estimate in USD with the date its price list was read. */
export interface CostEstimate {
  usd: number;
  asOf: string;
  estimate: true;
}

/** What a reference job's files add to its price: the reference videos' total length in seconds. */
export interface ReferenceInputs {
  videoSeconds: number;
}

/**
 * Estimated price of one job, or null when the row has no published price, the output size is
 * unknown or the duration is Auto. Tokens model (providers.md, ModelArk "Cost"): tokens = width × height × fps × seconds
 * / 1024, times the USD price per million tokens (the silent price when `generateAudio` is false
 * and the row has one). Reference jobs (providers.md "Seedance 2.0 reference-to-video"): on rows with
 * `billsInputVideo` the seconds are output + `inputs.videoSeconds`, and the price is multiplied by
 * `withVideoFactor` (fal: 0.6) when the job has reference videos — or replaced by the row's own
 * `usdPerMillionTokensWithVideo` rate (ModelArk 2.5, seedance-2.5.md §2.7); without `inputs` such a job has no
 * estimate (null) rather than a low one. `usdPerMillionTokensByResolution` overrides the price per
 * resolution (2.5's 1080p). Per-second model: USD per second
 * for the resolution × output seconds.
 */
export function estimateCost(entry: ModelEntry, params: JobParams, size: PixelSize | null, inputs?: ReferenceInputs): CostEstimate | null {
  const cost = entry.cost;
  // An Auto duration is the model's choice (and an edit's is the source's): no length to price.
  if (!cost || params.duration === AUTO_DURATION) return null;
  if (cost.kind === 'per-second') {
    const rate = cost.usdPerSecond[params.resolution];
    return rate === undefined ? null : { usd: rate * params.duration, asOf: cost.asOf, estimate: true };
  }
  if (!size) return null;
  const hasVideos = (params.references ?? []).some((r) => r.kind === 'video');
  // Billed input seconds that are not known (no probe yet, a video by URL) would make the estimate too low: none then.
  if (cost.billsInputVideo && hasVideos && inputs === undefined) return null;
  const inputSeconds = cost.billsInputVideo && hasVideos ? (inputs?.videoSeconds ?? 0) : 0;
  const tokens = (size.width * size.height * cost.fps * (params.duration + inputSeconds)) / 1024;
  const listed = cost.usdPerMillionTokensByResolution?.[params.resolution] ?? cost.usdPerMillionTokens;
  const base = params.generateAudio === false && cost.usdPerMillionTokensSilent !== undefined ? cost.usdPerMillionTokensSilent : listed;
  const withVideo = cost.usdPerMillionTokensWithVideo?.[params.resolution];
  const price = !hasVideos ? base : withVideo !== undefined ? withVideo : cost.withVideoFactor !== undefined ? base * cost.withVideoFactor : base;
  return { usd: (tokens * price) / 1_000_000, asOf: cost.asOf, estimate: true };
}
