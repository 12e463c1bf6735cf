import { rm } from 'node:fs/promises';
import sharp from 'sharp';
import { MediaToolError, probeVideo, runMediaTool, type MediaRunner } from '../media-tools/ffmpeg';

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
  const meta = await sharp(out).metadata();
  if (meta.width !== probe.width || meta.height !== probe.height) {
    await rm(out, { force: true });
    throw new MediaToolError(
      `The extracted last frame is ${meta.width}×${meta.height} px but the video is ${probe.width}×${probe.height} px.`,
      '',
    );
  }
  return { path: out, width: probe.width, height: probe.height };
}
