import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimProvider, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { auth, call, pollUntil, removeTempDirs, tempDir, type Json } from './sim-helpers';

// Result URLs (TTL, Range), every injected fault, and request stats, over real HTTP.

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('faults'), timeScale: 0.1 });
});
afterEach(() => sim.setFaults({}));
afterAll(async () => {
  await sim?.close();
  removeTempDirs();
});

/** Minimal valid submissions (480p, shortest duration) so that renders are quick and cached. */
const SUBMIT: Record<SimProvider, () => Promise<{ status: number; json: Json; text: string; headers: Headers }>> = {
  novita: () => call('POST', `${sim.url}/novita/v3/async/seedance-v1.5-pro-t2v`, auth.novita, { prompt: 'fault test', resolution: '480p', duration: 4, generate_audio: false }),
  fal: () => call('POST', `${sim.url}/fal-queue/fal-ai/bytedance/seedance/v1/pro/text-to-video`, auth.fal, { prompt: 'fault test', resolution: '480p', duration: '2' }),
  evolink: () => call('POST', `${sim.url}/evolink/v1/videos/generations`, auth.evolink, { model: 'seedance-2.0-text-to-video', prompt: 'fault test', quality: '480p', duration: 4, generate_audio: false }),
  ark: () => call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, { model: 'seedance-1-0-lite-t2v-250428', content: [{ type: 'text', text: 'fault test' }], resolution: '480p', duration: 2 }),
};

/** Terminal task answer per provider, in the provider's shape (fal: status then response). */
async function finish(provider: SimProvider, sub: { json: Json }): Promise<{ status: number; json: Json; text: string }> {
  if (provider === 'novita') {
    const seen = await pollUntil(() => call('GET', `${sim.url}/novita/v3/async/task-result?task_id=${sub.json.task_id}`, auth.novita), (r) => ['TASK_STATUS_SUCCEED', 'TASK_STATUS_FAILED'].includes(r.json.task.status), 50);
    return seen.at(-1)!;
  }
  if (provider === 'fal') {
    await pollUntil(() => call('GET', sub.json.status_url, auth.fal), (r) => r.json.status === 'COMPLETED', 50);
    return call('GET', sub.json.response_url, auth.fal);
  }
  if (provider === 'evolink') {
    const seen = await pollUntil(() => call('GET', `${sim.url}/evolink/v1/tasks/${sub.json.id}`, auth.evolink), (r) => ['completed', 'failed'].includes(r.json.status), 50);
    return seen.at(-1)!;
  }
  const seen = await pollUntil(() => call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${sub.json.id}`, auth.ark), (r) => ['succeeded', 'failed', 'expired'].includes(r.json.status), 50);
  return seen.at(-1)!;
}

function videoUrl(provider: SimProvider, done: { json: Json }): string {
  if (provider === 'novita') return done.json.videos[0].video_url;
  if (provider === 'fal') return done.json.video.url;
  if (provider === 'evolink') return done.json.results[0];
  return done.json.content.video_url;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('result URLs', () => {
  it.each([
    ['novita', 403],
    ['fal', 404],
    ['evolink', 410],
    ['ark', 403],
  ] as const)('%s: the link works until its TTL, then answers %i like an expired CDN link', async (provider, expiredStatus) => {
    sim.setFaults({ [provider]: { resultTtlSeconds: 2 } });
    const done = await finish(provider, await SUBMIT[provider]());
    const url = videoUrl(provider, done);
    if (provider === 'novita') expect(Number(done.json.videos[0].video_url_ttl)).toBeLessThanOrEqual(2);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('video/mp4');
    await ok.arrayBuffer();
    await new Promise((r) => setTimeout(r, 2100));
    const gone = await fetch(url);
    expect(gone.status).toBe(expiredStatus);
  });

  it('serves byte ranges: 206 with Content-Range, suffix ranges, HEAD, and 416 past the end', async () => {
    const url = videoUrl('ark', await finish('ark', await SUBMIT.ark()));
    const full = Buffer.from(await (await fetch(url)).arrayBuffer());
    const size = full.length;
    const part = await fetch(url, { headers: { range: 'bytes=100-1099' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-1099/${size}`);
    expect(part.headers.get('accept-ranges')).toBe('bytes');
    expect(Buffer.from(await part.arrayBuffer()).equals(full.subarray(100, 1100))).toBe(true);
    const tail = await fetch(url, { headers: { range: 'bytes=-500' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(full.subarray(size - 500))).toBe(true);
    const open = await fetch(url, { headers: { range: `bytes=${size - 10}-` } });
    expect((await open.arrayBuffer()).byteLength).toBe(10);
    const head = await fetch(url, { method: 'HEAD' });
    expect(head.headers.get('content-length')).toBe(String(size));
    const bad = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(bad.status).toBe(416);
    expect(bad.headers.get('content-range')).toBe(`bytes */${size}`);
  });
});

