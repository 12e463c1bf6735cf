import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { FfprobeOutput, MediaToolError, probeVideo, runMediaTool, type VideoProbe } from './ffmpeg';
import { phrase, said, type Phrase, type Said } from '../../shared/messages/phrase';

/*
 * Joining clips into one MP4 (issue 15 §2 "Join with the source": Seedance 2.5's extend output may
 * hold only the new segment, seedance-2.5.md §2.3 "Extend output"; issue 14 "A chain as one film").
 * Runs ffprobe/ffmpeg as child processes: in the job engine's process, never in main.
 */

/** What joining needs to know of one clip's streams: the video's and the first audio stream's format. */
export interface JoinProbe {
  path: string;
  /** Seconds. */
  durationSec: number;
  /** px */
  width: number;
  /** px */
  height: number;
  /** ffprobe's names: `h264`, `hevc`…; profile `High`, `Main 10`…; pixel format `yuv420p`… */
  codec: string;
  profile: string | null;
  pixFmt: string | null;
  /** ffprobe's `r_frame_rate` as given (`24/1`, `30000/1001`): compared as text, since a copy needs the exact rate. */
  frameRate: string;
  /** Frames per second from `frameRate`; 0 when ffprobe does not say (a re-encode then uses Seedance's 24, seedance-2.5.md §2.5). */
  fps: number;
  /** Null when the clip has no sound. `sampleRate` Hz. */
  audio: { codec: string; sampleRate: number; channels: number } | null;
}

