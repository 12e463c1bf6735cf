import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { buildEvolinkBody, evolinkAdapter, evolinkFailure, parseEvolinkTask } from '../../../../src/main/providers/evolink';
import type { ProviderContext } from '../../../../src/main/providers/types';
import { preparedJpeg } from './fixture-image';
import { startLocalServer, type Seen } from './local-server';

const KEY = 'evo-secret-key-5555';
const entry = (id: string) => findModel(id) as ModelEntry;
const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body, text: JSON.stringify(body) });

describe('buildEvolinkBody', () => {
  it('text-to-video: quality, integer duration, no image_urls', () => {
    const m = entry('evolink/seedance-2.0-fast-text-to-video');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'rain on glass', duration: 12, resolution: '480p', generateAudio: false });
    expect(buildEvolinkBody(m, p, [])).toEqual({
      model: 'seedance-2.0-fast-text-to-video',
      prompt: 'rain on glass',
      duration: 12,
      quality: '480p',
      // EvoLink's default since 2026-08-02 (providers.md, EvoLink `aspect_ratio`).
      aspect_ratio: 'adaptive',
      generate_audio: false,
    });
  });

  it('image-to-video: image_urls holds first then last frame', () => {
    const m = entry('evolink/seedance-2.0-image-to-video');
    const p = paramsSchema(m).parse({ modelId: m.id, prompt: 'p', firstFrame: 'a', lastFrame: 'b' });
    expect(buildEvolinkBody(m, p, ['https://files.evolink.ai/a.jpg', 'https://files.evolink.ai/b.jpg'])).toMatchObject({
      model: 'seedance-2.0-image-to-video',
      image_urls: ['https://files.evolink.ai/a.jpg', 'https://files.evolink.ai/b.jpg'],
      aspect_ratio: 'adaptive',
      quality: '720p',
    });
  });
});

describe('parseEvolinkTask', () => {
  const now = 1_800_000_000_000;
  it('maps pending/processing/completed with the 24 h link lifetime', () => {
    expect(parseEvolinkTask({ id: 'task-unified-1', status: 'pending', progress: 0, task_info: { can_cancel: false, estimated_time: 120 } }, now)).toEqual({
      state: 'queued',
      progress: 0,
      etaSeconds: 120,
    });
    expect(parseEvolinkTask({ id: 'task-unified-1', status: 'processing', progress: 55 }, now)).toEqual({ state: 'running', progress: 55 });
    expect(parseEvolinkTask({ id: 'task-unified-1', status: 'suspended' }, now)).toEqual({ state: 'unknown', providerStatus: 'suspended' });
    expect(parseEvolinkTask({ id: 'task-unified-1', status: 'completed', progress: 100, results: ['https://cdn.evolink.ai/v.mp4'] }, now)).toEqual({
      state: 'succeeded',
      progress: 100,
      resultUrl: 'https://cdn.evolink.ai/v.mp4',
      resultExpiresAt: now + 24 * 3600 * 1000,
    });
  });

  it.each([
    ['content_policy_violation', 'content_policy'],
    ['image_dimension_mismatch', 'invalid_input'],
    ['generation_timeout', 'timeout'],
    ['quota_exceeded', 'quota'],
    ['service_error', 'provider_error'],
  ] as const)('task error %s → %s', (code, kind) => {
    const s = parseEvolinkTask({ id: 'task-unified-1', status: 'failed', error: { code, message: `msg ${code}`, type: 'task_error' } }, now);
    expect(s).toMatchObject({ state: 'failed', error: { kind, providerCode: code, providerMessage: `msg ${code}`, retryable: false } });
  });
});

describe('evolinkFailure', () => {
  it.each([
    [401, 'unauthorized', 'auth'],
    [402, 'insufficient_quota', 'quota'],
    [403, 'model_access_denied', 'auth'],
    [404, 'task_not_found', 'provider_error'],
    [429, 'rate_limit_exceeded', 'rate_limited'],
    [500, 'internal_error', 'provider_error'],
  ] as const)('HTTP %i %s → %s', (status, code, kind) => {
    expect(evolinkFailure(answer(status, { error: { code, message: 'm', type: 't' } }))).toMatchObject({ kind, providerCode: code, httpStatus: status });
  });
});

describe('evolinkAdapter over HTTP', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    let uploads = 0;
    server = await startLocalServer((req: Seen) => {
      if (req.headers.authorization !== `Bearer ${KEY}`) return { status: 401, json: { error: { code: 'unauthorized', message: 'Invalid token', type: 'authentication_error' } } };
      if (req.path === '/api/v1/files/upload/base64') {
        uploads++;
        return { status: 200, json: { success: true, code: 200, msg: 'ok', data: { file_id: `f${uploads}`, file_url: `https://files.evolink.ai/u/${uploads}.jpg` } } };
      }
      if (req.path === '/v1/videos/generations') {
        return { status: 200, json: { id: 'task-unified-77', object: 'video.generation.task', status: 'pending', progress: 0, task_info: { can_cancel: false, estimated_time: 90 } } };
      }
      if (req.path === '/v1/tasks/task-unified-77') return { status: 200, json: { id: 'task-unified-77', status: 'completed', progress: 100, results: ['https://cdn.evolink.ai/77.mp4'] } };
      return { status: 404, json: { error: { code: 'task_not_found', message: 'Task not found', type: 'invalid_request_error' } } };
    });
  });
  afterAll(() => server.close());
  const ctx = (apiKey = KEY): ProviderContext => ({ apiKey, baseUrls: { api: server.url, files: server.url }, fetch });

  it('uploads both frames as data URLs, then submits their URLs', async () => {
    const first = await preparedJpeg('dragonfly-4224x3168.jpg');
    const last = await preparedJpeg('sunset-4272x2848.jpg');
    const m = entry('evolink/seedance-2.0-image-to-video');
    const params = paramsSchema(m).parse({ modelId: m.id, prompt: 'dusk', firstFrame: first.path, lastFrame: last.path });
    const prepared = await evolinkAdapter.prepare({ entry: m, params, images: { first, last } }, ctx());
    const uploads = server.seen.filter((s) => s.path === '/api/v1/files/upload/base64');
    expect(uploads.map((u) => (u.json as { base64_data: string }).base64_data)).toEqual([
      `data:image/jpeg;base64,${first.data.toString('base64')}`,
      `data:image/jpeg;base64,${last.data.toString('base64')}`,
    ]);
    expect(prepared.body.image_urls).toEqual(['https://files.evolink.ai/u/1.jpg', 'https://files.evolink.ai/u/2.jpg']);
    const task = await evolinkAdapter.submit(prepared, ctx());
    expect(task.taskId).toBe('task-unified-77');
    expect(await evolinkAdapter.poll(task, ctx())).toMatchObject({ state: 'succeeded', resultUrl: 'https://cdn.evolink.ai/77.mp4' });
  });

  it('checkKey reads a nonexistent task: 404 is valid, 401 rejected', async () => {
    expect(await evolinkAdapter.checkKey(ctx())).toEqual({ result: 'valid' });
    expect(server.seen.at(-1)?.path).toBe('/v1/tasks/task-unified-nonexistent');
    expect((await evolinkAdapter.checkKey(ctx('evo-bad-key-000'))).result).toBe('rejected');
  });
});
