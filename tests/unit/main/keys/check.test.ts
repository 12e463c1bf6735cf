import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyChecker } from '../../../../src/main/keys/check';
import { novitaAdapter } from '../../../../src/main/providers/novita';
import type { ProviderId } from '../../../../src/shared/catalog/types';
import { StudioError } from '../../../../src/shared/contract/result';

/**
 * A local server that answers Novita's task-result endpoint the way Novita does (providers.md,
 * "Novita"): a valid key reading a task that does not exist gets 404 TASK_NOT_FOUND; a wrong key
 * gets 403 INVALID_API_KEY. Other modes: a 500, a server that never answers, and one that echoes
 * the key back in its error (as some proxies do).
 */
const VALID = `sk_valid_${Date.now()}_abcdef123456`;
let mode: 'normal' | 'broken' | 'silent' | 'echo' = 'normal';
const seen: Array<{ method?: string; url?: string; auth?: string }> = [];
const hanging: ServerResponse[] = [];

function answer(req: IncomingMessage, res: ServerResponse) {
  seen.push({ method: req.method, url: req.url, auth: req.headers.authorization });
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  if (mode === 'silent') return void hanging.push(res);
  if (mode === 'broken') return json(500, { code: 500, reason: 'INTERNAL_ERROR', message: 'upstream exploded' });
  if (mode === 'echo') return json(403, { code: 403, reason: 'INVALID_API_KEY', message: `key ${req.headers.authorization} is not valid` });
  if (!req.url?.startsWith('/v3/async/task-result')) return json(404, { code: 404, reason: 'NOT_FOUND', message: 'no route' });
  if (req.headers.authorization !== `Bearer ${VALID}`) return json(403, { code: 403, reason: 'INVALID_API_KEY', message: 'invalid api key' });
  return json(404, { code: 404, reason: 'TASK_NOT_FOUND', message: 'task not found' });
}

let server: Server;
let api: string;
beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const checker = (keys: Partial<Record<ProviderId, string>>, baseUrl = () => api, timeoutMs = 5_000) =>
  createKeyChecker({
    keyFor: (p) => keys[p],
    adapterFor: () => novitaAdapter,
    baseUrls: () => ({ api: baseUrl() }),
    timeoutMs,
  });

describe('checkKey against a server that answers like Novita', () => {
  it("answers 'valid' for a key the provider accepts, with one GET that starts no task", async () => {
    mode = 'normal';
    seen.length = 0;
    expect(await checker({ novita: VALID })('novita')).toEqual({ result: 'valid' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', auth: `Bearer ${VALID}` });
    expect(seen[0]!.url).toMatch(/^\/v3\/async\/task-result\?task_id=/);
  });

  it("answers 'rejected' with the reason for a key the provider refuses", async () => {
    mode = 'normal';
    const result = await checker({ novita: 'sk_wrong_key_0000000000' })('novita');
    expect(result.result).toBe('rejected');
    expect(result.message).toBeTruthy();
  });

  it("answers 'unreachable' for a server error, a closed port and a server that never answers", async () => {
    mode = 'broken';
    const broken = await checker({ novita: VALID })('novita');
    expect(broken.result).toBe('unreachable');

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await checker({ novita: VALID }, () => closedUrl)('novita');
    expect(refused.result).toBe('unreachable');
    expect(refused.message).toMatch(/ECONNREFUSED|reach|connect/i);

    mode = 'silent';
    const started = Date.now();
    const silent = await checker({ novita: VALID }, () => api, 300)('novita');
    expect(silent).toEqual({ result: 'unreachable', message: expect.stringMatching(/did not answer within/), phrase: { code: 'keys.silent', values: { host: expect.any(String), seconds: 0 } } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('never repeats the key in its message, even when the server echoes it', async () => {
    mode = 'echo';
    const key = `sk_echoed_${Date.now()}_zyxw98765`;
    const result = await checker({ novita: key })('novita');
    expect(result.result).toBe('rejected');
    expect(JSON.stringify(result)).not.toContain(key);
  });

  it('refuses to check when no key is set, without calling the provider', async () => {
    mode = 'normal';
    seen.length = 0;
    await expect(checker({})('novita')).rejects.toSatisfy((err) => err instanceof StudioError && err.code === 'NOT_FOUND');
    expect(seen).toHaveLength(0);
  });

  it('uses the base URL in effect at the time of the check (a settings change applies at once)', async () => {
    mode = 'normal';
    let base = 'http://127.0.0.1:9';
    const check = checker({ novita: VALID }, () => base);
    expect((await check('novita')).result).toBe('unreachable');
    base = api;
    expect(await check('novita')).toEqual({ result: 'valid' });
  });
});
