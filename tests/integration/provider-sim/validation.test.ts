import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_KEYS, simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { auth, call, photo, removeTempDirs, tempDir } from './sim-helpers';

// Auth and request-validation failures, each in its provider's own shape and status (providers.md).

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('validation'), timeScale: 0.1 });
});
afterAll(async () => {
  await sim?.close();
  removeTempDirs();
});

const novita = (model: string, body: unknown, headers: Record<string, string> = auth.novita) => call('POST', `${sim.url}/novita/v3/async/${model}`, headers, body);
const fal = (endpoint: string, body: unknown, headers: Record<string, string> = auth.fal) => call('POST', `${sim.url}/fal-queue/${endpoint}`, headers, body);
const evolink = (body: unknown, headers: Record<string, string> = auth.evolink) => call('POST', `${sim.url}/evolink/v1/videos/generations`, headers, body);
const ark = (body: unknown, headers: Record<string, string> = auth.ark) => call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, headers, body);

describe('simulatorEnv', () => {
  it('points every base URL at the simulator and hands out keys it accepts', async () => {
    const env = simulatorEnv(sim.url);
    expect(env.ARK_BASE_URL).toBe(`${sim.url}/ark/api/v3`);
    const r = await call('GET', `${env.ARK_BASE_URL}/contents/generations/tasks?page_size=1`, { authorization: `Bearer ${env.ARK_API_KEY}` });
    expect(r.status).toBe(200);
    const n = await call('GET', `${env.NOVITA_BASE_URL}/v3/async/task-result?task_id=nope`, { authorization: `Bearer ${env.NOVITA_API_KEY}` });
    expect(n.status).toBe(404);
    expect(n.json.reason).toBe('TASK_NOT_FOUND');
  });
});

describe('auth failures', () => {
  const t2v = { prompt: 'x', resolution: '480p' };
  it('Novita: missing key 400 MISSING_API_KEY, wrong key 403 INVALID_API_KEY', async () => {
    const missing = await novita('seedance-v1-pro-t2v', t2v, {});
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ code: 400, reason: 'MISSING_API_KEY' });
    const wrong = await novita('seedance-v1-pro-t2v', t2v, { authorization: 'Bearer not-the-key' });
    expect(wrong.status).toBe(403);
    expect(wrong.json).toMatchObject({ code: 403, reason: 'INVALID_API_KEY' });
  });

  it('fal: 401 with a detail string; a Bearer scheme with the right key is still refused', async () => {
    const wrong = await fal('fal-ai/bytedance/seedance/v1/pro/text-to-video', t2v, { authorization: 'Key nope:nope' });
    expect(wrong.status).toBe(401);
    expect(typeof wrong.json.detail).toBe('string');
    const bearer = await fal('fal-ai/bytedance/seedance/v1/pro/text-to-video', t2v, { authorization: `Bearer ${DEMO_KEYS.fal}` });
    expect(bearer.status).toBe(401);
    const upload = await call('POST', `${sim.url}/fal-rest/storage/upload/initiate`, {}, { content_type: 'image/png', file_name: 'a.png' });
    expect(upload.status).toBe(401);
  });

  it('EvoLink: 401 {error: {code: unauthorized}} on the API and the files API', async () => {
    const wrong = await evolink({ model: 'seedance-2.0-text-to-video', prompt: 'x' }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'unauthorized', type: 'authentication_error' });
    const files = await call('POST', `${sim.url}/evolink-files/api/v1/files/upload/base64`, {}, { base64_data: 'aGVsbG8=' });
    expect(files.status).toBe(401);
    expect(files.json.error.code).toBe('unauthorized');
  });

  it('ModelArk: 401 AuthenticationError with param and type', async () => {
    const wrong = await ark({ model: 'seedance-1-5-pro-251215', content: [{ type: 'text', text: 'x' }] }, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'AuthenticationError', type: 'Unauthorized', param: '' });
  });

  it('records refused requests in stats without creating tasks', () => {
    const s = sim.stats();
    expect(s.byRoute['novita:submit']).toBeGreaterThanOrEqual(2);
    expect(s.log.filter((r) => r.route === 'submit').every((r) => r.status >= 400)).toBe(true);
  });
});

