import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { forkEngine } from '../../../src/main/jobs/engine-host';
import type { JobView } from '../../../src/shared/jobs/job';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';

/**
 * Settings → Providers → concurrency reaches the engine without a restart (here a forked engine,
 * as in the harness): with Novita's limit at 1 only one job is at the provider at a time; raising
 * it lets the waiting jobs go at once. Runs in the offline demo (the simulator stands in).
 */

const AT_PROVIDER = new Set(['submitting', 'submitted', 'running']);
const ENTRY = join(__dirname, '../../../src/main/jobs/engine-process.ts');

let root: string;
let studio: Studio;
const call = <T>(channel: string, input: unknown): Promise<T> => callStudio<T>(studio, channel, input);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'live-settings-'));
  studio = await createStudio(
    testStudioConfig(join(root, 'data'), {
      libraryDir: join(root, 'library'),
      // Slow generation (time scale 3: ~12 s a task) so the limit is observable between polls.
      env: { SEEDANCE_DEMO_TIME_SCALE: '3' },
      launchEngine: forkEngine({ entry: ENTRY, execArgv: ['--import', 'tsx'] }),
    }),
  );
});
afterAll(async () => {
  await studio.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('engine limits follow Settings live', () => {
  it('holds jobs at a concurrency of 1 and releases them when it is raised', async () => {
    await call('settings:update', { patch: { providers: { novita: { concurrency: 1 } } } });
    const params = { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a kite over the dunes', resolution: '480p', aspectRatio: '16:9', duration: 5 };
    for (let i = 0; i < 3; i++) await call('jobs:submit', { params: { ...params, prompt: `${params.prompt} ${i}` } });

    const atProvider = async () => (await call<{ jobs: JobView[] }>('jobs:list', {})).jobs.filter((j) => AT_PROVIDER.has(j.state)).length;
    const samples: number[] = [];
    for (let t = 0; t < 12; t++) {
      samples.push(await atProvider());
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Math.max(...samples)).toBe(1);

    await call('settings:update', { patch: { providers: { novita: { concurrency: 3 } } } });
    const end = Date.now() + 10_000;
    let now = await atProvider();
    while (now < 3 && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 200));
      now = await atProvider();
    }
    expect(now).toBe(3);
  });
});
