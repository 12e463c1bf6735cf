import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arkAdapter } from '../../../src/main/providers/ark';
import { baseUrlsFromEnv } from '../../../src/main/providers/registry';
import type { ProviderContext } from '../../../src/main/providers/types';
import { findModel } from '../../../src/shared/catalog/models';
import { paramsSchema } from '../../../src/shared/catalog/params';
import { DEMO_KEYS, simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { removeTempDirs, tempDir } from '../provider-sim/sim-helpers';

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('ark-list-sim'), timeScale: 0.1 });
});
afterAll(async () => {
  await sim.close();
  removeTempDirs();
});

const ctx = (): ProviderContext => ({ apiKey: DEMO_KEYS.ark, baseUrls: baseUrlsFromEnv('ark', simulatorEnv(sim.url)), fetch: globalThis.fetch });

async function submit(modelId: string): Promise<string> {
  const entry = findModel(modelId)!;
  const params = paramsSchema(entry).parse({ modelId, prompt: 'a lighthouse at dusk', resolution: '480p', aspectRatio: '16:9', duration: 5 });
  return (await arkAdapter.submit(await arkAdapter.prepare({ entry, params, images: {} }, ctx()), ctx())).taskId;
}

describe('ModelArk task list (BytePlus "Query the list of video generation tasks") against the simulator', () => {
  it('finds the tasks of one model made in a window, on this machine’s clock, with the request echoed', async () => {
    const before = Date.now();
    const mine = await submit('ark/seedance-1-0-pro-250528');
    const otherModel = await submit('ark/seedance-1-5-pro-251215');
    const after = Date.now();
    const listing = await arkAdapter.listTasks!({ model: 'seedance-1-0-pro-250528', from: before - 2_000, to: after + 2_000 }, ctx());
    expect(listing.complete).toBe(true);
    expect(listing.clockChecked).toBe(true);
    const ids = listing.tasks.map((t) => t.taskId);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(otherModel);
    expect(listing.tasks.find((t) => t.taskId === mine)).toMatchObject({ model: 'seedance-1-0-pro-250528', resolution: '480p', ratio: '16:9', duration: 5 });
  });

  it('a window before any task was made lists none, and says the list was read whole', async () => {
    const listing = await arkAdapter.listTasks!({ model: 'seedance-1-0-pro-250528', from: 0, to: 1_000 }, ctx());
    expect(listing).toEqual({ tasks: [], complete: true, clockChecked: true });
  });
});
