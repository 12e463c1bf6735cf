import { createHash } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { MediaLimits } from '../../shared/catalog/types';
import { MediaToolError, runMediaTool } from '../media-tools/ffmpeg';
import { MediaError } from './errors';
import { probeMedia, type MediaProbe } from './probe';
import { said } from '../../shared/messages/phrase';

/**
 * A fix of one reference file for one kind's limits (a row's `references.videos` or `.audios`):
 * `reencode` to what the limits take, `trim` to `maxSeconds` (default the limits' `maxSeconds`).
 * `outDir` is where the copy goes; the original is only read.
 */
export const MediaFixRequest = z.object({
  path: z.string().min(1),
  kind: z.enum(['video', 'audio']),
  action: z.enum(['reencode', 'trim']),
  limits: MediaLimits,
  maxSeconds: z.number().positive().max(60).optional(),
  outDir: z.string().min(1),
});
export type MediaFixRequest = z.infer<typeof MediaFixRequest>;

/** ffmpeg runs at most this long for one fix, ms (reference clips are ≤ 15 s; a re-encode of one at 1080p takes seconds). */
const FIX_TIMEOUT_MS = 5 * 60_000;
/** Sound in a re-encoded copy, bits per second. */
const AUDIO_BPS = 128_000;
/** Bumped when the recipe changes what it writes, so older copies are not reused. */
const RECIPE_VERSION = 1;

/**
 * Makes the fixed copy `req` asks for with ffmpeg (a child process: the job engine's process or
 * the CLI, never main) and probes it. The copy is named by a hash of the source's path, size and
 * modification time and of the recipe, so asking twice reuses the first copy.
 *
 * Video `reencode`: H.264 (H.265 when the limits take only that) in MP4 (MOV when MP4 is not
 * taken), 8-bit 4:2:0; frame rate brought inside `minFps … maxFps`; a ratio outside
 * `minRatio … maxRatio` centre-cropped to the nearer bound; scaled so the pixels per frame and
 * the sides fit; the bitrate capped so the file stays under `maxBytes`/`totalMaxBytes`; sound as AAC;
 * cut to `maxSeconds`. Audio `reencode`: MP3 at 192 kb/s (WAV when MP3 is not taken), the sound
 * only (a video's picture dropped), cut to `maxSeconds`. `trim`: the first `maxSeconds`, streams
 * copied as they are. Throws `MediaError` (`unreadable`, `not_media`, `tool_failed`).
 */
export async function fixMedia(tools: { ffmpeg: string; ffprobe: string }, req: MediaFixRequest): Promise<{ path: string; probe: MediaProbe }> {
  const source = await probeMedia(tools.ffprobe, req.path);
  const st = await stat(req.path);
  const maxSeconds = req.maxSeconds ?? req.limits.maxSeconds;
  if (req.action === 'trim' && maxSeconds === undefined) throw new MediaError('tool_failed', said('media.noTrimLength'));
  const plan = req.action === 'trim' ? trimPlan(req.path, source, maxSeconds!) : req.kind === 'video' ? videoPlan(req, source, maxSeconds) : audioPlan(req, maxSeconds);
  const key = createHash('sha256')
    .update(JSON.stringify({ v: RECIPE_VERSION, path: req.path, bytes: st.size, mtime: st.mtimeMs, kind: req.kind, action: req.action, limits: req.limits, maxSeconds }))
    .digest('hex')
    .slice(0, 32);
  const out = join(req.outDir, `${key}.${plan.ext}`);
  const done = await stat(out).catch(() => null);
  if (done?.isFile() && done.size > 0) return { path: out, probe: await probeMedia(tools.ffprobe, out) };
  await mkdir(req.outDir, { recursive: true });
  const part = join(req.outDir, `${key}.part.${plan.ext}`);
  try {
    await runMediaTool(tools.ffmpeg, ['-v', 'error', '-y', '-i', req.path, ...plan.args, part], FIX_TIMEOUT_MS);
    await rename(part, out);
  } catch (err) {
    await rm(part, { force: true });
    const why = err instanceof MediaToolError ? err.stderr.trim().split('\n').pop() : undefined;
    const name = basename(req.path);
    throw new MediaError('tool_failed', why ? said('media.fixFailed', { name, detail: why.slice(0, 200) }) : said('media.fixFailedNoDetail', { name }));
  }
  return { path: out, probe: await probeMedia(tools.ffprobe, out) };
}

interface Plan {
  args: string[];
  ext: string;
}

