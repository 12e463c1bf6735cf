import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_QUEUED_FLOW_FAILURES } from '../../../../src/main/jobs/engine';
import { partPathOf } from '../../../../src/main/jobs/delivery';
import { expectedVideo } from '../../../../src/main/jobs/verify';
import { findModel } from '../../../../src/shared/catalog/models';
import { providerError } from '../../../../src/main/providers/failure';
import { makeVideo } from '../../../fixtures/media';
import { deferred, failingStore, FAL_T2V, jobIn, mode, NOVITA_T2V, seed, startEngine, T0, type Rig } from './engine-rig';

const rigs: Rig[] = [];
let server: Server | undefined;
async function rig(...args: Parameters<typeof startEngine>): Promise<Rig> {
  const r = await startEngine(...args);
  rigs.push(r);
  return r;
}
beforeEach(() => {
  mode.current = 'provider';
});
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  server = undefined;
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

/** Waits until `test` holds, re-checking on each turn of the event loop (a real condition, no fixed sleep). */
async function when(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setImmediate(r));
}

describe('job engine: one table, saved then published', () => {
  it('every change a listener hears is already on disk, including live notices on queued jobs, request counts and reorder', async () => {
    const r = await rig();
    await r.engine.pause();
    const a = await r.engine.submit(FAL_T2V);
    const b = await r.engine.submit({ ...FAL_T2V, prompt: 'b' });
    await r.engine.reorder([b.id, a.id]);
    // A retryable failure while preparing: the queued job gets a notice (a live edit of a queued job).
    r.providers.fal.adapter.prepare = async () => {
      throw providerError({ kind: 'rate_limited', provider: 'fal', retryable: true });
    };
    await r.engine.resume();
    await r.until(b.id, (j) => j.notice !== undefined);
    r.providers.fal.adapter.prepare = async (_req, ctx) => {
      await ctx.fetch('https://x.test/upload');
      return { url: '/x', body: {} };
    };
    r.providers.fal.submit = async () => ({ taskId: 'task-b', handle: {} });
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(120_000);
    await r.until(b.id, (j) => j.state === 'submitted' && j.requests >= 2);
    const changed = r.events.filter((e) => e.event.type === 'changed');
    expect(changed.length).toBeGreaterThan(6);
    for (const { event, onDisk } of changed) {
      if (event.type === 'changed') expect(onDisk).toEqual(event.job);
    }
    // The request counts were published (not only kept in memory).
    expect(changed.some((e) => e.event.type === 'changed' && e.event.job.id === b.id && e.event.job.requests === 2)).toBe(true);
  });
});