describe('Novita validation (400 INVALID_REQUEST_BODY etc.)', () => {
  it.each([
    ['V1 duration must be 5 or 10', 'seedance-v1-pro-t2v', { prompt: 'x', resolution: '480p', duration: 4 }, 'duration'],
    ['V1 resolution is required', 'seedance-v1-pro-t2v', { prompt: 'x' }, 'resolution'],
    ['duration must be an integer, not a string', 'seedance-v1-pro-t2v', { prompt: 'x', resolution: '480p', duration: '5' }, 'duration'],
    ['prompt is at most 2000 characters', 'seedance-v1-pro-t2v', { prompt: 'x'.repeat(2001), resolution: '480p' }, 'prompt'],
    ['1.5 duration is 4 … 12', 'seedance-v1.5-pro-t2v', { prompt: 'x', duration: 3 }, 'duration'],
    ['1.5 t2v has no 1080p', 'seedance-v1.5-pro-t2v', { prompt: 'x', resolution: '1080p' }, 'resolution'],
    ['1.5 fps is only 24', 'seedance-v1.5-pro-t2v', { prompt: 'x', fps: 30 }, 'fps'],
    ['1.5 seed at most 4294967295', 'seedance-v1.5-pro-t2v', { prompt: 'x', seed: 4294967296 }, 'seed'],
    ['i2v needs an image', 'seedance-v1-lite-i2v', { prompt: 'x', resolution: '480p' }, 'image'],
    ['a t2v model given an image fails', 'seedance-v1-pro-t2v', { prompt: 'x', resolution: '480p', image: 'https://example.com/a.jpg' }, 'image'],
  ])('%s', async (_name, model, body, field) => {
    const r = await novita(model, body);
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ code: 400, reason: 'INVALID_REQUEST_BODY' });
    expect(r.json.message).toContain(field);
  });

  it('refuses an image whose shorter side is ≤ 300 px with INVALID_IMAGE_SIZE', async () => {
    const small = await photo('sunset-4272x2848.jpg', 280, 280);
    const r = await novita('seedance-v1-pro-i2v', { image: small.dataUrl, resolution: '480p' });
    expect(r.status).toBe(400);
    expect(r.json.reason).toBe('INVALID_IMAGE_SIZE');
  });

  it('ignores a V1 field sent to 1.5 (aspect_ratio) like the service, and reports it in stats', async () => {
    const r = await novita('seedance-v1.5-pro-t2v', { prompt: 'x', resolution: '480p', aspect_ratio: '1:1', duration: 4 });
    expect(r.status).toBe(200);
    expect(sim.stats().ignoredFields).toContainEqual({ provider: 'novita', model: 'seedance-v1.5-pro-t2v', field: 'aspect_ratio' });
  });
});

