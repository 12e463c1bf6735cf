import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionOnlyCrypto, type KeyCrypto } from '../../../../src/main/keys/crypto';
import { createKeyVault, type KeyVault } from '../../../../src/main/keys/vault';
import { createFileLogger, createMemoryLogger } from '../../../../src/main/logging/logger';
import { StudioError } from '../../../../src/shared/contract/result';
import { KeyStatus } from '../../../../src/shared/contract/keys';
import { aesCrypto } from './aes-crypto';

// Recognisable, realistic-length keys; each test run makes fresh ones so redaction cannot pass by luck.
const unique = () => Math.random().toString(36).slice(2, 10);
const novitaKey = () => `sk_test_${unique()}${unique()}NOVITA`;
const falKey = () => `${unique()}-fal-${unique()}:${unique()}${unique()}`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vault-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const vaultFile = () => join(dir, 'keys.json');
const open = (crypto: KeyCrypto = aesCrypto({ backend: 'gnome_libsecret' }), env: Record<string, string | undefined> = {}) =>
  createKeyVault({ dir, crypto, env, log: createMemoryLogger() });

function expectStudioError(fn: () => unknown, code: string): StudioError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).code).toBe(code);
    return err as StudioError;
  }
  throw new Error(`expected StudioError ${code}`);
}

describe('key vault with a system keyring', () => {
  it('stores the key encrypted in an owner-only file and reads it back after a restart', () => {
    const crypto = aesCrypto({ backend: 'gnome_libsecret' });
    const key = novitaKey();
    const outcome = open(crypto).set('novita', key);
    expect(outcome).toEqual({
      saved: true,
      key: {
        provider: 'novita',
        source: 'stored',
        configured: true,
        last4: key.slice(-4),
        backend: 'gnome_libsecret',
        status: 'ok',
        envVar: 'NOVITA_API_KEY',
      },
    });

    expect(statSync(vaultFile()).mode & 0o777).toBe(0o600);
    const onDisk = readFileSync(vaultFile(), 'utf8');
    expect(onDisk).not.toContain(key);
    expect(onDisk).not.toContain(Buffer.from(key).toString('base64'));
    const entry = JSON.parse(onDisk).novita;
    expect(entry.backend).toBe('gnome_libsecret');
    expect(crypto.decryptString(Buffer.from(entry.ciphertext, 'base64'))).toBe(key);

    // A new process with the same keyring secret.
    const reopened = open(aesCrypto({ secret: crypto.secret, backend: 'gnome_libsecret' }));
    expect(reopened.keyFor('novita')).toBe(key);
    expect(reopened.status('novita').source).toBe('stored');
    expect(reopened.keyFor('fal')).toBeUndefined();
  });

  it('records "system" as the backend where the platform has no backend choice (macOS, Windows)', () => {
    const vault = open(aesCrypto());
    const outcome = vault.set('ark', novitaKey());
    expect(outcome.saved && outcome.key.backend).toBe('system');
  });

  it('trims the key and refuses short ones or ones with spaces without echoing them', () => {
    const vault = open();
    const key = novitaKey();
    vault.set('novita', `  ${key}\n`);
    expect(vault.keyFor('novita')).toBe(key);

    const short = expectStudioError(() => vault.set('fal', 'abc1234'), 'BAD_INPUT');
    expect(short.message).not.toContain('abc1234');
    const spaced = expectStudioError(() => vault.set('fal', 'abcd efgh ijkl'), 'BAD_INPUT');
    expect(spaced.message).not.toContain('abcd');
    expect(vault.keyFor('fal')).toBeUndefined();
  });

  it('tightens a vault file whose permissions were loosened', () => {
    open().set('novita', novitaKey());
    chmodSync(vaultFile(), 0o644);
    open();
    expect(statSync(vaultFile()).mode & 0o777).toBe(0o600);
  });

  it('hides the last four characters of keys too short to show them safely', () => {
    const vault = open();
    const outcome = vault.set('evolink', 'short-k1');
    expect(outcome.saved && outcome.key.last4).toBeNull();
    expect(vault.keyFor('evolink')).toBe('short-k1');
  });
});

