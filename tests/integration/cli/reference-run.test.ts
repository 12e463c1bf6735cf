import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_VARS, seedance, tempDirs } from './cli-process';
import { DEMO_PUBLIC_ORIGIN } from '../../../src/main/demo/provider/files';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { fixture } from '../../fixtures/images';
import { makeAudio, makeVideo } from '../../fixtures/media';

// `seedance check` and `seedance run` with --reference-image/-video/-audio against the simulator, on
// each provider's Seedance 2.0 reference row (issue 13 "Done when": 2 images + 1 video + 1 audio from
// the CLI). Real inputs: two shared photos, an MP4 and a WAV made by ffmpeg. ModelArk takes reference
// videos only by public URL (providers.md "Seedance 2.0 reference-to-video", BytePlus ModelArk), so
// there the video is published on the simulator's public host and given by its https address.

const ROWS = [
  { provider: 'evolink', model: 'evolink/seedance-2.0-reference-to-video', submit: 'evolink:submit', uploads: true },
  { provider: 'fal', model: 'fal/bytedance/seedance-2.0/reference-to-video', submit: 'fal:submit', uploads: true },
  { provider: 'ark', model: 'ark/dreamina-seedance-2-0-260128', submit: 'ark:submit', uploads: false },
] as const;

const { temp, removeAll } = tempDirs('refs');

let sim: SimulatorHandle;
let env: NodeJS.ProcessEnv;
let video: string;
let wav: string;
const PUBLIC_VIDEO = `${DEMO_PUBLIC_ORIGIN}/cli/walk-720p.mp4`;

beforeAll(async () => {
  const simData = temp('sim');
  sim = await startSimulator({ port: 0, dataDir: simData, timeScale: 0.25 });
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROVIDER_VARS.test(k)));
  env = { ...base, ...simulatorEnv(sim.url), SEEDANCE_DATA_DIR: temp('data') };
  const media = temp('media');
  // 3 s at 1280 × 720, 24 fps, H.264 + AAC: within every row's limits (fal's pixel cap is the tightest).
  [video, wav] = await Promise.all([makeVideo(media, 'walk-720p.mp4', { width: 1280, height: 720, fps: 24, seconds: 3, sound: 'aac' }), makeAudio(media, 'voice.wav', 3)]);
  mkdirSync(join(simData, 'public', 'cli'), { recursive: true });
  copyFileSync(video, join(simData, 'public', 'cli', 'walk-720p.mp4'));
}, 60_000);

afterAll(async () => {
  await sim?.close();
  removeAll();
});

const refs = (row: (typeof ROWS)[number]) => [
  '--reference-image', fixture('dragonfly-4224x3168.jpg'),
  '--reference-image', fixture('sunset-4272x2848.jpg'),
  '--reference-video', row.provider === 'ark' ? PUBLIC_VIDEO : video,
  '--reference-audio', wav,
];

describe.each(ROWS)('$model from the CLI', (row) => {
  it('seedance check accepts two photos, a video and an audio clip, reported per input', async () => {
    const ran = await seedance(['check', '--model', row.model, ...refs(row)], env);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toContain('@image1 dragonfly-4224x3168.jpg');
    expect(ran.stdout).toContain('@image2 sunset-4272x2848.jpg');
    expect(ran.stdout).toContain(row.provider === 'ark' ? `@video1 ${PUBLIC_VIDEO}` : '@video1 walk-720p.mp4: MP4 h264 1280 × 720, 24 fps, 3.0 s');
    expect(ran.stdout).toContain('@audio1 voice.wav: WAV pcm_s16le, 3.0 s');
    expect(ran.stdout).toMatch(/^Accepted by .*\.$/m);
  });

  it('seedance run sends them in one submit and leaves the clip in --out', async () => {
    const before = sim.stats();
    const out = temp(`${row.provider}-out`);
    const prompt = 'The dragonfly @image1 crosses @image2, moving like @video1, to @audio1';
    const ran = await seedance(['run', '--model', row.model, '--prompt', prompt, ...refs(row), '--resolution', '480p', '--duration', '4', '--out', out], env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/\.mp4$/)]);
    const after = sim.stats();
    expect((after.byRoute[row.submit] ?? 0) - (before.byRoute[row.submit] ?? 0)).toBe(1);
    // EvoLink and fal get four uploads (photos, video, audio); ModelArk none anywhere (photos and audio inline, video by URL).
    const uploads = (s: typeof after) => Object.entries(s.byRoute).reduce((n, [k, v]) => n + (k.endsWith(':upload') ? v : 0), 0);
    expect(uploads(after) - uploads(before)).toBe(row.uploads ? 4 : 0);
  });
});

describe('a bad reference set from the CLI', () => {
  it('ModelArk refuses a local video file (public URL only) and sends nothing', async () => {
    const before = sim.stats().total;
    const row = ROWS[2];
    const checked = await seedance(['check', '--model', row.model, '--reference-image', fixture('sunset-4272x2848.jpg'), '--reference-video', video], env);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toMatch(/only by public URL/);
    const ran = await seedance(['run', '--model', row.model, '--prompt', '@image1 @video1', '--reference-image', fixture('sunset-4272x2848.jpg'), '--reference-video', video, '--out', temp('ark-refused')], env);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/only by public URL/);
    expect(sim.stats().total).toBe(before);
  });

  it('audio alone is refused on every provider before anything is sent', async () => {
    const before = sim.stats().total;
    for (const row of ROWS) {
      const ran = await seedance(['run', '--model', row.model, '--prompt', '@audio1', '--reference-audio', wav, '--out', temp(`${row.provider}-alone`)], env);
      expect(ran.code, ran.stderr).toBe(1);
      expect(ran.stderr).toMatch(/takes reference audio only together with a reference image or video\./);
    }
    expect(sim.stats().total).toBe(before);
  });
});
