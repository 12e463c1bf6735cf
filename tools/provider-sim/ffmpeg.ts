import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolveMediaTool } from '../../src/main/media-tools/ffmpeg';

/**
 * The ffmpeg binary the simulator runs: the app's own resolver (env `FFMPEG_PATH`, else
 * `@ffmpeg-installer/ffmpeg`'s binary if executable, else `ffmpeg` on PATH). Both the npm build
 * (2018 static) and Debian's have the filters the simulator uses (testsrc, zoompan, fade with
 * alpha, overlay, drawtext, sine) — not xfade/gradients.
 */
export function resolveFfmpeg(): string {
  return resolveMediaTool('ffmpeg');
}

/** The ffprobe binary, by the app's own resolver (env `FFPROBE_PATH`, the installer's, then PATH). */
export function resolveFfprobe(): string {
  return resolveMediaTool('ffprobe');
}

/**
 * Runs a binary with arguments (no shell). Resolves with stdout; rejects with an Error that carries
 * the last lines of stderr, so a failed render says why. `cwd` lets filter graphs use plain relative
 * file names instead of escaping absolute paths.
 */
export function run(bin: string, args: string[], cwd?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { maxBuffer: 16 * 1024 * 1024, cwd }, (err, stdout, stderr) => {
      if (err) {
        const tail = String(stderr).trim().split('\n').slice(-5).join('\n');
        reject(new Error(`${bin} failed: ${err.message}\n${tail}`));
      } else resolve(String(stdout));
    });
  });
}

/** Fonts drawtext can use (static ffmpeg builds have no fontconfig, so a file path is needed). */
const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

/**
 * A font file for drawing the prompt into text-to-video clips: env `SIM_FONT_FILE`, else the first
 * common system font found, else null (clips are then rendered without text).
 */
export function resolveFont(): string | null {
  const env = process.env.SIM_FONT_FILE;
  if (env && existsSync(env)) return env;
  return FONT_CANDIDATES.find((f) => existsSync(f)) ?? null;
}
