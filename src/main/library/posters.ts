import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StudioError } from '../../shared/contract/result';
import { MediaToolError, probeVideo, runMediaTool, type MediaRunner } from '../media-tools/ffmpeg';
import { said } from '../../shared/messages/phrase';

/** Seconds into the clip where the poster is taken: 1 s, or the middle of clips shorter than 2 s. */
export function posterTime(durationSec: number): number {
  return durationSec >= 2 ? 1 : durationSec / 2;
}

/**
 * Writes a JPEG poster of `video` at `posterTime(durationSec)` to `out`, at the video's full size
 * (px). Runs ffmpeg as a child process through `run`. Throws `MediaToolError` when ffmpeg fails.
 */
export async function makePoster(ffmpeg: string, video: string, durationSec: number, out: string, run: MediaRunner = runMediaTool): Promise<void> {
  const at = posterTime(durationSec).toFixed(3);
  // -ss before -i seeks by keyframe then decodes up to the exact time: fast and frame-accurate.
  await run(ffmpeg, ['-v', 'error', '-y', '-ss', at, '-i', video, '-frames:v', '1', '-q:v', '3', '-f', 'image2', out]);
}

/** The extracted last frame: a PNG at `path`, its size in px equal to the video's. */
export interface LastFrame {
  path: string;
  width: number;
  height: number;
}

/**
 * Extracts the final frame of `video` losslessly to the PNG `out`, at full size, for "continue from
 * the last frame". ffmpeg decodes only the last second (`-sseof -1`) and, with `-update 1`,
 * overwrites the image with each decoded frame, so what remains is the very last frame — unlike a
 * single `-sseof -0.1` grab, which can land one frame early.
 * Tools run through `run`. Throws `MediaToolError` when ffmpeg fails or the image's size differs
 * from the video's (the file is then removed).
 */
export async function extractLastFrame(tools: { ffmpeg: string; ffprobe: string }, video: string, out: string, run: MediaRunner = runMediaTool): Promise<LastFrame> {
  const probe = await probeVideo(tools.ffprobe, video, run);
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-sseof', '-1', '-i', video, '-an', '-update', '1', '-f', 'image2', '-c:v', 'png', out]);
  const size = await pngSize(out);
  if (size?.width !== probe.width || size?.height !== probe.height) {
    await rm(out, { force: true });
    const made = size ? `${size.width}×${size.height} px` : 'not a PNG';
    throw new MediaToolError(`The extracted last frame is ${made} but the video is ${probe.width}×${probe.height} px.`, '');
  }
  return { path: out, width: probe.width, height: probe.height };
}

/**
 * `extractLastFrame` as the library's callers get it: `out`'s folder created if missing, and
 * ffmpeg's failure as `StudioError('UNAVAILABLE')` with its message (a plain error would cross the
 * engine's channel as INTERNAL).
 */
export async function lastFrameOrUnavailable(tools: { ffmpeg: string; ffprobe: string }, video: string, out: string): Promise<LastFrame> {
  await mkdir(dirname(out), { recursive: true });
  try {
    return await extractLastFrame(tools, video, out);
  } catch (err) {
    if (err instanceof MediaToolError) throw new StudioError('UNAVAILABLE', said('library.lastFrameFailed', { detail: err.message }));
    throw err;
  }
}

/**
 * Width and height in px from a PNG's IHDR chunk (the 8-byte signature, then IHDR's length and
 * type, then big-endian width and height: PNG spec §11.2.2), or null when the file is not a PNG.
 * A header read, so the engine's process checks a frame without loading an image library.
 */
async function pngSize(path: string): Promise<{ width: number; height: number } | null> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(24);
    const { bytesRead } = await file.read(head, 0, 24, 0);
    if (bytesRead < 24 || head.readUInt32BE(0) !== 0x89504e47 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    await file.close();
  }
}
