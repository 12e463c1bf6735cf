import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { pollDelayMs, runCommand, type RunOptions } from '../../../src/cli/commands/run';
import type { CliIo } from '../../../src/cli/io';
import { startLocalServer, type Seen } from '../main/providers/local-server';

const KEY = 'nv-cli-test-key-31337';
const PORTRAIT = '/work/shared/fixtures/images/altai-portrait-1080x1920.png';
const NUTHATCH = '/work/shared/fixtures/images/nuthatch-6028x3391.jpg';

function capture(env: Record<string, string | undefined>): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    fetch,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

let mp4: Buffer;
let server: Awaited<ReturnType<typeof startLocalServer>>;
/** Per task id: the status answers the fake Novita gives, in order (the last one repeats). */
const script: Record<string, object[]> = {};
const polls: Record<string, number> = {};
let nextTask = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'seedance-cli-'));
  const file = join(dir, 'clip.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=24', '-t', '1', '-pix_fmt', 'yuv420p', '-y', file]);
  mp4 = await readFile(file);
  server = await startLocalServer((req: Seen) => {
    if (req.path === '/video.mp4') return { status: 200, raw: mp4, headers: { 'Content-Type': 'video/mp4' } };
    if (req.path === '/not-video') return { status: 200, raw: Buffer.from('<html>expired</html>') };
    if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 403, json: { code: 403, reason: 'INVALID_API_KEY', message: 'bad key' } };
    if (req.method === 'POST' && req.path.startsWith('/v3/async/')) return { status: 200, json: { task_id: nextTask } };
    const m = /task_id=([\w-]+)/.exec(req.path);
    if (m && m[1] && script[m[1]]) {
      const id = m[1];
      const answers = script[id] as object[];
      const i = Math.min(polls[id] ?? 0, answers.length - 1);
      polls[id] = (polls[id] ?? 0) + 1;
      return { status: 200, json: answers[i] };
    }
    return { status: 404, json: { code: 404, reason: 'TASK_NOT_FOUND', message: 'no task' } };
  });
});
afterAll(() => server.close());

const env = () => ({ NOVITA_API_KEY: KEY, NOVITA_BASE_URL: server.url });
const succeed = (url: string) => ({
  task: { task_id: 'x', status: 'TASK_STATUS_SUCCEED', reason: '' },
  videos: [{ video_url: url, video_url_ttl: '3600', video_type: 'mp4' }],
  extra: { seed: '4242' },
});

