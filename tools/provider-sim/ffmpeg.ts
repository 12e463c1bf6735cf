import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Path of the binary an installer package ships, or null when the package or its binary is missing. */
function installerPath(pkg: string): string | null {
  try {
    const p = (require(pkg) as { path?: string }).path;
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/**
 * The ffmpeg binary the simulator runs: env `FFMPEG_PATH`, else `@ffmpeg-installer/ffmpeg`'s binary,
 * else `ffmpeg` on PATH. Both the npm build (2018 static) and Debian's have the filters the
 * simulator uses (testsrc, zoompan, fade with alpha, overlay, drawtext, sine) — not xfade/gradients.
 */
export function resolveFfmpeg(): string {
  return process.env.FFMPEG_PATH || installerPath('@ffmpeg-installer/ffmpeg') || 'ffmpeg';
}

/** The ffprobe binary: env `FFPROBE_PATH`, else `@ffprobe-installer/ffprobe`'s binary, else `ffprobe` on PATH. */
export function resolveFfprobe(): string {
  return process.env.FFPROBE_PATH || installerPath('@ffprobe-installer/ffprobe') || 'ffprobe';
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