describe('key vault on Linux without a keyring (basic_text)', () => {
  const weak = () => aesCrypto({ backend: 'basic_text' });

  it('does not store silently: asks for a choice and keeps nothing', () => {
    const vault = open(weak());
    const key = novitaKey();
    const outcome = vault.set('novita', key);
    expect(outcome).toMatchObject({ saved: false, needsChoice: 'weak_backend', choices: ['session', 'store_anyway'] });
    expect(outcome.saved === false && outcome.message).toMatch(/keyring/);
    expect(vault.keyFor('novita')).toBeUndefined();
    expect(vault.status('novita').source).toBe('none');
    expect(existsSync(vaultFile()) ? readFileSync(vaultFile(), 'utf8') : '').not.toContain('novita');
  });

  it("keeps a 'session' key in memory only", () => {
    const crypto = weak();
    const vault = open(crypto);
    const key = novitaKey();
    const outcome = vault.set('novita', key, 'session');
    expect(outcome).toMatchObject({ saved: true, key: { source: 'session', backend: 'memory', configured: true } });
    expect(vault.keyFor('novita')).toBe(key);
    expect(existsSync(vaultFile()) ? readFileSync(vaultFile(), 'utf8') : '').not.toContain('novita');
    expect(open(aesCrypto({ secret: crypto.secret, backend: 'basic_text' })).keyFor('novita')).toBeUndefined();
  });

  it("stores with the weak backend recorded when the user says 'store_anyway'", () => {
    const crypto = weak();
    const key = novitaKey();
    const outcome = open(crypto).set('novita', key, 'store_anyway');
    expect(outcome).toMatchObject({ saved: true, key: { source: 'stored', backend: 'basic_text', status: 'ok' } });
    expect(JSON.parse(readFileSync(vaultFile(), 'utf8')).novita.backend).toBe('basic_text');
    expect(open(aesCrypto({ secret: crypto.secret, backend: 'basic_text' })).keyFor('novita')).toBe(key);
  });
});

describe('key vault without encryption', () => {
  for (const [name, make] of [
    ['an unavailable safeStorage', () => aesCrypto({ available: false })],
    ['the plain-Node session-only fallback', createSessionOnlyCrypto],
  ] as const) {
    it(`allows session keys only, with ${name}`, () => {
      const vault = open(make());
      const key = falKey();
      expect(vault.set('fal', key)).toMatchObject({ saved: false, needsChoice: 'no_encryption', choices: ['session'] });
      expectStudioError(() => vault.set('fal', key, 'store_anyway'), 'UNAVAILABLE');
      expect(vault.keyFor('fal')).toBeUndefined();

      expect(vault.set('fal', key, 'session')).toMatchObject({ saved: true, key: { source: 'session' } });
      expect(vault.keyFor('fal')).toBe(key);
      expect(existsSync(vaultFile()) ? readFileSync(vaultFile(), 'utf8') : '').not.toContain(key);
    });
  }
});