/** Probes `path` for joining (ffprobe child). Throws `MediaToolError` when it is not a video ffprobe can read. */
export async function probeForJoin(ffprobe: string, path: string): Promise<JoinProbe> {
  const out = await runMediaTool(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', '-i', path], 30_000);
  let parsed: z.infer<typeof FfprobeOutput>;
  try {
    parsed = FfprobeOutput.parse(JSON.parse(out));
  } catch {
    throw new MediaToolError(said('media.tool.shape'), out.slice(0, 2000));
  }
  const video = parsed.streams.find((s) => s.codec_type === 'video');
  const audio = parsed.streams.find((s) => s.codec_type === 'audio');
  const durationSec = Number(parsed.format.duration);
  if (!video?.width || !video.height || !(durationSec > 0)) throw new MediaToolError(said('media.tool.noVideo'), out.slice(0, 2000));
  const frameRate = video.r_frame_rate ?? '0/0';
  const [num, den] = frameRate.split('/').map(Number);
  return {
    path,
    durationSec,
    width: video.width,
    height: video.height,
    codec: video.codec_name ?? 'unknown',
    profile: video.profile ?? null,
    pixFmt: video.pix_fmt ?? null,
    frameRate,
    fps: num && den ? num / den : 0,
    audio: audio ? { codec: audio.codec_name ?? 'unknown', sampleRate: Number(audio.sample_rate ?? 0), channels: audio.channels ?? 0 } : null,
  };
}

/**
 * How the clips will be joined: `copy` (concat demuxer, streams copied) or `reencode`, with why in
 * plain words (English) and the same reasons as phrases, in the same order, for the UI's language.
 */
export type JoinPlan = { method: 'copy' } | { method: 'reencode'; reasons: string[]; reasonPhrases: Phrase[] };

/** Codecs an MP4 takes as they are, so a stream copy is possible. */
const COPYABLE_VIDEO = new Set(['h264', 'hevc']);
const COPYABLE_AUDIO = new Set(['aac', 'mp3']);

/**
 * Whether `clips` can be joined by copying their streams: the same video codec, profile, pixel
 * format, size and frame rate, and either all without sound or all with the same audio codec, rate
 * and channels, each in a codec MP4 carries. Otherwise `reencode`, with each difference named
 * ("sizes differ: 1280×720, 854×480"). Pure.
 */
export function joinPlan(clips: readonly JoinProbe[]): JoinPlan {
  const reasons: Said[] = [];
  // The values are ffprobe's facts (codec names, sizes, rates), the same in every language.
  const differs = (what: 'codecs' | 'profiles' | 'pixelFormats' | 'sizes' | 'frameRates' | 'sound', values: string[]) => {
    const distinct = [...new Set(values)];
    if (distinct.length > 1) reasons.push(said('media.join.differ', { what: phrase(`media.join.what.${what}`), values: distinct.join(', ') }));
  };
  differs('codecs', clips.map((c) => c.codec));
  differs('profiles', clips.map((c) => c.profile ?? 'unknown'));
  differs('pixelFormats', clips.map((c) => c.pixFmt ?? 'unknown'));
  differs('sizes', clips.map((c) => `${c.width}×${c.height}`));
  differs('frameRates', clips.map((c) => c.frameRate));
  differs('sound', clips.map((c) => (c.audio ? `${c.audio.codec} ${c.audio.sampleRate} Hz ${c.audio.channels} ch` : 'none')));
  const odd = clips.find((c) => !COPYABLE_VIDEO.has(c.codec) || (c.audio !== null && !COPYABLE_AUDIO.has(c.audio.codec)));
  if (odd) {
    const audio = odd.audio && !COPYABLE_AUDIO.has(odd.audio.codec) ? odd.audio.codec : null;
    reasons.push(audio ? said('media.join.audioNotMp4', { codec: audio }) : said('media.join.videoNotMp4', { codec: odd.codec }));
  }
  return reasons.length === 0 ? { method: 'copy' } : { method: 'reencode', ...unzip(reasons) };
}

/** Sentences as the parallel `reasons` (English) and `reasonPhrases` a join answers with. */
function unzip(sentences: readonly Said[]): { reasons: string[]; reasonPhrases: Phrase[] } {
  return { reasons: sentences.map((s) => s.message), reasonPhrases: sentences.map((s) => s.phrase) };
}

/** A joined MP4: where, its size in bytes, how it was made and the probe of the result. */
export interface JoinedVideo {
  path: string;
  bytes: number;
  method: 'copy' | 'reencode';
  /** Why it was re-encoded (`joinPlan`'s reasons, or that the copy failed); empty for a copy. */
  reasons: string[];
  /** `reasons` as phrases, in the same order. */
  reasonPhrases: Phrase[];
  probe: VideoProbe;
}

/** Most clips one join takes (a chain of 50 takes is already ~25 min of video at 30 s each). */
export const MAX_JOIN_CLIPS = 50;
/** ms a stream copy may take: it only rewrites containers. */
const COPY_TIMEOUT_MS = 2 * 60_000;
/** ms a re-encode may take per second of output, and at least: libx264 `veryfast` on a busy 2-core machine runs well above real time at 1080p. */
const ENCODE_MS_PER_SECOND = 20_000;
const ENCODE_MIN_MS = 2 * 60_000;
/** A joined file whose length is off the clips' sum by more than this (s per clip) is not trusted (a copy that dropped a part). */
const LENGTH_TOLERANCE_SEC = 0.25;

/**
 * Joins `paths` (2–`MAX_JOIN_CLIPS` videos, in order) into one MP4 at `out`. When `joinPlan` says
 * the streams match, the concat demuxer copies them (no quality lost, seconds even for long
 * clips); when they differ — or the copy fails or comes out the wrong length — everything is
 * re-encoded to H.264 (libx264 `veryfast` CRF 20, 8-bit 4:2:0) with AAC sound: each clip scaled
 * to fit the first clip's size (letterboxed, even sides), at the first clip's frame rate, with
 * silence for clips without sound when any has some. ffmpeg runs at low priority with a timeout
 * scaled to the output's length, writes `<out>.part.mp4` and renames it, so `out` is whole or
 * absent. Throws `MediaToolError` when a clip cannot be read or ffmpeg fails.
 */
export async function joinVideos(tools: { ffmpeg: string; ffprobe: string }, paths: readonly string[], out: string): Promise<JoinedVideo> {
  if (paths.length < 2 || paths.length > MAX_JOIN_CLIPS) throw new MediaToolError(said('media.tool.joinCount', { max: MAX_JOIN_CLIPS, n: paths.length }), '');
  const clips: JoinProbe[] = [];
  for (const path of paths) clips.push(await probeForJoin(tools.ffprobe, path));
  const total = clips.reduce((sum, c) => sum + c.durationSec, 0);
  const part = `${out}.part.mp4`;
  const list = `${out}.list.txt`;
  const plan = joinPlan(clips);
  try {
    let why = plan.method === 'reencode' ? { reasons: plan.reasons, reasonPhrases: plan.reasonPhrases } : unzip([]);
    if (plan.method === 'copy') {
      try {
        await copyJoin(tools.ffmpeg, clips, list, part);
        const probe = await probeVideo(tools.ffprobe, part);
        if (Math.abs(probe.durationSec - total) > LENGTH_TOLERANCE_SEC * clips.length) throw new MediaToolError(said('media.tool.joinLength', { got: probe.durationSec.toFixed(2), want: total.toFixed(2) }), '');
      } catch (err) {
        const cause = err instanceof MediaToolError && err.phrase ? err.phrase : err instanceof Error ? err.message : phrase('media.join.ffmpegFailed');
        why = unzip([said('media.join.copyFailed', { why: cause })]);
      }
    }
    if (why.reasons.length > 0) await encodeJoin(tools.ffmpeg, clips, part, total);
    const probe = await probeVideo(tools.ffprobe, part);
    await rename(part, out);
    return { path: out, bytes: (await stat(out)).size, method: why.reasons.length > 0 ? 'reencode' : 'copy', ...why, probe };
  } finally {
    await rm(part, { force: true });
    await rm(list, { force: true });
  }
}

/** The concat demuxer's list: one `file '<path>'` line per clip, single quotes escaped as the demuxer reads them. */
export function concatList(paths: readonly string[]): string {
  return paths.map((p) => `file '${p.replaceAll("'", "'\\''")}'\n`).join('');
}

async function copyJoin(ffmpeg: string, clips: readonly JoinProbe[], list: string, part: string): Promise<void> {
  await writeFile(list, concatList(clips.map((c) => c.path)));
  const hevc = clips[0]?.codec === 'hevc' ? ['-tag:v', 'hvc1'] : [];
  await runMediaTool(
    ffmpeg,
    ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-map', '0:v:0', '-map', '0:a:0?', '-c', 'copy', ...hevc, '-movflags', '+faststart', '-f', 'mp4', part],
    COPY_TIMEOUT_MS,
    { lowPriority: true },
  );
}

async function encodeJoin(ffmpeg: string, clips: readonly JoinProbe[], part: string, totalSec: number): Promise<void> {
  const first = clips[0] as JoinProbe;
  const width = first.width - (first.width % 2);
  const height = first.height - (first.height % 2);
  const fps = /^\d+\/\d+$/.test(first.frameRate) && first.fps > 0 ? first.frameRate : '24';
  const withSound = clips.some((c) => c.audio !== null);
  const inputs: string[] = [];
  const filters: string[] = [];
  const labels: string[] = [];
  clips.forEach((clip, i) => {
    inputs.push('-i', clip.path);
    filters.push(
      `[${i}:v:0]scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${fps},format=yuv420p[v${i}]`,
    );
    labels.push(`[v${i}]`);
    if (!withSound) return;
    // Each clip's sound padded or cut to its picture's length, so the parts stay in sync; silence where a clip has none.
    const sound = clip.audio ? `[${i}:a:0]aresample=48000,` : 'anullsrc=r=48000:cl=stereo,';
    filters.push(`${sound}aformat=sample_fmts=fltp:channel_layouts=stereo,apad,atrim=0:${clip.durationSec.toFixed(3)},asetpts=N/SR/TB[a${i}]`);
    labels.push(`[a${i}]`);
  });
  filters.push(`${labels.join('')}concat=n=${clips.length}:v=1:a=${withSound ? 1 : 0}${withSound ? '[v][a]' : '[v]'}`);
  await runMediaTool(
    ffmpeg,
    [
      '-v', 'error', '-y', ...inputs,
      '-filter_complex', filters.join(';'),
      '-map', '[v]', ...(withSound ? ['-map', '[a]', '-c:a', 'aac', '-b:a', '128k'] : []),
      '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
      '-movflags', '+faststart', '-f', 'mp4', part,
    ],
    Math.max(ENCODE_MIN_MS, Math.ceil(totalSec) * ENCODE_MS_PER_SECOND),
    { lowPriority: true },
  );
}
