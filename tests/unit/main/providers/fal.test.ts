import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { buildFalBody, falAdapter, falFailure, parseFalResult, parseFalStatus } from '../../../../src/main/providers/fal';
import { ProviderError, type ProviderContext } from '../../../../src/main/providers/types';
import { preparedJpeg } from './fixture-image';
import { startLocalServer, type Seen } from './local-server';

const KEY = 'fal-key-id:fal-key-secret-987';
const entry = (id: string) => findModel(id) as ModelEntry;
const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  ok: status >= 200 && status < 300,
  status,
  headers: new Headers(headers),
  body,
  text: JSON.stringify(body),
});

describe('buildFalBody', () => {
  it('sends duration as a string and only the row parameters (v1 pro t2v)', () => {
    const m = entry('fal/fal-ai/bytedance/seedance/v1/pro/text-to-video');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'city at night', duration: 8, seed: 1234 });
    expect(buildFalBody(p, {})).toEqual({
      prompt: 'city at night',
      aspect_ratio: '16:9',
      resolution: '1080p',
      duration: '8',
      camera_fixed: false,
      seed: 1234,
    });
  });

  it('2.0 i2v: image_url, end_image_url, generate_audio, no camera_fixed', () => {
    const m = entry('fal/bytedance/seedance-2.0/image-to-video');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'p', firstFrame: 'a', lastFrame: 'b' });
    expect(buildFalBody(p, { first: 'https://v3.fal.media/a.jpg', last: 'https://v3.fal.media/b.jpg' })).toEqual({
      prompt: 'p',
      image_url: 'https://v3.fal.media/a.jpg',
      end_image_url: 'https://v3.fal.media/b.jpg',
      aspect_ratio: 'auto',
      resolution: '720p',
      duration: '5',
      generate_audio: true,
    });
  });
});

describe('fal status and result parsing', () => {
  it('maps queue statuses', () => {
    expect(parseFalStatus({ status: 'IN_QUEUE', queue_position: 3 })).toEqual({ state: 'queued', queuePosition: 3 });
    expect(parseFalStatus({ status: 'IN_PROGRESS', logs: [] })).toEqual({ state: 'running' });
    expect(parseFalStatus({ status: 'HALTED' })).toEqual({ state: 'unknown', providerStatus: 'HALTED' });
    expect(parseFalStatus({ status: 'COMPLETED', metrics: { inference_time: 40 } })).toBe('completed');
  });

  it('reads a result, leaving the URL lifetime unknown', () => {
    const s = parseFalResult(answer(200, { video: { url: 'https://v3.fal.media/out.mp4', content_type: 'video/mp4' }, seed: 42 }));
    expect(s).toEqual({ state: 'succeeded', resultUrl: 'https://v3.fal.media/out.mp4', seed: 42 });
    expect(s.resultExpiresAt).toBeUndefined();
  });

  it('a COMPLETED whose result is a 422 is a failed task with the validation message', () => {
    const s = parseFalResult(answer(422, { detail: [{ loc: ['body', 'image_url'], msg: 'Image too small', type: 'value_error' }] }));
    expect(s.state).toBe('failed');
    expect(s.error).toMatchObject({ kind: 'invalid_input', providerMessage: 'image_url: Image too small', httpStatus: 422, retryable: false });
  });

  it('a retryable result error is thrown, not reported as failure', () => {
    expect(() => parseFalResult(answer(503, { detail: 'Service unavailable' }))).toThrow(ProviderError);
  });
});

describe('falFailure', () => {
  it('reads detail as a string and honours X-Fal-Error-Type and X-Fal-Retryable', () => {
    const f = falFailure(answer(504, { detail: 'Request timed out', error_type: 'request_timeout' }, { 'X-Fal-Error-Type': 'request_timeout', 'X-Fal-Retryable': 'true' }));
    expect(f).toMatchObject({ kind: 'timeout', providerCode: 'request_timeout', providerMessage: 'Request timed out', retryable: true });
    const notRetry = falFailure(answer(500, { detail: 'boom' }, { 'X-Fal-Retryable': 'false' }));
    expect(notRetry).toMatchObject({ kind: 'provider_error', retryable: false });
  });

  it.each([
    [401, { detail: 'Invalid key' }, 'auth', false],
    [403, { detail: 'User is locked. Reason: Exhausted balance.' }, 'quota', false],
    [429, { detail: 'Too many requests' }, 'rate_limited', true],
    [502, { detail: 'Bad gateway' }, 'provider_error', true],
    [422, { detail: [{ loc: ['body', 'prompt'], msg: 'flagged', type: 'content_policy_violation' }] }, 'content_policy', false],
    [422, { detail: [{ loc: ['body', 'duration'], msg: 'not one of', type: 'enum' }] }, 'invalid_input', false],
  ] as const)('HTTP %i → kind %s', (status, body, kind, retryable) => {
    expect(falFailure(answer(status, body))).toMatchObject({ kind, retryable });
  });
});