describe('key vault when the backend changed', () => {
  it("reports 'backend_changed', hands out nothing, and accepts the key again", () => {
    const crypto = aesCrypto({ backend: 'kwallet5' });
    const key = novitaKey();
    open(crypto).set('novita', key);

    const vault = open(aesCrypto({ secret: crypto.secret, backend: 'gnome_libsecret' }));
    const status = vault.status('novita');
    expect(status).toMatchObject({ source: 'stored', configured: false, status: 'backend_changed', backend: 'kwallet5', last4: key.slice(-4) });
    expect(status.message).toContain('kwallet5');
    expect(status.message).toContain('gnome_libsecret');
    expect(vault.keyFor('novita')).toBeUndefined();
    expect(vault.anyConfigured()).toBe(false);

    // The old ciphertext is kept until replaced: the keyring may come back.
    expect(JSON.parse(readFileSync(vaultFile(), 'utf8')).novita.backend).toBe('kwallet5');
    vault.set('novita', key);
    expect(vault.status('novita')).toMatchObject({ status: 'ok', backend: 'gnome_libsecret' });
    expect(vault.keyFor('novita')).toBe(key);
  });

  it("reports 'backend_changed' when encryption disappeared, and uses an environment key meanwhile", () => {
    const key = falKey();
    const envValue = falKey();
    open(aesCrypto({ backend: 'gnome_libsecret' })).set('fal', key);
    const vault = open(aesCrypto({ available: false }), { FAL_KEY: envValue });
    expect(vault.status('fal')).toMatchObject({ source: 'environment', configured: true, status: 'backend_changed' });
    expect(vault.status('fal').message).toContain('FAL_KEY');
    expect(vault.keyFor('fal')).toBe(envValue);
  });

  it("reports 'unreadable' when the same backend cannot decrypt (keyring reset) or the entry is damaged", () => {
    open(aesCrypto({ backend: 'gnome_libsecret' })).set('novita', novitaKey());
    const vault = open(aesCrypto({ backend: 'gnome_libsecret' }));
    expect(vault.status('novita')).toMatchObject({ status: 'unreadable', configured: false });
    expect(vault.keyFor('novita')).toBeUndefined();

    writeFileSync(vaultFile(), JSON.stringify({ novita: { ciphertext: 42 } }));
    expect(open().status('novita')).toMatchObject({ status: 'unreadable', configured: false, last4: null });
  });

  it('moves a vault file that is not JSON aside, keeps it, and starts empty', () => {
    writeFileSync(vaultFile(), '{ not json');
    const vault = open();
    expect(vault.list().every((s) => s.source === 'none')).toBe(true);
    const aside = readdirSync(dir).filter((f) => f.startsWith('keys.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{ not json');
    vault.set('novita', novitaKey());
    expect(vault.status('novita').status).toBe('ok');
  });
});

describe('keys from the environment', () => {
  it('are used when nothing is stored, shown read-only, and yield to a stored key', () => {
    const fromEnv = falKey();
    const vault = open(undefined, { FAL_KEY: `  ${fromEnv} `, NOVITA_API_KEY: '   ' });
    expect(vault.status('fal')).toEqual({
      provider: 'fal',
      source: 'environment',
      configured: true,
      last4: fromEnv.slice(-4),
      backend: null,
      status: 'ok',
      envVar: 'FAL_KEY',
    });
    expect(vault.keyFor('fal')).toBe(fromEnv);
    expect(vault.status('novita').source).toBe('none');

    const err = expectStudioError(() => vault.remove('fal'), 'CONFLICT');
    expect(err.message).toContain('FAL_KEY');
    expect(vault.keyFor('fal')).toBe(fromEnv);

    const stored = falKey();
    vault.set('fal', stored);
    expect(vault.keyFor('fal')).toBe(stored);
    expect(vault.status('fal').source).toBe('stored');
    vault.remove('fal');
    expect(vault.keyFor('fal')).toBe(fromEnv);
    expect(vault.status('fal').source).toBe('environment');
  });

  it('read each provider from its documented variable', () => {
    const env = { NOVITA_API_KEY: novitaKey(), FAL_KEY: falKey(), EVOLINK_API_KEY: novitaKey(), ARK_API_KEY: novitaKey() };
    const vault = open(undefined, env);
    expect(vault.keyFor('novita')).toBe(env.NOVITA_API_KEY);
    expect(vault.keyFor('fal')).toBe(env.FAL_KEY);
    expect(vault.keyFor('evolink')).toBe(env.EVOLINK_API_KEY);
    expect(vault.keyFor('ark')).toBe(env.ARK_API_KEY);
    expect(vault.list().map((s) => s.envVar)).toEqual(['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY']);
  });
});

describe('key vault bookkeeping', () => {
  it('a session key replaces a stored one, and a stored one replaces a session one', () => {
    const vault = open();
    vault.set('novita', novitaKey());
    const sessionKey = novitaKey();
    vault.set('novita', sessionKey, 'session');
    expect(JSON.parse(readFileSync(vaultFile(), 'utf8')).novita).toBeUndefined();
    expect(vault.keyFor('novita')).toBe(sessionKey);

    const storedKey = novitaKey();
    vault.set('novita', storedKey);
    expect(vault.status('novita').source).toBe('stored');
    expect(vault.keyFor('novita')).toBe(storedKey);
  });

  it('tells listeners about every change, not about questions, and stops after unsubscribe', () => {
    const vault = open(aesCrypto({ backend: 'basic_text' }));
    const seen: KeyStatus[][] = [];
    const off = vault.onChange((keys) => seen.push(keys));
    vault.set('novita', novitaKey());
    expect(seen).toHaveLength(0);
    vault.set('novita', novitaKey(), 'session');
    expect(seen).toHaveLength(1);
    expect(seen[0]!.find((s) => s.provider === 'novita')?.source).toBe('session');
    vault.remove('novita');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.every((s) => s.source === 'none')).toBe(true);
    vault.remove('novita'); // nothing to remove: no event
    expect(seen).toHaveLength(2);
    off();
    vault.set('fal', falKey(), 'session');
    expect(seen).toHaveLength(2);
  });

  it('anyConfigured follows the keys', () => {
    const vault: KeyVault = open();
    expect(vault.anyConfigured()).toBe(false);
    vault.set('ark', novitaKey());
    expect(vault.anyConfigured()).toBe(true);
    vault.remove('ark');
    expect(vault.anyConfigured()).toBe(false);
    expect(open(undefined, { ARK_API_KEY: novitaKey() }).anyConfigured()).toBe(true);
  });

  it('every list entry passes the contract schema', () => {
    const vault = open(undefined, { EVOLINK_API_KEY: novitaKey() });
    vault.set('novita', novitaKey());
    vault.set('fal', falKey(), 'session');
    for (const status of vault.list()) expect(KeyStatus.parse(status)).toEqual(status);
  });
});

