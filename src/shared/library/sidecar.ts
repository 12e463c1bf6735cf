import { z } from 'zod';
import { CropRect, JobParams, Mode, ProviderId, ReferenceKind } from '../catalog/types';
import { JobBatch } from '../jobs/batch';
import { JobRoute } from '../jobs/job';

/**
 * The sidecar format this build writes. It reads this one and v1 (`readSidecar`); a sidecar with
 * any other version is skipped, never rewritten.
 */
export const SIDECAR_SCHEMA_VERSION = 2;

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
 * The job parameters as the user chose them (`JobParams` without prompt, model, image ids, crops
 * and references: ids are only good in the app that made them, so the inputs themselves are
 * recorded in `inputs`, each frame with its crop).
 */
export const ClipParameters = JobParams.omit({
  modelId: true,
  prompt: true,
  firstFrame: true,
  lastFrame: true,
  firstFrameCrop: true,
  lastFrameCrop: true,
  references: true,
});
export type ClipParameters = z.infer<typeof ClipParameters>;

/** The library's content-addressed input store, a hidden folder in the library root. */
export const INPUT_STORE_DIR = '.inputs';

/** File extensions the input store keeps (the image service's and media service's formats). */
export const STORE_EXTENSIONS = ['jpg', 'png', 'webp', 'bmp', 'tiff', 'gif', 'avif', 'mp4', 'mov', 'webm', 'mkv', 'wav', 'mp3', 'm4a', 'aac', 'ogg', 'flac'] as const;

/** `.inputs/<sha256[0..2]>/<sha256>.<ext>`, relative to the library root. */
const STORE_FILE = new RegExp(`^\\.inputs/([0-9a-f]{2})/([0-9a-f]{64})\\.(${STORE_EXTENSIONS.join('|')})$`);
/** `inputs/first.<ext>` / `inputs/last.<ext>`, relative to the clip folder: what v1 wrote. */
const CLIP_FILE = /^inputs\/(first|last)\.(jpg|png|webp|bmp|tiff|gif)$/;

/**
 * Where a stored input lives, as one of exactly two shapes, so a foreign sidecar can never point
 * the app at a file outside the library: `.inputs/<aa>/<sha256>.<ext>` in the library's shared
 * store (relative to the library root; `aa` and the name must be the file's own `sha256`), or
 * `inputs/first|last.<ext>` in the clip's own folder (clips filed by schema v1).
 */
export function isInputFilePath(file: string, sha256: string): boolean {
  const store = STORE_FILE.exec(file);
  if (store) return store[1] === sha256.slice(0, 2) && store[2] === sha256;
  return CLIP_FILE.test(file);
}

/** One stored file: where (`isInputFilePath`), its sha256 and size in bytes, and what it holds (px, seconds). */
export const StoredInputFile = z
  .object({
    file: z.string().max(120),
    sha256: Sha256,
    bytes: z.number().int().nonnegative(),
    mime: z.string().max(100).optional(),
    /** px */
    width: z.number().int().positive().optional(),
    /** px */
    height: z.number().int().positive().optional(),
    /** seconds (videos and audio) */
    durationSec: z.number().nonnegative().optional(),
  })
  .refine((f) => isInputFilePath(f.file, f.sha256), {
    error: 'file must be .inputs/<sha256[0..2]>/<sha256>.<ext> (the library\'s input store) or inputs/first|last.<ext>',
    path: ['file'],
  });
export type StoredInputFile = z.infer<typeof StoredInputFile>;

/** A reference's prompt tag: `@image1`…, numbered per kind in tag order (providers.md, "Seedance 2.0 reference-to-video"). */
export const ReferenceTag = z.string().regex(/^@(image|video|audio)[1-9][0-9]?$/, 'tag must look like @image1');

