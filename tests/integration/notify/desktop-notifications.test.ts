import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { forkEngine } from '../../../src/main/jobs/engine-host';
import { createToken } from '../../../src/harness/access';
import { createNotificationRecorder, type DesktopRecord } from '../../../src/harness/http/test-hooks';
import { harnessMediaUrl, startHarnessServer, type HarnessServer } from '../../../src/harness/server';
import type { JobView } from '../../../src/shared/jobs/job';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';

/**
 * Issue 5, "Notify": desktop notifications when a job finishes or fails, and the taskbar progress.
 * The studio is built as the browser harness builds it — its desktop stand-in, its test hooks over
 * HTTP — with the engine in this process, running real jobs against the provider simulator.
 */

const KEY_VARS = ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY'];
const T2V = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat drifts across a still pond at dawn', resolution: '480p', aspectRatio: '16:9', duration: 5 };
const END_STATES = ['completed', 'failed', 'cancelled', 'expired', 'needs_attention'];

interface Run {
  studio: Studio;
  server: HarnessServer;
  call<T>(channel: string, input: unknown): Promise<T>;
  /** `GET /__test/notifications`. */
  record(): Promise<DesktopRecord>;
  /** `POST /__test/window-focus`. */
  setFocused(focused: boolean): Promise<void>;
}

