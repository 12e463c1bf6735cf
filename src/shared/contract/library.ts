import { z } from 'zod';
import { AspectRatio, Mode, ProviderId, Resolution } from '../catalog/types';
import { LibraryQuery } from '../library/query';
import { ClipId, ClipSidecar, Rating, Tag } from '../library/sidecar';
import { event, request } from './define';

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
  posterUrl: z.string().nullable(),
  videoUrl: z.string().nullable(),
});
export type ClipSummary = z.infer<typeof ClipSummary>;

/** Where a clip came from and what came after it. `present` is false when the parent was deleted. */
export const ClipLineage = z.object({
  continuedFrom: z.object({ id: ClipId, present: z.boolean() }).optional(),
  continuedBy: z.array(ClipId),
});
export type ClipLineage = z.infer<typeof ClipLineage>;

/** Everything the detail view shows: the summary, the whole sidecar, the input frames and lineage. */
export const ClipDetail = ClipSummary.extend({
  /** The clip's folder name inside the library (not a path). */
  folder: z.string(),
  sidecar: ClipSidecar,
  inputs: z.array(
    z.object({ role: z.enum(['first', 'last']), url: z.string().nullable(), width: z.number().int(), height: z.number().int(), sha256: z.string() }),
  ),
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
     * One of the clip's processed input images (`inputs/first|last.*` in its folder), handed out as
     * an opaque `token` for `images:importFrame` like `lastFrame`; NOT_FOUND when the clip has none.
     */
    inputFrame: request(
      z.object({ id: z.string(), role: z.enum(['first', 'last']) }).strict(),
      z.object({ token: z.string() }),
    ),
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
  },
  events: {
    /** Clips added, changed or removed — by the app or by someone editing the folder. */
    changed: event(z.object({ ids: z.array(ClipId) })),
  },
} as const;