function trimPlan(path: string, source: MediaProbe, seconds: number): Plan {
  const ext = source.container === 'mov' ? 'mov' : source.container === 'mp4' ? 'mp4' : (basename(path).split('.').pop() ?? source.container);
  return { args: ['-t', String(seconds), '-map', '0', '-c', 'copy', ...(ext === 'mp4' || ext === 'mov' ? ['-movflags', '+faststart'] : [])], ext };
}

function audioPlan(req: MediaFixRequest, maxSeconds: number | undefined): Plan {
  const mp3 = req.limits.formats.includes('mp3');
  return {
    args: ['-vn', ...(maxSeconds ? ['-t', String(maxSeconds)] : []), '-ar', '44100', ...(mp3 ? ['-c:a', 'libmp3lame', '-b:a', '192k'] : ['-c:a', 'pcm_s16le'])],
    ext: mp3 ? 'mp3' : 'wav',
  };
}

function videoPlan(req: MediaFixRequest, source: MediaProbe, maxSeconds: number | undefined): Plan {
  const l = req.limits;
  const v = source.video;
  if (!v) throw new MediaError('not_media', said('media.noPicture', { name: basename(req.path) }));
  const filters: string[] = [];
  let width = v.width;
  let height = v.height;
  const ratio = width / height;
  const bounded = Math.min(l.maxRatio ?? ratio, Math.max(l.minRatio ?? ratio, ratio));
  if (bounded !== ratio) {
    if (ratio > bounded) width = Math.floor(height * bounded);
    else height = Math.floor(width / bounded);
    filters.push(`crop=${width}:${height}`);
  }
  const size = fitSize(width, height, l);
  filters.push(`scale=${size.width}:${size.height}:flags=lanczos`, 'setsar=1');
  const fps = Math.min(l.maxFps ?? v.fps, Math.max(l.minFps ?? v.fps, v.fps || 24));
  if (fps !== v.fps) filters.push(`fps=${fps}`);
  const hevcOnly = l.codecs !== undefined && !l.codecs.includes('h264') && l.codecs.includes('hevc');
  const seconds = Math.min(maxSeconds ?? Infinity, source.durationSec || Infinity);
  const byteCap = Math.min(l.maxBytes ?? Infinity, l.totalMaxBytes ?? Infinity);
  // 85 % of the byte budget for the picture over the clip's length, leaving room for sound and the container.
  const videoBps = Number.isFinite(byteCap) && Number.isFinite(seconds) ? Math.max(200_000, Math.floor((byteCap * 8 * 0.85) / seconds - AUDIO_BPS)) : undefined;
  const soundOk = l.codecs === undefined || l.codecs.includes('aac');
  const container = l.formats.includes('mp4') ? 'mp4' : 'mov';
  return {
    args: [
      ...(maxSeconds ? ['-t', String(maxSeconds)] : []),
      '-vf', filters.join(','),
      '-c:v', hevcOnly ? 'libx265' : 'libx264', ...(hevcOnly ? ['-tag:v', 'hvc1', '-x265-params', 'log-level=error'] : []),
      '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p',
      ...(videoBps ? ['-maxrate', String(videoBps), '-bufsize', String(videoBps * 2)] : []),
      ...(source.audio && soundOk ? ['-c:a', 'aac', '-b:a', String(AUDIO_BPS)] : ['-an']),
      '-movflags', '+faststart',
    ],
    ext: container,
  };
}

/** `width × height` scaled (ratio kept) into the pixel and side limits, even sides. */
function fitSize(width: number, height: number, l: MediaLimits): { width: number; height: number } {
  let scale = 1;
  const pixels = width * height;
  if (l.maxPixels !== undefined && pixels > l.maxPixels) scale = Math.sqrt(l.maxPixels / pixels);
  if (l.minPixels !== undefined && pixels < l.minPixels) scale = Math.sqrt(l.minPixels / pixels);
  if (l.maxSide !== undefined && Math.max(width, height) * scale > l.maxSide) scale = l.maxSide / Math.max(width, height);
  if (l.minSide !== undefined && Math.min(width, height) * scale < l.minSide) scale = l.minSide / Math.min(width, height);
  let w = Math.max(2, Math.round((width * scale) / 2) * 2);
  let h = Math.max(2, Math.round((height * scale) / 2) * 2);
  // Rounding to even sides can step just over a pixel bound; one step of 2 px back inside.
  if (l.maxPixels !== undefined && w * h > l.maxPixels) [w, h] = w >= h ? [w - 2, h] : [w, h - 2];
  if (l.minPixels !== undefined && w * h < l.minPixels) [w, h] = w >= h ? [w, h + 2] : [w + 2, h];
  return { width: w, height: h };
}
