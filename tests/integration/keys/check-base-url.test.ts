import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyChecker } from '../../../src/main/keys/check';
import { adapterFor } from '../../../src/main/providers/registry';
import { baseUrlsFrom } from '../../../src/main/settings/base-urls';
import { defaultSettings } from '../../../src/main/settings/defaults';
import { ProviderId } from '../../../src/shared/catalog/types';

/**
 * "Check key" with a Base URL set in Settings (issue 14 item 10: fal's check went to fal's real
 * storage host with a local Base URL set). A local server stands in for every provider and answers
 * 401, as each provider does to a refused key; every request the real adapters make is recorded on
 * the way out, and each must go to the address the user set.
 */
let server: Server;
let base: string;
const seen: Array<{ method: string; url: string; authorization: string | undefined }> = [];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    req.resume();
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ detail: 'Invalid key', message: 'Invalid key', error: { code: 'AuthenticationError', message: 'Invalid key' } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('Check key uses the Base URL set in Settings', () => {
  for (const provider of ProviderId.options) {
    it(`${provider}: the one request goes to the configured address, none to the provider's own host`, async () => {
      const settings = defaultSettings('/tmp/library');
      settings.providers[provider].baseUrl = `${base}/${provider}`;
      const hosts: string[] = [];
      const recordingFetch: typeof fetch = (input, init) => {
        hosts.push(new URL(input instanceof Request ? input.url : String(input)).origin);
        return fetch(input, init);
      };
      seen.length = 0;
      const key = `key-${provider}-1234abcd`;
      const check = createKeyChecker({ keyFor: () => key, adapterFor, baseUrls: baseUrlsFrom({ get: () => settings }, {}), fetch: recordingFetch });
      const answer = await check(provider);
      expect(answer.result).toBe('rejected');
      expect(hosts.length).toBeGreaterThan(0);
      expect(new Set(hosts)).toEqual(new Set([base]));
      expect(seen).toHaveLength(hosts.length);
      expect(seen.every((r) => r.url.startsWith(`/${provider}/`))).toBe(true);
    });
  }
});
