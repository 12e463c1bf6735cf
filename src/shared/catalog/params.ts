import { z } from 'zod';
import { adaptiveOutputSize, outputSize, type PixelSize } from './output-sizes';
import { AUTO_DURATION, taskLocks, taskLockViolations } from './task-type';
import { CropRect, ReferenceTask, type JobParams, type ModelEntry, type ParamSpec } from './types';

export { findModel } from './models';

type OptionalKey = 'seed' | 'cameraFixed' | 'generateAudio' | 'watermark' | 'serviceTier';
const OPTIONAL_KEYS: readonly OptionalKey[] = ['seed', 'cameraFixed', 'generateAudio', 'watermark', 'serviceTier'];
const FOLLOWS_IMAGE = ['adaptive', 'auto'];

function enumSchema(spec: Extract<ParamSpec, { kind: 'enum' }>, model: string) {
  return z
    .string()
    .refine((v) => spec.options.includes(v), { error: `${spec.label} must be one of ${spec.options.join(', ')} on ${model}` });
}

function intSchema(spec: Extract<ParamSpec, { kind: 'int' }>, model: string) {
  const allowed = `${spec.values ? spec.values.join(' or ') : `${spec.min} … ${spec.max}`}${spec.unit ? ` ${spec.unit}` : ''}${spec.auto ? ', or Auto (-1)' : ''}`;
  const message = `${spec.label} must be a whole number, ${allowed}, on ${model}`;
  const inRange = (v: number) => v >= spec.min && v <= spec.max && (!spec.values || spec.values.includes(v));
  return z
    .number({ error: message })
    .int({ error: message })
    .refine((v) => inRange(v) || (spec.auto === true && v === AUTO_DURATION), { error: message });
}

function specSchema(spec: ParamSpec, model: string): z.ZodType {
  switch (spec.kind) {
    case 'enum':
      // aspectRatio's default depends on whether a first frame is given: applied in the transform below.
      return spec.key === 'aspectRatio' ? enumSchema(spec, model).optional() : enumSchema(spec, model).default(spec.default);
    case 'int':
      // duration's default depends on the task (an edit keeps the source's length): applied in the transform below.
      return spec.key === 'duration' ? intSchema(spec, model).optional() : intSchema(spec, model).default(spec.default);
    case 'bool':
      return z.boolean({ error: `${spec.label} must be true or false` }).default(spec.default);
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
 * when left out and refuse values that break them (what the provider answers `TaskTypeConstraint`).
 * Parse errors carry plain messages naming the parameter and its allowed values.
 */
export function paramsSchema(entry: ModelEntry): z.ZodType<JobParams> {
  const specs = new Map(entry.params.map((s) => [s.key, s] as const));
  const shape: Record<string, z.ZodType> = {
    modelId: z.literal(entry.id, { error: `modelId must be ${entry.id}` }),
    prompt: entry.prompt.hard
      ? z.string().max(entry.prompt.maxChars, { error: `The prompt is longer than ${entry.prompt.maxChars} characters` }).default('')
      : z.string().default(''),
    firstFrame: z.string().min(1).optional(),
    lastFrame: z.string().min(1).optional(),
    firstFrameCrop: CropRect.optional(),
    lastFrameCrop: CropRect.optional(),
    task: ReferenceTask.optional(),
  };
  for (const key of ['resolution', 'aspectRatio', 'duration'] as const) {
    const spec = specs.get(key);
    if (!spec) throw new Error(`Catalog row ${entry.id} has no ${key} parameter`);
    shape[key] = specSchema(spec, entry.name);
  }
  for (const key of OPTIONAL_KEYS) {
    const spec = specs.get(key);
    shape[key] = spec ? specSchema(spec, entry.name) : z.undefined({ error: `${entry.name} has no ${key} parameter` }).optional();
  }
  const aspect = specs.get('aspectRatio') as Extract<ParamSpec, { kind: 'enum' }>;
  const duration = specs.get('duration') as Extract<ParamSpec, { kind: 'int' }>;
  const hasText = entry.modes.includes('text-to-video');
  const hasImage = entry.modes.includes('image-to-video') || entry.modes.includes('first-last-frame');
  const hasLast = entry.modes.includes('first-last-frame');

  const schema = z
    .strictObject(shape)
    .superRefine((raw, ctx) => {
      const p = raw as Partial<JobParams>;
      if (!hasImage && (p.firstFrame || p.lastFrame)) {
        ctx.addIssue({ code: 'custom', path: ['firstFrame'], message: `${entry.name} is text-to-video only: it takes no image. Pick the image-to-video model.` });
      }
      if (!hasText && !p.firstFrame) {
        ctx.addIssue({ code: 'custom', path: ['firstFrame'], message: `${entry.name} needs a first frame image.` });
      }
      if (p.lastFrame && !p.firstFrame) {
        ctx.addIssue({ code: 'custom', path: ['lastFrame'], message: 'A last frame needs a first frame too.' });
      }
      if (p.lastFrame && hasImage && !hasLast) {
        ctx.addIssue({ code: 'custom', path: ['lastFrame'], message: `${entry.name} does not take a last frame.` });
      }
      if (entry.prompt.required && !(p.prompt ?? '').trim()) {
        ctx.addIssue({ code: 'custom', path: ['prompt'], message: `${entry.name} needs a prompt.` });
      }
      // Locks are checked on the values the user gave; the ones left out are filled with the locked value below.
      const locks = taskLocks(entry, p);
      const given = { ...p, aspectRatio: p.aspectRatio ?? locks.aspectRatio, duration: p.duration ?? locks.duration } as JobParams;
      for (const v of taskLockViolations(entry, given)) {
        if (v.path === 'task' || (given as Partial<JobParams>)[v.path] !== undefined) ctx.addIssue({ code: 'custom', path: [v.path], message: v.message });
      }
    })
    .transform((raw) => {
      const p = raw as Partial<JobParams>;
      const locks = taskLocks(entry, p);
      const follow = p.firstFrame ? aspect.options.find((o) => FOLLOWS_IMAGE.includes(o)) : undefined;
      return {
        ...p,
        aspectRatio: p.aspectRatio ?? locks.aspectRatio ?? ((follow ?? aspect.default) as JobParams['aspectRatio']),
        duration: p.duration ?? locks.duration ?? duration.default,
      } as JobParams;
    });
  return schema as unknown as z.ZodType<JobParams>;
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

/**
 * Estimated price of one job, or null when the row has no published price, the output size is
 * unknown or the duration is Auto. Tokens model (providers.md, ModelArk "Cost"): tokens = width × height × fps × seconds
 * / 1024, times the USD price per million tokens (the silent price when `generateAudio` is false
 * and the row has one). Per-second model: USD per second for the resolution × seconds.
 */
export function estimateCost(entry: ModelEntry, params: JobParams, size: PixelSize | null): CostEstimate | null {
  const cost = entry.cost;
  // An Auto duration is the model's choice (and an edit's is the source's): no length to price.
  if (!cost || params.duration === AUTO_DURATION) return null;
  if (cost.kind === 'per-second') {
    const rate = cost.usdPerSecond[params.resolution];
    return rate === undefined ? null : { usd: rate * params.duration, asOf: cost.asOf, estimate: true };
  }
  if (!size) return null;
  const tokens = (size.width * size.height * cost.fps * params.duration) / 1024;
  const price = params.generateAudio === false && cost.usdPerMillionTokensSilent !== undefined ? cost.usdPerMillionTokensSilent : cost.usdPerMillionTokens;
  return { usd: (tokens * price) / 1_000_000, asOf: cost.asOf, estimate: true };
}