describe('falAdapter over HTTP', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let statusCalls = 0;
  beforeAll(async () => {
    server = await startLocalServer((req: Seen) => {
      const base = server.url;
      if (req.path === '/upload/abc' && req.method === 'PUT') return { status: 200, json: {} };
      if (req.headers.authorization !== `Key ${KEY}`) return { status: 401, json: { detail: 'No valid key' } };
      if (req.path === '/storage/upload/initiate?storage_type=fal-cdn-v3') {
        return { status: 200, json: { upload_url: `${base}/upload/abc`, file_url: 'https://v3.fal.media/files/abc.jpg' } };
      }
      if (req.method === 'POST' && req.path === '/bytedance/seedance-2.0/image-to-video') {
        return {
          status: 200,
          json: {
            request_id: 'req-1',
            status_url: `${base}/bytedance/seedance-2.0/requests/req-1/status`,
            response_url: `${base}/bytedance/seedance-2.0/requests/req-1`,
            cancel_url: `${base}/bytedance/seedance-2.0/requests/req-1/cancel`,
            queue_position: 0,
          },
        };
      }
      if (req.path === '/bytedance/seedance-2.0/requests/req-1/status') {
        statusCalls++;
        if (statusCalls === 1) return { status: 202, json: { status: 'IN_QUEUE', queue_position: 2 } };
        if (statusCalls === 2) return { status: 202, json: { status: 'IN_PROGRESS', logs: [] } };
        return { status: 200, json: { status: 'COMPLETED', metrics: { inference_time: 30 } } };
      }
      if (req.path === '/bytedance/seedance-2.0/requests/req-1') return { status: 200, json: { video: { url: 'https://v3.fal.media/out.mp4' }, seed: 5 } };
      if (req.path === '/bytedance/seedance-2.0/requests/req-1/cancel') return { status: 400, json: { status: 'ALREADY_COMPLETED' } };
      if (req.path === '/bytedance/seedance-2.0/requests/req-2/cancel') return { status: 202, json: { status: 'CANCELLATION_REQUESTED' } };
      return { status: 404, json: { detail: 'Not found' } };
    });
  });
  afterAll(() => server.close());
  const ctx = (apiKey = KEY): ProviderContext => ({ apiKey, baseUrls: { api: server.url, files: server.url }, fetch });

  it('uploads to storage (PUT without our key), submits, and follows the returned URLs', async () => {
    const img = await preparedJpeg();
    const m = entry('fal/bytedance/seedance-2.0/image-to-video');
    const params = paramsSchema(m).parse({ modelId: m.id, prompt: 'wings', firstFrame: img.path });
    const prepared = await falAdapter.prepare({ entry: m, params, images: { first: img } }, ctx());
    const initiate = server.seen.find((s) => s.path.startsWith('/storage/upload/initiate'));
    expect(initiate?.json).toEqual({ content_type: 'image/jpeg', file_name: 'dragonfly-4224x3168.jpg' });
    const put = server.seen.find((s) => s.method === 'PUT');
    expect(put?.headers.authorization).toBeUndefined();
    expect(put?.body.equals(img.data)).toBe(true);
    expect(prepared).toEqual({ url: '/bytedance/seedance-2.0/image-to-video', body: expect.objectContaining({ image_url: 'https://v3.fal.media/files/abc.jpg', duration: '5' }) });

    const task = await falAdapter.submit(prepared, ctx());
    expect(task.taskId).toBe('req-1');
    expect(await falAdapter.poll(task, ctx())).toEqual({ state: 'queued', queuePosition: 2 });
    expect(await falAdapter.poll(task, ctx())).toEqual({ state: 'running' });
    expect(await falAdapter.poll(task, ctx())).toEqual({ state: 'succeeded', resultUrl: 'https://v3.fal.media/out.mp4', seed: 5 });
    expect(await falAdapter.cancelTask(task, ctx())).toMatchObject({ cancelled: false });
    expect(await falAdapter.cancelTask({ taskId: 'req-2', handle: { cancel_url: `${server.url}/bytedance/seedance-2.0/requests/req-2/cancel` } }, ctx())).toEqual({ cancelled: true });
  });

  it('refuses to send the key to a status URL on another host', async () => {
    const before = server.seen.length;
    const err = await falAdapter.poll({ taskId: 'x', handle: { status_url: 'http://203.0.113.9/status', response_url: 'http://203.0.113.9/r' } }, ctx()).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(server.seen.length).toBe(before);
  });

  it('checkKey uses the storage initiate endpoint: valid, or rejected on 401', async () => {
    expect(await falAdapter.checkKey(ctx())).toEqual({ result: 'valid' });
    expect((await falAdapter.checkKey(ctx('wrong:key-000000'))).result).toBe('rejected');
  });
});
