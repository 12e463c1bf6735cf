import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arkAdapter } from '../../../../src/main/providers/ark';
import { evolinkAdapter } from '../../../../src/main/providers/evolink';
import { falAdapter } from '../../../../src/main/providers/fal';
import { ProviderError, type PreparedImage, type PreparedMediaFile, type PreparedReference, type ProviderContext } from '../../../../src/main/providers/types';
import { createUploadCache } from '../../../../src/main/providers/upload-cache';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry, ReferenceItem } from '../../../../src/shared/catalog/types';
import { makeMp4, makeWav } from '../../../fixtures/reference-media';
import { preparedJpeg } from './fixture-image';
import { startLocalServer } from './local-server';

// The three adapters build the documented reference-to-video requests (providers.md "Seedance 2.0
// reference-to-video") from PreparedReference values made of real files: two photos, an MP4, a WAV.

const entry = (id: string) => findModel(id) as ModelEntry;
const ID = (n: number) => n.toString(16).padStart(32, '0');

let img1: PreparedImage & { data: Buffer };
let img2: PreparedImage & { data: Buffer };
let mp4: PreparedMediaFile;
let wav: PreparedMediaFile;
let refs: PreparedReference[];

beforeAll(async () => {
  [img1, img2, mp4, wav] = await Promise.all([preparedJpeg('dragonfly-4224x3168.jpg'), preparedJpeg('sunset-4272x2848.jpg'), makeMp4({ seconds: 3 }), makeWav(3)]);
  refs = [
    { kind: 'image', file: img1 },
    { kind: 'video', file: mp4 },
    { kind: 'image', file: img2 },
    { kind: 'audio', file: wav },
  ];
});

/** Params with references in the same order as `refs` (ids stand for the files). */
function params(m: ModelEntry, items: ReferenceItem[] = [{ kind: 'image', id: ID(1) }, { kind: 'video', id: ID(2) }, { kind: 'image', id: ID(3) }, { kind: 'audio', id: ID(4) }]) {
  return paramsSchema(m).parse({ modelId: m.id, prompt: '@image1 walks into @image2 to the beat of @audio1, moving like @video1', resolution: '480p', references: items });
}

describe('EvoLink reference-to-video', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let refuseMedia = false;
  let n = 0;
  beforeAll(async () => {
    server = await startLocalServer((req) => {
      if (req.path === '/api/v1/files/upload/base64' || req.path === '/api/v1/files/upload/stream') {
        if (refuseMedia && req.path.endsWith('/stream')) return { status: 400, json: { error: { code: 'invalid_parameters', message: 'file type video/mp4 is not supported', type: 'invalid_request_error' } } };
        n++;
        return { status: 200, json: { success: true, code: 200, data: { file_url: `https://files.evolink.ai/u/${n}`, expires_at: new Date(Date.now() + 72 * 3600e3).toISOString() } } };
      }
      return { status: 404, json: { error: { code: 'not_found', message: 'no', type: 'invalid_request_error' } } };
    });
  });
  afterAll(() => server.close());
  const ctx = (uploads = createUploadCache(null)): ProviderContext => ({ apiKey: 'evo-key-1234', baseUrls: { api: server.url, files: server.url }, fetch, uploads });

  it('uploads images (base64) and video/audio (multipart stream), then sends image_urls, video_urls, audio_urls in tag order', async () => {
    const m = entry('evolink/seedance-2.0-reference-to-video');
    const c = ctx();
    const prepared = await evolinkAdapter.prepare({ entry: m, params: params(m), images: {}, references: refs }, c);
    expect(prepared.body).toEqual({
      model: 'seedance-2.0-reference-to-video',
      prompt: params(m).prompt,
      image_urls: ['https://files.evolink.ai/u/1', 'https://files.evolink.ai/u/2'],
      video_urls: ['https://files.evolink.ai/u/3'],
      audio_urls: ['https://files.evolink.ai/u/4'],
      duration: 5,
      quality: '480p',
      aspect_ratio: 'adaptive',
      generate_audio: true,
    });
    const stream = server.seen.filter((s) => s.path === '/api/v1/files/upload/stream');
    expect(stream).toHaveLength(2);
    expect(stream[0]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    // The multipart part carries the file's exact bytes.
    expect(stream[0]!.body.includes(await readFile(mp4.path))).toBe(true);
    expect(stream[0]!.body.toString('latin1')).toMatch(/name="file"; filename="reference\.mp4"\r\nContent-Type: video\/mp4/);

    // A retry (same cache): nothing is uploaded again.
    const before = server.seen.length;
    const again = await evolinkAdapter.prepare({ entry: m, params: params(m), images: {}, references: refs }, c);
    expect(again.body).toEqual(prepared.body);
    expect(server.seen.length).toBe(before);
  });

  it('passes a reference video URL through as given', async () => {
    const m = entry('evolink/seedance-2.0-fast-reference-to-video');
    const items: ReferenceItem[] = [{ kind: 'video', url: 'https://cdn.example.com/dance.mp4' }];
    const prepared = await evolinkAdapter.prepare({ entry: m, params: params(m, items), images: {}, references: [{ kind: 'video', url: 'https://cdn.example.com/dance.mp4' }] }, ctx());
    expect(prepared.body.video_urls).toEqual(['https://cdn.example.com/dance.mp4']);
    expect(prepared.body.image_urls).toBeUndefined();
  });

  it('a files API that refuses video says so plainly (invalid_input, not retryable)', async () => {
    refuseMedia = true;
    const m = entry('evolink/seedance-2.0-reference-to-video');
    const err = await evolinkAdapter.prepare({ entry: m, params: params(m), images: {}, references: refs }, ctx()).catch((e: unknown) => e);
    refuseMedia = false;
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).failure).toMatchObject({ kind: 'invalid_input', retryable: false, httpStatus: 400, providerCode: 'invalid_parameters' });
    expect((err as ProviderError).message).toMatch(/files API refused the reference video/);
  });
});

