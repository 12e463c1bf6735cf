import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RESULT_FETCH_FAILURES, RESULT_FAILURES_KEY, falAdapter } from '../../../../src/main/providers/fal';
import { ProviderError, type ProviderContext, type RemoteTask } from '../../../../src/main/providers/types';
import { startLocalServer, type Reply, type Seen } from './local-server';

const KEY = 'fal-key-id:fal-retry-secret-4711';

/** fal's 504 for a result that timed out on its side, as its docs show it (retryable by header). */
const TIMEOUT_504: Reply = {
  status: 504,
  json: { detail: 'Request timed out', error_type: 'request_timeout' },
  headers: { 'X-Fal-Error-Type': 'request_timeout', 'X-Fal-Retryable': 'true' },
};

describe('fal result fetch after COMPLETED', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  /** What the result URL answers next, per request id; the last entry repeats. */
  let results: Record<string, Reply[]> = {};
  const served: Record<string, number> = {};

  beforeAll(async () => {
    server = await startLocalServer((req: Seen) => {
      if (req.headers.authorization !== `Key ${KEY}`) return { status: 401, json: { detail: 'No valid key' } };
      const m = /^\/seedance\/requests\/([\w-]+)(\/status)?$/.exec(req.path);
      if (!m?.[1]) return { status: 404, json: { detail: 'Not found' } };
      if (m[2]) return { status: 200, json: { status: 'COMPLETED' } };
      const list = results[m[1]] ?? [];
      const i = Math.min(served[m[1]] ?? 0, list.length - 1);
      served[m[1]] = (served[m[1]] ?? 0) + 1;
      return list[i] ?? { status: 404, json: { detail: 'Not found' } };
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    results = {};
  });

  const ctx = (): ProviderContext => ({ apiKey: KEY, baseUrls: { api: server.url, files: server.url }, fetch });
  const task = (id: string): RemoteTask => ({
    taskId: id,
    handle: { status_url: `${server.url}/seedance/requests/${id}/status`, response_url: `${server.url}/seedance/requests/${id}` },
  });

  it('retries a retryable 504 a bounded number of times, then reports the task failed with fal\'s message', async () => {
    results['req-dead'] = [TIMEOUT_504];
    const t = task('req-dead');
    for (let i = 1; i < MAX_RESULT_FETCH_FAILURES; i++) {
      const err = await falAdapter.poll(t, ctx()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).failure).toMatchObject({ retryable: true, httpStatus: 504 });
      expect(t.handle[RESULT_FAILURES_KEY]).toBe(String(i));
    }
    const last = await falAdapter.poll(t, ctx());
    expect(last.state).toBe('failed');
    expect(last.error).toMatchObject({
      kind: 'provider_error',
      providerCode: 'request_timeout',
      providerMessage: 'Request timed out',
      httpStatus: 504,
      retryable: false,
    });
    expect(last.error?.message).toMatch(/could not be fetched \(HTTP 504 on 10 tries\)/);
    expect(last.error?.message).not.toContain(KEY);
    expect(served['req-dead']).toBe(MAX_RESULT_FETCH_FAILURES);
  });

  it('keeps the count in the handle, so it carries over when the engine reloads the job from disk', async () => {
    results['req-reload'] = [TIMEOUT_504];
    let t = task('req-reload');
    for (let i = 1; i < MAX_RESULT_FETCH_FAILURES; i++) {
      await expect(falAdapter.poll(t, ctx())).rejects.toBeInstanceOf(ProviderError);
      // What the job store does: the handle goes through JSON and comes back as a new object.
      t = JSON.parse(JSON.stringify(t)) as RemoteTask;
    }
    expect((await falAdapter.poll(t, ctx())).state).toBe('failed');
  });

  it('succeeds when the result comes back before the bound', async () => {
    results['req-late'] = [TIMEOUT_504, TIMEOUT_504, { status: 200, json: { video: { url: 'https://v3.fal.media/late.mp4' }, seed: 9 } }];
    const t = task('req-late');
    await expect(falAdapter.poll(t, ctx())).rejects.toBeInstanceOf(ProviderError);
    await expect(falAdapter.poll(t, ctx())).rejects.toBeInstanceOf(ProviderError);
    expect(await falAdapter.poll(t, ctx())).toEqual({ state: 'succeeded', resultUrl: 'https://v3.fal.media/late.mp4', seed: 9 });
  });

  it('does not count 429s towards giving up: rate limits only slow polling down', async () => {
    results['req-busy'] = [{ status: 429, json: { detail: 'Too many requests' }, headers: { 'Retry-After': '1' } }];
    const t = task('req-busy');
    for (let i = 0; i < MAX_RESULT_FETCH_FAILURES + 2; i++) {
      const err = await falAdapter.poll(t, ctx()).catch((e: unknown) => e);
      expect((err as ProviderError).failure).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterMs: 1000 });
    }
    expect(t.handle[RESULT_FAILURES_KEY]).toBeUndefined();
  });

  it('a non-retryable 5xx after COMPLETED fails at once, as before', async () => {
    results['req-500'] = [{ status: 500, json: { detail: 'Generation crashed' }, headers: { 'X-Fal-Retryable': 'false' } }];
    const s = await falAdapter.poll(task('req-500'), ctx());
    expect(s).toMatchObject({ state: 'failed', error: { kind: 'provider_error', providerMessage: 'Generation crashed', retryable: false } });
  });
});
