import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { arkAdapter, arkFailure, buildArkBody, parseArkTask, parseArkTaskList } from '../../../../src/main/providers/ark';
import type { ProviderContext } from '../../../../src/main/providers/types';
import { preparedJpeg } from './fixture-image';
import { startLocalServer, type Seen } from './local-server';

const KEY = 'ark-secret-key-4242';
const entry = (id: string) => findModel(id) as ModelEntry;
const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body, text: JSON.stringify(body) });

describe('buildArkBody', () => {
  it('1.0 Pro first + last frame: content[] roles and top-level ratio, never aspect_ratio', () => {
    const m = entry('ark/seedance-1-0-pro-250528');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'a bird lands', firstFrame: 'a', lastFrame: 'b', resolution: '720p', duration: 6, seed: 11, cameraFixed: true });
    const body = buildArkBody(m, p, { first: 'data:image/jpeg;base64,AAA', last: 'data:image/png;base64,BBB' });
    expect(body).toEqual({
      model: 'seedance-1-0-pro-250528',
      content: [
        { type: 'text', text: 'a bird lands' },
        { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAA' }, role: 'first_frame' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,BBB' }, role: 'last_frame' },
      ],
      resolution: '720p',
      ratio: 'adaptive',
      duration: 6,
      seed: 11,
      camera_fixed: true,
      watermark: false,
      return_last_frame: true,
    });
    expect(body).not.toHaveProperty('aspect_ratio');
    expect(JSON.stringify(body)).not.toContain('--rs');
  });

  it('2.0 text-to-video: no seed or camera_fixed, with generate_audio', () => {
    const m = entry('ark/dreamina-seedance-2-0-260128');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'waves', aspectRatio: '9:16' });
    expect(buildArkBody(m, p, {})).toEqual({
      model: 'dreamina-seedance-2-0-260128',
      content: [{ type: 'text', text: 'waves' }],
      resolution: '720p',
      ratio: '9:16',
      duration: 5,
      watermark: false,
      generate_audio: true,
      return_last_frame: true,
    });
  });
});

describe('parseArkTask', () => {
  const now = 1_800_000_000_000;
  it.each([
    ['queued', 'queued'],
    ['running', 'running'],
    ['cancelled', 'cancelled'],
    ['expired', 'expired'],
  ] as const)('status %s → %s', (status, state) => {
    expect(parseArkTask({ id: 'cgt-1', model: 'm', status, content: null, usage: null, error: null }, now).state).toBe(state);
  });

  it('reads success with usage, seed and a 24 h lifetime', () => {
    const s = parseArkTask(
      {
        id: 'cgt-1',
        model: 'seedance-1-0-pro-250528',
        status: 'succeeded',
        content: { video_url: 'https://ark-content/v.mp4' },
        usage: { completion_tokens: 244800, total_tokens: 244800 },
        seed: 11,
        resolution: '1080p',
        ratio: '16:9',
        duration: 5,
        framespersecond: 24,
        created_at: 1,
        updated_at: 2,
        error: null,
      },
      now,
    );
    expect(s).toEqual({
      state: 'succeeded',
      seed: 11,
      usage: { completion_tokens: 244800, total_tokens: 244800 },
      resultUrl: 'https://ark-content/v.mp4',
      resultExpiresAt: now + 24 * 3600 * 1000,
    });
  });

  it('reads the provider’s last frame (return_last_frame) when the answer has one', () => {
    const s = parseArkTask({ id: 'cgt-1', model: 'm', status: 'succeeded', content: { video_url: 'https://ark-content/v.mp4', last_frame_url: 'https://ark-content/last.png' } }, now);
    expect(s).toMatchObject({ state: 'succeeded', resultUrl: 'https://ark-content/v.mp4', lastFrameUrl: 'https://ark-content/last.png' });
  });

  it('explains a face rejection and an audio moderation failure plainly', () => {
    const face = parseArkTask({ id: 'cgt-1', status: 'failed', error: { code: 'InputImageSensitiveContentDetected.PrivacyInformation', message: 'The input image may contain real person.' } }, now);
    expect(face.error).toMatchObject({ kind: 'content_policy', providerCode: 'InputImageSensitiveContentDetected.PrivacyInformation' });
    expect(face.error?.message).toMatch(/real human faces/);
    const audio = parseArkTask({ id: 'cgt-1', status: 'failed', error: { code: 'OutputAudioSensitiveContentDetected', message: 'audio flagged' } }, now);
    expect(audio.error?.message).toMatch(/audio turned off/);
  });
});

describe('parseArkTask: statuses outside the documented six', () => {
  it('reads them as unknown with the status word, never as running', () => {
    expect(parseArkTask({ id: 'cgt-1', model: 'm', status: 'paused', content: null, usage: null, error: null })).toEqual({ state: 'unknown', providerStatus: 'paused' });
  });
});

