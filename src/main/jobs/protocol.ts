import { z } from 'zod';
import { VideoProbeSchema } from '../media-tools/ffmpeg';
import { JobParams, ProviderId } from '../../shared/catalog/types';
import { ErrorCode, StudioError } from '../../shared/contract/result';
import { JobBatch } from '../../shared/jobs/batch';
import { Job, JobId, JobRoute } from '../../shared/jobs/job';
import { QueueStats } from '../../shared/jobs/queue-stats';
import { FixAnswer, FixRequest, PreviewAnswer, PreviewRequest } from '../images/image-wire';
import { JoinedMedia, JoinRequest } from '../media-tools/join-media';
import { MediaFixRequest } from '../references/fix';
import { FixedMedia, ProbedMedia } from '../references/work';
import { WireChanges } from './job-wire';
import { EngineProcessStats } from './process-stats';
import { LenientPhrase, said } from '../../shared/messages/phrase';

/**
 * The private channel between main and the job engine's process (STYLE.md 5: a discriminated
 * union with a sequence number). Host → engine: commands `{ seq, type, … }` and answers to the
 * engine's calls. Engine → host: replies `{ type: 'reply', seq, ok, data | error }`, events, and
 * calls for what only main has (provider keys, processed images, the library). Both sides parse
 * every message with these schemas; a message that fails is logged and dropped (a command gets a
 * BAD_INPUT reply).
 */

const Seq = z.number().int().nonnegative();

/**
 * What the user can change while the engine runs (Settings): poll interval bounds in ms, and
 * per-provider limits (`maxActive` jobs at the provider, `minSpacingMs` between requests).
 */
export const EngineConfig = z.object({
  polling: z.object({ minMs: z.number().int().positive(), maxMs: z.number().int().positive() }).optional(),
  limits: z.partialRecord(ProviderId, z.object({ maxActive: z.number().int().positive().optional(), minSpacingMs: z.number().int().nonnegative().optional() })).optional(),
});
export type EngineConfig = z.infer<typeof EngineConfig>;

/** What the engine process needs to start; everything else (keys, images, filing) it asks main for. */
export const EngineInit = z.object({
  dataDir: z.string().min(1),
  outputDir: z.string().min(1),
  ffprobe: z.string().optional(),
  /** ffmpeg binary for reference fixes and posters; default `resolveMediaTool('ffmpeg')`. */
  ffmpeg: z.string().optional(),
  ...EngineConfig.shape,
  /** Mirror warnings to stderr (harness, tests). */
  echoLog: z.boolean().optional(),
});
export type EngineInit = z.infer<typeof EngineInit>;

/** Host → engine commands. `init` must come first; `shutdown` disposes the engine and ends the process. */
export const EngineCommand = z.discriminatedUnion('type', [
  z.object({ seq: Seq, type: z.literal('init'), options: EngineInit }),
  z.object({ seq: Seq, type: z.literal('list') }),
  z.object({ seq: Seq, type: z.literal('submit'), params: JobParams, id: JobId.optional(), continuedFrom: z.string().optional(), sourceClip: z.string().optional(), batch: JobBatch.optional() }),
  z.object({ seq: Seq, type: z.literal('cancel'), id: JobId }),
  z.object({ seq: Seq, type: z.literal('retry'), id: JobId, newId: JobId.optional() }),
  z.object({ seq: Seq, type: z.literal('duplicate'), id: JobId }),
  z.object({ seq: Seq, type: z.literal('remove'), id: JobId }),
  z.object({ seq: Seq, type: z.literal('reorder'), ids: z.array(JobId).max(10_000) }),
  z.object({ seq: Seq, type: z.literal('pause') }),
  z.object({ seq: Seq, type: z.literal('resume') }),
  z.object({ seq: Seq, type: z.literal('setOnline'), online: z.boolean() }),
  z.object({ seq: Seq, type: z.literal('configure'), config: EngineConfig }),
  z.object({ seq: Seq, type: z.literal('stats') }),
  z.object({ seq: Seq, type: z.literal('shutdown') }),
  /** Reference media (main's media service): ffprobe a file, with a poster JPEG written to `poster` for a video. */
  z.object({ seq: Seq, type: z.literal('probeMedia'), path: z.string().min(1), poster: z.string().min(1).optional() }),
  /** Reference media: an ffmpeg fix the user asked for (see `fixMedia`). */
  z.object({ seq: Seq, type: z.literal('fixMedia'), request: MediaFixRequest }),
  /** Main's image service: the pixel work of a fix (`ImageWork.fix`), so sharp's memory is the engine's, not main's. */
  z.object({ seq: Seq, type: z.literal('fixImage'), request: FixRequest }),
  /** Main's image service: a thumbnail (`ImageWork.preview`). */
  z.object({ seq: Seq, type: z.literal('previewImage'), request: PreviewRequest }),
  /** The library's "continue from the last frame": the final frame of `video` as the PNG `out` (posters.ts `extractLastFrame`). */
  z.object({ seq: Seq, type: z.literal('lastFrame'), video: z.string().min(1), out: z.string().min(1) }),
  /** Clips joined into one MP4 (`joinMedia`): Join with the source, a chain exported as one film. */
  z.object({ seq: Seq, type: z.literal('joinMedia'), request: JoinRequest }),
]);
export type EngineCommand = z.infer<typeof EngineCommand>;
export type CommandType = EngineCommand['type'];

