import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PUBLIC_ORIGIN } from '../../../src/main/demo/provider/files';
import { startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { makeMp4, makeWav } from '../../fixtures/reference-media';
import { auth, call, photo, removeTempDirs, tempDir } from './sim-helpers';

// The simulated reference-to-video APIs refuse bad reference inputs as the docs say, each in its
// provider's own error shape (providers.md "Seedance 2.0 reference-to-video"). Real files: a shared
// photo, MP4s (H.264, HEVC, 10 s, 12 fps) and a WAV made by ffmpeg.

let sim: SimulatorHandle;
let dataDir: string;
let clipPath: string;
const urls = {} as Record<'image' | 'clip' | 'hevc' | 'long' | 'slow' | 'wav' | 'wavData' | 'clipData', string>;

/** Puts bytes on the simulator's fal CDN (initiate + PUT) and returns the public file URL. */
async function host(bytes: Buffer, mime: string, name: string): Promise<string> {
  const init = await call('POST', `${sim.url}/fal-rest/storage/upload/initiate`, auth.fal, { content_type: mime, file_name: name });
  const put = await fetch(init.json.upload_url as string, { method: 'PUT', headers: { 'content-type': mime }, body: new Uint8Array(bytes) });
  expect(put.status).toBe(200);
  return init.json.file_url as string;
}

beforeAll(async () => {
  dataDir = tempDir('references');
  sim = await startSimulator({ dataDir, timeScale: 0.1 });
  const [clip, hevc, long, slow, wav] = await Promise.all([
    makeMp4({ seconds: 3 }),
    makeMp4({ seconds: 3, codec: 'hevc' }),
    makeMp4({ seconds: 10 }),
    makeMp4({ seconds: 3, fps: 12 }),
    makeWav(3),
  ]);
  const img = await photo('sunset-4272x2848.jpg', 640, 640);
  urls.image = await host(img.bytes, 'image/jpeg', 'a.jpg');
  clipPath = clip.path;
  urls.clip = await host(readFileSync(clip.path), 'video/mp4', 'clip.mp4');
  urls.hevc = await host(readFileSync(hevc.path), 'video/mp4', 'hevc.mp4');
  urls.long = await host(readFileSync(long.path), 'video/mp4', 'long.mp4');
  urls.slow = await host(readFileSync(slow.path), 'video/mp4', 'slow.mp4');
  urls.wav = await host(readFileSync(wav.path), 'audio/wav', 'beat.wav');
  urls.wavData = `data:audio/wav;base64,${readFileSync(wav.path).toString('base64')}`;
  urls.clipData = `data:video/mp4;base64,${readFileSync(clip.path).toString('base64')}`;
}, 120_000);
afterAll(async () => {
  await sim?.close();
  removeTempDirs();
});

const evolink = (body: unknown) => call('POST', `${sim.url}/evolink/v1/videos/generations`, auth.evolink, { model: 'seedance-2.0-reference-to-video', prompt: '@image1', quality: '480p', ...(body as object) });
const fal = (body: unknown) => call('POST', `${sim.url}/fal-queue/bytedance/seedance-2.0/reference-to-video`, auth.fal, { prompt: '@image1', resolution: '480p', ...(body as object) });
const ark = (content: unknown[]) =>
  call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, { model: 'dreamina-seedance-2-0-260128', content: [{ type: 'text', text: '@image1' }, ...content], resolution: '480p' });
const arkItem = (kind: 'image' | 'video' | 'audio', url: string, role = `reference_${kind}`) => ({ type: `${kind}_url`, [`${kind}_url`]: { url }, role });

describe('EvoLink reference-to-video', () => {
  it('accepts images, a video and audio; refuses audio alone, base64 and a too-low frame rate with invalid_parameters', async () => {
    expect((await evolink({ image_urls: [urls.image], video_urls: [urls.clip], audio_urls: [urls.wav] })).status).toBe(200);
    const alone = await evolink({ audio_urls: [urls.wav] });
    expect(alone.status).toBe(400);
    expect(alone.json.error).toMatchObject({ code: 'invalid_parameters', message: expect.stringMatching(/cannot be used alone/) });
    expect((await evolink({ video_urls: [urls.clipData] })).json.error.message).toMatch(/Base64/);
    expect((await evolink({ video_urls: [urls.slow] })).json.error.message).toMatch(/12\.00 fps/);
    expect((await evolink({ video_urls: [urls.long, urls.long] })).json.error.message).toMatch(/video_urls: all together 20\.00 s; the limit is 15 s/);
  });

  it('the files API stream upload takes a video and refuses other file types', async () => {
    const form = new FormData();
    form.append('file', new Blob(['plain text'], { type: 'text/plain' }), 'notes.txt');
    const bad = await fetch(`${sim.url}/evolink-files/api/v1/files/upload/stream`, { method: 'POST', headers: auth.evolink, body: form });
    expect(bad.status).toBe(400);
    const ok = new FormData();
    ok.append('file', new Blob([await (await fetch(urls.clip)).arrayBuffer()], { type: 'video/mp4' }), 'clip.mp4');
    const res = await fetch(`${sim.url}/evolink-files/api/v1/files/upload/stream`, { method: 'POST', headers: auth.evolink, body: ok });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { file_url: string; mime_type: string } }).data).toMatchObject({ mime_type: 'video/mp4', file_url: expect.stringContaining('/files/') });
  });
});