describe('job engine: cancel', () => {
  it('cancel while submitting waits for the POST, then cancels the task it made', async () => {
    const r = await rig();
    const post = deferred<{ taskId: string; handle: Record<string, string> }>();
    r.providers.fal.submit = () => post.promise;
    const job = await r.engine.submit(FAL_T2V);
    await r.until(job.id, (j) => j.state === 'submitting');
    const first = await r.engine.cancel(job.id);
    expect(first).toMatchObject({ cancelled: false, message: 'It is being sent to fal right now; it will be cancelled as soon as fal confirms it.' });
    post.resolve({ taskId: 'task-77', handle: {} });
    const done = await r.until(job.id, (j) => j.state === 'cancelled');
    expect(done.remote?.taskId).toBe('task-77');
    expect(done.history.at(-1)?.note).toBe('Cancelled at fal.');
    expect(r.providers.fal.calls).toMatchObject({ submit: 1, cancel: 1 });
  });

  it('cancel during download stops it, drops the part file and says the video was billed', async () => {
    let requested!: () => void;
    const streaming = new Promise<void>((res) => (requested = res));
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '1000000' });
      res.write(Buffer.alloc(4096), () => requested());
      // …and never the rest: the download is under way when the user cancels.
    });
    await new Promise<void>((res) => server!.listen(0, '127.0.0.1', res));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v.mp4`;
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-unit-'));
    await seed(dataDir, jobIn('job-download1', 'downloading', NOVITA_T2V, { remote: { taskId: 'task-d', handle: {}, resultUrl: url }, progress: 0 }));
    const r = await rig({ dataDir });
    await streaming;
    const out = await r.engine.cancel('job-download1');
    expect(out.cancelled).toBe(true);
    expect(out.message).toBe('Download stopped. Novita already made (and billed) the video; its link works until it expires.');
    expect(out.job.state).toBe('cancelled');
    expect(existsSync(partPathOf(join(dataDir, 'out'), 'job-download1'))).toBe(false);
    expect(r.onDisk('job-download1')?.state).toBe('cancelled');
  });
});

describe('job engine: remove', () => {
  it('refuses to remove a job running at the provider, and keeps it', async () => {
    const r0 = await rig();
    await seed(r0.dataDir, jobIn('job-running1', 'running', NOVITA_T2V, { remote: { taskId: 'task-r', handle: {} } }));
    const r = await r0.restart();
    rigs.push(r);
    await expect(r.engine.remove('job-running1')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(r.onDisk('job-running1')?.state).toBe('running');
    expect((await r.engine.list()).map((j) => j.id)).toContain('job-running1');
  });

  it('removing a queued job while it is being prepared stops it before anything is sent', async () => {
    const prepared = deferred<Record<string, never>>();
    let preparing!: () => void;
    const started = new Promise<void>((res) => (preparing = res));
    const r = await rig({
      prepareImages: () => {
        preparing();
        return prepared.promise;
      },
    });
    const job = await r.engine.submit(FAL_T2V);
    await started;
    const removal = r.engine.remove(job.id);
    prepared.resolve({});
    await removal;
    expect(r.onDisk(job.id)).toBeNull();
    expect(await r.engine.list()).toEqual([]);
    expect(r.providers.fal.calls.submit).toBe(0);
    expect(r.events.filter((e) => e.event.type !== 'stats').at(-1)?.event).toEqual({ type: 'removed', id: job.id });
  });
});

describe('job engine: the task id is kept', () => {
  it('retries writing the task id when the disk refuses, and never sends twice', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-unit-'));
    const store = failingStore(dataDir, (job, attempt) => job.state === 'submitted' && attempt <= 2);
    const r = await rig({ dataDir, store });
    r.clock.fast = true;
    const job = await r.engine.submit(FAL_T2V);
    const sent = await r.until(job.id, (j) => j.state === 'submitted');
    r.clock.fast = false;
    expect(sent.remote?.taskId).toBe('task-1');
    expect(r.providers.fal.calls.submit).toBe(1);
    expect(store.refused.filter((s) => s.id === job.id && s.state === 'submitted')).toHaveLength(2);
    expect(r.onDisk(job.id)?.remote?.taskId).toBe('task-1');
  });
});

describe('job engine: restart', () => {
  it('applies the config re-sent after a restart to polls resumed on the old one', async () => {
    const r0 = await rig();
    await seed(r0.dataDir, jobIn('job-polling1', 'running', NOVITA_T2V, { remote: { taskId: 'task-p', handle: {} } }));
    // The restarted engine resumes its polls on its launch config (a 60 s wait)…
    const r = await r0.restart({ polling: { minMs: 60_000, maxMs: 60_000 } });
    rigs.push(r);
    // …then the host re-sends the user's current settings.
    r.engine.configure({ polling: { minMs: 1_000, maxMs: 1_000 } });
    await when(() => r.clock.waiting() > 0 && r.providers.novita.calls.poll === 0);
    for (let i = 0; i < 10 && r.providers.novita.calls.poll === 0; i++) {
      r.clock.advance(1_001);
      await new Promise((res) => setImmediate(res));
    }
    await when(() => r.providers.novita.calls.poll > 0);
    expect(r.clock.now() - T0).toBeLessThan(60_000);
  });

  it('a crash while waiting for the provider context leaves the job queued, not needing attention', async () => {
    const context = deferred<never>();
    let asks = 0;
    const r = await rig({
      context: async (provider, route) => {
        asks++;
        if (asks === 2) return context.promise; // the context for the POST itself
        return { apiKey: 'k', baseUrls: { api: `https://x.${provider}.test` }, fetch: async () => new Response('{}'), ...(route ? { route } : {}) };
      },
    });
    const job = await r.engine.submit(FAL_T2V);
    await when(() => asks === 2);
    expect(r.onDisk(job.id)?.state).toBe('queued');
    const stuck = deferred<never>();
    const after = await r.restart({ prepareImages: () => stuck.promise });
    rigs.push(after);
    expect((await after.engine.list()).find((j) => j.id === job.id)?.state).toBe('queued');
    // Let both engines' waits end so they shut down at once.
    stuck.reject(new Error('test over'));
    context.reject(new Error('test over'));
  });

  it('a crash while waiting at the provider’s request-spacing gate leaves the job queued', async () => {
    const r = await rig({ limits: { fal: { minSpacingMs: 10_000 } } });
    const job = await r.engine.submit(FAL_T2V);
    // The upload took the slot; the POST waits 10 s for the next one.
    await when(() => r.providers.fal.calls.prepare === 1 && r.clock.waiting() > 0);
    expect(r.onDisk(job.id)?.state).toBe('queued');
    const stuck = deferred<never>();
    const after = await r.restart({ prepareImages: () => stuck.promise });
    rigs.push(after);
    expect((await after.engine.list()).find((j) => j.id === job.id)?.state).toBe('queued');
    stuck.reject(new Error('test over'));
    // The first engine, once the gate opens, sends at once.
    r.clock.advance(10_000);
    await r.until(job.id, (j) => j.state === 'submitted');
    expect(r.providers.fal.calls.submit).toBe(1);
  });
});