/** The `stats` reply: the queue, plus the engine process's own figures when it runs in a process of its own. */
export const EngineStatsReply = QueueStats.extend({ process: EngineProcessStats.optional() });

export const CancelOutcomeSchema = z.object({ job: Job, cancelled: z.boolean(), message: z.string(), phrase: LenientPhrase });

/** The `data` each command's successful reply carries. */
export const REPLY_DATA = {
  init: z.object({ jobs: z.number().int().nonnegative() }),
  list: z.array(Job),
  submit: Job,
  cancel: CancelOutcomeSchema,
  retry: Job,
  duplicate: JobParams,
  remove: z.null(),
  reorder: z.array(Job),
  pause: QueueStats,
  resume: QueueStats,
  setOnline: z.null(),
  configure: z.null(),
  stats: EngineStatsReply,
  shutdown: z.null(),
  probeMedia: ProbedMedia,
  fixMedia: FixedMedia,
  fixImage: FixAnswer,
  previewImage: PreviewAnswer,
  lastFrame: z.object({ path: z.string(), width: z.number().int().positive(), height: z.number().int().positive() }),
  joinMedia: JoinedMedia,
} as const satisfies Record<CommandType, z.ZodType>;

const ErrorShape = z.object({ code: ErrorCode, message: z.string(), phrase: LenientPhrase });
export type WireError = z.infer<typeof ErrorShape>;

/**
 * A numbered event (numbered-events.ts `TableEvent`): `changed` is a batch of the latest saved state
 * of each job that changed, whole for a job main does not hold yet, else as a patch of the fields
 * that changed (job-wire.ts: each field checked once, the rest of the job not parsed again).
 */
export const EngineEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changed'), ...WireChanges.shape }),
  z.object({ type: z.literal('removed'), id: JobId }),
  z.object({ type: z.literal('stats'), stats: QueueStats }),
]);

const PreparedImageSchema = z.object({ path: z.string(), mime: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() });

/** Engine → host calls for what only main holds. */
export const HostCall = z.discriminatedUnion('name', [
  /**
   * The provider's key and base URLs (the key crosses only this private channel and stays in memory),
   * for `route` when given (the route the job was sent by: the demo provider or the real one), else
   * for the app's current mode; the answer names the route it is for, and for `demo` is only that.
   */
  z.object({ name: z.literal('context'), provider: ProviderId, route: JobRoute.optional() }),
  /** The processed first/last frames for a job's image ids. */
  z.object({ name: z.literal('prepareImages'), job: Job }),
  /** A reference job's files: images fixed by the row's reference image rules, media ids resolved to their files. */
  z.object({ name: z.literal('referenceFiles'), job: Job }),
  /** Files a verified video (the library's deliver hook). */
  z.object({
    name: z.literal('deliver'),
    job: Job,
    file: z.object({
      path: z.string(),
      sha256: z.string(),
      bytes: z.number().int().nonnegative(),
      probe: VideoProbeSchema,
  /** The poster the engine made (delivery.ts `posterFor`): without it main would spawn ffmpeg to make one again (issue 12). */
      poster: z.string().optional(),
      /** The H.264 copy for the players, when the video is one they may not play (`media-tools/playable.ts`). */
      preview: z
        .object({ path: z.string(), bytes: z.number(), width: z.number(), height: z.number(), durationSec: z.number(), reason: z.string() })
        .optional(),
      /** The provider's own last frame, a PNG at the video's size (ModelArk `last_frame_url`), when it gave one. */
      lastFrame: z.string().optional(),
    }),
  }),
]);
export type HostCall = z.infer<typeof HostCall>;