describe('fal reference-to-video', () => {
  it('refuses audio alone, more than 12 files and videos longer than 15 s together with 422 detail', async () => {
    expect((await fal({ image_urls: [urls.image], video_urls: [urls.clip], audio_urls: [urls.wav] })).status).toBe(200);
    const alone = await fal({ audio_urls: [urls.wav] });
    expect(alone.status).toBe(422);
    expect(alone.json.detail[0]).toMatchObject({ loc: ['body', 'audio_urls'], msg: expect.stringMatching(/needs at least one reference image or video/) });
    const thirteen = await fal({ image_urls: Array(9).fill(urls.image), video_urls: [urls.clip], audio_urls: [urls.wav, urls.wav, urls.wav] });
    expect(thirteen.json.detail[0].msg).toMatch(/At most 12/);
    const long = await fal({ video_urls: [urls.long, urls.long] });
    expect(long.json.detail[0]).toMatchObject({ loc: ['body', 'video_urls'], msg: expect.stringMatching(/2–15 s together/) });
    // A seed is not in the reference schema: the request still runs (fal ignores unknown fields).
    expect((await fal({ image_urls: [urls.image], seed: 7 })).status).toBe(200);
  });
});

describe('ModelArk reference content', () => {
  it('takes image + video + audio (audio inline); refuses a frame mixed with references, base64 video, audio alone, too long in total', async () => {
    expect((await ark([arkItem('image', urls.image), arkItem('video', urls.hevc), arkItem('audio', urls.wavData)])).status).toBe(200);
    const mixed = await ark([arkItem('image', urls.image, 'first_frame'), arkItem('video', urls.clip)]);
    expect(mixed.status).toBe(400);
    expect(mixed.json.error).toMatchObject({ code: 'InvalidParameter', message: 'first/last frame content cannot be mixed with reference media content' });
    expect((await ark([arkItem('video', urls.clipData)])).json.error.message).toMatch(/base64 is not supported for video/);
    expect((await ark([arkItem('audio', urls.wav)])).json.error.message).toMatch(/reference_audio needs at least one reference_image or reference_video/);
    expect((await ark([arkItem('video', urls.long), arkItem('video', urls.long)])).json.error.message).toMatch(/20\.00 s in total; at most 15 s/);
    // Seedance 1.5 Pro takes no reference media.
    const v15 = await call('POST', `${sim.url}/ark/api/v3/contents/generations/tasks`, auth.ark, { model: 'seedance-1-5-pro-251215', content: [{ type: 'text', text: 'x' }, arkItem('video', urls.clip)] });
    expect(v15.json.error.message).toMatch(/not supported by seedance-1-5-pro/);
  });
});

describe('The offline public host', () => {
  it('lets ModelArk fetch a reference video from the public folder, and only from there', async () => {
    mkdirSync(join(dataDir, 'public', 'walks'), { recursive: true });
    copyFileSync(clipPath, join(dataDir, 'public', 'walks', 'walk.mp4'));
    const ok = await ark([arkItem('image', urls.image), arkItem('video', `${DEMO_PUBLIC_ORIGIN}/walks/walk.mp4`)]);
    expect(ok.status).toBe(200);
    // A file that is not there, a path leaving the folder and any other host fail as a download would.
    for (const url of [`${DEMO_PUBLIC_ORIGIN}/walks/missing.mp4`, `${DEMO_PUBLIC_ORIGIN}/walks/%2E%2E/%2E%2E/uploads/x.mp4`, `${DEMO_PUBLIC_ORIGIN}/../walks/walk.mp4`, 'https://example.com/walks/walk.mp4']) {
      const refused = await ark([arkItem('image', urls.image), arkItem('video', url)]);
      expect(refused.status).toBe(400);
      expect(refused.json.error.message).toBe(`content.video_url[0]: could not download media from ${url}`);
    }
  });
});
