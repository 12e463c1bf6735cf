import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseArkTask } from '../../../../src/main/providers/ark';
import { parseOrFail, parseRetryAfter, requireBody, sameOrigin, sendRequest } from '../../../../src/main/providers/http';
import { ProviderError, type ProviderContext } from '../../../../src/main/providers/types';
import { startLocalServer } from './local-server';

const KEY = 'sk-test-http-0123456789';

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates as ms', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('parseOrFail and requireBody', () => {
  const Upload = z.object({ data: z.object({ file_url: z.string() }) });
  const failureOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(ProviderError);
      return (err as ProviderError).failure;
    }
    throw new Error('expected a ProviderError');
  };

  it('returns the parsed body when it fits', () => {
    expect(parseOrFail(Upload, { data: { file_url: 'https://x/y.png' } }, { provider: 'EvoLink', detail: 'no URL' })).toEqual({ data: { file_url: 'https://x/y.png' } });
  });

  it('throws a retryable provider_error naming the mismatch, without the key, when a poll answer does not fit', () => {
    const failure = failureOf(() => parseArkTask({ id: 42, status: ['odd'] }, Date.now(), KEY));
    expect(failure).toMatchObject({ kind: 'provider_error', retryable: true });
    expect(failure.message).toContain('the task status could not be read');
    expect(JSON.stringify(failure)).not.toContain(KEY);
  });

  it('keeps the raw text as the provider message when given, and requireBody is never retried', () => {
    const text = `{"code":500,"msg":"upload broke for ${KEY}"}`;
    const given = failureOf(() => parseOrFail(Upload, JSON.parse(text), { provider: 'EvoLink', detail: 'the image upload returned no URL', providerMessage: text, apiKey: KEY }));
    expect(given).toMatchObject({ kind: 'provider_error', retryable: true });
    expect(given.providerMessage).toContain('upload broke for');
    expect(JSON.stringify(given)).not.toContain(KEY);
    const answer = { ok: true, status: 200, headers: new Headers(), body: JSON.parse(text), text };
    expect(failureOf(() => requireBody(answer, Upload, { apiKey: KEY } as ProviderContext, 'EvoLink', 'no task id'))).toMatchObject({ retryable: false });
  });
});

describe('sameOrigin', () => {
  it('compares scheme, host and port', () => {
    expect(sameOrigin('https://queue.fal.run/a/b', 'https://queue.fal.run')).toBe(true);
    expect(sameOrigin('https://evil.example/a', 'https://queue.fal.run')).toBe(false);
    expect(sameOrigin('http://127.0.0.1:81/x', 'http://127.0.0.1:80')).toBe(false);
  });
});

describe('sendRequest', () => {
  let server: Awaited<ReturnType<typeof startLocalServer>>;
  beforeAll(async () => {
    server = await startLocalServer(async (req) => {
      if (req.path === '/slow') await new Promise((r) => setTimeout(r, 500));
      if (req.path === '/text') return { status: 502, raw: Buffer.from('<html>bad gateway</html>') };
      return { status: 200, json: { echo: req.json, method: req.method } };
    });
  });
  afterAll(() => server.close());

  const ctx = (api: string): ProviderContext => ({ apiKey: KEY, baseUrls: { api }, fetch });

  it('sends JSON to a path under the base URL and parses the answer', async () => {
    const a = await sendRequest(ctx(server.url), 'Test', { method: 'POST', url: '/v1/x', json: { n: 1 }, headers: { Authorization: `Bearer ${KEY}` } });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ echo: { n: 1 }, method: 'POST' });
    const last = server.seen.at(-1);
    expect(last?.path).toBe('/v1/x');
    expect(last?.headers['content-type']).toBe('application/json');
  });

  it('keeps a non-JSON body as text and body null', async () => {
    const a = await sendRequest(ctx(server.url), 'Test', { method: 'GET', url: '/text' });
    expect(a.ok).toBe(false);
    expect(a.body).toBeNull();
    expect(a.text).toContain('bad gateway');
  });

  it('turns a timeout into kind timeout', async () => {
    const err = await sendRequest(ctx(server.url), 'Test', { method: 'GET', url: '/slow', timeoutMs: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.failure).toMatchObject({ kind: 'timeout', retryable: true });
  });

  it('turns a refused connection into kind network without the key in the message', async () => {
    const closed = await startLocalServer(() => ({ status: 200 }));
    await closed.close();
    const err = await sendRequest(ctx(closed.url), 'Test', { method: 'GET', url: `/x?key=${KEY}`, headers: { Authorization: `Bearer ${KEY}` } }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err.failure.kind).toBe('network');
    expect(err.failure.providerCode).toBe('ECONNREFUSED');
    expect(JSON.stringify(err.failure)).not.toContain(KEY);
  });

  it('rethrows the caller abort unchanged', async () => {
    const ac = new AbortController();
    const p = sendRequest({ ...ctx(server.url), signal: ac.signal }, 'Test', { method: 'GET', url: '/slow' });
    ac.abort(new Error('user cancelled'));
    await expect(p).rejects.toThrow('user cancelled');
  });
});