/**
 * One input of a clip: a first or last frame (always an image) or a reference (image, video or
 * audio, with its prompt tag), listed frames first, then references in tag order.
 * - `original`: the file exactly as the user gave it, so Reuse brings back the full-size photo
 *   (issue 14 item 3). Absent for clips filed by v1 (only the sent copy was kept).
 * - `sent`: the processed copy sent to the provider (frames and reference images: resized,
 *   cropped, re-encoded) — kept because it is what the provider saw (reproducing the clip without
 *   the app, or after an image-service change that would process the original differently).
 *   Absent when the original was sent as it is (videos, audio).
 * - `url`: a reference video the provider fetched from a public URL (ModelArk); nothing is stored.
 * - `name`: the original's file name as the user saw it; `crop`: the user's framing of the
 *   original, px of the upright image, which Reuse applies again.
 */
export const SidecarInput = z
  .object({
    role: z.enum(['first', 'last', 'reference']),
    kind: ReferenceKind,
    tag: ReferenceTag.optional(),
    name: z.string().min(1).max(255).optional(),
    original: StoredInputFile.optional(),
    sent: StoredInputFile.optional(),
    url: z.url({ protocol: /^https$/ }).max(4096).optional(),
    crop: CropRect.optional(),
  })
  .refine((i) => Boolean(i.original ?? i.sent ?? i.url), { error: 'an input needs a stored file or a URL' })
  .refine((i) => (i.role === 'reference' ? i.tag?.startsWith(`@${i.kind}`) === true : i.kind === 'image' && i.tag === undefined), {
    error: 'a frame is an image without a tag; a reference carries the tag of its kind',
  });
export type SidecarInput = z.infer<typeof SidecarInput>;

/**
 * v1's processed input image, copied into the clip folder as `inputs/first.<ext>` /
 * `inputs/last.<ext>` (the path limited to those names).
 */
const SidecarInputV1 = z.object({
  role: z.enum(['first', 'last']),
  file: z.string().regex(CLIP_FILE),
  sha256: Sha256,
  bytes: z.number().int().nonnegative(),
  /** px */
  width: z.number().int().positive(),
  /** px */
  height: z.number().int().positive(),
});

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

/** The fields every sidecar version shares. */
const SidecarBase = z.object({
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
    /** ffprobe's profile (`High`, `Main 10`…), pixel format (`yuv420p10le`…), bits per sample and first audio codec (`aac`, `pcm_s16le`…); absent in older sidecars or when ffprobe did not say. */
    profile: z.string().max(100).optional(),
    pixFmt: z.string().max(50).optional(),
    bitDepth: z.number().int().positive().optional(),
    audioCodec: z.string().max(50).optional(),
  }),
  /**
   * The H.264 copy the players show when the clip's own video is one the app's players cannot be
   * counted on to play (HEVC, 10-bit, 4:4:4, PCM audio: seedance-2.5.md §2.1, §2.5). `file` is
   * always `preview.mp4` in the clip folder; `reason` says what the original is (e.g.
   * `HEVC (Main 10, yuv420p10le, 10-bit)`). The original stays the clip's video (export, reveal).
   * Optional: sidecars without it still read; the index ignores a preview whose file is gone.
   */
  preview: z
    .object({
      file: z.literal('preview.mp4'),
      codec: z.literal('h264'),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      bytes: z.number().int().positive(),
      reason: z.string().max(200),
    })
    .optional(),
  providerTaskId: z.string().min(1).max(500),
  jobId: z.string().max(200).optional(),
  timings: ClipTimings,
  cost: ClipCost,
  video: z.object({ sha256: Sha256, bytes: z.number().int().positive() }),
  appVersion: z.string().max(100),
  /** The clip whose last frame this clip started from. */
  continuedFrom: ClipId.optional(),
  /**
   * On a draft clip (`parameters.draft`): the provider's draft id its final names and when the
   * provider stops keeping it (ms epoch; 7 days after the draft task was created, seedance-2.5.md
   * §2.6, §3). A final clip links back through `parameters.finalOf`.
   */
  draft: z.object({ id: z.string().min(1).max(500), expiresAt: EpochMs }).optional(),
  /**
   * The library clip this clip edits or extends: the source video of a Seedance 2.5 `edit` or
   * `extend` job (its first reference video, seedance-2.5.md §2.2). At most one of the two is set.
   */
  editedFrom: ClipId.optional(),
  extendedFrom: ClipId.optional(),
  /** The clips, in order, the app joined into this one (Join with the source, a chain exported as one film). */
  joinedFrom: z.array(ClipId).min(2).max(50).optional(),
  /**
   * The provider's own link to the video and when it stops working (ms since the epoch): ModelArk
   * keeps it 24 h (seedance-2.5.md §2.5 "Retention"). ModelArk takes a source video only by public
   * URL (§2.4), so a 2.5 edit or extend of this clip there sends this link while it lasts.
   */
  resultLink: z.object({ url: z.string().max(4096), expiresAt: EpochMs }).optional(),
  /**
   * Where the job that made it was sent (`JobRoute`): `demo` — the offline demo's simulator, so the
   * video is simulated, not a provider's; absent on clips filed before routes were recorded.
   */
  route: JobRoute.optional(),
  /** The batch of variations the clip's job was a take of (`JobBatch`: batch id, take number, takes sent); absent for a lone job. */
  batch: JobBatch.optional(),
  rating: Rating,
  tags: z.array(z.string().max(100)).max(100),
});

