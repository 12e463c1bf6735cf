import { z } from 'zod';
import { AspectRatio, ReferenceItem, ReferenceKind, ReferenceTask, Resolution } from '../catalog/types';
import { request } from './define';
import { GrantToken } from './files';
import { ImageId } from './images';
import { LenientPhrase } from '../messages/phrase';

/** Opaque id of a reference video or audio file, handed out by main's media service (32 hex chars); never a path. */
export const MediaId = z.string().regex(/^[0-9a-f]{32}$/, 'not a media id');
export type MediaId = z.infer<typeof MediaId>;

/**
 * What the renderer may know about a reference video or audio file (no path), as ffprobe read it.
 * Sizes in px, lengths in seconds, `bytes` the file's size.
 */
export const MediaInfoView = z.object({
  kind: z.enum(['video', 'audio']),
  /** File name shown to the user. */
  name: z.string(),
  /** Container as ffprobe names it, first name of its list: `mov` (MP4 and MOV), `wav`, `mp3`, `matroska`… */
  format: z.string(),
  /** `mp4` or `mov` for the ISO family (from the file's brand), else `format`. */
  container: z.string(),
  mime: z.string(),
  bytes: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  /** Video stream, when there is one. */
  video: z
    .object({
      codec: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      fps: z.number(),
      pixelFormat: z.string().optional(),
      bitDepth: z.number().int().optional(),
    })
    .optional(),
  /** Audio stream, when there is one. */
  audio: z.object({ codec: z.string(), sampleRate: z.number().int().optional(), channels: z.number().int().optional() }).optional(),
});
export type MediaInfoView = z.infer<typeof MediaInfoView>;

/**
 * A video or audio file main has registered, with a poster URL for videos (null for audio) and, for
 * videos, a URL of the file itself (served with byte ranges, like the Library player's) for Compose's
 * hover preview; absent where the host does not serve it.
 */
export const ImportedMedia = z.object({ mediaId: MediaId, info: MediaInfoView, previewUrl: z.string().nullable(), playUrl: z.string().optional() });
export type ImportedMedia = z.infer<typeof ImportedMedia>;

/** One rule a reference breaks, in plain words, and the fix the app can make (`fix` names it) when there is one. */
export const ReferenceViolation = z.object({
  rule: z.string(),
  message: z.string(),
  /** `message` as a phrase for the UI's language (lenient: a bad one is dropped and `message` shown). */
  phrase: LenientPhrase,
  /** A fix `media:fix` can make (`reencode`, `trim`) or a plain instruction when the user must act. */
  fix: z.string().optional(),
  /** An instruction `fix` as a phrase. */
  fixPhrase: LenientPhrase,
});
export type ReferenceViolation = z.infer<typeof ReferenceViolation>;

/** The verdict on one reference: its prompt tag (`@image1`, `@video1`, `@audio1`), what breaks the rules, what is only a warning. */
export const ReferenceItemCheck = z.object({
  index: z.number().int().nonnegative(),
  kind: ReferenceKind,
  tag: z.string(),
  ok: z.boolean(),
  violations: z.array(ReferenceViolation),
  warnings: z.array(z.object({ rule: z.string(), message: z.string(), phrase: LenientPhrase })),
});
export type ReferenceItemCheck = z.infer<typeof ReferenceItemCheck>;

/**
 * The verdict on a job's references for one model: per item, and for the set (counts per kind and
 * in all, total seconds and bytes, audio without an image or video, references mixed with
 * first/last frames). `ok` only when nothing is violated anywhere; nothing is sent otherwise.
 */
export const ReferenceCheck = z.object({
  ok: z.boolean(),
  items: z.array(ReferenceItemCheck),
  violations: z.array(ReferenceViolation),
});
export type ReferenceCheck = z.infer<typeof ReferenceCheck>;

/** Base64 of at most 75 MB of media bytes (pasted or dropped in the browser harness; providers take ≤ 50 MB videos). */
const MAX_MEDIA_BASE64 = 100 * 1024 * 1024;

/**
 * The `media` domain: reference videos and audio for reference-to-video jobs (providers.md,
 * "Seedance 2.0 reference-to-video"). Images stay in the `images` domain. Main probes files off the
 * main thread (ffprobe in the job engine's process); errors: `BAD_INPUT` (not a video or audio file
 * the app can read — the message says what it is), `NOT_FOUND` (unknown token or id).
 */
export const mediaDomain = {
  requests: {
    /** Registers a video or audio file the user picked or dropped, by its grant token (`window.studio.files.grant`). */
    import: request(z.object({ token: GrantToken }).strict(), ImportedMedia),
    /** Registers video or audio bytes (base64) where the host cannot grant a path; `name` is shown to the user. */
    importBytes: request(z.object({ bytes: z.string().min(1).max(MAX_MEDIA_BASE64), name: z.string().max(255) }).strict(), ImportedMedia),
    /** What main knows about a media id (e.g. a draft restored after a restart). */
    info: request(z.object({ mediaId: MediaId }).strict(), ImportedMedia),
    /**
     * Checks a job's references against a model's reference rules, with the frames it would be
     * sent with (a mix the provider refuses is a set-level violation).
     */
    check: request(
      z
        .object({
          modelId: z.string().min(1).max(200),
          references: z.array(ReferenceItem).max(50),
          resolution: Resolution,
          aspectRatio: AspectRatio,
          firstFrame: ImageId.optional(),
          lastFrame: ImageId.optional(),
          /** Seedance 2.5: an edit or extension judges its first reference video as the source clip (seedance-2.5.md §2.3). */
          task: ReferenceTask.optional(),
        })
        .strict(),
      ReferenceCheck,
    ),
    /**
     * Makes a fixed copy of a reference video or audio for a model (ffmpeg in the engine's process):
     * `reencode` to a codec, frame rate and pixel count the model takes, `trim` to `maxSeconds`.
     * Only on the user's say-so; the original is never changed. Answers the copy as a new media id.
     */
    fix: request(
      z
        .object({ mediaId: MediaId, modelId: z.string().min(1).max(200), action: z.enum(['reencode', 'trim']), maxSeconds: z.number().positive().max(60).optional() })
        .strict(),
      ImportedMedia,
    ),
  },
  events: {},
} as const;