describe('request faults', () => {
  it.each([
    ['novita', (j: Json) => expect(j).toMatchObject({ code: 429, reason: 'RATE_LIMIT_EXCEEDED' })],
    ['fal', (j: Json) => expect(j.error_type).toBe('rate_limited')],
    ['evolink', (j: Json) => expect(j.error.code).toBe('rate_limit_exceeded')],
    ['ark', (j: Json) => expect(j.error.code).toMatch(/^RateLimitExceeded/)],
  ] as const)('%s: 429 with Retry-After in the provider shape, for `times` requests only', async (provider, shape) => {
    sim.setFaults({ [provider]: { rateLimit: { times: 1, retryAfterSeconds: 7, routes: ['submit'] } } });
    const limited = await SUBMIT[provider]();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    shape(limited.json);
    expect((await SUBMIT[provider]()).status).toBe(200);
  });

  it.each([
    ['novita', (j: Json) => expect(j.reason).toBe('INTERNAL_SERVER_ERROR')],
    ['fal', (j: Json) => expect(typeof j.detail).toBe('string')],
    ['evolink', (j: Json) => expect(j.error.code).toBe('internal_error')],
    ['ark', (j: Json) => expect(j.error.code).toBe('InternalServiceError')],
  ] as const)('%s: injected 503 on status polls in the provider shape; a global fault applies too', async (provider, shape) => {
    const sub = await SUBMIT[provider]();
    sim.setFaults({ global: { serverError: { status: 503, routes: ['status'] } } });
    const read =
      provider === 'novita' ? () => call('GET', `${sim.url}/novita/v3/async/task-result?task_id=${sub.json.task_id}`, auth.novita)
      : provider === 'fal' ? () => call('GET', sub.json.status_url, auth.fal)
      : provider === 'evolink' ? () => call('GET', `${sim.url}/evolink/v1/tasks/${sub.json.id}`, auth.evolink)
      : () => call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${sub.json.id}`, auth.ark);
    const r = await read();
    expect(r.status).toBe(503);
    shape(r.json);
    if (provider === 'fal') expect(r.headers.get('x-fal-retryable')).toBe('true');
    sim.setFaults({});
    expect((await read()).status).toBeLessThan(300);
  });

  it('malformed JSON: a 200 whose body does not parse, while the submit still created its task', async () => {
    sim.resetStats();
    const listIds = async () => (await call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks?page_size=500`, auth.ark)).json.items.map((t: { id: string }) => t.id) as string[];
    const before = await listIds();
    sim.setFaults({ ark: { malformedJson: { times: 1, routes: ['submit'] } } });
    const r = await SUBMIT.ark();
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    const created = (await listIds()).filter((id) => !before.includes(id));
    expect(created).toHaveLength(1);
    // The half body still starts with the id's prefix: a client could not have read it.
    expect(created[0]!.startsWith(r.text.slice(7, 7 + 4))).toBe(true);
    expect(sim.stats().log.find((l) => l.route === 'submit')?.fault).toBe('malformedJson');
  });
});

describe('download faults', () => {
  it('slow download: the body arrives at about the configured bytes per second', async () => {
    const url = videoUrl('fal', await finish('fal', await SUBMIT.fal()));
    const size = Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length'));
    const bps = Math.ceil(size / 1.5); // about 1.5 s for the whole file
    sim.setFaults({ fal: { slowDownload: { bytesPerSecond: bps } } });
    const t0 = Date.now();
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const seconds = (Date.now() - t0) / 1000;
    expect(body.length).toBe(size);
    expect(seconds).toBeGreaterThan(1.2);
  });

  it('cut-off download: the socket closes after N bytes, and a Range request resumes to the same file', async () => {
    const url = videoUrl('evolink', await finish('evolink', await SUBMIT.evolink()));
    const clean = Buffer.from(await (await fetch(url)).arrayBuffer());
    sim.setFaults({ evolink: { cutDownload: { afterBytes: 20_000, times: 1 } } });
    const res = await fetch(url);
    expect(res.headers.get('content-length')).toBe(String(clean.length));
    const got: Buffer[] = [];
    const reader = res.body!.getReader();
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          got.push(Buffer.from(value));
        }
      })(),
    ).rejects.toThrow();
    const head = Buffer.concat(got);
    expect(head.length).toBe(20_000);
    const rest = await fetch(url, { headers: { range: `bytes=${head.length}-` } });
    expect(rest.status).toBe(206);
    const whole = Buffer.concat([head, Buffer.from(await rest.arrayBuffer())]);
    expect(sha(whole)).toBe(sha(clean));
    expect(sim.stats().log.some((l) => l.route === 'download' && l.fault === 'cutDownload')).toBe(true);
  });
});

