import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { buildNovitaBody, novitaAdapter, novitaFailure, parseNovitaTask } from '../../../../src/main/providers/novita';
import { ProviderError, type ProviderContext } from '../../../../src/main/providers/types';
import { preparedJpeg } from './fixture-image';
import { startLocalServer, type Seen } from './local-server';

const KEY = 'nv-secret-key-abcdef123';
const entry = (id: string) => findModel(id) as ModelEntry;
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: new Headers(headers), body, text: JSON.stringify(body) });

describe('buildNovitaBody', () => {
  it('V1 uses aspect_ratio and an integer duration', () => {
    const m = entry('novita/seedance-v1-pro-t2v');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'a fox', resolution: '1080p', duration: 10, seed: 7, cameraFixed: true });
    expect(buildNovitaBody(m, p, {})).toEqual({
      prompt: 'a fox',
      resolution: '1080p',
      aspect_ratio: '16:9',
      duration: 10,
      camera_fixed: true,
      seed: 7,
    });
  });

  it('1.5 Pro uses ratio and carries audio, watermark and service tier; random seed is left out', () => {
    const m = entry('novita/seedance-v1.5-pro-i2v');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'wind', firstFrame: 'a', lastFrame: 'b', generateAudio: false });
    expect(buildNovitaBody(m, p, { first: 'data:image/jpeg;base64,AAA', last: 'data:image/jpeg;base64,BBB' })).toEqual({
      prompt: 'wind',
      image: 'data:image/jpeg;base64,AAA',
      last_image: 'data:image/jpeg;base64,BBB',
      resolution: '720p',
      ratio: 'adaptive',
      duration: 5,
      camera_fixed: false,
      watermark: false,
      generate_audio: false,
      service_tier: 'default',
    });
  });
});

describe('parseNovitaTask', () => {
  const now = 1_800_000_000_000;
  it('maps queued and processing with progress and eta', () => {
    expect(parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_QUEUED', reason: '', eta: 90 } }, now)).toEqual({ state: 'queued', etaSeconds: 90 });
    expect(parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_PROCESSING', reason: '', eta: 42, progress_percent: 35 } }, now)).toEqual({
      state: 'running',
      progress: 35,
      etaSeconds: 42,
    });
  });

  it('reads success with a string TTL and string seed, in both spellings', () => {
    for (const status of ['TASK_STATUS_SUCCEED', 'TASK_STATUS_SUCCEEDED']) {
      const s = parseNovitaTask(
        { task: { task_id: 't', status, reason: '', progress_percent: 100 }, videos: [{ video_url: 'https://cdn/v.mp4', video_url_ttl: '3600', video_type: 'mp4' }], extra: { seed: '123' } },
        now,
      );
      expect(s).toEqual({ state: 'succeeded', progress: 100, seed: 123, resultUrl: 'https://cdn/v.mp4', resultExpiresAt: now + 3_600_000 });
    }
    expect(parseNovitaTask({ task: { status: 'TASK_STATUS_SUCCEED' }, videos: [{ video_url: 'u', video_url_ttl: 60 }] }, now).resultExpiresAt).toBe(now + 60_000);
  });

  it('maps a failure reason to a kind and keeps the reason', () => {
    const s = parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_FAILED', reason: 'ILLEGAL_PROMPT' } }, now);
    expect(s.state).toBe('failed');
    expect(s.error).toMatchObject({ kind: 'content_policy', providerCode: 'ILLEGAL_PROMPT', retryable: false });
    const other = parseNovitaTask({ task: { status: 'TASK_STATUS_FAILED', reason: 'inference crashed' } }, now);
    expect(other.error).toMatchObject({ kind: 'provider_error', providerMessage: 'inference crashed' });
  });

  it('reads an expired 1.5 Pro task as expired, with its reason (execution_expires_after passed)', () => {
    const s = parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_EXPIRED', reason: 'task expired after 172800 s' } }, now);
    expect(s.state).toBe('expired');
    expect(s.error).toMatchObject({ providerMessage: 'task expired after 172800 s', retryable: false });
  });

  it('ends on any status the docs do not list, naming it — never polls on as running', () => {
    const s = parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_PAUSED', reason: '' } }, now);
    expect(s.state).toBe('failed');
    expect(s.error).toMatchObject({ kind: 'provider_error', providerCode: 'TASK_STATUS_PAUSED', retryable: false });
    expect(s.error?.message).toContain('TASK_STATUS_PAUSED');
  });

  it('treats success without a video as failed, and rejects an unreadable answer', () => {
    expect(parseNovitaTask({ task: { status: 'TASK_STATUS_SUCCEED' }, videos: [] }, now).state).toBe('failed');
    expect(() => parseNovitaTask({ nothing: true }, now)).toThrow(ProviderError);
  });
});

describe('novitaFailure', () => {
  it.each([
    [403, 'INVALID_API_KEY', 'auth', false],
    [400, 'MISSING_API_KEY', 'auth', false],
    [403, 'NEED_REAL_NAME_VERIFY', 'auth', false],
    [400, 'BILLING_BALANCE_NOT_ENOUGH', 'quota', false],
    [429, 'RATE_LIMIT_EXCEEDED', 'rate_limited', true],
    [400, 'ILLEGAL_IMAGE_CONTENT', 'content_policy', false],
    [400, 'INVALID_IMAGE_SIZE', 'invalid_input', false],
    [400, 'INVALID_REQUEST_BODY', 'invalid_input', false],
    [500, 'SOMETHING_NEW', 'provider_error', true],
    [404, 'TASK_NOT_FOUND', 'provider_error', false],
  ] as const)('HTTP %i %s → %s', (status, reason, kind, retryable) => {
    const f = novitaFailure(answer(status, { code: status, reason, message: `because ${reason}` }));
    expect(f).toMatchObject({ kind, retryable, providerCode: reason, httpStatus: status, providerMessage: `because ${reason}` });
    // One plain sentence per part: the provider's words end with a full stop before the advice.
    expect(f.message).toMatch(/^Novita.*\.$/);
    expect(f.message).not.toMatch(/[a-z0-9] (Check|Top up|Change|Retry|The request)/);
  });

  it('keeps Retry-After and scrubs the key from echoed messages', () => {
    const f = novitaFailure(answer(429, { code: 429, reason: 'RATE_LIMIT_EXCEEDED', message: `key ${KEY} is busy` }, { 'Retry-After': '7' }), KEY);
    expect(f.retryAfterMs).toBe(7000);
    expect(JSON.stringify(f)).not.toContain(KEY);
  });
});

