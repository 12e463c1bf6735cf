import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixture } from '../../fixtures/images';
import { makeAudio, makeVideo } from '../../fixtures/media';

const ARK_20 = 'ark/dreamina-seedance-2-0-260128';

/** Runs the CLI in this process and collects what it prints. */
async function seedance(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, signal: new AbortController().signal };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('seedance check with --reference-* flags: a verdict per input', () => {
  let dir: string;
  let video: string;
  let wav: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-refs-'));
    [video, wav] = await Promise.all([makeVideo(dir, 'clip.mp4', { width: 1280, height: 720, fps: 10, seconds: 3 }), makeAudio(dir, 'tone.wav', 3)]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists each input with its tag and what ffprobe or the image reader saw, and the set’s verdict', async () => {
    const ran = await seedance(['check', '--model', ARK_20, '--reference-image', fixture('sunset-4272x2848.jpg'), '--reference-video', video, '--reference-audio', wav]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('@image1 sunset-4272x2848.jpg: JPEG 4272 × 2848 px');
    expect(ran.stdout).toContain('@video1 clip.mp4: MP4 h264 1280 × 720, 10 fps, 3.0 s');
    expect(ran.stdout).toContain('@audio1 tone.wav: WAV pcm_s16le, 3.0 s');
    // Until the catalogue's reference rows are in, this row takes no references: the set says so.
    const rowHasRules = !ran.stdout.includes('takes no reference images, videos or audio.');
    if (rowHasRules) expect(ran.stdout).toMatch(/only by public URL/);
    expect(ran.stdout).toMatch(/^Not accepted by .* \(\d+ rules? failed\)\.$/m);
  });

  it('answers JSON with each input’s verdict, and says a file that is not media is not', async () => {
    const ran = await seedance(['check', '--model', ARK_20, '--reference-video', 'https://cdn.example.com/clip.mp4', '--reference-audio', fixture('README.md'), '--json']);
    const out = JSON.parse(ran.stdout) as { ok: boolean; inputs: Array<{ tag: string; source: string; violations: Array<{ rule: string; message: string }> }> };
    expect(out.inputs.map((i) => [i.tag, i.source])).toEqual([
      ['@video1', 'https://cdn.example.com/clip.mp4'],
      ['@audio1', fixture('README.md')],
    ]);
    expect(out.ok).toBe(false);
    expect(out.inputs[1]!.violations[0]).toMatchObject({ rule: 'unreadable', message: 'README.md is not a video or audio file the app can read.' });
  });

  it('needs --model, and documents every reference flag in its help', async () => {
    expect((await seedance(['check', '--reference-audio', wav])).code).toBe(2);
    const help = (await seedance(['--help'])).stdout;
    for (const flag of ['--reference-image', '--reference-video', '--reference-audio']) expect(help.split(flag).length - 1).toBeGreaterThanOrEqual(2);
  });
});
