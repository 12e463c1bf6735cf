import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Makes a real 1-second H.264 MP4 (320×240, 24 fps, moov atom first so a `<video>` can start
 * from a Range request) with the system ffmpeg, in a fresh temp folder. Returns its path.
 */
export function makeTestMp4(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'seedance-e2e-media-')), 'clip.mp4');
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=24', '-t', '1', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-movflags', '+faststart', '-y', file],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return file;
}
