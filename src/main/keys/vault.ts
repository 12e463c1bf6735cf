import { z } from 'zod';
import { ProviderId } from '../../shared/catalog/types';
import { ApiKeyText, type KeyStatus, type KeyStorage, type SetKeyOutcome } from '../../shared/contract/keys';
import { StudioError } from '../../shared/contract/result';
import { said } from '../../shared/messages/phrase';
import type { Logger } from '../logging/logger';
import { redactText, registerSecret } from '../logging/redact';
import { KEY_VARS, keyFromEnv } from '../providers/registry';
import { openJsonStore, type OpenConf } from '../settings/store-file';
import { currentBackend, NO_BACKEND, WEAK_BACKEND, type KeyCrypto } from './crypto';

/** File name (without `.json`) of the vault inside the data folder; separate from settings. */
export const VAULT_FILE = 'keys';

/** Keys shorter than this show no last four characters: four of eight would give half the key away. */
const MIN_LENGTH_FOR_LAST4 = 12;

/** One stored key on disk: the ciphertext and the backend that made it. Validated on every read. */
const StoredKey = z.object({
  /** `encryptString` output, base64. */
  ciphertext: z.string().min(1),
  /** `currentBackend()` when it was stored; a different backend now means "enter it again". */
  backend: z.string().min(1),
  last4: z.string().length(4).nullable(),
  /** ISO 8601. */
  storedAt: z.string(),
});
type StoredKey = z.infer<typeof StoredKey>;

export interface KeyVaultDeps {
  /** Folder for `keys.json` (the app's data folder). */
  dir: string;
  crypto: KeyCrypto;
  /** Where environment keys come from (`NOVITA_API_KEY`, `FAL_KEY`, `EVOLINK_API_KEY`, `ARK_API_KEY`). */
  env: Readonly<Record<string, string | undefined>>;
  log: Logger;
  /** Makes the file's store; default `conf` (the Electron host passes electron-store). */
  openConf?: OpenConf;
}

/**
 * Main's API keys. The renderer side (`list`, `set`, `remove`) only ever returns `KeyStatus`;
 * `keyFor` is for main-only callers (adapters, the engine's private channel). Every key that
 * exists in memory in plain text has been passed to `registerSecret`, so logs redact it.
 *
 * Resolution per provider: a session key, else a usable stored key, else the environment.
 */
export interface KeyVault {
  /** Status of all four providers, in `ProviderId` order. */
  list(): KeyStatus[];
  status(provider: ProviderId): KeyStatus;
  /**
   * Stores `key` (trimmed; 8–512 printable characters, else `StudioError('BAD_INPUT')`).
   * - `storage: 'session'`: memory only, and any stored key for the provider is removed.
   * - No encryption on this system: returns `{ saved: false, needsChoice: 'no_encryption' }` unless
   *   `storage` is `session`; `store_anyway` throws `StudioError('UNAVAILABLE')`.
   * - Linux `basic_text` backend: returns `{ saved: false, needsChoice: 'weak_backend' }` unless
   *   `storage` is given.
   * Nothing is kept when a choice is needed. Throws `StudioError('UNAVAILABLE')` when the keyring
   * refuses or the file cannot be written (the previous key stays).
   */
  set(provider: ProviderId, key: string, storage?: KeyStorage): SetKeyOutcome;
  /**
   * Forgets the session and stored key. An environment key cannot be removed here:
   * `StudioError('CONFLICT')` when it is the only one. Removing nothing is not an error.
   */
  remove(provider: ProviderId): KeyStatus;
  /** Main only: the key to use, or undefined. Never send it to the renderer. */
  keyFor(provider: ProviderId): string | undefined;
  /** True when at least one provider has a usable key (otherwise the app runs in demo mode). */
  anyConfigured(): boolean;
  /** Called with the full list after every `set`/`remove` that changed something. Returns an unsubscribe function. */
  onChange(listener: (keys: KeyStatus[]) => void): () => void;
}

