import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyCrypto } from '../../../../src/main/keys/crypto';

/**
 * A real, reversible `KeyCrypto` for tests: AES-256-GCM with a per-instance secret, like
 * safeStorage's per-user key. Two instances with the same `secret` decrypt each other's output;
 * another secret fails authentication (as a reset keyring would). `backend` mimics Linux's
 * `getSelectedStorageBackend()`; `available: false` mimics a system without encryption.
 */
export function aesCrypto(opts: { secret?: Buffer; backend?: string; available?: boolean } = {}): KeyCrypto & { secret: Buffer } {
  const secret = opts.secret ?? randomBytes(32);
  const available = opts.available ?? true;
  const crypto: KeyCrypto & { secret: Buffer } = {
    secret,
    isEncryptionAvailable: () => available,
    encryptString(plain) {
      if (!available) throw new Error('Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', secret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      if (!available) throw new Error('Decryption is not available.');
      const decipher = createDecipheriv('aes-256-gcm', secret, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
  if (opts.backend !== undefined) {
    const backend = opts.backend;
    crypto.getSelectedStorageBackend = () => backend;
  }
  return crypto;
}
