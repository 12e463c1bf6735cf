import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunTimings } from '../../../src/cli/run/outcome';
import { resolveMediaTool } from '../../../src/main/media-tools/ffmpeg';
import { findModel } from '../../../src/shared/catalog/models';
import { paramsSchema } from '../../../src/shared/catalog/params';
import { specOutputSize } from '../../fixtures/spec-output-sizes';
import type { ModelEntry } from '../../../src/shared/catalog/types';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { FIXTURE_IMAGES } from '../../fixtures/images';

const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const IMAGES = FIXTURE_IMAGES;
const DRAGONFLY = join(IMAGES, 'dragonfly-4224x3168.jpg');
const NUTHATCH = join(IMAGES, 'nuthatch-6028x3391.jpg');
const FAL_T2V = 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video';
const NOVITA_I2V = 'novita/seedance-v1-pro-i2v';

/** Every variable that would send the CLI to a real provider or change its data folder. */
const PROVIDER_VARS = /^(NOVITA|FAL|EVOLINK|ARK)_|^SEEDANCE_/;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

const dirs: string[] = [];
function temp(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `seedance-cli-${name}-`));
  dirs.push(d);
  return d;
}

/** The test process's environment without provider keys or base URLs, plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROVIDER_VARS.test(k)));
  return { ...base, ...extra };
}

/**
 * Runs `seedance <args>` as its own process through tsx, as `npm run seedance` does. `onStderr`
 * sees stderr as it arrives (with the child, to send it signals).
 */
function seedance(args: string[], env: NodeJS.ProcessEnv, onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      onStderr?.(stderr, child);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Width, height (px) and duration (s) of the first video stream, straight from ffprobe. */
async function probe(file: string): Promise<{ width: number; height: number; duration: number; codec: string }> {
  const { stdout } = await promisify(execFile)(resolveMediaTool('ffprobe'), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', file]);
  const json = JSON.parse(stdout) as { streams: Array<{ codec_type: string; codec_name: string; width: number; height: number; duration?: string }>; format: { duration: string } };
  const video = json.streams.find((s) => s.codec_type === 'video');
  if (!video) throw new Error(`${file} has no video stream`);
  return { width: video.width, height: video.height, duration: Number(video.duration ?? json.format.duration), codec: video.codec_name };
}

/** The output size the spec's table gives (not the app's) and the duration for these flags (as the schema fills defaults). */
function expected(modelId: string, flags: Record<string, unknown>, firstFrameSize?: { width: number; height: number }) {
  const entry = findModel(modelId) as ModelEntry;
  const params = paramsSchema(entry).parse({ modelId, prompt: 'x', ...flags });
  return { ...specOutputSize(modelId, params.resolution as '480p', params.aspectRatio, firstFrameSize), duration: params.duration };
}

/** The only MP4 in `dir`, named `<clip id>.mp4`. */
function onlyVideo(dir: string): string {
  const files = readdirSync(dir);
  expect(files).toHaveLength(1);
  expect(files[0]).toMatch(/^[a-z0-9]{8,32}\.mp4$/);
  return join(dir, files[0] as string);
}

let sim: SimulatorHandle;
let simEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  // A quarter of the default times: 0.25 s queued and 0.75 s generating at the simulated provider.
  sim = await startSimulator({ port: 0, dataDir: temp('sim'), timeScale: 0.25 });
  simEnv = cleanEnv({ ...simulatorEnv(sim.url), SEEDANCE_DATA_DIR: temp('data') });
});