type Resolved = { key: string; status: KeyStatus } | { key: undefined; status: KeyStatus };

/** Opens (or starts) the vault file `<dir>/keys.json` with owner-only permissions. */
export function createKeyVault(deps: KeyVaultDeps): KeyVault {
  const { crypto, env, log } = deps;
  const file = openJsonStore(deps.dir, VAULT_FILE, log, deps.openConf);
  const session = new Map<ProviderId, string>();
  /** Decrypted stored keys by ciphertext, so a status read does not call the keyring every time. */
  const plainByCiphertext = new Map<string, string>();
  const listeners = new Set<(keys: KeyStatus[]) => void>();

  for (const provider of ProviderId.options) {
    const fromEnv = keyFromEnv(provider, env);
    if (fromEnv) registerSecret(fromEnv);
  }

  const readEntries = (): Record<string, unknown> => file.read();

  const storedEntry = (provider: ProviderId): StoredKey | 'damaged' | undefined => {
    const raw = readEntries()[provider];
    if (raw === undefined) return undefined;
    const parsed = StoredKey.safeParse(raw);
    return parsed.success ? parsed.data : 'damaged';
  };

  const decrypt = (entry: StoredKey): string | undefined => {
    const cached = plainByCiphertext.get(entry.ciphertext);
    if (cached !== undefined) return cached;
    try {
      const plain = crypto.decryptString(Buffer.from(entry.ciphertext, 'base64'));
      if (!ApiKeyText.safeParse(plain).success) return undefined;
      registerSecret(plain);
      plainByCiphertext.set(entry.ciphertext, plain);
      return plain;
    } catch {
      return undefined;
    }
  };

  const base = (provider: ProviderId): Pick<KeyStatus, 'provider' | 'envVar'> => ({ provider, envVar: KEY_VARS[provider] });

  const resolve = (provider: ProviderId): Resolved => {
    const inSession = session.get(provider);
    if (inSession !== undefined) {
      return {
        key: inSession,
        status: { ...base(provider), source: 'session', configured: true, last4: last4(inSession), backend: 'memory', status: 'ok' },
      };
    }

    const entry = storedEntry(provider);
    let problem: Pick<KeyStatus, 'status' | 'message' | 'phrase' | 'last4' | 'backend'> | undefined;
    if (entry === 'damaged') {
      problem = { status: 'unreadable', last4: null, backend: null, ...said('keys.damaged') };
    } else if (entry) {
      const now = currentBackend(crypto);
      if (entry.backend !== now) {
        problem = {
          status: 'backend_changed',
          last4: entry.last4,
          backend: entry.backend,
          ...(now === NO_BACKEND ? said('keys.backendGone', { backend: entry.backend }) : said('keys.backendChanged', { backend: entry.backend, now })),
        };
      } else {
        const plain = decrypt(entry);
        if (plain !== undefined) {
          return {
            key: plain,
            status: { ...base(provider), source: 'stored', configured: true, last4: last4(plain), backend: entry.backend, status: 'ok' },
          };
        }
        problem = {
          status: 'unreadable',
          last4: entry.last4,
          backend: entry.backend,
          ...said('keys.undecryptable'),
        };
      }
    }

    const fromEnv = keyFromEnv(provider, env);
    if (fromEnv !== undefined) {
      const status: KeyStatus = {
        ...base(provider),
        source: 'environment',
        configured: true,
        last4: last4(fromEnv),
        backend: null,
        status: problem?.status ?? 'ok',
      };
      if (problem?.phrase) Object.assign(status, said('keys.untilThen', { problem: problem.phrase, envVar: KEY_VARS[provider] }));
      return { key: fromEnv, status };
    }
    if (problem) {
      return { key: undefined, status: { ...base(provider), source: 'stored', configured: false, ...problem } };
    }
    return { key: undefined, status: { ...base(provider), source: 'none', configured: false, last4: null, backend: null, status: 'not_set' } };
  };

  const list = (): KeyStatus[] => ProviderId.options.map((p) => resolve(p).status);

  const changed = () => {
    const keys = list();
    for (const listener of listeners) {
      try {
        listener(keys);
      } catch (err) {
        log.error('keys.listener_failed', { error: err });
      }
    }
  };

  const writeEntries = (mutate: (entries: Record<string, unknown>) => void) => {
    const entries = readEntries();
    mutate(entries);
    try {
      file.write(entries);
    } catch (err) {
      log.error('keys.write_failed', { error: err });
      throw new StudioError('UNAVAILABLE', said('keys.notWritten', { code: errorCode(err) }));
    }
  };

  const storeEncrypted = (provider: ProviderId, key: string, backend: string) => {
    let ciphertext: string;
    try {
      ciphertext = crypto.encryptString(key).toString('base64');
      // A keyring that encrypts but cannot decrypt would lose the key silently later; check now.
      if (crypto.decryptString(Buffer.from(ciphertext, 'base64')) !== key) throw new Error('round trip mismatch');
    } catch (err) {
      log.error('keys.encrypt_failed', { provider, backend, error: err });
      throw new StudioError('UNAVAILABLE', said('keys.encryptFailed', { backend, detail: redactText(errorMessage(err)) }));
    }
    const entry: StoredKey = { ciphertext, backend, last4: last4(key), storedAt: new Date().toISOString() };
    writeEntries((entries) => {
      entries[provider] = entry;
    });
    plainByCiphertext.set(ciphertext, key);
    log.info('keys.stored', { provider, backend });
  };

  return {
    list,
    status: (provider) => resolve(provider).status,

    set(provider, rawKey, storage) {
      const parsed = ApiKeyText.safeParse(rawKey);
      if (!parsed.success) throw new StudioError('BAD_INPUT', parsed.error.issues[0]?.message ?? said('keys.invalid'));
      const key = parsed.data;
      registerSecret(key);

      if (storage === 'session') {
        if (readEntries()[provider] !== undefined) {
          writeEntries((entries) => {
            delete entries[provider];
          });
        }
        session.set(provider, key);
        log.info('keys.session_set', { provider });
        changed();
        return { saved: true, key: resolve(provider).status };
      }

      const backend = currentBackend(crypto);
      if (backend === NO_BACKEND) {
        if (storage === 'store_anyway') {
          throw new StudioError('UNAVAILABLE', said('keys.noEncryption'));
        }
        return {
          saved: false,
          needsChoice: 'no_encryption',
          ...said('keys.sessionOnly'),
          choices: ['session'],
        };
      }
      if (backend === WEAK_BACKEND && storage !== 'store_anyway') {
        return {
          saved: false,
          needsChoice: 'weak_backend',
          ...said('keys.weakBackend'),
          choices: ['session', 'store_anyway'],
        };
      }

      storeEncrypted(provider, key, backend);
      session.delete(provider);
      changed();
      return { saved: true, key: resolve(provider).status };
    },

    remove(provider) {
      const hadSession = session.delete(provider);
      const hadStored = readEntries()[provider] !== undefined;
      if (hadStored) {
        writeEntries((entries) => {
          delete entries[provider];
        });
      }
      if (!hadSession && !hadStored && keyFromEnv(provider, env) !== undefined) {
        throw new StudioError(
          'CONFLICT',
          said('keys.fromEnvironment', { provider, envVar: KEY_VARS[provider] }),
        );
      }
      if (hadSession || hadStored) {
        log.info('keys.removed', { provider });
        changed();
      }
      return resolve(provider).status;
    },

    keyFor: (provider) => resolve(provider).key,
    anyConfigured: () => list().some((s) => s.configured),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function last4(key: string): string | null {
  return key.length >= MIN_LENGTH_FOR_LAST4 ? key.slice(-4) : null;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'I/O error';
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