describe('fal validation (422 pydantic detail)', () => {
  const v1 = 'fal-ai/bytedance/seedance/v1/pro/text-to-video';
  it('duration must be a string: a number gets a literal_error at body.duration', async () => {
    const r = await fal(v1, { prompt: 'x', duration: 5 });
    expect(r.status).toBe(422);
    expect(r.json.detail).toHaveLength(1);
    expect(r.json.detail[0]).toMatchObject({ loc: ['body', 'duration'], type: 'literal_error', input: 5 });
    expect(r.json.detail[0].msg).toContain("'5'");
  });

  it('a missing prompt is type missing; a bad type is bool_type; every problem is listed', async () => {
    const r = await fal(v1, { camera_fixed: 'yes', resolution: '4k' });
    expect(r.status).toBe(422);
    const byField = Object.fromEntries(r.json.detail.map((d: { loc: string[]; type: string }) => [d.loc[1], d.type]));
    expect(byField).toEqual({ prompt: 'missing', camera_fixed: 'bool_type', resolution: 'literal_error' });
  });

  it('enforces per-endpoint ranges: v1 num_frames 29 … 289, 2.0 fast has no 1080p, 1.5 duration from "4"', async () => {
    expect((await fal(v1, { prompt: 'x', num_frames: 300 })).json.detail[0]).toMatchObject({ loc: ['body', 'num_frames'], type: 'less_than_equal' });
    expect((await fal('bytedance/seedance-2.0/fast/text-to-video', { prompt: 'x', resolution: '1080p' })).json.detail[0].loc).toEqual(['body', 'resolution']);
    expect((await fal('fal-ai/bytedance/seedance/v1.5/pro/text-to-video', { prompt: 'x', duration: '3' })).status).toBe(422);
  });

  it('an image URL fal cannot fetch fails at image_url', async () => {
    const r = await fal('bytedance/seedance-2.0/image-to-video', { prompt: 'x', image_url: 'https://example.invalid/a.jpg' });
    expect(r.status).toBe(422);
    expect(r.json.detail[0].loc).toEqual(['body', 'image_url']);
  });

  it('an unknown endpoint is 404', async () => {
    expect((await fal('fal-ai/bytedance/seedance/v9/text-to-video', { prompt: 'x' })).status).toBe(404);
  });
});

