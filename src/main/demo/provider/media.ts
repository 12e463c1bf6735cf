import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolveMediaTool } from '../../media-tools/ffmpeg';
import { run } from './ffmpeg';
import type { FileStore } from './files';

/**
 * Reference videos and audio (Seedance 2.0 reference-to-video, providers.md) as the simulated
 * providers receive them: a URL the simulator can download (an upload or result it serves, or a
 * file on its public host `DEMO_PUBLIC_ORIGIN`) or, where a provider allows it, a base64 data URL;
 * probed with ffprobe.
 */
export interface ProbedMedia {
  /** ffprobe's format names, e.g. `mov,mp4,m4a,3gp,3g2,mj2`, `wav`, `mp3`. */
  formats: string[];
  /** Codec of the first video stream (`h264`, `hevc`), or of the audio stream for audio files. */
  codec: string | null;
  seconds: number;
  width: number;
  height: number;
  fps: number;
  bytes: number;
  sha256: string;
}

/** Why a media reference could not be used; `code` lets each provider pick its own error. */
export class MediaRefError extends Error {
  constructor(
    readonly code: 'unreachable' | 'decode' | 'format' | 'size' | 'duration' | 'dimensions',
    message: string,
  ) {
    super(message);
  }
}

/** One provider's documented limits on one kind of reference media (absent = not limited). */
export interface MediaRules {
  /** Container names as ffprobe reports them (`mp4`, `mov`, `wav`, `mp3`). */
  formats: readonly string[];
  codecs?: readonly string[];
  minSeconds?: number;
  maxSeconds?: number;
  maxBytes?: number;
  minPixels?: number;
  maxPixels?: number;
  minSide?: number;
  maxSide?: number;
  minRatio?: number;
  maxRatio?: number;
  minFps?: number;
  maxFps?: number;
}

const FfprobeAnswer = (text: string) =>
  JSON.parse(text) as {
    format?: { format_name?: string; duration?: string };
    streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; avg_frame_rate?: string; duration?: string }>;
  };

function rate(r: string | undefined): number {
  const [a, b] = (r ?? '0/1').split('/').map(Number) as [number, number];
  return b ? a / b : 0;
}

/** Resolves and probes a media reference. Throws `MediaRefError`. */
export async function probeMediaRef(files: FileStore, ref: string, opts: { allowDataUrl: boolean }): Promise<ProbedMedia> {
  const data = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(ref);
  let path: string;
  let bytes: Buffer;
  if (data) {
    if (!opts.allowDataUrl) throw new MediaRefError('unreachable', 'base64 data is not accepted here; give a URL');
    bytes = Buffer.from(data[3] ?? '', 'base64');
    const stored = await files.addUpload('ark', bytes, data[1] || 'application/octet-stream', 'inline', 3600 * 1000);
    path = files.localPath(stored.url)!;
  } else if (/^https?:\/\//i.test(ref)) {
    const local = await files.fetchablePath(ref);
    if (!local) throw new MediaRefError('unreachable', `could not download media from ${ref}`);
    path = local;
    bytes = await readFile(local);
  } else {
    throw new MediaRefError('unreachable', 'media must be a URL');
  }
  let answer: ReturnType<typeof FfprobeAnswer>;
  try {
    answer = FfprobeAnswer(await run(resolveMediaTool('ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]));
  } catch {
    throw new MediaRefError('decode', 'the media file could not be decoded');
  }
  const video = answer.streams?.find((s) => s.codec_type === 'video');
  const audio = answer.streams?.find((s) => s.codec_type === 'audio');
  const seconds = Number(answer.format?.duration ?? video?.duration ?? audio?.duration ?? 0);
  return {
    formats: (answer.format?.format_name ?? '').split(','),
    codec: (video ?? audio)?.codec_name ?? null,
    seconds: Number.isFinite(seconds) ? seconds : 0,
    width: video?.width ?? 0,
    height: video?.height ?? 0,
    fps: rate(video?.avg_frame_rate),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Checks probed media against one kind's rules; throws `MediaRefError` with the first rule broken. `what` names it ("video", "audio"). */
export function checkMedia(m: ProbedMedia, rules: MediaRules, what: 'video' | 'audio'): void {
  if (!m.formats.some((f) => rules.formats.includes(f))) throw new MediaRefError('format', `${what} format ${m.formats.join(',')} is not supported (allowed: ${rules.formats.join(', ')})`);
  if (what === 'video' && m.width === 0) throw new MediaRefError('format', 'the video file has no video stream');
  if (rules.codecs && !rules.codecs.includes(m.codec ?? '')) throw new MediaRefError('format', `${what} codec ${m.codec} is not supported (allowed: ${rules.codecs.join(', ')})`);
  if (rules.maxBytes !== undefined && m.bytes > rules.maxBytes) throw new MediaRefError('size', `${what} is ${m.bytes} bytes; the limit is ${rules.maxBytes}`);
  if ((rules.minSeconds !== undefined && m.seconds < rules.minSeconds) || (rules.maxSeconds !== undefined && m.seconds > rules.maxSeconds)) {
    throw new MediaRefError('duration', `${what} is ${m.seconds.toFixed(2)} s; each must be ${rules.minSeconds ?? 0}–${rules.maxSeconds ?? '∞'} s`);
  }
  if (what !== 'video') return;
  const pixels = m.width * m.height;
  if ((rules.minPixels !== undefined && pixels < rules.minPixels) || (rules.maxPixels !== undefined && pixels > rules.maxPixels)) {
    throw new MediaRefError('dimensions', `video is ${m.width}x${m.height} (${pixels} pixels); allowed ${rules.minPixels ?? 0}–${rules.maxPixels ?? '∞'} pixels per frame`);
  }
  const short = Math.min(m.width, m.height);
  const long = Math.max(m.width, m.height);
  if ((rules.minSide !== undefined && short < rules.minSide) || (rules.maxSide !== undefined && long > rules.maxSide)) {
    throw new MediaRefError('dimensions', `video is ${m.width}x${m.height}; each side must be within [${rules.minSide}, ${rules.maxSide}] px`);
  }
  const ratio = m.width / m.height;
  if ((rules.minRatio !== undefined && ratio < rules.minRatio) || (rules.maxRatio !== undefined && ratio > rules.maxRatio)) {
    throw new MediaRefError('dimensions', `video aspect ratio ${ratio.toFixed(2)} is outside ${rules.minRatio} … ${rules.maxRatio}`);
  }
  if ((rules.minFps !== undefined && m.fps < rules.minFps - 0.01) || (rules.maxFps !== undefined && m.fps > rules.maxFps + 0.01)) {
    throw new MediaRefError('dimensions', `video is ${m.fps.toFixed(2)} fps; allowed ${rules.minFps}–${rules.maxFps} fps`);
  }
}

/** Total seconds of a list; used for "all together ≤ 15 s" rules. */
export function totalSeconds(list: readonly ProbedMedia[]): number {
  return list.reduce((s, m) => s + m.seconds, 0);
}