describe('seedance run', () => {
  it('submits an image-to-video job, downloads the MP4 and prints JSON', async () => {
    nextTask = 'task-ok';
    script['task-ok'] = [succeed(`${server.url}/video.mp4`)];
    const out = await mkdtemp(join(tmpdir(), 'seedance-out-'));
    const io = capture(env());
    const code = await runCli(
      ['run', '--model', 'novita/seedance-v1-pro-i2v', '--prompt', 'snow falls on the peaks', '--image', PORTRAIT, '--resolution', '480p', '--aspect-ratio', '9:16', '--duration', '5', '--seed', '7', '--camera-fixed', '--out', out, '--json'],
      io,
    );
    expect(io.err).not.toContain(KEY);
    expect(code).toBe(0);
    const result = JSON.parse(io.out);
    expect(result).toMatchObject({ seed: 4242, taskId: 'task-ok', provider: 'novita', model: 'seedance-v1-pro-i2v' });
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(0);
    expect((await readFile(result.path)).equals(mp4)).toBe(true);
    expect(await readdir(out)).toEqual(['novita-task-ok.mp4']);
    const submit = server.seen.find((s) => s.method === 'POST');
    expect(submit?.json).toMatchObject({ prompt: 'snow falls on the peaks', resolution: '480p', aspect_ratio: '9:16', duration: 5, seed: 7, camera_fixed: true });
    const portrait = await readFile(PORTRAIT);
    expect((submit?.json as { image: string }).image).toBe(`data:image/png;base64,${portrait.toString('base64')}`);
    const download = server.seen.find((s) => s.path === '/video.mp4');
    expect(download?.headers.authorization).toBeUndefined();
    expect(io.err).toMatch(/submitted: task task-ok/);
  });

  it('polls until done with progress on stderr and prints the path', async () => {
    nextTask = 'task-slow';
    script['task-slow'] = [
      { task: { task_id: 'task-slow', status: 'TASK_STATUS_QUEUED', reason: '' } },
      { task: { task_id: 'task-slow', status: 'TASK_STATUS_PROCESSING', reason: '', eta: 0, progress_percent: 50 } },
      succeed(`${server.url}/video.mp4`),
    ];
    const out = await mkdtemp(join(tmpdir(), 'seedance-out-'));
    const io = capture(env());
    const opts: RunOptions = { model: 'novita/seedance-v1-pro-t2v', prompt: 'a lighthouse', cameraFixed: false, noAudio: false, out, json: false };
    expect(await runCommand(opts, io, { minMs: 5, maxMs: 20, maxWaitMs: 60_000 })).toBe(0);
    expect(io.out.trim()).toBe(join(out, 'novita-task-slow.mp4'));
    expect(io.err).toMatch(/waiting at the provider/);
    expect(io.err).toMatch(/generating 50%/);
    expect(polls['task-slow']).toBe(3);
  });

  it('exits 1 with the provider reason when the task fails', async () => {
    nextTask = 'task-bad';
    script['task-bad'] = [{ task: { task_id: 'task-bad', status: 'TASK_STATUS_FAILED', reason: 'ILLEGAL_PROMPT' } }];
    const io = capture(env());
    const code = await runCli(['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--out', await mkdtemp(join(tmpdir(), 'o-'))], io);
    expect(code).toBe(1);
    expect(io.err).toMatch(/content filter/);
    expect(io.err).toMatch(/ILLEGAL_PROMPT/);
  });

  it('exits 1 and leaves no file when the download is not an MP4', async () => {
    nextTask = 'task-html';
    script['task-html'] = [succeed(`${server.url}/not-video`)];
    const out = await mkdtemp(join(tmpdir(), 'seedance-out-'));
    const io = capture(env());
    expect(await runCli(['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--out', out], io)).toBe(1);
    expect(io.err).toMatch(/not an MP4/);
    expect(await readdir(out)).toEqual([]);
  });

  it('exits 1 when the provider refuses the key, without printing it', async () => {
    const io = capture({ NOVITA_API_KEY: 'nv-wrong-key-1234567', NOVITA_BASE_URL: server.url });
    expect(await runCli(['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--out', await mkdtemp(join(tmpdir(), 'o-'))], io)).toBe(1);
    expect(io.err).toMatch(/refused the API key/);
    expect(io.err).not.toContain('nv-wrong-key-1234567');
  });

  it.each([
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--duration', '7', '--out', '/tmp/x'], 1, /5 or 10/],
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--image', PORTRAIT, '--out', '/tmp/x'], 1, /text-to-video only/],
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--no-audio', '--out', '/tmp/x'], 1, /no generateAudio/],
    [['run', '--model', 'novita/seedance-v1-pro-i2v', '--prompt', 'x', '--image', NUTHATCH, '--out', '/tmp/x'], 1, /6028×3391 px.*under 6000/],
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--duration', 'five', '--out', '/tmp/x'], 2, /whole number/],
    [['run', '--model', 'novita/nope', '--prompt', 'x', '--out', '/tmp/x'], 2, /Unknown model/],
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x'], 2, /--out is required/],
    [['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--out', '/tmp/x', '--fps', '30'], 2, /Unknown option '--fps'/],
    [['run', '--model', 'novita/seedance-v1-pro-i2v', '--prompt', 'x', '--image', '/nonexistent.png', '--out', '/tmp/x'], 2, /Cannot read image file/],
    [['launch'], 2, /Unknown command/],
    [[], 2, /Usage:/],
  ] as const)('%j exits %i', async (argv, exit, message) => {
    const io = capture(env());
    expect(await runCli([...argv], io)).toBe(exit);
    expect(io.err + io.out).toMatch(message);
  });

  it('exits 2 naming the variable when the key is missing', async () => {
    const io = capture({});
    expect(await runCli(['run', '--model', 'fal/bytedance/seedance-2.0/text-to-video', '--prompt', 'x', '--out', '/tmp/x'], io)).toBe(2);
    expect(io.err).toMatch(/Set FAL_KEY/);
  });
});

describe('seedance models', () => {
  it('--json prints the whole catalog', async () => {
    const io = capture({});
    expect(await runCli(['models', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out) as Array<{ id: string }>;
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.id)).toContain('ark/dreamina-seedance-2-0-260128');
  });

  it('prints a readable list marking unconfirmed options', async () => {
    const io = capture({});
    expect(await runCli(['models'], io)).toBe(0);
    expect(io.out).toMatch(/evolink\/seedance-2.0-text-to-video\n.*1080p\?/);
    expect(io.out).toMatch(/ark\/seedance-1-0-pro-250528\n.*≈ \$2.5\/M tokens \(as of 2026-11\)/);
  });
});

describe('pollDelayMs', () => {
  const policy = { minMs: 2000, maxMs: 20_000 };
  it('waits half the ETA, within bounds', () => {
    expect(pollDelayMs({ state: 'running', etaSeconds: 10 }, 0, policy)).toBe(5000);
    expect(pollDelayMs({ state: 'running', etaSeconds: 1 }, 0, policy)).toBe(2000);
    expect(pollDelayMs({ state: 'running', etaSeconds: 600 }, 0, policy)).toBe(20_000);
  });
  it('backs off without an ETA', () => {
    expect(pollDelayMs({ state: 'queued' }, 0, policy)).toBe(2000);
    expect(pollDelayMs({ state: 'queued' }, 2, policy)).toBe(4500);
    expect(pollDelayMs({ state: 'queued' }, 20, policy)).toBe(20_000);
  });
});
