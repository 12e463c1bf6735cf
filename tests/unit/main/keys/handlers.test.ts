import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyChecker } from '../../../../src/main/keys/check';
import { createKeyHandlers } from '../../../../src/main/keys/handlers';
import { createKeyVault } from '../../../../src/main/keys/vault';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { adapterFor } from '../../../../src/main/providers/registry';
import type { HandlerContext } from '../../../../src/shared/contract/index';
import { keysDomain } from '../../../../src/shared/contract/keys';
import { StudioError } from '../../../../src/shared/contract/result';
import { aesCrypto } from './aes-crypto';

const stamp = Date.now().toString(36);
const STORED = `sk_stored_${stamp}_Q1w2E3r4T5y6`;
const SESSION = `fal_session_${stamp}:a1b2c3d4e5f6`;
const FROM_ENV = `ark_env_${stamp}_Z9x8C7v6B5n4`;
const WEAK = `evo_weak_${stamp}_M1n2B3v4C5x6`;
const ALL = [STORED, SESSION, FROM_ENV, WEAK];

// Answers Novita's task-result read like Novita: 404 for a valid key (no such task), 403 otherwise.
let server: Server;
let api: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${STORED}`;
    res.writeHead(ok ? 404 : 403, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { code: 404, reason: 'TASK_NOT_FOUND' } : { code: 403, reason: 'INVALID_API_KEY', message: 'invalid api key' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('keys handlers', () => {
  it('never put a key in any answer, error or change event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-handlers-'));
    try {
      const crypto = aesCrypto({ backend: 'gnome_libsecret' });
      const vault = createKeyVault({ dir, crypto, env: { ARK_API_KEY: FROM_ENV }, log: createMemoryLogger() });
      const checkKey = createKeyChecker({ keyFor: vault.keyFor, adapterFor, baseUrls: () => ({ api }) });
      const handlers = createKeyHandlers({ vault, checkKey });
      const ctx: HandlerContext = { host: 'harness' };
      const transcript: unknown[] = [];
      vault.onChange((keys) => transcript.push(keysDomain.events.changed.payload.parse({ keys })));

      // Every call goes in as the renderer would send it and comes out through the contract's schemas.
      const call = async <V extends keyof typeof handlers>(verb: V, raw: unknown) => {
        const def = keysDomain.requests[verb];
        const input = def.input.parse(raw);
        try {
          const out = def.output.parse(await (handlers[verb] as (i: unknown, c: HandlerContext) => unknown)(input, ctx));
          transcript.push(out);
          return out;
        } catch (err) {
          expect(err).toBeInstanceOf(StudioError);
          transcript.push({ code: (err as StudioError).code, message: (err as StudioError).message });
          return err as StudioError;
        }
      };

      await call('set', { provider: 'novita', key: ` ${STORED} ` });
      await call('set', { provider: 'fal', key: SESSION, storage: 'session' });
      const list = (await call('list', {})) as Array<{ provider: string; source: string; last4: string | null }>;
      expect(list.map((s) => [s.provider, s.source])).toEqual([
        ['novita', 'stored'],
        ['fal', 'session'],
        ['evolink', 'none'],
        ['ark', 'environment'],
      ]);
      expect(list[0]!.last4).toBe(STORED.slice(-4));

      expect(await call('check', { provider: 'novita' })).toEqual({ result: 'valid' });
      expect(await call('check', { provider: 'fal' })).toMatchObject({ result: expect.stringMatching(/rejected|unreachable/) });
      expect(await call('check', { provider: 'evolink' })).toMatchObject({ code: 'NOT_FOUND' });
      expect(await call('remove', { provider: 'ark' })).toMatchObject({ code: 'CONFLICT' });
      await call('remove', { provider: 'fal' });

      // A weak backend: the question comes back instead of a stored key.
      const weakVault = createKeyVault({ dir: join(dir, 'weak'), crypto: aesCrypto({ backend: 'basic_text' }), env: {}, log: createMemoryLogger() });
      const weakHandlers = createKeyHandlers({ vault: weakVault, checkKey });
      const question = keysDomain.requests.set.output.parse(await weakHandlers.set(keysDomain.requests.set.input.parse({ provider: 'evolink', key: WEAK }), ctx));
      expect(question).toMatchObject({ saved: false, needsChoice: 'weak_backend' });
      transcript.push(question);

      expect(transcript.length).toBeGreaterThanOrEqual(12);
      const text = JSON.stringify(transcript);
      for (const key of ALL) {
        expect(text).not.toContain(key);
        // Not even the key without its last characters (a truncated echo would still leak most of it).
        expect(text).not.toContain(key.slice(0, -4));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuse a key that is too short or has spaces before any handler runs, without echoing it', () => {
    const set = keysDomain.requests.set.input;
    for (const key of ['short12', 'has a space in it', 'x'.repeat(513)]) {
      const parsed = set.safeParse({ provider: 'novita', key });
      expect(parsed.success).toBe(false);
      expect(JSON.stringify(parsed.error?.issues)).not.toContain(key);
    }
    expect(set.safeParse({ provider: 'novita', key: 'abcdefgh', storage: 'disk' }).success).toBe(false);
    expect(set.safeParse({ provider: 'replicate', key: 'abcdefgh' }).success).toBe(false);
    expect(set.parse({ provider: 'fal', key: '\tabcdefgh\n' }).key).toBe('abcdefgh');
  });
});
