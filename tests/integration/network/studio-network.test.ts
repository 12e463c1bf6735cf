import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import type { JobView } from '../../../src/shared/jobs/job';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { testStudioConfig } from '../../fixtures/studio-config';

/**
 * The network monitor wired into the assembled studio, against the provider simulator standing in
 * for a provider host: `app:status`, the `app:status` event and the engine's offline mode follow it.
 */

const KEY_VARS = ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY'];
const T2V = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a paper boat on a pond', resolution: '480p', aspectRatio: '16:9', duration: 5 };

let root: string | undefined;
let sim: SimulatorHandle | undefined;
let studio: Studio | undefined;
afterEach(async () => {
  await studio?.dispose();
  await sim?.close();
  studio = sim = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

async function setup(options: { key: boolean }) {
  root = mkdtempSync(join(tmpdir(), 'studio-net-'));
  sim = await startSimulator({ dataDir: join(root, 'sim'), timeScale: 0.2 });
  const env: Record<string, string> = simulatorEnv(sim.url);
  const novitaKey = env.NOVITA_API_KEY as string;
  for (const name of KEY_VARS) delete env[name];
  const s = await createStudio(testStudioConfig(join(root, 'data'), { env }));
  studio = s;
  const statusEvents: boolean[] = [];
  s.events.subscribe((channel, payload) => {
    if (channel === 'app:status') statusEvents.push((payload as { online: boolean }).online);
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const answer = (await s.router.dispatch(channel, input, { host: 'harness' })) as { ok: boolean; data?: T; error?: unknown };
    if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
    return answer.data as T;
  };
  if (options.key) await call('keys:set', { provider: 'novita', key: novitaKey, storage: 'session' });
  return { s, call, statusEvents, simUrl: sim.url };
}

async function until<T>(read: () => Promise<T> | T, test: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last = await read();
  while (!test(last)) {
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}

describe('network reachability in the studio', () => {
  it('holds a job while offline (status, event, engine all say so) and sends it when the network returns', { timeout: 60_000 }, async () => {
    const { s, call, statusEvents } = await setup({ key: true });
    expect(await call('app:status', {})).toEqual({ online: true });

    s.network.override(false);
    expect(await call('app:status', {})).toEqual({ online: false });
    expect(statusEvents).toEqual([false]);
    await until(() => call<{ online: boolean }>('jobs:stats', {}), (st) => !st.online);

    const { job } = await call<{ job: JobView }>('jobs:submit', { params: T2V });
    await new Promise((r) => setTimeout(r, 1_500));
    const held = (await call<{ jobs: JobView[] }>('jobs:list', {})).jobs.find((j) => j.id === job.id);
    expect(held?.state).toBe('queued');
    expect(sim!.stats().byRoute['novita:submit'] ?? 0).toBe(0);

    // Back to the real probe: the simulator (this key's provider host) answers, so the app is online again.
    s.network.override(null);
    await until(() => call<{ online: boolean }>('app:status', {}), (st) => st.online);
    expect(statusEvents).toEqual([false, true]);
    const done = await until(
      async () => (await call<{ jobs: JobView[] }>('jobs:list', {})).jobs.find((j) => j.id === job.id),
      (j) => j?.state === 'completed' || j?.state === 'failed',
      40_000,
    );
    expect(done?.state).toBe('completed');
    expect(sim!.stats().byRoute['novita:submit']).toBe(1);
  });

  it('goes offline when the keyed provider host stops answering, and back when it returns', { timeout: 60_000 }, async () => {
    const { s, call, statusEvents, simUrl } = await setup({ key: true });
    const port = Number(new URL(simUrl).port);
    await sim!.close();
    sim = undefined;
    // Two failed probes (a poke, then the 3 s confirmation) take it offline.
    s.network.poke();
    await until(() => call<{ online: boolean }>('app:status', {}), (st) => !st.online);
    expect(statusEvents).toEqual([false]);
    expect((await call<{ online: boolean }>('jobs:stats', {})).online).toBe(false);

    sim = await startSimulator({ port, dataDir: join(root as string, 'sim2'), timeScale: 0.2 });
    await until(() => call<{ online: boolean }>('app:status', {}), (st) => st.online);
    expect(statusEvents).toEqual([false, true]);
    await until(() => call<{ online: boolean }>('jobs:stats', {}), (st) => st.online);
  });

  it('stays online in the offline demo (no key): its simulator is local', async () => {
    const { s, call, statusEvents } = await setup({ key: false });
    s.network.poke();
    await new Promise((r) => setTimeout(r, 300));
    expect(await call('app:status', {})).toEqual({ online: true });
    expect(statusEvents).toEqual([]);
  });
});
