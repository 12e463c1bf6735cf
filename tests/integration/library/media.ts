import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolveMediaTools } from '../../../src/main/media-tools/ffmpeg';

const run = promisify(execFile);
export const tools = resolveMediaTools();

/** A real H.264 MP4 from ffmpeg's testsrc2 pattern: `size` px, 24 fps, `seconds` long. */
export async function makeTestMp4(out: string, size = '320x240', seconds = 2): Promise<void> {
  await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=24`, '-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', out]);
}

/** A 2 s, 24 fps MP4 that is solid red except its very last frame (#48), which is solid blue. */
export async function makeBlueEndingMp4(out: string, size = '320x240'): Promise<void> {
  await run(tools.ffmpeg, [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=red:size=${size}:rate=24:d=2`,
    '-vf', "drawbox=x=0:y=0:w=iw:h=ih:color=blue:t=fill:enable='gte(n,47)'",
    '-pix_fmt', 'yuv420p', '-c:v', 'libx264', out,
  ]);
}