/** The `data` of each host call's successful answer. */
export const CALL_DATA = {
  /** `demo`: the engine's process resolves it with its own demo server (local-demo.ts); `provider`: the key and base URLs. */
  context: z.discriminatedUnion('route', [
    z.object({ route: z.literal('demo') }),
    z.object({ route: z.literal('provider'), apiKey: z.string(), baseUrls: z.object({ api: z.string(), files: z.string().optional() }) }),
  ]),
  prepareImages: z.object({ first: PreparedImageSchema.optional(), last: PreparedImageSchema.optional() }),
  referenceFiles: z.object({
    items: z.array(
      z.discriminatedUnion('as', [
        z.object({ as: z.literal('image'), file: PreparedImageSchema }),
        z.object({ as: z.literal('media'), path: z.string(), name: z.string() }),
        z.object({ as: z.literal('url'), url: z.string() }),
      ]),
    ),
  }),
  deliver: z.object({ path: z.string(), libraryId: z.string().optional() }),
} as const satisfies Record<HostCall['name'], z.ZodType>;

/** Main's answer to `referenceFiles`, in `params.references` order. */
export type ReferenceFiles = z.infer<typeof CALL_DATA.referenceFiles>;

/**
 * A reply, told apart by `ok`. The message unions below are discriminated (by `type`, then `ok`):
 * a plain `z.union` tries each option in turn and builds the issues of every one that fails, which
 * made a small call cost main ~16× its own check (issue 12; `npm run bench -- --only engine-wire`).
 */
function replyOf<T extends string>(type: T) {
  return z.discriminatedUnion('ok', [
    z.object({ type: z.literal(type), seq: Seq, ok: z.literal(true), data: z.unknown() }),
    z.object({ type: z.literal(type), seq: Seq, ok: z.literal(false), error: ErrorShape }),
  ]);
}

/** Everything the host sends. */
export const HostMessage = z.discriminatedUnion('type', [...EngineCommand.options, replyOf('call-reply')]);
export type HostMessage = z.infer<typeof HostMessage>;

/**
 * Everything the engine process sends. `ready` comes once, when it listens. Events are numbered
 * 1, 2, … per process (`seq`, separate from the command numbering); `snapshot` is the whole job
 * table holding exactly the events up to its `seq`, sent after every `init` and before its reply
 * (see numbered-events.ts): the host drops events it already holds and takes the table as the truth.
 */
export const EngineMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  replyOf('reply'),
  z.object({ type: z.literal('event'), seq: Seq, event: EngineEventSchema }),
  z.object({ type: z.literal('snapshot'), seq: Seq, jobs: z.array(Job) }),
  z.object({ type: z.literal('call'), seq: Seq, call: HostCall }),
]);
export type EngineMessage = z.infer<typeof EngineMessage>;

/** A thrown value as the wire's error shape; only `StudioError`-like codes cross, other errors become INTERNAL. */
export function toWireError(err: unknown): WireError {
  const code = ErrorCode.safeParse((err as { code?: unknown })?.code);
  if (code.success && err instanceof Error) {
    const phrase = err instanceof StudioError ? err.phrase : undefined;
    return { code: code.data, message: err.message, ...(phrase ? { phrase } : {}) };
  }
  return { code: 'INTERNAL', ...said('job.engine.unexpectedError') };
}
