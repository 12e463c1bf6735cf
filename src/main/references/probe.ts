import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import { MediaInfoView } from '../../shared/contract/media';
import { MediaToolError, runMediaTool } from '../media-tools/ffmpeg';
import { MediaError } from './errors';
import { said } from '../../shared/messages/phrase';

/** What ffprobe tells about a reference file: `MediaInfoView` without the name (the service adds the user's name). */
export const MediaProbe = MediaInfoView.omit({ name: true });
export type MediaProbe = z.infer<typeof MediaProbe>;

const Stream = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  pix_fmt: z.string().optional(),
  bits_per_raw_sample: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).partial().optional(),
});

const ProbeJson = z.object({
  streams: z.array(Stream).default([]),
  format: z
    .object({ format_name: z.string().optional(), duration: z.string().optional(), size: z.string().optional(), tags: z.record(z.string(), z.string()).optional() })
    .default({}),
});

/** ffprobe runs at most this long per file, ms. */
const PROBE_TIMEOUT_MS = 30_000;

/**
 * ffprobe formats that are audio or video containers. ffprobe also "reads" text (as `tty` art) and
 * still images (`image2`, `png_pipe`…); those are not reference media.
 */
const MEDIA_FORMATS = new Set(['mov', 'matroska', 'avi', 'wav', 'mp3', 'flac', 'ogg', 'aac', 'mpegts', 'mpeg', 'asf', 'flv', 'aiff', 'w64', 'ivf', 'amr']);

const MIME: Record<string, string> = { mp4: 'video/mp4', mov: 'video/quicktime', wav: 'audio/wav', mp3: 'audio/mpeg', matroska: 'video/x-matroska', webm: 'video/webm', ogg: 'audio/ogg', flac: 'audio/flac' };

/**
 * Probes a reference video or audio file with ffprobe (a child process: call it in the job
 * engine's process or the CLI, never in main). `format` is the first name of ffprobe's format list
 * (`mov` for MP4 and MOV), `container` tells MP4 from MOV by the file's major brand (`qt  ` = MOV,
 * anything else = MP4); a video stream that is only cover art (an MP3's attached picture) does not
 * make the file a video. Throws `MediaError`: `unreadable` (missing, not a file, empty),
 * `not_media` (ffprobe cannot read it or it has no audio or video stream), `tool_failed` (ffprobe
 * would not start or timed out).
 */
export async function probeMedia(ffprobe: string, path: string): Promise<MediaProbe> {
  const name = basename(path);
  const st = await stat(path).catch(() => null);
  if (!st?.isFile()) throw new MediaError('unreadable', said('media.notFound', { name }));
  if (st.size === 0) throw new MediaError('unreadable', said('media.empty', { name }));
  let out: string;
  try {
    out = await runMediaTool(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', '-i', path], PROBE_TIMEOUT_MS);
  } catch (err) {
    if (err instanceof MediaToolError && /Invalid data|could not find codec|moov atom not found|End of file/i.test(err.stderr)) {
      throw new MediaError('not_media', said('media.notMedia', { name }));
    }
    if (err instanceof MediaToolError && err.stderr) throw new MediaError('not_media', said('media.unreadable', { name, detail: lastLine(err.stderr) }));
    throw new MediaError('tool_failed', said('media.noProbe', { name }));
  }
  const parsed = ProbeJson.safeParse(safeJson(out));
  if (!parsed.success) throw new MediaError('tool_failed', said('media.probeShape', { name }));
  const { streams, format } = parsed.data;
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video && !audio) throw new MediaError('not_media', said('media.noStreams', { name }));
  const formatName = (format.format_name ?? 'unknown').split(',')[0] ?? 'unknown';
  if (!MEDIA_FORMATS.has(formatName)) throw new MediaError('not_media', said('media.notMedia', { name }));
  const container = formatName === 'mov' ? (format.tags?.major_brand?.trim() === 'qt' ? 'mov' : 'mp4') : formatName;
  const kind = video ? 'video' : 'audio';
  const durationSec = positive(format.duration) ?? positive(video?.duration) ?? positive(audio?.duration) ?? 0;
  const mime = kind === 'audio' && container === 'mp4' ? 'audio/mp4' : (MIME[container] ?? (kind === 'video' ? 'video/octet-stream' : 'audio/octet-stream'));
  return {
    kind,
    format: formatName,
    container,
    mime,
    bytes: st.size,
    durationSec,
    ...(video
      ? {
          video: {
            codec: video.codec_name ?? 'unknown',
            width: video.width ?? 0,
            height: video.height ?? 0,
            fps: frameRate(video.avg_frame_rate) ?? frameRate(video.r_frame_rate) ?? 0,
            ...(video.pix_fmt ? { pixelFormat: video.pix_fmt } : {}),
            ...(positive(video.bits_per_raw_sample) ? { bitDepth: Math.round(Number(video.bits_per_raw_sample)) } : {}),
          },
        }
      : {}),
    ...(audio
      ? {
          audio: {
            codec: audio.codec_name ?? 'unknown',
            ...(positive(audio.sample_rate) ? { sampleRate: Math.round(Number(audio.sample_rate)) } : {}),
            ...(audio.channels ? { channels: audio.channels } : {}),
          },
        }
      : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function positive(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** `num/den` as frames per second, rounded to 3 decimals (29.97 stays 29.97); undefined for `0/0`. */
function frameRate(value: string | undefined): number | undefined {
  const [num, den] = (value ?? '').split('/').map(Number);
  return num && den ? Math.round((num / den) * 1000) / 1000 : undefined;
}

function lastLine(stderr: string): string {
  return stderr.trim().split('\n').pop()?.slice(0, 200) ?? '';
}