describe('parseArkTaskList', () => {
  it('reads items onto this machine\'s clock (created_at in Unix s, minus the provider clock lead) and skips unreadable ones', () => {
    const body = {
      items: [
        { id: 'cgt-a', model: 'seedance-1-0-pro-250528', status: 'running', created_at: 1_800_000_000, resolution: '480p', ratio: '16:9', duration: 5, seed: 7 },
        { id: 'cgt-b', model: 'seedance-1-0-pro-250528', status: 'queued', created_at: '1800000010' },
        { model: 'no id' },
      ],
      total: 3,
    };
    const read = parseArkTaskList(body, 2_000);
    expect(read).toEqual({
      items: 3,
      total: 3,
      tasks: [
        { taskId: 'cgt-a', model: 'seedance-1-0-pro-250528', createdAt: 1_800_000_000_000 - 2_000, resolution: '480p', ratio: '16:9', duration: 5, seed: 7 },
        { taskId: 'cgt-b', model: 'seedance-1-0-pro-250528', createdAt: 1_800_000_010_000 - 2_000 },
      ],
    });
  });
});

describe('arkFailure', () => {
  it.each([
    [401, 'AuthenticationError', 'auth', false],
    [403, 'AccountOverdueError', 'quota', false],
    [429, 'RateLimitExceeded.EndpointRPMExceeded', 'rate_limited', true],
    [400, 'InvalidParameter', 'invalid_input', false],
    [400, 'MissingParameter', 'invalid_input', false],
    [400, 'InputImageSensitiveContentDetected', 'content_policy', false],
    [500, 'InternalServiceError', 'provider_error', true],
  ] as const)('HTTP %i %s → %s', (status, code, kind, retryable) => {
    expect(arkFailure(answer(status, { error: { code, message: 'm', param: 'ratio', type: 'BadRequest' } }))).toMatchObject({ kind, retryable, providerCode: code });
  });
});

describe('arkAdapter over HTTP', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    server = await startLocalServer((req: Seen) => {
      if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 401, json: { error: { code: 'AuthenticationError', message: 'the API key is invalid', type: 'Unauthorized' } } };
      if (req.method === 'POST' && req.path === '/api/v3/contents/generations/tasks') return { status: 200, json: { id: 'cgt-20260101-abc' } };
      if (req.method === 'GET' && req.path === '/api/v3/contents/generations/tasks?page_size=1') return { status: 200, json: { items: [], total: 0 } };
      if (req.method === 'GET' && req.path === '/api/v3/contents/generations/tasks/cgt-20260101-abc') {
        return { status: 200, json: { id: 'cgt-20260101-abc', status: 'running', content: null, usage: null, error: null } };
      }
      if (req.method === 'DELETE' && req.path === '/api/v3/contents/generations/tasks/cgt-20260101-abc') {
        return { status: 400, json: { error: { code: 'InvalidParameter', message: 'task is running and cannot be cancelled' } } };
      }
      if (req.method === 'DELETE') return { status: 200, json: {} };
      return { status: 404, json: { error: { code: 'ResourceNotFound', message: 'nope' } } };
    });
  });
  afterAll(() => server.close());
  const ctx = (apiKey = KEY): ProviderContext => ({ apiKey, baseUrls: { api: `${server.url}/api/v3` }, fetch });

  it('inlines the first frame, submits, polls and cancels', async () => {
    const img = await preparedJpeg();
    const m = entry('ark/seedance-1-5-pro-251215');
    const params = paramsSchema(m).parse({ modelId: m.id, prompt: 'take off', firstFrame: img.path });
    const prepared = await arkAdapter.prepare({ entry: m, params, images: { first: img } }, ctx());
    expect((prepared.body.content as Array<{ image_url?: { url: string } }>)[1]?.image_url?.url).toBe(`data:image/jpeg;base64,${img.data.toString('base64')}`);
    const task = await arkAdapter.submit(prepared, ctx());
    expect(task.taskId).toBe('cgt-20260101-abc');
    expect(server.seen.at(-1)?.json).toMatchObject({ model: 'seedance-1-5-pro-251215', ratio: 'adaptive', generate_audio: true, service_tier: 'default' });
    expect(await arkAdapter.poll(task, ctx())).toEqual({ state: 'running' });
    expect(await arkAdapter.cancelTask(task, ctx())).toEqual({ cancelled: false, reason: 'task is running and cannot be cancelled' });
    expect(await arkAdapter.cancelTask({ taskId: 'cgt-queued', handle: {} }, ctx())).toEqual({ cancelled: true });
  });

  it('checkKey lists one task: valid, or rejected on 401', async () => {
    expect(await arkAdapter.checkKey(ctx())).toEqual({ result: 'valid' });
    expect((await arkAdapter.checkKey(ctx('ark-wrong-000000'))).result).toBe('rejected');
  });
});
