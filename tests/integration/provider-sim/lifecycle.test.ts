import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { auth, call, download, frameThumb, imageThumb, meanDiff, photo, pollUntil, probe, removeTempDirs, tempDir } from './sim-helpers';

// Full task lifecycles over real HTTP, one per provider, each ending in an MP4 checked with ffprobe.
// timeScale 0.1: 0.1 s queued, 0.3 s running; clips are 2–5 s at 480p to keep ffmpeg quick on 2 cores.

let sim: SimulatorHandle;
let sim2: SimulatorHandle;
const dir = tempDir('lifecycle');

/**
 * Statuses seen while polling must follow the provider's order and end on its last one. Which early
 * states a poll catches depends on timing, so only order is checked here; the queued states are
 * checked deterministically on the slow simulator below.
 */
function expectOrdered(seen: string[], order: string[]): void {
  const idx = seen.map((s) => order.indexOf(s));
  expect(idx.every((i) => i >= 0)).toBe(true);
  expect(idx).toEqual([...idx].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe(order.at(-1));
}

beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('lifecycle-data'), timeScale: 0.1 });
  // Long queue (5 s) so cancels and queue positions are not racing the clock.
  sim2 = await startSimulator({ dataDir: tempDir('lifecycle-slow'), timeScale: 5 });
});
afterAll(async () => {
  await sim?.close();
  await sim2?.close();
  removeTempDirs();
});

describe('Novita', () => {
  it('runs V1 Pro text-to-video through QUEUED → PROCESSING → SUCCEED to a 864×480 5 s MP4 without audio', async () => {
    const sub = await call('POST', `${sim.url}/novita/v3/async/seedance-v1-pro-t2v`, auth.novita, {
      prompt: 'a red fox running through fresh snow',
      resolution: '480p',
      aspect_ratio: '16:9',
      duration: 5,
      seed: 42,
    });
    expect(sub.status).toBe(200);
    expect(Object.keys(sub.json)).toEqual(['task_id']);
    const seen = await pollUntil(
      () => call('GET', `${sim.url}/novita/v3/async/task-result?task_id=${sub.json.task_id}`, auth.novita),
      (r) => r.json.task.status === 'TASK_STATUS_SUCCEED' || r.json.task.status === 'TASK_STATUS_FAILED',
      50,
    );
    expectOrdered(seen.map((r) => r.json.task.status), ['TASK_STATUS_QUEUED', 'TASK_STATUS_PROCESSING', 'TASK_STATUS_SUCCEED']);
    const progress = seen.map((r) => r.json.task.progress_percent as number);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const last = seen.at(-1)!.json;
    expect(last.extra.seed).toBe('42');
    expect(Number(last.videos[0].video_url_ttl)).toBeGreaterThan(3500);
    const file = await download(last.videos[0].video_url, dir, 'novita-t2v.mp4');
    expect(file.status).toBe(200);
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 864, height: 480, videoCodec: 'h264', pixFmt: 'yuv420p', audioCodec: null, fps: 24 });
    expect(p.duration).toBeCloseTo(5, 1);
    expect(p.frames).toBe(120);
  });

  it('runs 1.5 Pro image-to-video from a data URL with adaptive ratio and audio; the first frame is the photo', async () => {
    const img = await photo('sunset-4272x2848.jpg', 720, 720); // 720×480, ratio 1.5 → nearest table ratio 4:3
    const sub = await call('POST', `${sim.url}/novita/v3/async/seedance-v1.5-pro-i2v`, auth.novita, {
      prompt: 'the sun sinks slowly',
      image: img.dataUrl,
      ratio: 'adaptive',
      resolution: '480p',
      duration: 4,
      generate_audio: true,
    });
    expect(sub.status).toBe(200);
    const seen = await pollUntil(
      () => call('GET', `${sim.url}/novita/v3/async/task-result?task_id=${sub.json.task_id}`, auth.novita),
      (r) => r.json.task.status === 'TASK_STATUS_SUCCEED',
    );
    const file = await download(seen.at(-1)!.json.videos[0].video_url, dir, 'novita-i2v.mp4');
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 752, height: 560, audioCodec: 'aac' });
    expect(p.duration).toBeCloseTo(4, 1);
    const diff = meanDiff(await frameThumb(file.path, 0), await imageThumb(img.bytes, 752, 560));
    expect(diff).toBeLessThan(12);
  });
});

