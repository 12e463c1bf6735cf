import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadToPart, DownloadError } from '../../../src/main/jobs/download';
import { adapterFor, baseUrlsFromEnv } from '../../../src/main/providers/registry';
import { ProviderError, type PreparedImage, type PreparedMediaFile, type PreparedReference, type ProviderContext, type ProviderFailure, type RemoteTask, type TaskStatus } from '../../../src/main/providers/types';
import { CATALOG } from '../../../src/shared/catalog/models';
import { paramsSchema } from '../../../src/shared/catalog/params';
import { taskOf } from '../../../src/shared/catalog/task-type';
import { makeMp4, makeWav } from '../../fixtures/reference-media';
import { specOutputSize } from '../../fixtures/spec-output-sizes';
import { createUploadCache } from '../../../src/main/providers/upload-cache';
import type { JobParams, ModelEntry, ProviderId } from '../../../src/shared/catalog/types';
import { DEMO_KEYS, simulatorEnv, startSimulator, type FaultConfig, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { FIXTURES, frameThumb, imageThumb, meanDiff, probe, removeTempDirs, tempDir } from '../provider-sim/sim-helpers';

// Every catalog row end to end through its real adapter against the provider simulator:
// prepare (uploads where the provider needs them) → submit → poll → download → ffprobe.
// Then each provider's failure modes as the adapters report them.

const dir = tempDir('contract');
let sim: SimulatorHandle;
/** A second simulator for fault tests, so injected faults never touch the catalog runs. */
let faulty: SimulatorHandle;

function ctx(s: SimulatorHandle, provider: ProviderId, apiKey = DEMO_KEYS[provider]): ProviderContext {
  return { apiKey, baseUrls: baseUrlsFromEnv(provider, simulatorEnv(s.url)), fetch: globalThis.fetch };
}

/** A real photo scaled to fit w×h, written as JPEG, described as the image service would. */
async function preparedPhoto(file: string, w: number, h: number, name: string): Promise<PreparedImage & { width: number; height: number; data: Buffer }> {
  const { data, info } = await sharp(join(FIXTURES, file)).rotate().resize(w, h, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return { path, mime: 'image/jpeg', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), width: info.width, height: info.height, data };
}

let first: Awaited<ReturnType<typeof preparedPhoto>>;
let last: Awaited<ReturnType<typeof preparedPhoto>>;

beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('contract-sim'), timeScale: 0.1 });
  faulty = await startSimulator({ dataDir: tempDir('contract-faulty'), timeScale: 0.1 });
  first = await preparedPhoto('sunset-4272x2848.jpg', 640, 640, 'first.jpg'); // 640×427
  last = await preparedPhoto('dragonfly-4224x3168.jpg', 640, 640, 'last.jpg'); // 640×480
});
afterAll(async () => {
  await sim?.close();
  await faulty?.close();
  removeTempDirs();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls through the adapter until a terminal state (every 100 ms). The 90 s cap only catches a stall: under load renders queue. */
async function pollToEnd(provider: ProviderId, task: RemoteTask, c: ProviderContext): Promise<{ final: TaskStatus; states: string[] }> {
  const adapter = adapterFor(provider);
  const states: string[] = [];
  const end = Date.now() + 90_000;
  for (;;) {
    const st = await adapter.poll(task, c);
    states.push(st.state);
    if (st.state !== 'queued' && st.state !== 'running') return { final: st, states };
    if (Date.now() > end) throw new Error(`task ${task.taskId} still ${st.state} after 90 s`);
    await sleep(100);
  }
}

/** The failure inside a rejected adapter call. */
async function failureOf(p: Promise<unknown>): Promise<ProviderFailure> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return (err as ProviderError).failure;
}

type Mode = 't2v' | 'i2v' | 'flf';

/** What to run per row: its own mode(s); ModelArk rows do all three, so they run text and first+last. */
function modesOf(entry: ModelEntry): Mode[] {
  const out: Mode[] = [];
  if (entry.modes.includes('text-to-video')) out.push('t2v');
  if (entry.modes.includes('first-last-frame')) out.push('flf');
  else if (entry.modes.includes('image-to-video')) out.push('i2v');
  return out;
}

/** Shortest allowed duration at 480p keeps ffmpeg quick; a fixed seed where the row has one. */
function paramsFor(entry: ModelEntry, mode: Mode): JobParams {
  const duration = entry.params.find((p) => p.key === 'duration');
  const seconds = duration?.kind === 'int' ? (duration.values?.[0] ?? duration.min) : 5;
  const hasSeed = entry.params.some((p) => p.key === 'seed');
  return paramsSchema(entry).parse({
    modelId: entry.id,
    prompt: `contract test ${entry.id}`,
    resolution: '480p',
    duration: seconds,
    ...(hasSeed ? { seed: 4242 } : {}),
    ...(mode !== 't2v' ? { firstFrame: 'first-image-id' } : {}),
    ...(mode === 'flf' ? { lastFrame: 'last-image-id' } : {}),
  });
}

const CASES = CATALOG.flatMap((entry) => modesOf(entry).map((mode) => ({ id: `${entry.id} [${mode}]`, entry, mode })));

describe.concurrent('every catalog row end to end', () => {
  it.each(CASES)('$id', async ({ entry, mode }) => {
    const adapter = adapterFor(entry.provider);
    const params = paramsFor(entry, mode);
    const c = ctx(sim, entry.provider);
    const images = mode === 't2v' ? {} : mode === 'i2v' ? { first } : { first, last };
    const prepared = await adapter.prepare({ entry, params, images }, c);
    const task = await adapter.submit(prepared, c);
    const { final, states } = await pollToEnd(entry.provider, task, c);
    expect(final.error).toBeUndefined();
    expect(final.state).toBe('succeeded');
    expect(states.every((s) => ['queued', 'running', 'succeeded'].includes(s))).toBe(true);
    if (entry.provider !== 'fal') expect(final.resultExpiresAt).toBeGreaterThan(Date.now());
    if (params.seed !== undefined && entry.provider !== 'evolink') expect(final.seed).toBe(params.seed);

    // Named by task too: a retried case must not resume the earlier attempt's finished file.
    const part = join(dir, `${entry.id.replace(/\W+/g, '_')}-${mode}-${task.taskId}.mp4`);
    const outcome = await downloadToPart({ url: final.resultUrl!, partPath: part });
    expect(outcome.bytes).toBeGreaterThan(10_000);

    // From the spec's table, not the app's; text-to-video with adaptive/auto has no image to follow: 16:9.
    const size = specOutputSize(entry.id, params.resolution as '480p', params.aspectRatio, mode === 't2v' ? undefined : first);
    const p = await probe(part);
    expect({ width: p.width, height: p.height }).toEqual(size);
    expect(p.duration).toBeCloseTo(params.duration, 1);
    expect(p).toMatchObject({ videoCodec: 'h264', pixFmt: 'yuv420p', fps: 24 });
    const audio = entry.params.some((s) => s.key === 'generateAudio') && params.generateAudio !== false;
    expect(p.audioCodec).toBe(audio ? 'aac' : null);
    if (mode !== 't2v') {
      // The adapter delivered the right picture as the first frame (and the last as the last).
      expect(meanDiff(await frameThumb(part, 0), await imageThumb(first.data, size.width, size.height))).toBeLessThan(12);
    }
    if (mode === 'flf') {
      expect(meanDiff(await frameThumb(part, -1), await imageThumb(last.data, size.width, size.height))).toBeLessThan(12);
    }
    // Exactly one billable POST for this task.
    expect(sim.stats().byTask[task.taskId]?.submit).toBe(1);
  });
});

/** Reference rows: two photos, a 4 s MP4 (640×640, 24 fps: long enough to be a 2.5 edit's source) and a 3 s WAV, made for the test. */
const REFERENCE_ROWS = CATALOG.filter((e) => e.modes.includes('reference-to-video'));
let video: PreparedMediaFile;
let audio: PreparedMediaFile;
/** The MP4 at a public URL the simulated ModelArk can fetch: a file on the simulator's (fal) CDN. */
let publicVideoUrl: string;

beforeAll(async () => {
  [video, audio] = await Promise.all([makeMp4({ seconds: 4 }, 'dance.mp4'), makeWav(3, 'beat.wav')]);
  const storage = baseUrlsFromEnv('fal', simulatorEnv(sim.url)).files!;
  const init = (await (
    await fetch(`${storage}/storage/upload/initiate?storage_type=fal-cdn-v3`, {
      method: 'POST',
      headers: { Authorization: `Key ${DEMO_KEYS.fal}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content_type: 'video/mp4', file_name: 'dance.mp4' }),
    })
  ).json()) as { upload_url: string; file_url: string };
  expect((await fetch(init.upload_url, { method: 'PUT', headers: { 'Content-Type': 'video/mp4' }, body: readFileSync(video.path) })).status).toBe(200);
  publicVideoUrl = init.file_url;
});

describe.concurrent('every reference-to-video row end to end (2 images + 1 video + 1 audio)', () => {
  it.each(REFERENCE_ROWS.map((entry) => ({ id: entry.id, entry })))('$id', async ({ entry }) => {
    const adapter = adapterFor(entry.provider);
    const byUrl = entry.references!.videos.transport === 'public-url';
    const ids = ['1', '2', '3', '4'].map((n) => n.padStart(32, '0'));
    // EvoLink's video-edit row keeps the source's length (duration Auto, seedance-2.5.md §2.2): the 4 s video.
    const params = paramsSchema(entry).parse({
      modelId: entry.id,
      prompt: `@image1 meets @image2, moving like @video1 to @audio1 (${entry.id})`,
      resolution: '480p',
      ...(taskOf({}, entry) === 'edit' ? {} : { duration: 4 }),
      references: [
        { kind: 'image', id: ids[0] },
        { kind: 'image', id: ids[1] },
        byUrl ? { kind: 'video', url: 'https://public.example/dance.mp4' } : { kind: 'video', id: ids[2] },
        { kind: 'audio', id: ids[3] },
      ],
    });
    const references: PreparedReference[] = [
      { kind: 'image', file: first },
      { kind: 'image', file: last },
      byUrl ? { kind: 'video', url: publicVideoUrl } : { kind: 'video', file: video },
      { kind: 'audio', file: audio },
    ];
    const c = { ...ctx(sim, entry.provider), uploads: createUploadCache(null) };
    const prepared = await adapter.prepare({ entry, params, images: {}, references }, c);
    const task = await adapter.submit(prepared, c);
    const { final } = await pollToEnd(entry.provider, task, c);
    expect(final.error).toBeUndefined();
    expect(final.state).toBe('succeeded');
    const part = join(dir, `${entry.id.replace(/\W+/g, '_')}-reference-${task.taskId}.mp4`);
    await downloadToPart({ url: final.resultUrl!, partPath: part });
    // `adaptive`/`auto` follows the first reference medium (here the first image: no video frame sizes in the spec's helper).
    const size = specOutputSize(entry.id, '480p', params.aspectRatio, first);
    const p = await probe(part);
    expect({ width: p.width, height: p.height }).toEqual(size);
    expect(p.duration).toBeCloseTo(4, 1);
    expect(sim.stats().byTask[task.taskId]?.submit).toBe(1);

    // A second job with the same files uploads nothing again (fal storage, EvoLink files API).
    const uploadsBefore = sim.stats().log.filter((l) => l.route === 'upload').length;
    await adapter.prepare({ entry, params, images: {}, references }, c);
    expect(sim.stats().log.filter((l) => l.route === 'upload').length).toBe(uploadsBefore);
  });
});

describe('the adapters send only fields the providers know', () => {
  it('no request body field was ignored by the simulated services', () => {
    expect(sim.stats().ignoredFields).toEqual([]);
    expect(sim.stats().log.filter((l) => l.status >= 400)).toEqual([]);
  });
});

/** One text-to-video row per provider for the failure modes. */
const FAILURE_ROWS: Record<ProviderId, string> = {
  novita: 'novita/seedance-v1-pro-t2v',
  fal: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video',
  evolink: 'evolink/seedance-2.0-fast-text-to-video',
  ark: 'ark/seedance-1-5-pro-251215',
};

/** A body with one field made invalid the way a careless client would (wrong type or value). */
const BREAK_FIELD: Record<ProviderId, (body: Record<string, unknown>) => Record<string, unknown>> = {
  novita: (b) => ({ ...b, duration: 7 }),
  fal: (b) => ({ ...b, duration: 5 }),
  evolink: (b) => ({ ...b, quality: '4k' }),
  ark: (b) => ({ ...b, ratio: '5:4' }),
};

const PROVIDERS = Object.keys(FAILURE_ROWS) as ProviderId[];

describe.each(PROVIDERS)('%s failure modes', (provider) => {
  const entry = CATALOG.find((e) => e.id === FAILURE_ROWS[provider])!;
  const adapter = adapterFor(provider);
  const params = () => paramsFor(entry, 't2v');
  const setFaults = (f: FaultConfig) => faulty.setFaults(f);

  it('a wrong key is `auth` on submit and `rejected` by checkKey; the demo key is `valid`', async () => {
    setFaults({});
    const prepared = await adapter.prepare({ entry, params: params(), images: {} }, ctx(faulty, provider));
    const f = await failureOf(adapter.submit(prepared, ctx(faulty, provider, 'wrong-key')));
    expect(f).toMatchObject({ kind: 'auth', retryable: false });
    expect(f.message).not.toContain('wrong-key');
    expect((await adapter.checkKey(ctx(faulty, provider, 'wrong-key'))).result).toBe('rejected');
    expect((await adapter.checkKey(ctx(faulty, provider))).result).toBe('valid');
  });

  it('an invalid field is `invalid_input`, not retryable', async () => {
    setFaults({});
    const prepared = await adapter.prepare({ entry, params: params(), images: {} }, ctx(faulty, provider));
    const f = await failureOf(adapter.submit({ ...prepared, body: BREAK_FIELD[provider](prepared.body) }, ctx(faulty, provider)));
    expect(f).toMatchObject({ kind: 'invalid_input', retryable: false });
    expect([400, 422]).toContain(f.httpStatus);
  });

  it('429 is `rate_limited` with retryAfterMs; a 5xx on poll is a retryable `provider_error`; the task still finishes', async () => {
    const c = ctx(faulty, provider);
    const prepared = await adapter.prepare({ entry, params: params(), images: {} }, c);
    setFaults({ [provider]: { rateLimit: { times: 1, retryAfterSeconds: 3, routes: ['submit'] } } });
    const limited = await failureOf(adapter.submit(prepared, c));
    expect(limited).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 3000, httpStatus: 429 });
    const task = await adapter.submit(prepared, c);
    setFaults({ [provider]: { serverError: { times: 1, status: 503, routes: ['status'] } } });
    const down = await failureOf(adapter.poll(task, c));
    expect(down).toMatchObject({ kind: 'provider_error', retryable: true, httpStatus: 503 });
    expect((await pollToEnd(provider, task, c)).final.state).toBe('succeeded');
    // The refused POST created nothing: the accepted one is the task's only submit.
    expect(faulty.stats().byTask[task.taskId]?.submit).toBe(1);
  });

  it('a task refused by moderation fails with kind `content_policy`', async () => {
    const c = ctx(faulty, provider);
    setFaults({ [provider]: { failTask: { kind: provider === 'ark' ? 'audio_moderation' : 'content_policy' } } });
    const task = await adapter.submit(await adapter.prepare({ entry, params: params(), images: {} }, c), c);
    const { final } = await pollToEnd(provider, task, c);
    expect(final.state).toBe('failed');
    expect(final.error).toMatchObject({ kind: 'content_policy', retryable: false });
    if (provider === 'ark') expect(final.error?.providerCode).toBe('OutputAudioSensitiveContentDetected');
  });

  it('a provider-side failure or timeout ends the task (never polls forever)', async () => {
    const c = ctx(faulty, provider);
    setFaults({ [provider]: { failTask: { kind: provider === 'fal' ? 'internal' : 'timeout' } } });
    const task = await adapter.submit(await adapter.prepare({ entry, params: params(), images: {} }, c), c);
    const { final } = await pollToEnd(provider, task, c);
    if (provider === 'ark') expect(final.state).toBe('expired');
    else expect(final.state).toBe('failed');
    if (provider === 'evolink') expect(final.error?.kind).toBe('timeout');
    if (provider === 'fal') expect(final.error?.kind).toBe('provider_error');
  });

  it('an expired result URL makes the download fail with 403/404/410', async () => {
    const c = ctx(faulty, provider);
    setFaults({ [provider]: { resultTtlSeconds: 2 } });
    const task = await adapter.submit(await adapter.prepare({ entry, params: params(), images: {} }, c), c);
    const { final } = await pollToEnd(provider, task, c);
    expect(final.state).toBe('succeeded');
    await sleep(2100);
    const err = await downloadToPart({ url: final.resultUrl!, partPath: join(dir, `expired-${provider}.mp4`) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).kind).toBe('expired');
    expect([403, 404, 410]).toContain((err as DownloadError).status);
  });
});
