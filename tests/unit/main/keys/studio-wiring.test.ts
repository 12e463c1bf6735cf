import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../../src/main/composition/create-studio';
import type { StudioConfig } from '../../../../src/main/composition/config';
import { aesCrypto } from './aes-crypto';
import { testStudioConfig } from '../../../fixtures/studio-config';

let dir: string;
let studio: Studio | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'studio-keys-'));
});
afterEach(async () => {
  await studio?.dispose();
  studio = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const config = (extra: Partial<StudioConfig> = {}): StudioConfig => testStudioConfig(dir, extra);

describe('keys and settings in the assembled studio', () => {
  it('carry the contract end to end: demo flag, session-only keys without safeStorage, change events, no key in answers', async () => {
    studio = await createStudio(config());
    const ctx = { host: 'harness' } as const;
    const sent: Array<[string, unknown]> = [];
    studio.events.subscribe((channel, payload) => sent.push([channel, payload]));
    const answers: unknown[] = [];
    const call = async (channel: string, input: unknown) => {
      const answer = await studio!.router.dispatch(channel, input, ctx);
      answers.push(answer);
      return answer;
    };

    expect(await call('app:info', {})).toMatchObject({ ok: true, data: { demo: true } });

    const key = `sk_wiring_${Date.now()}_Abc123Def456`;
    // No keyCrypto in the config (harness/CLI): the vault asks for a session-only key.
    expect(await call('keys:set', { provider: 'novita', key })).toMatchObject({
      ok: true,
      data: { saved: false, needsChoice: 'no_encryption', choices: ['session'] },
    });
    expect(await call('app:info', {})).toMatchObject({ data: { demo: true } });
    expect(await call('keys:set', { provider: 'novita', key, storage: 'session' })).toMatchObject({
      ok: true,
      data: { saved: true, key: { source: 'session', configured: true } },
    });
    expect(await call('app:info', {})).toMatchObject({ data: { demo: false } });
    expect(sent.filter(([c]) => c === 'keys:changed')).toHaveLength(1);
    expect(studio.keys.keyFor('novita')).toBe(key);

    expect(await call('keys:set', { provider: 'novita', key: 'short' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });

    expect(await call('settings:update', { patch: { providers: { novita: { baseUrl: 'ftp://x' } } } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT' },
    });
    expect(await call('settings:update', { patch: { providers: { novita: { concurrency: 9 } } } })).toMatchObject({
      ok: true,
      data: { providers: { novita: { concurrency: 9 } } },
    });
    const settingsEvents = sent.filter(([c]) => c === 'settings:changed');
    expect(settingsEvents).toHaveLength(1);
    expect(settingsEvents[0]![1]).toMatchObject({ settings: { providers: { novita: { concurrency: 9 } } } });

    expect(await call('keys:remove', { provider: 'novita' })).toMatchObject({ ok: true, data: { source: 'none' } });
    expect(await call('app:info', {})).toMatchObject({ data: { demo: true } });

    // The log is buffered; disposing the studio writes what waits.
    await studio.dispose();
    const everything = JSON.stringify([answers, sent]) + readFileSync(join(dir, 'logs', 'studio.log'), 'utf8');
    expect(everything).not.toContain(key);
  });

  it('stores keys encrypted when the host passes a KeyCrypto, and reads environment keys', async () => {
    const crypto = aesCrypto({ backend: 'kwallet6' });
    const fromEnv = `fal_env_${Date.now()}:0123456789abcdef`;
    studio = await createStudio(config({ keyCrypto: crypto, env: { FAL_KEY: fromEnv } }));
    expect(await studio.router.dispatch('app:info', {}, { host: 'harness' })).toMatchObject({ data: { demo: false } });
    const key = `ark_${Date.now()}_ZyXwVuTs9876`;
    expect(await studio.router.dispatch('keys:set', { provider: 'ark', key }, { host: 'harness' })).toMatchObject({
      ok: true,
      data: { saved: true, key: { source: 'stored', backend: 'kwallet6' } },
    });
    const list = await studio.router.dispatch('keys:list', {}, { host: 'harness' });
    expect(list).toMatchObject({ ok: true, data: [{ source: 'none' }, { source: 'environment' }, { source: 'none' }, { source: 'stored' }] });
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).not.toContain(key);
    expect(studio.keys.keyFor('fal')).toBe(fromEnv);
  });
});