describe('fal', () => {
  const falBase = () => `${sim.url}/fal-queue`;

  it('uploads to storage, runs the queue protocol with status/response URLs and returns a 2 s 864×480 MP4', async () => {
    const img = await photo('dragonfly-4224x3168.jpg', 640, 640);
    const init = await call('POST', `${sim.url}/fal-rest/storage/upload/initiate?storage_type=fal-cdn-v3`, auth.fal, {
      content_type: 'image/jpeg',
      file_name: 'first.jpg',
    });
    expect(init.status).toBe(200);
    expect(typeof init.json.upload_url).toBe('string');
    // Before the PUT the file URL serves nothing.
    expect((await fetch(init.json.file_url)).status).toBe(404);
    const put = await fetch(init.json.upload_url, { method: 'PUT', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(img.bytes) });
    expect(put.status).toBe(200);
    const served = Buffer.from(await (await fetch(init.json.file_url)).arrayBuffer());
    expect(served.equals(img.bytes)).toBe(true);

    const sub = await call('POST', `${falBase()}/fal-ai/bytedance/seedance/v1/pro/image-to-video`, auth.fal, {
      prompt: 'a dragonfly takes off',
      image_url: init.json.file_url,
      aspect_ratio: '16:9',
      resolution: '480p',
      duration: '2',
    });
    expect(sub.status).toBe(200);
    const { request_id, status_url, response_url, cancel_url } = sub.json;
    // Multi-segment endpoint ids: the request URLs live under the first two segments only.
    expect(status_url).toBe(`${falBase()}/fal-ai/bytedance/requests/${request_id}/status`);
    expect(response_url).toBe(`${falBase()}/fal-ai/bytedance/requests/${request_id}`);
    expect(cancel_url).toBe(`${falBase()}/fal-ai/bytedance/requests/${request_id}/cancel`);
    expect(typeof sub.json.queue_position).toBe('number');

    const early = await call('GET', response_url, auth.fal);
    expect(early.status).toBe(400);
    const seen = await pollUntil(() => call('GET', `${status_url}?logs=1`, auth.fal), (r) => r.json.status === 'COMPLETED', 50);
    expectOrdered(seen.map((r) => `${r.status} ${r.json.status}`), ['202 IN_QUEUE', '202 IN_PROGRESS', '200 COMPLETED']);
    expect(seen.at(-1)!.json.metrics.inference_time).toBeGreaterThan(0);
    const result = await call('GET', response_url, auth.fal);
    expect(result.status).toBe(200);
    const file = await download(result.json.video.url, dir, 'fal-i2v.mp4');
    expect(result.json.video.file_size).toBe(file.bytes.length);
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 864, height: 480, audioCodec: null });
    expect(p.duration).toBeCloseTo(2, 1);
    // Cancelling a finished request is refused as documented.
    const cancel = await call('PUT', cancel_url, auth.fal);
    expect(cancel.status).toBe(400);
    expect(cancel.json).toEqual({ status: 'ALREADY_COMPLETED' });
  });

  it('reports queue positions and cancels a queued request with 202 CANCELLATION_REQUESTED', async () => {
    const body = { prompt: 'queue test', resolution: '480p', duration: '2' };
    const subs = [];
    for (let i = 0; i < 3; i++) subs.push((await call('POST', `${sim2.url}/fal-queue/fal-ai/bytedance/seedance/v1/pro/text-to-video`, auth.fal, body)).json);
    expect(subs.map((s) => s.queue_position)).toEqual([0, 1, 2]);
    const st = await call('GET', subs[2].status_url, auth.fal);
    expect(st.status).toBe(202);
    expect(st.json).toMatchObject({ status: 'IN_QUEUE', queue_position: 2 });
    const cancel = await call('PUT', subs[2].cancel_url, auth.fal);
    expect(cancel.status).toBe(202);
    expect(cancel.json).toEqual({ status: 'CANCELLATION_REQUESTED' });
    const after = await call('GET', subs[2].status_url, auth.fal);
    expect(after.json.status).toBe('COMPLETED');
    expect((await call('GET', subs[2].response_url, auth.fal)).status).toBe(400);
    // Building the URL under the full endpoint path is what the docs warn against: not found.
    const wrong = await call('GET', `${sim2.url}/fal-queue/fal-ai/bytedance/seedance/v1/pro/text-to-video/requests/${subs[0].request_id}/status`, auth.fal);
    expect(wrong.status).toBe(404);
  });
});

