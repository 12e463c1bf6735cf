import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = () => mkdtempSync(join(tmpdir(), 'seedance-e2e-refs-'));
const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', ...args, '-y'], { stdio: ['ignore', 'ignore', 'pipe'] });

/** What a reference video is made of: seconds, px, frames per second, and the encoder (`libx264` → MP4, `libvpx-vp9` → WebM). */
export interface VideoSpec {
  seconds: number;
  width: number;
  height: number;
  fps: number;
  encoder?: 'libx264' | 'libvpx-vp9';
  name?: string;
}

/**
 * A real video made by the system ffmpeg (a moving test pattern with a tone), in a fresh temp
 * folder. H.264 + AAC in MP4 by default (moov first), VP9 + Opus in WebM for the wrong-codec case.
 * Returns its path.
 */
export function makeVideo({ seconds, width, height, fps, encoder = 'libx264', name }: VideoSpec): string {
  const webm = encoder === 'libvpx-vp9';
  const file = join(dir(), name ?? `ref-${width}x${height}-${fps}fps-${seconds}s.${webm ? 'webm' : 'mp4'}`);
  ffmpeg([
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}`,
    '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100',
    '-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', encoder,
    ...(webm ? ['-b:v', '300k', '-deadline', 'realtime', '-c:a', 'libopus'] : ['-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart']),
    '-shortest', file,
  ]);
  return file;
}

/** A real mono 16-bit WAV of a 440 Hz tone lasting `seconds`. Returns its path. */
export function makeWav(seconds: number, name = `voice-${seconds}s.wav`): string {
  const file = join(dir(), name);
  ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100', '-t', String(seconds), '-ac', '1', '-c:a', 'pcm_s16le', file]);
  return file;
}