describe('novitaAdapter over HTTP', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let polls = 0;
  beforeAll(async () => {
    server = await startLocalServer((req: Seen) => {
      if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 403, json: { code: 403, reason: 'INVALID_API_KEY', message: 'invalid key' } };
      if (req.method === 'POST' && req.path === '/v3/async/seedance-v1-pro-i2v') return { status: 200, json: { task_id: 'nv-task-1' } };
      // The 1.5 Pro response table's spelling of the submit answer; the missing case answers neither name.
      if (req.method === 'POST' && req.path === '/v3/async/seedance-v1.5-pro-t2v') return { status: 200, json: { id: 'nv-task-15' } };
      if (req.method === 'POST' && req.path === '/v3/async/seedance-v1.5-pro-i2v') return { status: 200, json: { task: 'nv-task-x' } };
      if (req.path === '/v3/async/task-result?task_id=nv-task-1') {
        polls++;
        return polls === 1
          ? { status: 200, json: { task: { task_id: 'nv-task-1', status: 'TASK_STATUS_PROCESSING', reason: '', eta: 12, progress_percent: 40 }, videos: [] } }
          : { status: 200, json: { task: { task_id: 'nv-task-1', status: 'TASK_STATUS_SUCCEED', reason: '' }, videos: [{ video_url: 'https://cdn.example/v.mp4', video_url_ttl: '3600' }], extra: { seed: '99' } } };
      }
      return { status: 404, json: { code: 404, reason: 'TASK_NOT_FOUND', message: 'task not found' } };
    });
  });
  afterAll(() => server.close());
  const ctx = (apiKey = KEY): ProviderContext => ({ apiKey, baseUrls: { api: server.url }, fetch });

  it('inlines the image as a data URL, submits and polls to success', async () => {
    const img = await preparedJpeg();
    const m = entry('novita/seedance-v1-pro-i2v');
    const params = paramsSchema(m).parse({ modelId: m.id, prompt: 'the dragonfly takes off', firstFrame: img.path, resolution: '480p' });
    const prepared = await novitaAdapter.prepare({ entry: m, params, images: { first: img } }, ctx());
    expect(prepared.url).toBe('/v3/async/seedance-v1-pro-i2v');
    expect(prepared.body.image).toBe(`data:image/jpeg;base64,${img.data.toString('base64')}`);
    const task = await novitaAdapter.submit(prepared, ctx());
    expect(task).toEqual({ taskId: 'nv-task-1', handle: {} });
    expect(server.seen.at(-1)?.json).toMatchObject({ prompt: 'the dragonfly takes off', resolution: '480p', aspect_ratio: '16:9', duration: 5 });
    expect(await novitaAdapter.poll(task, ctx())).toMatchObject({ state: 'running', progress: 40, etaSeconds: 12 });
    const done = await novitaAdapter.poll(task, ctx());
    expect(done).toMatchObject({ state: 'succeeded', resultUrl: 'https://cdn.example/v.mp4', seed: 99 });
    expect(done.resultExpiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('reads the submit answer as task_id or id, and fails plainly on neither', async () => {
    expect(await novitaAdapter.submit({ url: '/v3/async/seedance-v1.5-pro-t2v', body: {} }, ctx())).toEqual({ taskId: 'nv-task-15', handle: {} });
    const err = await novitaAdapter.submit({ url: '/v3/async/seedance-v1.5-pro-i2v', body: {} }, ctx()).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.message).toMatch(/no task_id \(or id\)/);
  });

  it('throws a ProviderError for an HTTP error and never puts the key in it', async () => {
    const err = await novitaAdapter.submit({ url: '/v3/async/seedance-v1-pro-i2v', body: {} }, ctx('nv-wrong-key-000000')).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.failure).toMatchObject({ kind: 'auth', providerCode: 'INVALID_API_KEY', httpStatus: 403 });
    expect(JSON.stringify(err.failure) + err.message).not.toContain('nv-wrong-key-000000');
  });

  it('checkKey: 404 TASK_NOT_FOUND is valid, 403 is rejected, a dead host is unreachable', async () => {
    const before = server.seen.length;
    expect(await novitaAdapter.checkKey(ctx())).toEqual({ result: 'valid' });
    expect((await novitaAdapter.checkKey(ctx('bad-key-123456'))).result).toBe('rejected');
    // Only reads: the check never submits a task.
    expect(server.seen.slice(before).map((s) => s.method)).toEqual(['GET', 'GET']);
    const dead = await startLocalServer(() => ({ status: 200 }));
    await dead.close();
    expect((await novitaAdapter.checkKey({ apiKey: KEY, baseUrls: { api: dead.url }, fetch })).result).toBe('unreachable');
  });

  it('has no cancel', async () => {
    expect(await novitaAdapter.cancelTask({ taskId: 'x', handle: {} }, ctx())).toMatchObject({ cancelled: false });
  });
});