describe('EvoLink', () => {
  it('uploads base64, runs 2.0 image-to-video pending → processing → completed to a 4 s 864×496 MP4 with audio', async () => {
    const img = await photo('nuthatch-6028x3391.jpg', 800, 800); // 800×450
    const up = await call('POST', `${sim.url}/evolink-files/api/v1/files/upload/base64`, auth.evolink, { base64_data: img.dataUrl, file_name: 'bird.jpg' });
    expect(up.status).toBe(200);
    expect(up.json).toMatchObject({ success: true, code: 200, data: { mime_type: 'image/jpeg', file_size: img.bytes.length } });
    const sub = await call('POST', `${sim.url}/evolink/v1/videos/generations`, auth.evolink, {
      model: 'seedance-2.0-image-to-video',
      prompt: 'the bird hops along the branch',
      image_urls: [up.json.data.file_url],
      duration: 4,
      quality: '480p',
      aspect_ratio: '16:9',
    });
    expect(sub.status).toBe(200);
    expect(sub.json).toMatchObject({ object: 'video.generation.task', status: 'pending', progress: 0, task_info: { can_cancel: true, video_duration: 4 }, usage: { billing_rule: 'per_second' } });
    expect(sub.json.id).toMatch(/^task-unified-/);
    const seen = await pollUntil(() => call('GET', `${sim.url}/evolink/v1/tasks/${sub.json.id}`, auth.evolink), (r) => r.json.status === 'completed', 50);
    expectOrdered(seen.map((r) => r.json.status), ['pending', 'processing', 'completed']);
    const file = await download(seen.at(-1)!.json.results[0], dir, 'evolink-i2v.mp4');
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 864, height: 496, audioCodec: 'aac' });
    expect(p.duration).toBeCloseTo(4, 1);
  });
});

