import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { setPriority } from 'node:os';
import pLimit from 'p-limit';
import { z } from 'zod';
import { runnableBinary } from './asar';
import { messageOf, phraseOf } from '../../shared/messages/error-said';
import { said, type Phrase, type Said } from '../../shared/messages/phrase';

/** Which media tool to find. */
export type MediaTool = 'ffmpeg' | 'ffprobe';

const ENV_VAR: Record<MediaTool, string> = { ffmpeg: 'FFMPEG_PATH', ffprobe: 'FFPROBE_PATH' };
const INSTALLER: Record<MediaTool, string> = { ffmpeg: '@ffmpeg-installer/ffmpeg', ffprobe: '@ffprobe-installer/ffprobe' };

/**
 * The binary to run for `tool`: `$FFMPEG_PATH` / `$FFPROBE_PATH` when set, else the binary shipped
 * by `@ffmpeg-installer/ffmpeg` / `@ffprobe-installer/ffprobe` when it is present and executable,
 * else the bare name, left to the system PATH. Never throws; a missing tool shows up when it runs.
 */
export function resolveMediaTool(tool: MediaTool, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const fromEnv = env[ENV_VAR[tool]];
  if (fromEnv) return fromEnv;
  const shipped = installerPath(tool);
  if (shipped) return shipped;
  return tool;
}

function installerPath(tool: MediaTool): string | null {
  try {
    const require = createRequire(import.meta.url);
    const found = (require(INSTALLER[tool]) as { path?: unknown }).path;
    // Inside a packaged app `found` lies in app.asar; the binary itself is unpacked beside it.
    return typeof found === 'string' ? runnableBinary(found) : null;
  } catch {
    return null;
  }
}

/** Paths of both tools, as `createLibrary` and the job engine take them. */
export interface MediaToolPaths {
  ffmpeg: string;
  ffprobe: string;
}

/** Both tools resolved with `resolveMediaTool`. */
export function resolveMediaTools(env: Readonly<Record<string, string | undefined>> = process.env): MediaToolPaths {
  return { ffmpeg: resolveMediaTool('ffmpeg', env), ffprobe: resolveMediaTool('ffprobe', env) };
}

/**
 * A media tool that could not be started or exited non-zero; `stderr` holds its last 2,000
 * characters. `phrase` is the message for the UI's language when it was built with `said()`.
 */
export class MediaToolError extends Error {
  readonly phrase?: Phrase;
  constructor(
    said: string | Said,
    readonly stderr: string,
  ) {
    super(messageOf(said));
    this.name = 'MediaToolError';
    const p = phraseOf(said);
    if (p) this.phrase = p;
  }
}

/**
 * Runs `bin args…` as a child process (never blocking the caller's thread) and resolves with its
 * stdout. Rejects with `MediaToolError` when it cannot start, exits non-zero, or runs past
 * `timeoutMs` (default 60,000 ms), and is then killed. `lowPriority` lowers the child's scheduling
 * priority (`os.setPriority`, nice 19 / Windows IDLE) so background encodes yield to the app.
 */
export function runMediaTool(bin: string, args: readonly string[], timeoutMs = 60_000, options: { lowPriority?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(bin, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        const tail = String(stderr).slice(-2000);
        reject(new MediaToolError(said('media.tool.failed', { tool: bin.split(/[\\/]/).pop() ?? bin, detail: err.message.split('\n')[0] ?? '' }), tail));
        return;
      }
      resolve(String(stdout));
    });
    if (options.lowPriority && child.pid !== undefined) {
      try {
        // Background work (posters, probes) must not take CPU from the app itself; `nice` 10 on POSIX, below-normal on Windows.
        setPriority(child.pid, LOW_PRIORITY);
      } catch {
        // It may have exited already; the priority is a courtesy, not a requirement.
      }
    }
  });
}

/** The niceness background media tools run at (POSIX scale; Node maps it to BELOW_NORMAL on Windows). */
const LOW_PRIORITY = 10;

/** Runs a media tool like `runMediaTool` (same arguments, answers and errors); what `probeVideo` and the poster/frame makers take. */
export type MediaRunner = (bin: string, args: readonly string[], timeoutMs?: number) => Promise<string>;

/**
 * A `MediaRunner` that runs at most `concurrency` tools at once (the rest wait their turn, first
 * come first served), each at low CPU priority: 200 jobs finishing together must not start 200
 * ffmpegs (issue 12 measured ~19 ffmpeg and ~31 ffprobe at once).
 */
export function boundedMediaRunner(concurrency: number): MediaRunner {
  const limit = pLimit(concurrency);
  return (bin, args, timeoutMs) => limit(() => runMediaTool(bin, args, timeoutMs, { lowPriority: true }));
}

