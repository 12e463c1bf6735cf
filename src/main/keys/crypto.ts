/**
 * The encryption the key vault relies on, shaped like Electron's `safeStorage` so the Electron host
 * can pass `safeStorage` itself, while plain-Node hosts (browser harness, CLI) and tests pass their
 * own. Nothing here imports `electron`.
 */
export interface KeyCrypto {
  /** False when the system offers no encryption at all; then only session keys are possible. */
  isEncryptionAvailable(): boolean;
  /** Encrypts a UTF-8 string. Throws when encryption is unavailable or the keyring refuses. */
  encryptString(plainText: string): Buffer;
  /** Decrypts what `encryptString` made. Throws when the bytes do not decrypt with the current backend. */
  decryptString(encrypted: Buffer): string;
  /**
   * Linux only (Electron's `safeStorage.getSelectedStorageBackend()`): `basic_text` (no keyring: a
   * hard-coded password, i.e. obfuscation only), `gnome_libsecret`, `kwallet`, `kwallet5`, `kwallet6`
   * or `unknown`. Absent on macOS and Windows, where the OS keychain / DPAPI is always used.
   */
  getSelectedStorageBackend?(): string;
}

/** Backend label recorded for platforms without `getSelectedStorageBackend` (macOS Keychain, Windows DPAPI). */
export const SYSTEM_BACKEND = 'system';
/** Backend label when the system offers no encryption at all. */
export const NO_BACKEND = 'unavailable';
/** Electron's Linux backend that stores with a hard-coded password: not a keyring, so not silently used. */
export const WEAK_BACKEND = 'basic_text';

/** The backend `crypto` would encrypt with right now: `unavailable`, the Linux backend name, or `system`. */
export function currentBackend(crypto: KeyCrypto): string {
  if (!crypto.isEncryptionAvailable()) return NO_BACKEND;
  return crypto.getSelectedStorageBackend?.() ?? SYSTEM_BACKEND;
}

/**
 * The plain-Node fallback for hosts without `safeStorage` (the browser harness and the CLI): it
 * reports encryption as unavailable, so the vault never writes a key to disk and keys set there
 * live for the session only (environment keys still work). `encryptString`/`decryptString` throw.
 */
export function createSessionOnlyCrypto(): KeyCrypto {
  const refuse = (): never => {
    throw new Error('Encryption is not available in this host; keys can be kept for this session only.');
  };
  return {
    isEncryptionAvailable: () => false,
    encryptString: refuse,
    decryptString: refuse,
  };
}