let root: string | undefined;
let sim: SimulatorHandle | undefined;
let run: Run | undefined;
afterEach(async () => {
  await stop(run);
  await sim?.close();
  run = sim = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

async function stop(r: Run | undefined): Promise<void> {
  await r?.server.close();
  await r?.studio.dispose();
}

/**
 * A studio on `<root>/data` (kept across calls: a second call is a restart) and its harness server
 * with test hooks. The engine runs in this process unless `forked` (then in a child, as in the app).
 */
async function open(novitaKey: string, forked = false): Promise<Run> {
  root ??= mkdtempSync(join(tmpdir(), 'notify-it-'));
  sim ??= await startSimulator({ dataDir: join(root, 'sim'), timeScale: 0.2 });
  const env: Record<string, string> = simulatorEnv(sim.url);
  for (const name of KEY_VARS) delete env[name];
  const token = createToken();
  const desktop = createNotificationRecorder();
  const studio = await createStudio(
    testStudioConfig(join(root, 'data'), {
      libraryDir: join(root, 'library'),
      env,
      mediaUrl: (id) => harnessMediaUrl(token, id),
      desktop,
      ...(forked ? { launchEngine: forkEngine({ entry: ENGINE_ENTRY, execArgv: ['--import', 'tsx'] }) } : {}),
    }),
  );
  const rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  const server = await startHarnessServer({ studio, rendererDir, indexHtml: '<!doctype html><html><head></head><body></body></html>', bridgeJs: '', token, port: 0, testHooks: true, openedLinks: () => [], desktop });
  const hook = async (path: string, body?: unknown) => {
    const res = await fetch(`http://127.0.0.1:${server.port}${path}?t=${token}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const call = <T>(channel: string, input: unknown): Promise<T> => callStudio<T>(studio, channel, input);
  await call('keys:set', { provider: 'novita', key: novitaKey, storage: 'session' });
  return {
    studio,
    server,
    call,
    record: () => hook('/__test/notifications') as Promise<DesktopRecord>,
    setFocused: async (focused) => {
      expect(await hook('/__test/window-focus', { focused })).toEqual({ focused });
    },
  };
}

const ENGINE_ENTRY = fileURLToPath(new URL('../../../src/main/jobs/engine-process.ts', import.meta.url));

const demoKey = () => simulatorEnv('http://127.0.0.1').NOVITA_API_KEY as string;

async function until<T>(read: () => Promise<T>, test: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read();
  while (!test(last)) {
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

/** Submits the text-to-video job and waits until it ends and the taskbar progress is cleared. */
async function runJob(r: Run): Promise<JobView> {
  const { job } = await r.call<{ job: JobView }>('jobs:submit', { params: T2V });
  const ended = await until(
    async () => (await r.call<{ jobs: JobView[] }>('jobs:list', {})).jobs.find((j) => j.id === job.id),
    (j) => END_STATES.includes(j?.state ?? ''),
  );
  await until(() => r.record(), (rec) => rec.progress === null && rec.progressHistory.length > 1);
  // Room for a late duplicate to show up (the library touches the job again after filing it).
  await new Promise((res) => setTimeout(res, 1_000));
  return ended as JobView;
}

describe('desktop notifications and taskbar progress', () => {
  it('one "Video ready" while the window is not focused; the taskbar rises then clears; nothing again after a restart', { timeout: 120_000 }, async () => {
    run = await open(demoKey());
    await run.setFocused(false);
    const job = await runJob(run);
    expect(job.state).toBe('completed');
    expect(job.result?.libraryId).toBeTruthy();

    const rec = await run.record();
    expect(rec.notifications).toEqual([
      { title: 'Video ready', body: 'a paper boat drifts across a still pond at dawn · Seedance 1.0 Pro · text to video', jobId: job.id, actions: ['open', 'continue'] },
    ]);
    // While the job ran the taskbar showed a fraction; when it ended, the bar was removed.
    const fractions = rec.progressHistory.filter((p): p is number => p !== null);
    expect(fractions.length).toBeGreaterThan(0);
    for (const f of fractions) expect(f >= 0 && f <= 1).toBe(true);
    expect(rec.progressHistory.indexOf(fractions[0] as number)).toBeLessThan(rec.progressHistory.lastIndexOf(null));
    expect(rec.progress).toBeNull();

    // Restart on the same data folder: the finished job is in the list, and nobody hears of it again.
    await stop(run);
    run = await open(demoKey());
    await run.setFocused(false);
    // The notifier's first look at the jobs sets the taskbar (to nothing running): its readiness marker.
    await until(() => run!.record(), (r) => r.progressHistory.length > 0);
    expect((await run.call<{ jobs: JobView[] }>('jobs:list', {})).jobs.map((j) => [j.id, j.state])).toEqual([[job.id, 'completed']]);
    await new Promise((res) => setTimeout(res, 500));
    expect((await run.record()).notifications).toEqual([]);
  });

  it('none while the window is focused (the harness default); the taskbar still follows the job', { timeout: 120_000 }, async () => {
    run = await open(demoKey());
    expect((await run.record()).focused).toBe(true);
    const job = await runJob(run);
    expect(job.state).toBe('completed');
    const rec = await run.record();
    expect(rec.notifications).toEqual([]);
    expect(rec.progressHistory.some((p) => p !== null)).toBe(true);
    expect(rec.progress).toBeNull();
  });

  it('none for a finished job when notifications.onFinish is off, while a failure still notifies', { timeout: 120_000 }, async () => {
    run = await open(demoKey());
    await run.call('settings:update', { patch: { notifications: { onFinish: false } } });
    await run.setFocused(false);
    const done = await runJob(run);
    expect(done.state).toBe('completed');
    expect((await run.record()).notifications).toEqual([]);

    // A key the simulator refuses: the job fails at submit with an auth error (onFail is still on).
    await run.call('keys:set', { provider: 'novita', key: 'sk-notify-wrong-key-0001', storage: 'session' });
    const failed = await runJob(run);
    expect(failed.state).toBe('failed');
    const rec = await run.record();
    expect(rec.notifications).toHaveLength(1);
    expect(rec.notifications[0]).toMatchObject({ title: 'Video failed', jobId: failed.id, actions: ['open'] });
    expect(rec.notifications[0]?.body).toBe(`${failed.error?.message}\n${T2V.prompt}`);
  });

  it('one "Job needs attention" for a job the engine was killed while sending: recovered on restart, with no event of its own', { timeout: 120_000 }, async () => {
    run = await open(demoKey(), true);
    await run.setFocused(false);
    // Novita takes 20 s to answer the POST: the engine is killed while it waits.
    sim?.setFaults({ novita: { slowAnswer: { ms: 20_000, routes: ['submit'], times: 1 } } });
    const { job } = await run.call<{ job: JobView }>('jobs:submit', { params: T2V });
    const sending = (jobs: JobView[]) => jobs.find((j) => j.id === job.id)?.state === 'submitting';
    await until(async () => (await run!.call<{ jobs: JobView[] }>('jobs:list', {})).jobs, sending);
    const pid = run.studio.jobs.pid;
    expect(pid).toBeTypeOf('number');
    process.kill(pid as number, 'SIGKILL');

    const rec = await until(() => run!.record(), (r) => r.notifications.length > 0);
    const [recovered] = (await run.call<{ jobs: JobView[] }>('jobs:list', {})).jobs;
    expect(recovered).toMatchObject({ id: job.id, state: 'needs_attention', error: { kind: 'interrupted' } });
    expect(rec.notifications).toEqual([{ title: 'Job needs attention', body: `${recovered?.error?.message}\n${T2V.prompt}`, jobId: job.id, actions: ['open'] }]);
    // The taskbar no longer shows the job as running.
    expect(rec.progress).toBeNull();
  });
});
