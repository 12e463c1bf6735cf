import { rm } from 'node:fs/promises';
import { z } from 'zod';
import { sha256File } from '../images/cache';
import { makePoster } from '../library/posters';
import { MediaError } from '../references/errors';
import { joinVideos, MAX_JOIN_CLIPS } from './concat';
import { MediaToolError, VideoProbeSchema } from './ffmpeg';
import { makePreview, playability } from './playable';
import { Phrase, phrase, said } from '../../shared/messages/phrase';

/** A join main asks the engine for: the clips' files in order (2–`MAX_JOIN_CLIPS`, absolute paths main resolved) and where the MP4 goes. */
export const JoinRequest = z.object({
  paths: z.array(z.string().min(1)).min(2).max(MAX_JOIN_CLIPS),
  out: z.string().min(1),
});
export type JoinRequest = z.infer<typeof JoinRequest>;

/**
 * A joined MP4, measured, so main files it without running ffmpeg or hashing (issue 12): its
 * sha256 and bytes, how it was joined (`copy`, or `reencode` with `reasons`), the probe as the
 * library's `verified.output` takes it, a full-size JPEG poster beside it (`<out>.poster.jpg`,
 * absent when ffmpeg could not make one) and an H.264 preview (`<out>.preview.mp4`) when the joined
 * video is one the players may not play (clips copied from HEVC 10-bit, seedance-2.5.md §2.5).
 */
export const JoinedMedia = z.object({
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  method: z.enum(['copy', 'reencode']),
  reasons: z.array(z.string()),
  /** `reasons` as phrases, in the same order (lenient: a reply without them shows the English). */
  reasonPhrases: z.array(Phrase).optional().catch(undefined),
  probe: VideoProbeSchema,
  poster: z.string().optional(),
  preview: z.object({ path: z.string(), width: z.number(), height: z.number(), reason: z.string() }).optional(),
});
export type JoinedMedia = z.infer<typeof JoinedMedia>;

/**
 * Joins the clips (`joinVideos`: stream copy when they match, else one H.264/AAC re-encode), then
 * hashes the result and makes its poster and, when needed, its preview. Runs ffmpeg children:
 * call it in the job engine's process, bounded by the caller. Throws `MediaError('tool_failed')`
 * with ffmpeg's last words when the join fails; the poster and preview are best effort.
 */
export async function joinMedia(tools: { ffmpeg: string; ffprobe: string }, req: JoinRequest): Promise<JoinedMedia> {
  let joined;
  try {
    joined = await joinVideos(tools, req.paths, req.out);
  } catch (err) {
    if (!(err instanceof MediaToolError)) throw err;
    const why = err.stderr.trim().split('\n').pop();
    const detail = why ? phrase('media.joinDetail', { detail: why.slice(0, 200) }) : '';
    throw new MediaError('tool_failed', said('media.joinFailed', { reason: err.phrase ?? err.message, detail }));
  }
  const sha256 = await sha256File(joined.path);
  const poster = `${req.out}.poster.jpg`;
  const posterMade = await makePoster(tools.ffmpeg, joined.path, joined.probe.durationSec, poster).then(
    () => true,
    () => rm(poster, { force: true }).then(() => false),
  );
  const check = playability(joined.probe);
  const preview = check.playable ? null : await makePreview(tools, joined.path, `${req.out}.preview.mp4`, check.reason).catch(() => null);
  return {
    path: joined.path,
    sha256,
    bytes: joined.bytes,
    method: joined.method,
    reasons: joined.reasons,
    reasonPhrases: joined.reasonPhrases,
    probe: joined.probe,
    ...(posterMade ? { poster } : {}),
    ...(preview ? { preview: { path: preview.path, width: preview.width, height: preview.height, reason: preview.reason } } : {}),
  };
}