describe('EvoLink validation (400 invalid_parameters)', () => {
  it.each([
    // 1080p opened 2026-04-17 and 4k 2026-06-23 on the standard models only (providers.md, EvoLink `quality`).
    ['quality 1080p is not offered on 2.0 Fast text-to-video', { model: 'seedance-2.0-fast-text-to-video', prompt: 'x', quality: '1080p' }, 'quality'],
    ['quality 4k is not offered on 2.0 Mini reference-to-video', { model: 'seedance-2.0-mini-reference-to-video', prompt: 'x', quality: '4k' }, 'quality'],
    ['image_urls on text-to-video', { model: 'seedance-2.0-text-to-video', prompt: 'x', image_urls: ['https://x/a.jpg'] }, 'image_urls'],
    ['image-to-video needs 1 or 2 images (0)', { model: 'seedance-2.0-image-to-video', prompt: 'x', image_urls: [] }, 'image_urls'],
    ['image-to-video needs 1 or 2 images (3)', { model: 'seedance-2.0-fast-image-to-video', prompt: 'x', image_urls: ['a', 'b', 'c'] }, 'image_urls'],
    ['reference takes at most 9', { model: 'seedance-2.0-reference-to-video', prompt: 'x', image_urls: Array(10).fill('https://x/a.jpg') }, 'image_urls'],
    ['duration 4 … 15', { model: 'seedance-2.0-text-to-video', prompt: 'x', duration: 16 }, 'duration'],
    ['prompt ≤ 1000 words', { model: 'seedance-2.0-text-to-video', prompt: 'word '.repeat(1001) }, 'prompt'],
    ['data URLs are not fetchable URLs', { model: 'seedance-2.0-image-to-video', prompt: 'x', image_urls: ['data:image/png;base64,AAAA'] }, 'image_urls'],
    ['web_search is text-to-video only', { model: 'seedance-2.0-image-to-video', prompt: 'x', image_urls: ['https://x/a.jpg'], model_params: { web_search: true } }, 'web_search'],
  ])('%s', async (_name, body, param) => {
    const r = await evolink(body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_parameters', type: 'invalid_request_error' });
    expect(`${r.json.error.param} ${r.json.error.message}`).toContain(param);
  });

  it('an unknown model is 403 model_access_denied; an unknown task id 404 task_not_found', async () => {
    expect((await evolink({ model: 'seedance-9', prompt: 'x' })).json.error.code).toBe('model_access_denied');
    const r = await call('GET', `${sim.url}/evolink/v1/tasks/task-unified-0-nope`, auth.evolink);
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('task_not_found');
  });

  it('`resolution` instead of `quality` is ignored (default 720p) and reported in stats', async () => {
    const r = await evolink({ model: 'seedance-2.0-text-to-video', prompt: 'x', resolution: '480p', duration: 4 });
    expect(r.status).toBe(200);
    expect(sim.stats().ignoredFields).toContainEqual({ provider: 'evolink', model: 'seedance-2.0-text-to-video', field: 'resolution' });
  });
});

describe('ModelArk validation (400 InvalidParameter / MissingParameter)', () => {
  const text = [{ type: 'text', text: 'a cat' }];
  it.each([
    ['ratio must be a known value', { model: 'seedance-1-5-pro-251215', content: text, ratio: '5:4' }, 'ratio', 'InvalidParameter'],
    ['1.0 Pro duration is 2 … 12', { model: 'seedance-1-0-pro-250528', content: text, duration: 1 }, 'duration', 'InvalidParameter'],
    ['2.0 duration is 4 … 15', { model: 'dreamina-seedance-2-0-260128', content: text, duration: 16 }, 'duration', 'InvalidParameter'],
    ['seed is not on 2.0', { model: 'dreamina-seedance-2-0-260128', content: text, seed: 1 }, 'seed', 'InvalidParameter'],
    ['camera_fixed is not on 2.0', { model: 'dreamina-seedance-2-0-260128', content: text, camera_fixed: true }, 'camera_fixed', 'InvalidParameter'],
    ['generate_audio is not on 1.0', { model: 'seedance-1-0-pro-250528', content: text, generate_audio: true }, 'generate_audio', 'InvalidParameter'],
    ['2.0 Fast has no 1080p', { model: 'dreamina-seedance-2-0-fast-260128', content: text, resolution: '1080p' }, 'resolution', 'InvalidParameter'],
    ['prompt flags and fields are not mixed', { model: 'seedance-1-0-pro-250528', content: [{ type: 'text', text: 'a cat --rs 720p --dur 5' }], resolution: '720p' }, 'content.text', 'InvalidParameter'],
    ['lite t2v takes no image', { model: 'seedance-1-0-lite-t2v-250428', content: [...text, { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } }] }, 'content.image_url', 'InvalidParameter'],
    ['lite i2v needs an image', { model: 'seedance-1-0-lite-i2v-250428', content: text }, 'content.image_url', 'MissingParameter'],
    ['content is required', { model: 'seedance-1-5-pro-251215' }, 'content', 'MissingParameter'],
    ['duration must be an integer', { model: 'seedance-1-5-pro-251215', content: text, duration: '5' }, 'duration', 'InvalidParameter'],
  ])('%s', async (_name, body, param, code) => {
    const r = await ark(body);
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code, param, type: 'BadRequest' });
  });

  it('an unknown model is 404 InvalidEndpointOrModel.NotFound', async () => {
    const r = await ark({ model: 'seedance-9', content: text });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('InvalidEndpointOrModel.NotFound');
  });

  it('aspect_ratio (not ratio) is silently ignored: the task runs at the default ratio', async () => {
    const r = await ark({ model: 'seedance-1-0-lite-t2v-250428', content: text, aspect_ratio: '1:1', resolution: '480p', duration: 2 });
    expect(r.status).toBe(200);
    const got = await call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${r.json.id}`, auth.ark);
    expect(got.json.ratio).toBe('16:9');
    expect(sim.stats().ignoredFields).toContainEqual({ provider: 'ark', model: 'seedance-1-0-lite-t2v-250428', field: 'aspect_ratio' });
  });

  it('old-style prompt flags alone are honoured', async () => {
    const r = await ark({ model: 'seedance-1-0-lite-t2v-250428', content: [{ type: 'text', text: 'a cat --rs 480p --rt 9:16 --dur 3 --seed 7' }] });
    expect(r.status).toBe(200);
    const got = await call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${r.json.id}`, auth.ark);
    expect(got.json).toMatchObject({ resolution: '480p', ratio: '9:16', duration: 3, seed: 7 });
  });
});
