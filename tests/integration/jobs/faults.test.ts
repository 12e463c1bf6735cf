import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { crash, NOVITA_T2V, settled, sha256File, startRig, submitsPerTask, waitForJob, type Rig } from './engine-fixture';

let rig: Rig | undefined;
let proxy: Server | undefined;
afterEach(async () => {
  proxy?.closeAllConnections();
  await new Promise((r) => (proxy ? proxy.close(r) : r(null)));
  proxy = undefined;
  await rig?.close();
  rig = undefined;
});

/** A proxy in front of the simulator that forwards the submit POST but never answers it: the provider made the task, the app never heard. */
async function holdSubmitAnswers(target: string, onHeld: () => void): Promise<string> {
  const upstream = new URL(target);
  proxy = createServer((req, res) => {
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      if (req.method === 'POST' && /\/v3\/async\//.test(req.url ?? '')) {
        answer.resume();
        answer.on('end', onHeld);
        return; // never answer
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((r) => proxy?.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/novita`;
}

/** A port nothing listens on (bound, then released). Port 1 would not do: fetch refuses it as a "bad port" without connecting. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((r) => probe.close(r));
  return port;
}

describe('job engine under provider faults (simulator)', () => {
  it('after a crash between the POST and storing the task id: needs_attention, never a second POST', async () => {
    rig = await startRig();
    let held!: () => void;
    const heldPost = new Promise<void>((r) => (held = r));
    rig.route('novita', await holdSubmitAnswers(rig.sim.url, () => held()));
    const job = await rig.host.submit(NOVITA_T2V);
    await heldPost; // the simulator has created (and would bill) the task
    crash(rig.host);
    rig.route('novita', null);
    const after = await waitForJob(rig, job.id, settled);
    expect(after.state).toBe('needs_attention');
    expect(after.error?.message).toBe(
      "The app stopped while sending this job; it may or may not have reached Novita. Check the provider's dashboard before retrying: retrying may bill twice.",
    );
    await new Promise((r) => setTimeout(r, 2_000));
    expect(rig.sim.stats().byRoute['novita:submit']).toBe(1);
    expect((await rig.host.list()).find((j) => j.id === job.id)?.state).toBe('needs_attention');
  });

  it('rides out a 429 storm on every route, honouring Retry-After, one task per job', async () => {
    rig = await startRig({ novita: { rateLimit: { times: 6, retryAfterSeconds: 1 } } });
    const jobs = await Promise.all([rig.host.submit(NOVITA_T2V), rig.host.submit({ ...NOVITA_T2V, prompt: 'a slow tide' })]);
    const done = await Promise.all(jobs.map((j) => waitForJob(rig!, j.id, settled, 90_000)));
    expect(done.map((j) => j.state)).toEqual(['completed', 'completed']);
    expect(rig.sim.stats().log.filter((r) => r.fault === 'rateLimit')).toHaveLength(6);
    expect(submitsPerTask(rig.sim)).toEqual([1, 1]);
  });

  it('retries 5xx answers (submit and polls) and completes with one task', async () => {
    rig = await startRig({ novita: { serverError: { times: 4, status: 503 } } });
    const job = await rig.host.submit(NOVITA_T2V);
    const done = await waitForJob(rig, job.id, settled, 90_000);
    expect(done.state).toBe('completed');
    expect(submitsPerTask(rig.sim)).toEqual([1]);
  });

  it('survives malformed JSON from status polls', async () => {
    rig = await startRig({ novita: { malformedJson: { times: 3, routes: ['status'] } } });
    const job = await rig.host.submit(NOVITA_T2V);
    expect((await waitForJob(rig, job.id, settled, 90_000)).state).toBe('completed');
    expect(rig.sim.stats().log.filter((r) => r.fault === 'malformedJson')).toHaveLength(3);
  });

  it('treats an unreadable 200 answer to the POST as "may exist": needs_attention, no second POST', async () => {
    rig = await startRig({ novita: { malformedJson: { times: 1, routes: ['submit'] } } });
    const job = await rig.host.submit(NOVITA_T2V);
    const after = await waitForJob(rig, job.id, settled);
    expect(after.state).toBe('needs_attention');
    expect(after.error?.message).toMatch(/may or may not have reached Novita/);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(rig.sim.stats().byRoute['novita:submit']).toBe(1);
  });

  it('network dropped and restored: a refused POST is requeued (never sent), failed polls wait, then all completes', async () => {
    rig = await startRig();
    const dead = `http://127.0.0.1:${await closedPort()}/novita`; // connection refused
    rig.route('novita', dead);
    const job = await rig.host.submit(NOVITA_T2V);
    const held = await waitForJob(rig, job.id, (j) => j.attempts >= 1 && j.state === 'queued' && !!j.notice);
    expect(held.notice).toMatch(/Could not reach Novita/);
    rig.route('novita', null);
    await waitForJob(rig, job.id, (j) => j.state === 'submitted' || j.state === 'running', 90_000);
    rig.route('novita', dead);
    await waitForJob(rig, job.id, (j) => !!j.notice && /Checking again/.test(j.notice));
    rig.route('novita', null);
    const done = await waitForJob(rig, job.id, settled, 90_000);
    expect(done.state).toBe('completed');
    expect(submitsPerTask(rig.sim)).toEqual([1]);
  });

  it('resumes a download the provider cut off mid-stream, and the sha256 matches', async () => {
    rig = await startRig({ novita: { cutDownload: { times: 1, afterBytes: 30_000 } } });
    const job = await rig.host.submit(NOVITA_T2V);
    const done = await waitForJob(rig, job.id, settled, 90_000);
    expect(done.state).toBe('completed');
    expect(sha256File(done.result?.path as string)).toBe(done.result?.sha256);
    expect(rig.sim.stats().byTask[done.remote?.taskId as string]?.download).toBeGreaterThanOrEqual(2);
  });

  it('ends the job expired, naming the provider task, when the video link has expired', async () => {
    rig = await startRig({ novita: { resultTtlSeconds: 0 } });
    const job = await rig.host.submit(NOVITA_T2V);
    const done = await waitForJob(rig, job.id, settled, 90_000);
    expect(done.state).toBe('expired');
    expect(done.error?.kind).toBe('expired');
    expect(done.error?.message).toContain(done.remote?.taskId as string);
    expect(submitsPerTask(rig.sim)).toEqual([1]);
  });
});
