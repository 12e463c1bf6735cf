import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { partPathOf } from '../../../src/main/jobs/delivery';
import { crash, NOVITA_T2V, settled, sha256File, startRig, submitsPerTask, waitForJob, type Rig } from './engine-fixture';

let rig: Rig | undefined;

/** Clips the real library holds for job `id`. */
async function clipsOf(r: Rig, id: string): Promise<number> {
  return (await r.library.list({ limit: 500 })).items.filter((c) => c.sidecar.jobId === id).length;
}
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

describe('job engine in a child process, against the provider simulator', () => {
  it('submits once, polls, downloads, verifies and files the video', async () => {
    rig = await startRig();
    const job = await rig.host.submit(NOVITA_T2V);
    const done = await waitForJob(rig, job.id, settled);
    expect(done.state).toBe('completed');
    expect(done.history.map((h) => h.state)).toEqual(expect.arrayContaining(['queued', 'submitting', 'submitted', 'downloading', 'completed']));
    // Filed by the real library: one clip of this job and its task, holding the verified video.
    const clip = await rig.library.get(done.result?.libraryId as string);
    expect(clip.paths.video).toBe(done.result?.path);
    expect(clip.sidecar).toMatchObject({ jobId: job.id, providerTaskId: done.remote?.taskId, video: { sha256: done.result?.sha256 } });
    expect(sha256File(done.result?.path as string)).toBe(done.result?.sha256);
    expect(statSync(done.result?.path as string).size).toBe(done.result?.bytes);
    // The engine's poster crossed with the video: main (given no ffmpeg by the rig) made none of its own.
    expect(clip.paths.poster).not.toBeNull();
    expect(statSync(clip.paths.poster as string).size).toBeGreaterThan(1_000);
    expect(submitsPerTask(rig.sim)).toEqual([1]);
    expect(rig.sim.stats().byTask[done.remote?.taskId as string]?.status).toBeGreaterThan(0);
    expect(done.requests).toBeGreaterThanOrEqual(3); // submit + ≥1 poll + download
  });

  it('resumes polling after the engine process is killed, without a second submit', async () => {
    rig = await startRig();
    const job = await rig.host.submit(NOVITA_T2V);
    await waitForJob(rig, job.id, (j) => j.state === 'submitted' || j.state === 'running');
    const before = rig.host.pid;
    crash(rig.host);
    const done = await waitForJob(rig, job.id, settled);
    expect(rig.host.pid).not.toBe(before);
    expect(done.state).toBe('completed');
    expect(submitsPerTask(rig.sim)).toEqual([1]);
    expect(await clipsOf(rig, job.id)).toBe(1);
  });

  it('resumes a download cut by a crash with Range, and the file matches the provider copy', async () => {
    rig = await startRig({ novita: { slowDownload: { bytesPerSecond: 40_000, times: 1 } } });
    const job = await rig.host.submit(NOVITA_T2V);
    const part = partPathOf(rig.outputDir, job.id);
    await waitForJob(rig, job.id, (j) => j.state === 'downloading' && existsSync(part) && statSync(part).size > 20_000);
    const partial = statSync(part).size;
    crash(rig.host);
    const done = await waitForJob(rig, job.id, settled);
    expect(done.state).toBe('completed');
    expect(partial).toBeLessThan(done.result?.bytes as number);
    const fresh = await fetch(done.remote?.resultUrl as string);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(Buffer.from(await fresh.arrayBuffer())).digest('hex')).toBe(done.result?.sha256);
    expect(rig.sim.stats().byTask[done.remote?.taskId as string]?.download).toBeGreaterThanOrEqual(2);
    expect(submitsPerTask(rig.sim)).toEqual([1]);
    expect(await clipsOf(rig, job.id)).toBe(1);
  });

  it('keeps a job queued while offline and sends it when the network returns', async () => {
    rig = await startRig();
    await rig.host.setOnline(false);
    const job = await rig.host.submit(NOVITA_T2V);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await rig.host.list()).find((j) => j.id === job.id)?.state).toBe('queued');
    expect(rig.sim.stats().byRoute['novita:submit'] ?? 0).toBe(0);
    expect((await rig.host.stats()).online).toBe(false);
    await rig.host.setOnline(true);
    expect((await waitForJob(rig, job.id, settled)).state).toBe('completed');
  });

  it('pauses, reorders and resumes the queue; pause survives an engine restart', async () => {
    rig = await startRig();
    await rig.host.pause();
    const a = await rig.host.submit(NOVITA_T2V);
    const b = await rig.host.submit({ ...NOVITA_T2V, prompt: 'a red kite' });
    const order = await rig.host.reorder([b.id]);
    expect(order.filter((j) => j.state === 'queued').map((j) => j.id)).toEqual([b.id, a.id]);
    crash(rig.host);
    await waitForJob(rig, a.id, (j) => j.state === 'queued');
    expect((await rig.host.stats()).paused).toBe(true);
    expect(rig.sim.stats().byRoute['novita:submit'] ?? 0).toBe(0);
    await rig.host.resume();
    const [doneA, doneB] = await Promise.all([waitForJob(rig, a.id, settled), waitForJob(rig, b.id, settled)]);
    expect([doneA.state, doneB.state]).toEqual(['completed', 'completed']);
    expect(doneB.times.submitting as number).toBeLessThanOrEqual(doneA.times.submitting as number);
    expect(submitsPerTask(rig.sim)).toEqual([1, 1]);
  });

  it('queues concurrent submits in call order, and moving one job of 200 rewrites that job only', async () => {
    rig = await startRig();
    await rig.host.pause();
    const made = await Promise.all(Array.from({ length: 200 }, (_, i) => rig!.host.submit({ ...NOVITA_T2V, prompt: `shot ${i}` })));
    const queued = () => rig!.host.list().then((all) => all.filter((j) => j.state === 'queued').sort((a, b) => a.order - b.order));
    expect((await queued()).map((j) => j.id)).toEqual(made.map((j) => j.id));
    expect(new Set(made.map((j) => j.order)).size).toBe(200);

    const jobsDir = join(rig.dataDir, 'jobs');
    const files = () => new Map(readdirSync(jobsDir).map((f) => [f, readFileSync(join(jobsDir, f), 'utf8')]));
    const before = files();
    const last = made[199]!;
    await rig.host.reorder([last.id]);
    const after = files();
    expect([...after].filter(([f, text]) => before.get(f) !== text).map(([f]) => f)).toEqual([...after.keys()].filter((f) => f.includes(last.id)));
    expect((await queued()).map((j) => j.id)).toEqual([last.id, ...made.slice(0, 199).map((j) => j.id)]);
  });

  it('cancels a queued job without sending it, and retry makes a new job with the same inputs', async () => {
    rig = await startRig();
    await rig.host.pause();
    const job = await rig.host.submit(NOVITA_T2V);
    const out = await rig.host.cancel(job.id);
    expect(out.cancelled).toBe(true);
    expect(out.job.state).toBe('cancelled');
    expect(await rig.host.duplicate(job.id)).toEqual(job.params);
    const again = await rig.host.retry(job.id);
    expect(again.id).not.toBe(job.id);
    expect(again.retryOf).toBe(job.id);
    expect(again.params).toEqual(job.params);
    await rig.host.remove(job.id);
    expect((await rig.host.list()).map((j) => j.id)).toEqual([again.id]);
    expect(rig.sim.stats().byRoute['novita:submit'] ?? 0).toBe(0);
  });

  it('says plainly that a running Novita job stops being tracked but may be billed (no cancel API)', async () => {
    rig = await startRig({ novita: { neverFinish: { times: 1 } } });
    const job = await rig.host.submit(NOVITA_T2V);
    await waitForJob(rig, job.id, (j) => j.state === 'running' || j.state === 'submitted');
    const out = await rig.host.cancel(job.id);
    expect(out.job.state).toBe('cancelled');
    expect(out.message).toMatch(/Stopped tracking.*may still run and be billed/);
  });
});