describe('redaction of keys the vault handed out', () => {
  it('masks stored, session and environment keys in log lines', () => {
    const stored = novitaKey();
    const session = falKey();
    const fromEnv = `ark_${unique()}${unique()}`;
    const crypto = aesCrypto({ backend: 'gnome_libsecret' });
    // Written as an earlier run would have: this process has never seen the plain key, so only
    // the vault's decryption can have registered it.
    const ciphertext = crypto.encryptString(stored).toString('base64');
    writeFileSync(vaultFile(), JSON.stringify({ novita: { ciphertext, backend: 'gnome_libsecret', last4: null, storedAt: new Date().toISOString() } }));
    const vault = open(crypto, { ARK_API_KEY: fromEnv });
    vault.set('fal', session, 'session');
    const keys = [vault.keyFor('novita')!, vault.keyFor('fal')!, vault.keyFor('ark')!];
    expect(keys).toEqual([stored, session, fromEnv]);

    const logFile = join(dir, 'logs', 'studio.log');
    const log = createFileLogger(logFile);
    for (const key of keys) {
      log.error('provider.request_failed', {
        url: `https://api.example.test/v1?key=${key}`,
        headers: { Authorization: `Bearer ${key}` },
        detail: { nested: [`echo ${key} echo`] },
        error: new Error(`server said: invalid key ${key}`),
      });
    }
    log.close();
    const text = readFileSync(logFile, 'utf8');
    expect(text.split('\n').filter(Boolean)).toHaveLength(3);
    for (const key of keys) expect(text).not.toContain(key);
    expect(text).toContain('echo ••• echo');
  });
});
