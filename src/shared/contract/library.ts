import { z } from 'zod';
import { AspectRatio, CropRect, Mode, ProviderId, ReferenceKind, Resolution } from '../catalog/types';
import { JobBatch } from '../jobs/batch';
import { LibraryQuery } from '../library/query';
import { ClipId, ClipSidecar, Rating, Tag } from '../library/sidecar';
import { event, request } from './define';
import { ImportedMedia } from './media';
import { Phrase } from '../messages/phrase';

/**
 * One clip in the library grid. `aspectRatio` is the effective ratio (adaptive clips report the one
 * they got). URLs are `media://…` (or the harness's `/media/…`) ids registered by main; null when
 * the file is missing (no poster was made, or the video vanished since the last scan).
 */
export const ClipSummary = z.object({
  id: ClipId,
  /** ms since the epoch */
  createdAt: z.number(),
  prompt: z.string(),
  provider: ProviderId,
  modelId: z.string(),
  mode: Mode,
  resolution: Resolution,
  aspectRatio: AspectRatio,
  /** px */
  width: z.number().int(),
  /** px */
  height: z.number().int(),
  /** seconds */
  durationSec: z.number(),
  rating: Rating,
  tags: z.array(z.string()),
  continuedFrom: ClipId.optional(),
  /** The seed the provider reports it used (the sidecar's `seed`); null when it did not say. */
  seed: z.number().int().nullable(),
  /** True when the offline demo made it (sidecar `route: 'demo'`): a simulated video, not a provider's. */
  simulated: z.boolean(),
  /**
   * Its take among the clips of the same prompt, inputs and model (`numberTakes`: 1, 2, 3… by
   * date), with `differs`, the settings in which it differs from take 1 ("seed", "duration");
   * absent for a lone clip.
   */
  take: z.object({ n: z.number().int().positive(), of: z.number().int().positive(), differs: z.array(z.string()) }).optional(),
  /** The batch of variations it was a take of (sidecar `batch`); absent for a lone job. */
  batch: JobBatch.optional(),
  posterUrl: z.string().nullable(),
  /** The clip's own video (`clip.mp4`): what Save a copy and Reveal give. */
  videoUrl: z.string().nullable(),
  /**
   * What the players load: the clip's H.264 preview when its own video is one they may not play
   * (HEVC, 10-bit, 4:4:4, PCM audio — sidecar `preview`), else the same URL as `videoUrl`.
   */
  playUrl: z.string().nullable(),
});
export type ClipSummary = z.infer<typeof ClipSummary>;

const LineageRef = z.object({ id: ClipId, present: z.boolean() });

/**
 * Where a clip came from and what came after it. `present` is false when that clip was deleted.
 * `editedFrom` / `extendedFrom`: the source clip of a Seedance 2.5 edit or extend; `joinedFrom`:
 * the clips joined, in order, into this one.
 */
export const ClipLineage = z.object({
  continuedFrom: LineageRef.optional(),
  continuedBy: z.array(ClipId),
  editedFrom: LineageRef.optional(),
  extendedFrom: LineageRef.optional(),
  joinedFrom: z.array(LineageRef).optional(),
});
export type ClipLineage = z.infer<typeof ClipLineage>;

/**
 * One input of a clip as the detail view shows it, in sidecar order (frames, then references in
 * tag order). `kept`: `original` — the file as the user gave it is in the library (`url` is it);
 * `sent` — only the processed copy that was sent (clips filed before schema v2); `link` — a
 * reference video the provider fetched from the public URL `link`. `url` is a `media://…` /
 * `/media/…` URL of the kept file, null when it is missing. Sizes px (the kept file's; `sent` the
 * processed copy's), `durationSec` seconds, `bytes` the kept file's size.
 */
