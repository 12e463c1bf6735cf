import { z } from 'zod';
import { ProviderId } from '../catalog/types';
import { LenientPhrase } from '../messages/phrase';
import { event, request } from './define';

/**
 * Where the key main would use for a provider comes from: the encrypted store, this session's
 * memory only, the environment (read-only: `NOVITA_API_KEY`, `FAL_KEY`, `EVOLINK_API_KEY`,
 * `ARK_API_KEY` — providers.md, "key variable"), or nowhere.
 */
export const KeySource = z.enum(['stored', 'session', 'environment', 'none']);
export type KeySource = z.infer<typeof KeySource>;

/**
 * Health of the provider's key entry:
 * - `ok`: usable (or simply present in the environment / session);
 * - `not_set`: nothing anywhere;
 * - `backend_changed`: stored with another encryption backend than the system offers now (e.g. the
 *   Linux keyring changed, or is gone); the key must be entered again;
 * - `unreadable`: the backend matches but the ciphertext no longer decrypts (keyring reset) or the
 *   entry on disk is damaged; the key must be entered again.
 */
export const KeyHealth = z.enum(['ok', 'not_set', 'backend_changed', 'unreadable']);
export type KeyHealth = z.infer<typeof KeyHealth>;

/** What the renderer may know about a key. Never the key itself. */
export const KeyStatus = z.object({
  provider: ProviderId,
  source: KeySource,
  /** True when main has a usable key for this provider. */
  configured: z.boolean(),
  /** Last four characters, for recognition ("•••• 4f2a"); null when unknown or the key is too short to show any of it. */
  last4: z.string().length(4).nullable(),
  /**
   * Where the secret is kept: the encryption backend recorded with a stored key (`gnome_libsecret`,
   * `kwallet5`, `basic_text`, `system` on macOS/Windows…), `memory` for a session key, null otherwise.
   */
  backend: z.string().nullable(),
  status: KeyHealth,
  /** The environment variable main reads for this provider. */
  envVar: z.string(),
  /** Plain words for anything other than a healthy or absent key: what happened and what to do. */
  message: z.string().optional(),
  /** `message` as a phrase, for the UI's language (issue 14). */
  phrase: LenientPhrase,
});
export type KeyStatus = z.infer<typeof KeyStatus>;

/**
 * The user's answer to a storage question: `session` keeps the key in memory until the app quits;
 * `store_anyway` stores it even though the backend is weak (Linux `basic_text`: no keyring).
 */
export const KeyStorage = z.enum(['session', 'store_anyway']);
export type KeyStorage = z.infer<typeof KeyStorage>;

/**
 * An API key as typed or pasted: trimmed, 8–512 printable ASCII characters without spaces (keys go
 * into HTTP headers). The messages never echo the value.
 */
export const ApiKeyText = z
  .string()
  .trim()
  .min(8, 'A key has at least 8 characters.')
  .max(512, 'A key has at most 512 characters.')
  .regex(/^[\x21-\x7E]+$/, 'A key is made of printable characters without spaces.');

/** Why `set` did not store yet and which storage choices the user may pick. */
export const KeyChoiceNeeded = z.enum(['weak_backend', 'no_encryption']);
export type KeyChoiceNeeded = z.infer<typeof KeyChoiceNeeded>;

/** `keys:set` answer: saved (with the new status), or a question for the user. Nothing is kept until answered. */
export const SetKeyOutcome = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), key: KeyStatus }),
  z.object({
    saved: z.literal(false),
    needsChoice: KeyChoiceNeeded,
    message: z.string(),
    /** `message` as a phrase, for the UI's language. */
    phrase: LenientPhrase,
    choices: z.array(KeyStorage),
  }),
]);
export type SetKeyOutcome = z.infer<typeof SetKeyOutcome>;

/** `keys:check` answer; never starts a paid task. `message` says why for `rejected` and `unreachable`. */
export const KeyCheckResult = z.object({
  result: z.enum(['valid', 'rejected', 'unreachable']),
  message: z.string().optional(),
  /** `message` as a phrase, for the UI's language, when main has one. */
  phrase: LenientPhrase,
});
export type KeyCheckResult = z.infer<typeof KeyCheckResult>;

const ProviderOnly = z.object({ provider: ProviderId }).strict();

export const keysDomain = {
  requests: {
    list: request(z.object({}).strict(), z.array(KeyStatus)),
    /** Write-only: the key goes in, only its status comes back. */
    set: request(z.object({ provider: ProviderId, key: ApiKeyText, storage: KeyStorage.optional() }).strict(), SetKeyOutcome),
    remove: request(ProviderOnly, KeyStatus),
    check: request(ProviderOnly, KeyCheckResult),
  },
  events: {
    changed: event(z.object({ keys: z.array(KeyStatus) })),
  },
} as const;
