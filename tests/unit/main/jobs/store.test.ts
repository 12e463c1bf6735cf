import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Job } from '../../../../src/shared/jobs/job';
import { transition } from '../../../../src/shared/jobs/transition';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { createJobStore, interruptedSubmitMessage } from '../../../../src/main/jobs/store';

const T0 = 1_700_000_000_000;

function queuedJob(id: string, order = 0): Job {
  return Job.parse({
    id,
    params: { modelId: 'fal/x', prompt: 'a heron', resolution: '720p', aspectRatio: '16:9', duration: 5 },
    provider: 'fal',
    state: 'queued',
    times: { draft: T0, queued: T0 },
    updatedAt: T0,
    attempts: 0,
    requests: 0,
    history: [{ state: 'draft', at: T0 }, { state: 'queued', at: T0 }],
    order,
  });
}

function step(job: Job, event: Parameters<typeof transition>[1]): Job {
  const out = transition(job, event);
  if (!out.ok) throw new Error(out.reason);
  return out.job;
}

const fresh = () => mkdtempSync(join(tmpdir(), 'jobs-store-'));

describe('job store', () => {
  it('round-trips jobs through disk in queue order', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger());
    await store.save(queuedJob('job-bbbbbbbb', 2));
    await store.save(queuedJob('job-aaaaaaaa', 1));
    const { jobs, problems } = await createJobStore(dir, createMemoryLogger()).load();
    expect(problems).toEqual([]);
    expect(jobs.map((j) => j.id)).toEqual(['job-aaaaaaaa', 'job-bbbbbbbb']);
    expect(jobs[0]).toEqual(queuedJob('job-aaaaaaaa', 1));
  });

  it('applies writes of one job in call order even when not awaited one by one', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger());
    let job = queuedJob('job-cccccccc');
    const writes = [store.save(job)];
    for (let i = 1; i <= 20; i++) {
      job = { ...job, updatedAt: T0 + i, requests: i };
      writes.push(store.save(job));
    }
    await Promise.all(writes);
    const { jobs } = await createJobStore(dir, createMemoryLogger()).load();
    expect(jobs[0]?.requests).toBe(20);
  });

  it('survives a crash mid-write: a truncated temp file is ignored and removed, the previous version loads', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger());
    const queued = queuedJob('job-dddddddd');
    await store.save(queued);
    const submitted = step(step(queued, { type: 'submit', at: T0 + 1 }), { type: 'accepted', at: T0 + 2, task: { taskId: 't-1', handle: {} } });
    // The process died half-way through writing the next version: only a temp file, cut short.
    const full = JSON.stringify(submitted);
    writeFileSync(join(dir, 'job-dddddddd.json.tmp-1a2b3c4d'), full.slice(0, full.length / 2));
    const { jobs, problems } = await createJobStore(dir, createMemoryLogger()).load();
    expect(problems).toEqual([]);
    expect(jobs).toEqual([queued]);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('sets a damaged file aside (never deletes it) and still loads the other jobs', async () => {
    const dir = fresh();
    const log = createMemoryLogger();
    const store = createJobStore(dir, log);
    await store.save(queuedJob('job-eeeeeeee'));
    writeFileSync(join(dir, 'job-ffffffff.json'), '{"id":"job-ffffffff","state":"que');
    writeFileSync(join(dir, 'job-99999999.json'), JSON.stringify({ ...queuedJob('job-99999999'), state: 'flying' }));
    const { jobs, problems } = await createJobStore(dir, log).load();
    expect(jobs.map((j) => j.id)).toEqual(['job-eeeeeeee']);
    expect(problems).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['job-99999999.json.corrupt', 'job-eeeeeeee.json', 'job-ffffffff.json.corrupt']);
    expect(log.lines.filter((l) => l.event === 'jobs.store_corrupt')).toHaveLength(2);
  });

  it('turns a job caught in submitting into needs_attention with the plain explanation, on disk too', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger(), () => T0 + 60_000);
    const submitting = step(queuedJob('job-12345678'), { type: 'submit', at: T0 + 1 });
    await store.save(submitting);
    const { jobs } = await createJobStore(dir, createMemoryLogger(), () => T0 + 60_000).load();
    expect(jobs[0]?.state).toBe('needs_attention');
    expect(jobs[0]?.error?.message).toBe(interruptedSubmitMessage('fal'));
    expect(jobs[0]?.error?.message).toContain('retrying may bill twice');
    expect(jobs[0]?.history.at(-1)).toMatchObject({ state: 'needs_attention', at: T0 + 60_000 });
    const onDisk = Job.parse(JSON.parse(readFileSync(join(dir, 'job-12345678.json'), 'utf8')));
    expect(onDisk.state).toBe('needs_attention');
  });

  it('leaves submitted, running and downloading jobs as they were (they resume)', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger());
    const submitted = step(step(queuedJob('job-22222222'), { type: 'submit', at: T0 + 1 }), { type: 'accepted', at: T0 + 2, task: { taskId: 't-2', handle: {} } });
    const running = { ...step(submitted, { type: 'started', at: T0 + 3 }), id: 'job-33333333' };
    const downloading = { ...step(running, { type: 'succeeded', at: T0 + 4, resultUrl: 'https://cdn/x.mp4' }), id: 'job-44444444' };
    for (const j of [submitted, running, downloading]) await store.save(j);
    const { jobs } = await createJobStore(dir, createMemoryLogger()).load();
    expect(jobs.map((j) => j.state).sort()).toEqual(['downloading', 'running', 'submitted']);
  });

  it('removes jobs and keeps the queue settings', async () => {
    const dir = fresh();
    const store = createJobStore(dir, createMemoryLogger());
    await store.save(queuedJob('job-55555555'));
    await store.remove('job-55555555');
    expect(await store.loadQueue()).toEqual({ paused: false });
    await store.saveQueue({ paused: true });
    const again = createJobStore(dir, createMemoryLogger());
    expect((await again.load()).jobs).toEqual([]);
    expect(await again.loadQueue()).toEqual({ paused: true });
  });
});