export const ClipInputView = z.object({
  role: z.enum(['first', 'last', 'reference']),
  kind: ReferenceKind,
  tag: z.string().optional(),
  name: z.string().optional(),
  kept: z.enum(['original', 'sent', 'link']),
  url: z.string().nullable(),
  link: z.string().optional(),
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  durationSec: z.number().optional(),
  bytes: z.number().int().optional(),
  sha256: z.string().optional(),
  sent: z.object({ width: z.number().int(), height: z.number().int() }).optional(),
});
export type ClipInputView = z.infer<typeof ClipInputView>;

/** Everything the detail view shows: the summary, the whole sidecar, the inputs and lineage. */
export const ClipDetail = ClipSummary.extend({
  /** The clip's folder name inside the library (not a path). */
  folder: z.string(),
  sidecar: ClipSidecar,
  inputs: z.array(ClipInputView),
  lineage: ClipLineage,
});
export type ClipDetail = z.infer<typeof ClipDetail>;

const ById = z.object({ id: ClipId }).strict();

export const libraryDomain = {
  requests: {
    /** One page of clips matching the query, and how many match in all. */
    list: request(LibraryQuery, z.object({ total: z.number().int(), items: z.array(ClipSummary) })),
    /** `NOT_FOUND` when the clip left the library. */
    get: request(ById, ClipDetail),
    /** Writes rating (0 = none, 1–5) and/or tags into the clip's sidecar. */
    update: request(
      z
        .object({ id: ClipId, rating: Rating.optional(), tags: z.array(Tag).max(32).optional() })
        .strict()
        .refine((v) => v.rating !== undefined || v.tags !== undefined, 'give a rating or tags'),
      ClipSummary,
    ),
    /** Moves the clip to the trash; `restore` undoes it. */
    trash: request(ById, z.object({ id: ClipId })),
    restore: request(ById, ClipSummary),
    /**
     * Extracts the clip's final frame at full size for "continue from the last frame". The renderer
     * gets an opaque `token` (main keeps the file path) to hand to the image service, and the size in px.
     */
    lastFrame: request(ById, z.object({ token: z.string(), frame: z.object({ width: z.number().int(), height: z.number().int() }) })),
    /**
     * The clip's inputs, brought back for **Reuse**: each frame and reference image as an opaque
     * `token` for `images:importFrame` (which registers the kept file under the original's name;
     * a frame with the crop the user chose on it), reference videos and audio registered with the
     * media service, and reference URLs as they were. The original when the library kept it, else
     * the copy that was sent (clips filed before schema v2). `left` names in plain words each input
     * that could not be brought back (file missing; videos and audio while the media service is
     * unavailable), which the renderer shows; the rest still comes back.
     */
    reuseInputs: request(
      ById,
      z.object({
        frames: z.array(z.object({ role: z.enum(['first', 'last']), token: z.string(), crop: CropRect.optional() })),
        references: z.array(
          z.union([
            z.object({ kind: z.literal('image'), tag: z.string(), token: z.string() }),
            z.object({ kind: z.enum(['video', 'audio']), tag: z.string(), media: ImportedMedia }),
            z.object({ kind: z.literal('video'), tag: z.string(), url: z.string() }),
          ]),
        ),
        left: z.array(z.string()),
        /** `left` as phrases, in the same order, for the UI's language (absent from older hosts). */
        leftPhrases: z.array(Phrase).optional(),
      }),
    ),
    /**
     * Removes inputs from the library's shared store that no clip uses any more (clips in the
     * trash still count); deleting a clip never removes its inputs, since others may share them.
     */
    cleanInputs: request(z.object({}).strict(), z.object({ files: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
    /** The library's size for the status line: clips (not counting the trash) and their videos' total bytes. */
    stats: request(z.object({}).strict(), z.object({ clips: z.number().int().nonnegative(), bytes: z.number().int().nonnegative() })),
    /** Shows the clip in the system file manager; `revealed` is false where the host cannot. */
    reveal: request(ById, z.object({ revealed: z.boolean() })),
    /**
     * Saves the clip's sidecar (`clip.json`, as on disk) where the user chooses, like `saveCopy`;
     * with `no_dialog` main hands over the text itself for the renderer to download.
     */
    exportSidecar: request(
      ById,
      z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('saved'), fileName: z.string(), folder: z.string(), bytes: z.number().int().nonnegative() }),
        z.object({ outcome: z.literal('cancelled') }),
        z.object({ outcome: z.literal('no_dialog'), fileName: z.string(), json: z.string() }),
      ]),
    ),
    /**
     * Saves a copy of the clip's video (MP4) where the user chooses, through the host's save dialog.
     * `saved`: the copy's file name and folder, and its size in bytes; `cancelled`: the dialog was
     * closed; `no_dialog`: the host has none (the browser harness), so the renderer downloads the
     * clip's `videoUrl` under `fileName` instead. UNAVAILABLE when the copy failed (nothing is left
     * half-written under the chosen name).
     */
    saveCopy: request(
      ById,
      z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('saved'), fileName: z.string(), folder: z.string(), bytes: z.number().int().nonnegative() }),
        z.object({ outcome: z.literal('cancelled') }),
        z.object({ outcome: z.literal('no_dialog'), fileName: z.string() }),
      ]),
    ),
    /**
     * The clip's video as the source of a Seedance 2.5 edit or extend on `provider`
     * (seedance-2.5.md §2.2: the first reference video is the source): `media` — the clip's own
     * file registered with the media service (fal and EvoLink upload it); `url` — the clip's own
     * result link and when it expires (ModelArk takes videos only by public URL, §2.4; links last
     * 24 h, §2.5). `BAD_INPUT` with the reason in plain words when ModelArk cannot have it (no
     * link, not https, expired — naming the providers that take the file) or the clip's length
     * is outside the task's range (edit 4–30 s, extend 2–30 s, §2.3).
     */
    sourceVideo: request(
      z.object({ id: ClipId, provider: ProviderId, task: z.enum(['edit', 'extend']) }).strict(),
      z.discriminatedUnion('as', [
        z.object({ as: z.literal('media'), media: ImportedMedia }),
        z.object({ as: z.literal('url'), url: z.url({ protocol: /^https$/ }), expiresAt: z.number().int() }),
      ]),
    ),
    /**
     * The "Continue from last frame" chain through the clip, in playing order (its ancestors, the
     * clip, its continuations). `branched`: a clip on the way was continued more than once and the
     * chain follows the highest-rated take (the oldest among equals). A clip in no chain is a chain of one.
     */
    chain: request(ById, z.object({ clips: z.array(ClipSummary), branched: z.boolean() })),
    /**
     * Joins 2–50 clips, in order, into one MP4 filed as a new clip with lineage `joinedFrom`
     * ("Join with the source" after a 2.5 extend that returned only the new segment; a chain
     * filed as one film). `method`: `copy` when the clips' streams matched, else `reencode` (to
     * H.264/AAC) with `reasons`. `NOT_FOUND` for a clip not in the library; `BAD_INPUT` when
     * ffmpeg cannot join them.
     */
    join: request(
      z.object({ ids: z.array(ClipId).min(2).max(50) }).strict(),
      z.object({ clip: ClipSummary, method: z.enum(['copy', 'reencode']), reasons: z.array(z.string()), reasonPhrases: z.array(Phrase).optional() }),
    ),
    /**
     * Exports the chain through the clip (`chain`) as one MP4 where the user picks, through the
     * host's save dialog (asked before joining). `no_dialog`: the host has none (the browser
     * harness), so the renderer downloads `url` (the joined file) under `fileName`. `BAD_INPUT`
     * for a chain of one clip.
     */
    exportChain: request(
      ById,
      z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('saved'), fileName: z.string(), folder: z.string(), bytes: z.number().int().nonnegative(), clips: z.number().int() }),
        z.object({ outcome: z.literal('cancelled') }),
        z.object({ outcome: z.literal('no_dialog'), fileName: z.string(), url: z.string(), clips: z.number().int() }),
      ]),
    ),
  },
  events: {
    /** Clips added, changed or removed — by the app or by someone editing the folder. */
    changed: event(z.object({ ids: z.array(ClipId) })),
  },
} as const;