describe('job engine: a flow that keeps throwing', () => {
  it('backs off and fails a queued job with a plain message after a bound, instead of looping', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-unit-'));
    const store = failingStore(dataDir, (job) => job.state === 'submitting');
    const r = await rig({ dataDir, store });
    r.clock.fast = true;
    const job = await r.engine.submit(FAL_T2V);
    const failed = await r.until(job.id, (j) => j.state === 'failed');
    expect(r.providers.fal.calls.prepare).toBe(MAX_QUEUED_FLOW_FAILURES);
    expect(r.providers.fal.calls.submit).toBe(0);
    expect(failed.error).toMatchObject({ kind: 'internal', message: `The app could not get this job ready to send (ENOSPC); it stopped after ${MAX_QUEUED_FLOW_FAILURES} tries. Nothing was sent or billed.` });
    // Backoff 5 s doubling, equal jitter (random 0.5 → 75 % of each step): 3.75 + 7.5 + 15 + 30 s between the five tries.
    expect(r.clock.now() - T0).toBeGreaterThanOrEqual(56_250);
  });
});

describe('job engine: routes', () => {
  it('a job sent in the demo keeps going to the demo after a key is saved', async () => {
    mode.current = 'demo';
    const r = await rig();
    const job = await r.engine.submit(FAL_T2V);
    const sent = await r.until(job.id, (j) => j.state === 'submitted');
    expect(sent.route).toBe('demo');
    mode.current = 'provider'; // a real key was saved
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(5_000);
    await when(() => r.providers.fal.calls.poll > 0);
    expect(r.providers.fal.apis.at(-1)).toBe('https://demo.fal.test');
    expect(r.routesAsked.at(-1)).toBe('demo');
  });
});

/** An engine with `id` (NOVITA_T2V) downloading the file at `path` from a local server, as a provider's result link. */
async function downloading(id: string, path: string): Promise<Rig> {
  const video = readFileSync(path);
  server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(video.length) }).end(video));
  await new Promise<void>((res) => server!.listen(0, '127.0.0.1', res));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v.mp4`;
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-unit-'));
  await seed(dataDir, jobIn(id, 'downloading', NOVITA_T2V, { remote: { taskId: `task-${id}`, handle: {}, resultUrl: url }, progress: 0 }));
  return rig({ dataDir });
}

/** The job, as each event that showed it with a notice carried it, in order. */
function noticedJobs(r: Rig) {
  return r.events.flatMap((e) => (e.event.type === 'changed' && e.event.job.notice ? [e.event.job] : []));
}

describe('job engine: notices while delivering, in the UI’s language (issue 14)', () => {
  it('a real MP4 shorter than asked: “Downloading it again.”, then a verification error, both with phrases', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-verify-'));
    const r = await downloading('job-short001', await makeVideo(dir, 'short.mp4', { width: 320, height: 240, fps: 24, seconds: 2 }));
    const failed = await r.until('job-short001', (j) => j.state === 'failed');
    const noticed = noticedJobs(r);
    const reason = { code: 'job.verify.duration', values: { seconds: '2.00', expected: 5 } };
    expect(noticed[0]).toMatchObject({ notice: 'The video lasts 2.00 s; 5 s were asked for. Downloading it again.', noticePhrase: { code: 'notice.redownload', values: { reason } } });
    expect(failed.error).toMatchObject({ kind: 'verification', message: 'The video lasts 2.00 s; 5 s were asked for.', phrase: reason });
  }, 60_000);

  it('a real HEVC MP4 of the asked size and length: “Making a copy the player can show”, with its phrase', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-preview-'));
    const [size] = expectedVideo(findModel(NOVITA_T2V.modelId)!, NOVITA_T2V).sizes!;
    const r = await downloading('job-hevc0001', await makeVideo(dir, 'hevc.mp4', { width: size!.width, height: size!.height, fps: 24, seconds: 5, encoder: 'libx265' }));
    await r.until('job-hevc0001', (j) => j.state === 'completed');
    const noticed = noticedJobs(r);
    expect(noticed[0]?.notice).toMatch(/^Making a copy the player can show \(the video is HEVC \(Main, yuv420p, 8-bit\)\)\.$/);
    expect(noticed[0]?.noticePhrase).toEqual({ code: 'notice.playableCopy', values: { reason: 'HEVC (Main, yuv420p, 8-bit)' } });
  }, 120_000);
});