describe('fal reference-to-video', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  let n = 0;
  beforeAll(async () => {
    server = await startLocalServer((req) => {
      if (req.path.startsWith('/storage/upload/initiate')) {
        n++;
        return { status: 200, json: { upload_url: `${server.url}/put/${n}`, file_url: `https://v3.fal.media/files/${n}` } };
      }
      if (req.method === 'PUT' && req.path.startsWith('/put/')) return { status: 200, json: {} };
      return { status: 404, json: { detail: 'not found' } };
    });
  });
  afterAll(() => server.close());

  it('uploads each file to storage with its type and lifetime asked, sends image_urls/video_urls/audio_urls, no seed; a second job uploads nothing', async () => {
    const m = entry('fal/bytedance/seedance-2.0/reference-to-video');
    const c: ProviderContext = { apiKey: 'fal-key-1', baseUrls: { api: server.url, files: server.url }, fetch, uploads: createUploadCache(null) };
    const prepared = await falAdapter.prepare({ entry: m, params: params(m), images: {}, references: refs }, c);
    expect(prepared.url).toBe('/bytedance/seedance-2.0/reference-to-video');
    expect(prepared.body).toEqual({
      prompt: params(m).prompt,
      image_urls: ['https://v3.fal.media/files/1', 'https://v3.fal.media/files/2'],
      video_urls: ['https://v3.fal.media/files/3'],
      audio_urls: ['https://v3.fal.media/files/4'],
      aspect_ratio: 'auto',
      resolution: '480p',
      duration: '5',
      generate_audio: true,
    });
    const initiates = server.seen.filter((s) => s.path.startsWith('/storage/upload/initiate'));
    expect(initiates.map((s) => (s.json as { content_type: string }).content_type)).toEqual(['image/jpeg', 'image/jpeg', 'video/mp4', 'audio/wav']);
    expect(JSON.parse(String(initiates[0]!.headers['x-fal-object-lifecycle-preference']))).toEqual({ expiration_duration_seconds: 604800 });
    const puts = server.seen.filter((s) => s.method === 'PUT');
    expect(puts[3]!.body.equals(await readFile(wav.path))).toBe(true);

    const before = server.seen.length;
    const fast = entry('fal/bytedance/seedance-2.0/fast/reference-to-video');
    const second = await falAdapter.prepare({ entry: fast, params: params(fast), images: {}, references: refs }, c);
    expect(second.body.video_urls).toEqual(['https://v3.fal.media/files/3']);
    expect(server.seen.length).toBe(before);
  });
});

describe('ModelArk reference-to-video', () => {
  const m = entry('ark/dreamina-seedance-2-0-260128');
  const ctx: ProviderContext = { apiKey: 'ark-key', baseUrls: { api: 'http://127.0.0.1:9' }, fetch };

  it('puts images and audio inline and the video by URL, each with its reference role, after the prompt', async () => {
    const url = 'https://bucket.example.com/dance.mp4';
    const items: ReferenceItem[] = [{ kind: 'image', id: ID(1) }, { kind: 'video', url }, { kind: 'image', id: ID(3) }, { kind: 'audio', id: ID(4) }];
    const withUrl: PreparedReference[] = [refs[0]!, { kind: 'video', url }, refs[2]!, refs[3]!];
    const prepared = await arkAdapter.prepare({ entry: m, params: params(m, items), images: {}, references: withUrl }, ctx);
    const wavBytes = await readFile(wav.path);
    expect(prepared.body.content).toEqual([
      { type: 'text', text: params(m, items).prompt },
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${img1.data.toString('base64')}` }, role: 'reference_image' },
      { type: 'video_url', video_url: { url }, role: 'reference_video' },
      { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${img2.data.toString('base64')}` }, role: 'reference_image' },
      { type: 'audio_url', audio_url: { url: `data:audio/wav;base64,${wavBytes.toString('base64')}` }, role: 'reference_audio' },
    ]);
    expect(prepared.body).toMatchObject({ model: 'dreamina-seedance-2-0-260128', ratio: 'adaptive', resolution: '480p', duration: 5 });
    expect(prepared.body).not.toHaveProperty('seed');
  });

  it('refuses a local reference video before anything is sent: ModelArk takes videos only by public URL', async () => {
    const err = await arkAdapter.prepare({ entry: m, params: params(m, [{ kind: 'image', id: ID(1) }]), images: {}, references: [refs[0]!, refs[1]!] }, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).failure).toMatchObject({ kind: 'invalid_input', retryable: false });
    expect((err as ProviderError).message).toMatch(/only by public URL/);
  });
});
