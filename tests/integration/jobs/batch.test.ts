import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { batchJobId } from '../../../src/shared/jobs/batch';
import { crash, NOVITA_T2V, settled, startRig, submitsPerTask, waitForJob, type Rig } from './engine-fixture';

let rig: Rig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

/** The jobs the engine's store holds on disk (one JSON file per job), by id. */
function jobsOnDisk(r: Rig): Map<string, { batch?: unknown; params: { seed?: number } }> {
  const dir = join(r.dataDir, 'jobs');
  const out = new Map<string, { batch?: unknown; params: { seed?: number } }>();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json') || name === 'queue.json') continue;
    const job = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string; batch?: unknown; params: { seed?: number } };
    out.set(job.id, job);
  }
  return out;
}

describe('a batch of variations through main, the engine and the library', () => {
  it('queues one job per take with its batch, files each clip with it, and a batch sent again after a crash pays for nothing twice', async () => {
    rig = await startRig();
    // Held in the queue, so the crash below cannot catch a take mid-submit (that take would rightly
    // need attention instead: the engine cannot know whether the provider took it).
    await rig.window.client.jobs.pause();
    const batchId = crypto.randomUUID();
    const seeds = [1, 2, 42];
    const request = { batchId, takes: seeds.map((seed) => ({ ...NOVITA_T2V, seed })) };
    const first = await rig.window.client.jobs.submitBatch(request);
    expect(first.jobs.map((j) => j.id)).toEqual([1, 2, 3].map((n) => batchJobId(batchId, n)));
    expect(first.jobs.map((j) => j.batch)).toEqual([1, 2, 3].map((take) => ({ id: batchId, take, of: 3 })));
    // Saved, then published: the store on disk holds every take with its batch and seed.
    const disk = jobsOnDisk(rig);
    for (const [i, job] of first.jobs.entries()) {
      expect(disk.get(job.id)?.batch).toEqual({ id: batchId, take: i + 1, of: 3 });
      expect(disk.get(job.id)?.params.seed).toBe(seeds[i]);
    }

    // The engine dies and the same batch is sent again (a re-sent request): the takes it reloads
    // from its store are answered as they are, none is added, none is submitted twice.
    crash(rig.host);
    const again = await rig.window.client.jobs.submitBatch(request);
    expect(again.jobs.map((j) => j.id)).toEqual(first.jobs.map((j) => j.id));
    expect(again.jobs.map((j) => j.batch?.take)).toEqual([1, 2, 3]);
    await rig.window.client.jobs.resume();
    const done = await Promise.all(first.jobs.map((j) => waitForJob(rig!, j.id, settled)));
    expect(done.map((j) => j.state)).toEqual(['completed', 'completed', 'completed']);
    expect(rig.host.table().jobs.filter((j) => j.batch?.id === batchId)).toHaveLength(3);
    expect(submitsPerTask(rig.sim)).toEqual([1, 1, 1]);

    // The window holds the batch as main does.
    expect(rig.window.jobs().filter((j) => j.batch?.id === batchId).map((j) => j.batch?.take).sort()).toEqual([1, 2, 3]);
    // Each clip's sidecar names its batch and take; the library filters by batch.
    const clips = await rig.library.list({ filters: { batchId }, limit: 10 });
    expect(clips.total).toBe(3);
    expect(clips.items.map((c) => c.sidecar.batch?.take).sort()).toEqual([1, 2, 3]);
    expect(clips.items.map((c) => c.sidecar.parameters.seed).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(seeds);
    expect((await rig.library.list({ filters: { batchId: crypto.randomUUID() } })).total).toBe(0);
  });

  it('refuses a take the model does not take before anything is queued', async () => {
    rig = await startRig();
    const batchId = crypto.randomUUID();
    const bad = { ...NOVITA_T2V, resolution: '4k' as never };
    await expect(rig.window.client.jobs.submitBatch({ batchId, takes: [bad, bad] })).rejects.toThrow();
    expect(rig.host.table().jobs).toHaveLength(0);
  });
});