afterAll(async () => {
  await sim?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('seedance run against the provider simulator', () => {
  it('fal text-to-video leaves a playable MP4 of the catalog size and duration in --out', async () => {
    const out = temp('fal-out');
    const ran = await seedance(['run', '--model', FAL_T2V, '--prompt', 'a lighthouse at dusk, waves below', '--out', out], simEnv);
    expect(ran.stderr).not.toMatch(/offline demo/);
    expect(ran.code, ran.stderr).toBe(0);
    // Progress on stderr, in order. Whether a poll lands while the task is generating depends on
    // timing (it may go from the queue to done between two polls), and job changes reach followers in
    // batches of at most 10 a second (issue 12), so a POST shorter than a batch may show no "sending";
    // only the sure states are checked.
    expect(ran.stderr).toMatch(/queued[\s\S]*waiting at fal[\s\S]*downloading[\s\S]*completed/);

    const video = onlyVideo(out);
    const libraryPath = ran.stdout.trim();
    expect(existsSync(libraryPath)).toBe(true);
    expect(libraryPath.startsWith(simEnv.SEEDANCE_DATA_DIR as string)).toBe(true);
    expect(statSync(libraryPath).size).toBe(statSync(video).size);
    expect(basename(video, '.mp4')).toBe(basename(resolve(libraryPath, '..')).split('_').at(-1));

    const want = expected(FAL_T2V, {});
    const got = await probe(video);
    expect(got).toMatchObject({ width: want.width, height: want.height, codec: 'h264' });
    expect(Math.abs(got.duration - want.duration)).toBeLessThan(0.2);
  });

  it('Novita image-to-video from the dragonfly photo, with the JSON record', async () => {
    const out = temp('novita-out');
    const ran = await seedance(['run', '--model', NOVITA_I2V, '--prompt', 'the dragonfly lifts off', '--image', DRAGONFLY, '--out', out, '--json'], simEnv);
    expect(ran.code, ran.stderr).toBe(0);
    const record = JSON.parse(ran.stdout) as Record<string, unknown> & { timings: RunTimings };
    const video = onlyVideo(out);
    expect(record).toMatchObject({ provider: 'novita', model: 'seedance-v1-pro-i2v', outPath: video });
    expect(existsSync(record.path as string)).toBe(true);
    expect(typeof record.taskId).toBe('string');
    expect(typeof record.seed).toBe('number');
    expect(record.timings.totalMs).toBeGreaterThan(0);
    expect(record.timings.totalMs).toBeGreaterThanOrEqual(record.timings.submitMs + record.timings.generatingMs);

    const want = expected(NOVITA_I2V, { firstFrame: DRAGONFLY }, { width: 4224, height: 3168 });
    const got = await probe(video);
    expect(got).toMatchObject({ width: want.width, height: want.height });
    expect(Math.abs(got.duration - want.duration)).toBeLessThan(0.2);
  });

  it('refuses the 6028 px nuthatch with the failing rule (exit 1), and sends a fixed copy with --fix', async () => {
    const out = temp('nuthatch-out');
    const args = ['run', '--model', NOVITA_I2V, '--prompt', 'the bird looks around', '--image', NUTHATCH, '--resolution', '480p', '--out', out];
    const refused = await seedance(args, simEnv);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('longer side 6028 px is over the 6000 px limit');
    expect(refused.stderr).toMatch(/--fix/);
    expect(refused.stderr).not.toMatch(/sending to Novita/);
    expect(readdirSync(out)).toEqual([]);

    const fixed = await seedance([...args, '--fix'], simEnv);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stderr).toMatch(/fixed first frame nuthatch-6028x3391\.jpg: longer side 6028 px/);
    const want = expected(NOVITA_I2V, { firstFrame: NUTHATCH, resolution: '480p' }, { width: 6028, height: 3391 });
    expect(await probe(onlyVideo(out))).toMatchObject({ width: want.width, height: want.height });
  });

  it('an unknown model is a usage error (exit 2) and nothing is sent', async () => {
    const before = sim.stats().total;
    const ran = await seedance(['run', '--model', 'fal/no-such-model', '--prompt', 'x', '--out', temp('unknown')], simEnv);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/Unknown model "fal\/no-such-model"/);
    expect(sim.stats().total).toBe(before);
  });

  it('a wrong key fails with the auth reason (exit 1) and never prints the key', async () => {
    const wrong = 'nv-wrong-key-5f3a9c1e7d';
    const ran = await seedance(
      ['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--resolution', '480p', '--out', temp('badkey')],
      { ...simEnv, NOVITA_API_KEY: wrong },
    );
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stderr).toMatch(/Novita refused the API key/);
    expect(ran.stderr).toMatch(/Check NOVITA_API_KEY/);
    expect(ran.stderr + ran.stdout).not.toContain(wrong);
  });

  it('Ctrl-C while Novita holds the task stops tracking it and names the task that may still be billed', async () => {
    const out = temp('interrupt');
    let sent = false;
    const ran = await seedance(['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--resolution', '480p', '--out', out], simEnv, (err, child) => {
      if (!sent && /waiting at Novita|generating/.test(err)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(ran.code, ran.stderr).toBe(130);
    expect(ran.stderr).toMatch(/Novita has no way to cancel a task, so it may still run and be billed/);
    expect(ran.stderr).toMatch(/Novita task: \S+/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('seedance run with no provider key', () => {
  it('runs the offline demo and says so', async () => {
    const out = temp('demo-out');
    const env = cleanEnv({ SEEDANCE_DATA_DIR: temp('demo-data'), SEEDANCE_DEMO_TIME_SCALE: '0.25' });
    const ran = await seedance(['run', '--model', FAL_T2V, '--prompt', 'a quiet harbour', '--resolution', '480p', '--out', out], env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/offline demo/);
    const want = expected(FAL_T2V, { resolution: '480p' });
    expect(await probe(onlyVideo(out))).toMatchObject({ width: want.width, height: want.height });
  });
});