describe('task faults', () => {
  it('Novita: a failed task is TASK_STATUS_FAILED with the reason', async () => {
    sim.setFaults({ novita: { failTask: { kind: 'content_policy', times: 1 } } });
    const done = await finish('novita', await SUBMIT.novita());
    expect(done.json.task.status).toBe('TASK_STATUS_FAILED');
    expect(done.json.task.reason).toMatch(/^ILLEGAL_PROMPT/);
    expect(done.json.videos).toEqual([]);
  });

  it('fal: COMPLETED, then the response URL answers 422 content_policy_violation / 504 request_timeout', async () => {
    sim.setFaults({ fal: { failTask: { kind: 'content_policy', times: 1 } } });
    const policy = await finish('fal', await SUBMIT.fal());
    expect(policy.status).toBe(422);
    expect(policy.json.detail[0].type).toBe('content_policy_violation');
    sim.setFaults({ fal: { failTask: { kind: 'timeout' } } });
    const timeout = await finish('fal', await SUBMIT.fal());
    expect(timeout.status).toBe(504);
    expect(timeout.json.error_type).toBe('request_timeout');
  });

  it('EvoLink: status failed with error.code per kind', async () => {
    sim.setFaults({ evolink: { failTask: { kind: 'timeout' } } });
    const done = await finish('evolink', await SUBMIT.evolink());
    expect(done.json.status).toBe('failed');
    expect(done.json.error.code).toBe('generation_timeout');
    expect(done.json.results).toBeUndefined();
  });

  it.each([
    ['audio_moderation', 'failed', 'OutputAudioSensitiveContentDetected'],
    ['image_policy', 'failed', 'InputImageSensitiveContentDetected.PrivacyInformation'],
    ['content_policy', 'failed', 'OutputVideoSensitiveContentDetected'],
    ['internal', 'failed', 'InternalServiceError'],
    ['timeout', 'expired', 'TaskExpired'],
  ] as const)('ModelArk %s: status %s with error.code %s', async (kind, status, code) => {
    sim.setFaults({ ark: { failTask: { kind } } });
    const done = await finish('ark', await SUBMIT.ark());
    expect(done.json.status).toBe(status);
    expect(done.json.error.code).toBe(code);
    expect(done.json.content).toBeUndefined();
  });

  it('a task that never finishes stays running at 99 % well past its run time', async () => {
    sim.setFaults({ evolink: { neverFinish: { times: 1 } } });
    const sub = await SUBMIT.evolink();
    // A task sent after it, with the same queue and run time, finishing proves the first one's run
    // time is over: a real condition to check against, not a guess at a sleep.
    const later = await finish('evolink', await SUBMIT.evolink());
    expect(later.json.status).toBe('completed');
    const r = await call('GET', `${sim.url}/evolink/v1/tasks/${sub.json.id}`, auth.evolink);
    expect(r.json).toMatchObject({ status: 'processing', progress: 99 });
  });
});

describe('stats', () => {
  it('counts requests per provider, route and task, so tests can prove one submit and count polls', async () => {
    sim.resetStats();
    const sub = await SUBMIT.fal();
    await finish('fal', sub);
    const s = sim.stats();
    expect(s.byRoute['fal:submit']).toBe(1);
    const perTask = s.byTask[sub.json.request_id]!;
    expect(perTask.result).toBe(1);
    expect(perTask.status).toBeGreaterThanOrEqual(1);
    expect(s.log.filter((l) => l.taskId === sub.json.request_id && l.route === 'status')).toHaveLength(perTask.status!);
    expect(s.byProvider.fal).toBe(s.total);
  });

  it('is reachable over HTTP for other processes, and faults can be set the same way', async () => {
    const put = await fetch(`${sim.url}/_sim/faults`, { method: 'PUT', body: JSON.stringify({ novita: { serverError: { status: 502, times: 1 } } }) });
    expect(put.status).toBe(204);
    expect((await SUBMIT.novita()).status).toBe(502);
    const s = await call('GET', `${sim.url}/_sim/stats`, {});
    expect(s.json.byRoute['novita:submit']).toBeGreaterThanOrEqual(1);
  });
});
