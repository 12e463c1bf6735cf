import { safeStorage } from 'electron';
import type { KeyCrypto } from '../keys/crypto';

/**
 * The key vault's `KeyCrypto` backed by Electron's `safeStorage` (macOS Keychain, Windows DPAPI,
 * Linux libsecret/kwallet — or `basic_text` when Linux has no keyring, which the vault treats as
 * weak). Call after `app` is ready: on Linux `safeStorage` reports unavailable before that.
 * `getSelectedStorageBackend` exists on Linux only, as in Electron.
 */
export function createSafeStorageCrypto(): KeyCrypto {
  const crypto: KeyCrypto = {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    encryptString: (plainText) => safeStorage.encryptString(plainText),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  };
  if (process.platform === 'linux') crypto.getSelectedStorageBackend = () => safeStorage.getSelectedStorageBackend();
  return crypto;
}