/** Frames (at most 2) plus references (at most `MAX_REFERENCES`, 50). */
const MAX_INPUTS = 52;

/**
 * The `clip.json` sidecar, schema v2: everything needed to understand and reproduce a clip without
 * the app. Sidecars are the library's source of truth; the in-memory index is rebuilt from them.
 * Sizes are px, durations seconds, times ms since the epoch. v1 files are read into this shape by
 * `readSidecar`.
 */
export const ClipSidecar = SidecarBase.extend({
  schemaVersion: z.literal(SIDECAR_SCHEMA_VERSION),
  inputs: z
    .array(SidecarInput)
    .max(MAX_INPUTS)
    .refine((list) => ['first', 'last'].every((role) => list.filter((i) => i.role === role).length <= 1), 'at most one first and one last frame'),
});
export type ClipSidecar = z.infer<typeof ClipSidecar>;

/** Schema v1 (written before references): only the processed first/last frames, in the clip folder. */
export const ClipSidecarV1 = SidecarBase.extend({
  schemaVersion: z.literal(1),
  parameters: JobParams.omit({ modelId: true, prompt: true, firstFrame: true, lastFrame: true, firstFrameCrop: true, lastFrameCrop: true }),
  inputs: z.array(SidecarInputV1).max(2),
});
export type ClipSidecarV1 = z.infer<typeof ClipSidecarV1>;

/** What `readSidecar` made of a parsed `clip.json`. `version` is the file's own. */
export type SidecarRead = { ok: true; sidecar: ClipSidecar; version: 1 | 2 } | { ok: false; detail: string };

/**
 * Reads a parsed `clip.json` of any version this build knows into the current (v2) shape, without
 * changing the file: a v1 file's frames become inputs with only a `sent` copy (v1 kept no
 * original) in the clip folder. Another or missing `schemaVersion`, or a file that does not match
 * its version's schema, is `ok: false` with the first problem — the caller skips it.
 */
export function readSidecar(json: unknown): SidecarRead {
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version === SIDECAR_SCHEMA_VERSION) {
    const parsed = ClipSidecar.safeParse(json);
    return parsed.success ? { ok: true, sidecar: parsed.data, version: 2 } : { ok: false, detail: firstIssue(parsed.error) };
  }
  if (version === 1) {
    const parsed = ClipSidecarV1.safeParse(json);
    return parsed.success ? { ok: true, sidecar: fromV1(parsed.data), version: 1 } : { ok: false, detail: firstIssue(parsed.error) };
  }
  return { ok: false, detail: `schemaVersion ${JSON.stringify(version ?? null)} is not one this version reads (1 or ${SIDECAR_SCHEMA_VERSION})` };
}

/** v1 → the in-memory v2 shape. */
function fromV1(v1: ClipSidecarV1): ClipSidecar {
  const { references: _ids, ...parameters } = v1.parameters;
  return {
    ...v1,
    schemaVersion: SIDECAR_SCHEMA_VERSION,
    parameters,
    inputs: v1.inputs.map(({ role, ...sent }) => ({ role, kind: 'image' as const, sent })),
  };
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

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
