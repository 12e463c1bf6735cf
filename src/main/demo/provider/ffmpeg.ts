import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { resolveMediaTool } from '../../media-tools/ffmpeg';

/**
 * The ffmpeg binary the demo provider renders with: the app's own resolver (env `FFMPEG_PATH`, else
 * `@ffmpeg-installer/ffmpeg`'s binary if executable, else `ffmpeg` on PATH). Both the npm build
 * (2018 static) and Debian's have the filters the renderer uses (testsrc, zoompan, fade with
 * alpha, overlay, drawtext, sine) — not xfade/gradients.
 */
export function resolveFfmpeg(): string {
  return resolveMediaTool('ffmpeg');
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
 * A font file for drawing the prompt into text-to-video clips: `preferred` when it exists, else the
 * first common system font found, else null (clips are then rendered without text).
 */
export async function resolveFont(preferred?: string): Promise<string | null> {
  for (const f of preferred ? [preferred, ...FONT_CANDIDATES] : FONT_CANDIDATES) {
    if (await access(f).then(() => true, () => false)) return f;
  }
  return null;
}