/** `ffprobe -print_format json -show_streams -show_format`, the fields the app reads (lenient: all optional). */
export const FfprobeOutput = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        profile: z.string().optional(),
        pix_fmt: z.string().optional(),
        bits_per_raw_sample: z.string().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
        duration: z.string().optional(),
        avg_frame_rate: z.string().optional(),
        r_frame_rate: z.string().optional(),
        sample_rate: z.string().optional(),
        channels: z.number().optional(),
      }),
    )
    .default([]),
  format: z.object({ duration: z.string().optional(), format_name: z.string().optional() }).default({}),
});

/**
 * What `probeVideo` reports about a video file's first video stream; also the shape the engine hands
 * main with a delivered or joined video (protocol.ts, join-media.ts), validated once there.
 */
export const VideoProbeSchema = z.object({
  /** Seconds. */
  durationSec: z.number(),
  /** px */
  width: z.number(),
  /** px */
  height: z.number(),
  /** ffprobe's codec name, e.g. `h264`. */
  codec: z.string(),
  /** ffprobe's container names, e.g. `mov,mp4,m4a,3gp,3g2,mj2` for MP4/MOV; `unknown` when it does not say. */
  container: z.string(),
  /** Frames per second, or null when the container does not say. */
  fps: z.number().nullable(),
  /** ffprobe's profile name, e.g. `High`, `Main 10`, `High 4:4:4 Predictive`; null when it does not say. */
  profile: z.string().nullable(),
  /** ffprobe's pixel format, e.g. `yuv420p`, `yuv420p10le`, `yuv444p`; null when it does not say. */
  pixFmt: z.string().nullable(),
  /** Bits per sample of the video (8, 10, 12…): from the pixel format, else ffprobe's `bits_per_raw_sample`; null when neither says. */
  bitDepth: z.number().nullable(),
  /** ffprobe's codec name of the first audio stream (`aac`, `pcm_s16le`…), or null when there is no audio. */
  audioCodec: z.string().nullable(),
});
export type VideoProbe = z.infer<typeof VideoProbeSchema>;

/**
 * Probes `file` with ffprobe (child process, through `run`). Throws `MediaToolError` when ffprobe fails or the
 * file has no video stream with a size and a positive duration.
 */
export async function probeVideo(ffprobe: string, file: string, run: MediaRunner = runMediaTool): Promise<VideoProbe> {
  const out = await run(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', '-i', file], 30_000);
  let json: unknown;
  try {
    json = JSON.parse(out);
  } catch {
    throw new MediaToolError(said('media.tool.notJson'), out.slice(0, 2000));
  }
  const parsed = FfprobeOutput.safeParse(json);
  if (!parsed.success) throw new MediaToolError(said('media.tool.shape'), out.slice(0, 2000));
  const video = parsed.data.streams.find((s) => s.codec_type === 'video');
  const durationSec = Number(video?.duration ?? parsed.data.format.duration);
  if (!video?.width || !video.height || !(durationSec > 0)) {
    throw new MediaToolError(said('media.tool.noVideo'), out.slice(0, 2000));
  }
  const audio = parsed.data.streams.find((s) => s.codec_type === 'audio');
  return {
    durationSec,
    width: video.width,
    height: video.height,
    codec: video.codec_name ?? 'unknown',
    container: parsed.data.format.format_name ?? 'unknown',
    fps: frameRate(video.avg_frame_rate),
    profile: video.profile ?? null,
    pixFmt: video.pix_fmt ?? null,
    bitDepth: bitDepthOf(video.pix_fmt, video.bits_per_raw_sample),
    audioCodec: audio ? (audio.codec_name ?? 'unknown') : null,
  };
}

/**
 * Bits per sample: the number in a high-depth pixel format's name (`yuv420p10le` → 10, `p010le` →
 * 10, `gray12be` → 12), 8 for the other planar/packed YUV and RGB formats, else ffprobe's
 * `bits_per_raw_sample` (HEVC streams often omit it, so the pixel format comes first).
 */
function bitDepthOf(pixFmt: string | undefined, rawBits: string | undefined): number | null {
  if (pixFmt) {
    const deep = /(?:^p0|p|gray)(\d{2})(?:le|be)$/.exec(pixFmt);
    if (deep) return Number(deep[1]);
    if (/^(yuvj?\d{3}p|nv12|nv21|yuyv422|uyvy422|rgb24|bgr24|rgba|bgra|argb|abgr|gray|gbrp)$/.test(pixFmt)) return 8;
  }
  const bits = Number(rawBits);
  return Number.isInteger(bits) && bits > 0 ? bits : null;
}

function frameRate(value: string | undefined): number | null {
  const [num, den] = (value ?? '').split('/').map(Number);
  return num && den ? num / den : null;
}
