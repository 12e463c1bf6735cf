import { z } from 'zod';
import { JobRoute } from '../jobs/job';
import { JobParams, Mode, ProviderId } from '../catalog/types';

/** The sidecar format this build writes and reads. A sidecar with another version is skipped, never rewritten. */
export const SIDECAR_SCHEMA_VERSION = 1;

/** A clip id: lowercase base-36, also the last segment of the clip's folder name. */
export const ClipId = z.string().regex(/^[a-z0-9]{8,32}$/, 'clip id must be 8–32 lowercase letters or digits');
export type ClipId = z.infer<typeof ClipId>;

/** Milliseconds since the Unix epoch. */
const EpochMs = z.number().int().nonnegative();
const Sha256 = z.string().regex(/^[a-f0-9]{64}$/, 'sha256 must be 64 lowercase hex digits');

/** Largest rating a person can give; 0 means "not rated". */
export const MAX_RATING = 5;
export const Rating = z.number().int().min(0).max(MAX_RATING);

/** One tag as stored: trimmed, 1–40 characters. Up to 32 tags per clip. */
export const Tag = z.string().trim().min(1).max(40);
export const Tags = z.array(Tag).max(32);

/**
 * The job parameters as the user chose them (`JobParams` without prompt, model, image ids and
 * crops: the clip keeps the processed inputs, already framed, so a crop would apply twice on reuse).
 */
export const ClipParameters = JobParams.omit({ modelId: true, prompt: true, firstFrame: true, lastFrame: true, firstFrameCrop: true, lastFrameCrop: true });
export type ClipParameters = z.infer<typeof ClipParameters>;

/**
 * One processed input image copied into the clip folder. `file` is relative to the clip folder and
 * limited to `inputs/first.<ext>` / `inputs/last.<ext>`, so a foreign sidecar can never point the
 * app at a file outside its own folder.
 */
export const SidecarInput = z.object({
  role: z.enum(['first', 'last']),
  file: z.string().regex(/^inputs\/(first|last)\.(jpg|png|webp|bmp|tiff|gif)$/),
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  /** px */
  width: z.number().int().positive(),
  /** px */
  height: z.number().int().positive(),
});
export type SidecarInput = z.infer<typeof SidecarInput>;

/**
 * Task timings, each in ms since the epoch. `processingStartedAt` is absent when the provider went
 * straight from queued to done between two polls.
 */
export const ClipTimings = z.object({
  queuedAt: EpochMs,
  submittedAt: EpochMs,
  processingStartedAt: EpochMs.optional(),
  completedAt: EpochMs,
  downloadedAt: EpochMs,
});
export type ClipTimings = z.infer<typeof ClipTimings>;

/**
 * What the clip cost: the app's estimate before submitting (USD, with the date the price was read)
 * and what the provider reported afterwards (ModelArk `usage.completion_tokens`, EvoLink credits,
 * or a USD amount), normalised; either may be null when unknown.
 */
export const ClipCost = z.object({
  estimate: z.object({ usd: z.number().nonnegative(), asOf: z.string() }).nullable(),
  usage: z
    .object({
      tokens: z.number().int().nonnegative().optional(),
      credits: z.number().nonnegative().optional(),
      usd: z.number().nonnegative().optional(),
    })
    .nullable(),
});
export type ClipCost = z.infer<typeof ClipCost>;

/**
 * The `clip.json` sidecar: everything needed to understand and reproduce a clip without the app.
 * Sidecars are the library's source of truth; the in-memory index is rebuilt from them.
 * Sizes are px, durations seconds, times ms since the epoch.
 */
export const ClipSidecar = z.object({
  schemaVersion: z.literal(SIDECAR_SCHEMA_VERSION),
  id: ClipId,
  createdAt: EpochMs,
  prompt: z.string().max(20_000),
  provider: ProviderId,
  /** Catalog id `<provider>/<model>`, e.g. `novita/seedance-v1-pro-i2v`. */
  modelId: z.string().min(1).max(200),
  mode: Mode,
  parameters: ClipParameters,
  /** The seed the provider reports it used; null when it did not say. */
  seed: z.number().int().nullable(),
  /** The video as probed after download. */
  output: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    durationSec: z.number().positive(),
    codec: z.string().optional(),
  }),
  providerTaskId: z.string().min(1).max(500),
  jobId: z.string().max(200).optional(),
  timings: ClipTimings,
  cost: ClipCost,
  inputs: z.array(SidecarInput).max(2),
  video: z.object({ sha256: Sha256, bytes: z.number().int().positive() }),
  appVersion: z.string().max(100),
  /** The clip whose last frame this clip started from. */
  continuedFrom: ClipId.optional(),
  /**
   * Where the job that made it was sent (`JobRoute`): `demo` — the offline demo's simulator, so the
   * video is simulated, not a provider's; absent on clips filed before routes were recorded.
   */
  route: JobRoute.optional(),
  rating: Rating,
  tags: z.array(z.string().max(100)).max(100),
});
export type ClipSidecar = z.infer<typeof ClipSidecar>;

/**
 * Tags as the app stores them: whitespace collapsed, trimmed, empties dropped, duplicates removed
 * case-insensitively (the first spelling wins), at most 32 of at most 40 characters each.
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.replace(/\s+/g, ' ').trim().slice(0, 40).trim();
    const key = tag.toLowerCase();
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length === 32) break;
  }
  return out;
}