describe('ModelArk', () => {
  it('runs 1.0 Pro first+last frame to a 2 s 640×640 MP4 that starts on the first photo and ends on the last', async () => {
    const first = await photo('dragonfly-4224x3168.jpg', 600, 600);
    const last = await photo('altai-portrait-1080x1920.png', 600, 600);
    const sub = await call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, {
      model: 'seedance-1-0-pro-250528',
      content: [
        { type: 'text', text: 'morph from the dragonfly to the mountains' },
        { type: 'image_url', image_url: { url: first.dataUrl }, role: 'first_frame' },
        { type: 'image_url', image_url: { url: last.dataUrl }, role: 'last_frame' },
      ],
      resolution: '480p',
      ratio: '1:1',
      duration: 2,
      seed: 11,
      return_last_frame: true,
    });
    expect(sub.status).toBe(200);
    expect(sub.json.id).toMatch(/^cgt-\d{14}-/);
    const seen = await pollUntil(() => call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${sub.json.id}`, auth.ark), (r) => r.json.status === 'succeeded', 50);
    expectOrdered(seen.map((r) => r.json.status), ['queued', 'running', 'succeeded']);
    const done = seen.at(-1)!.json;
    expect(done).toMatchObject({ model: 'seedance-1-0-pro-250528', seed: 11, resolution: '480p', ratio: '1:1', duration: 2, framespersecond: 24, error: null });
    expect(done.usage.completion_tokens).toBe((640 * 640 * 24 * 2) / 1024);
    const file = await download(done.content.video_url, dir, 'ark-flf.mp4');
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 640, height: 640, audioCodec: null });
    expect(p.duration).toBeCloseTo(2, 1);
    expect(meanDiff(await frameThumb(file.path, 0), await imageThumb(first.bytes, 640, 640))).toBeLessThan(12);
    expect(meanDiff(await frameThumb(file.path, -1), await imageThumb(last.bytes, 640, 640))).toBeLessThan(12);
    const lf = await download(done.content.last_frame_url, dir, 'ark-last.png');
    expect(lf.status).toBe(200);
    expect(statSync(lf.path).size).toBeGreaterThan(1000);
  });

  it('runs 2.0 text-to-video with audio at adaptive ratio (16:9 without an image)', async () => {
    const sub = await call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, {
      model: 'dreamina-seedance-2-0-fast-260128',
      content: [{ type: 'text', text: 'waves on a pebble beach' }],
      resolution: '480p',
      duration: 4,
      generate_audio: true,
    });
    expect(sub.status).toBe(200);
    const seen = await pollUntil(() => call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${sub.json.id}`, auth.ark), (r) => r.json.status === 'succeeded');
    const file = await download(seen.at(-1)!.json.content.video_url, dir, 'ark-t2v.mp4');
    const p = await probe(file.path);
    expect(p).toMatchObject({ width: 864, height: 496, audioCodec: 'aac' });
    expect(p.duration).toBeCloseTo(4, 1);
  });

  it('cancels a queued task with DELETE, refuses DELETE of a running one, deletes a finished one, and lists tasks', async () => {
    const body = { model: 'seedance-1-0-lite-t2v-250428', content: [{ type: 'text', text: 'a quiet street' }], resolution: '480p', duration: 2 };
    const a = await call('POST', `${sim2.url}/ark/api/v3/contents/generations/tasks`, auth.ark, body);
    const del = await call('DELETE', `${sim2.url}/ark/api/v3/contents/generations/tasks/${a.json.id}`, auth.ark);
    expect(del.status).toBe(200);
    const got = await call('GET', `${sim2.url}/ark/api/v3/contents/generations/tasks/${a.json.id}`, auth.ark);
    expect(got.json.status).toBe('cancelled');
    const list = await call('GET', `${sim2.url}/ark/api/v3/contents/generations/tasks?page_size=10&filter.status=cancelled`, auth.ark);
    expect(list.json.items.map((t: { id: string }) => t.id)).toContain(a.json.id);
    // A finished (cancelled) task is deleted by a second DELETE.
    expect((await call('DELETE', `${sim2.url}/ark/api/v3/contents/generations/tasks/${a.json.id}`, auth.ark)).status).toBe(200);
    const gone = await call('GET', `${sim2.url}/ark/api/v3/contents/generations/tasks/${a.json.id}`, auth.ark);
    expect(gone.status).toBe(404);
    expect(gone.json.error.code).toBe('ResourceNotFound');

    const b = await call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, body);
    await pollUntil(() => call('GET', `${sim.url}/ark/api/v3/contents/generations/tasks/${b.json.id}`, auth.ark), (r) => r.json.status === 'running', 20);
    const refused = await call('DELETE', `${sim.url}/ark/api/v3/contents/generations/tasks/${b.json.id}`, auth.ark);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'InvalidParameter', type: 'BadRequest' });
  });
});

describe('queued state', () => {
  it('every provider reports its own queued state with an ETA while a task waits', async () => {
    const nov = await call('POST', `${sim2.url}/novita/v3/async/seedance-v1-pro-t2v`, auth.novita, { prompt: 'q', resolution: '480p' });
    const novTask = (await call('GET', `${sim2.url}/novita/v3/async/task-result?task_id=${nov.json.task_id}`, auth.novita)).json.task;
    expect(novTask).toMatchObject({ status: 'TASK_STATUS_QUEUED', progress_percent: 0 });
    expect(novTask.eta).toBeGreaterThan(10);
    const evo = await call('POST', `${sim2.url}/evolink/v1/videos/generations`, auth.evolink, { model: 'seedance-2.0-text-to-video', prompt: 'q', quality: '480p', duration: 4 });
    const evoTask = (await call('GET', `${sim2.url}/evolink/v1/tasks/${evo.json.id}`, auth.evolink)).json;
    expect(evoTask).toMatchObject({ status: 'pending', progress: 0, task_info: { can_cancel: true } });
    expect(evoTask.task_info.estimated_time).toBeGreaterThan(10);
    const ark = await call('POST', `${sim2.url}/ark/api/v3/contents/generations/tasks`, auth.ark, { model: 'seedance-1-5-pro-251215', content: [{ type: 'text', text: 'q' }], resolution: '480p', duration: 4 });
    expect((await call('GET', `${sim2.url}/ark/api/v3/contents/generations/tasks/${ark.json.id}`, auth.ark)).json.status).toBe('queued');
  });
});
