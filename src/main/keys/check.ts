import type { ProviderId } from '../../shared/catalog/types';
import type { KeyCheckResult } from '../../shared/contract/keys';
import { StudioError } from '../../shared/contract/result';
import { phrase, said, type Phrase, type PhraseValue } from '../../shared/messages/phrase';
import { redactText } from '../logging/redact';
import { ProviderError, type ProviderAdapter, type ProviderContext } from '../providers/types';

/** How long a key check may take before the provider counts as unreachable, ms. */
export const KEY_CHECK_TIMEOUT_MS = 15_000;

export interface KeyCheckDeps {
  /** The vault's main-only accessor. */
  keyFor(provider: ProviderId): string | undefined;
  /** The provider's adapter (its `checkKey` makes one cheap authenticated request, never a paid task). */
  adapterFor(provider: ProviderId): ProviderAdapter;
  /** Base URLs in effect (settings override, else environment, else the provider's default). */
  baseUrls(provider: ProviderId): ProviderContext['baseUrls'];
  fetch?: typeof fetch;
  /** ms; default `KEY_CHECK_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/**
 * Returns `checkKey(provider)`: asks the provider whether the key main would use is accepted.
 * Answers `valid`, `rejected` with the provider's reason, or
 * `unreachable` with what went wrong (network, timeout, provider error). Messages are redacted.
 * Throws `StudioError('NOT_FOUND')` when no key is set for the provider.
 */
export function createKeyChecker(deps: KeyCheckDeps): (provider: ProviderId) => Promise<KeyCheckResult> {
  const timeoutMs = deps.timeoutMs ?? KEY_CHECK_TIMEOUT_MS;
  return async (provider) => {
    const apiKey = deps.keyFor(provider);
    if (apiKey === undefined) throw new StudioError('NOT_FOUND', said('keys.noKey', { provider }));
    const baseUrls = deps.baseUrls(provider);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race makes the timeout hold even if an adapter forgets to pass the signal on.
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve('timeout');
      }, timeoutMs);
    });
    const ctx: ProviderContext = { apiKey, baseUrls, fetch: deps.fetch ?? fetch, signal: controller.signal };
    const silent = { result: 'unreachable', ...said('keys.silent', { host: host(baseUrls.api), seconds: Math.round(timeoutMs / 1000) }) } as const;
    let outcome: KeyCheckResult;
    try {
      const answer = await Promise.race([deps.adapterFor(provider).checkKey(ctx), timedOut]);
      if (answer === 'timeout') outcome = silent;
      else outcome = answer;
    } catch (err) {
      outcome = controller.signal.aborted ? silent : fromError(err, baseUrls.api);
    } finally {
      clearTimeout(timer);
    }
    if (outcome.message === undefined) return { result: outcome.result };
    // Registered secrets, and this exact key even if nobody registered it (a proxy may echo it back).
    const scrub = (text: string) => redactText(text).split(apiKey).join('•••');
    return { result: outcome.result, message: scrub(outcome.message), ...(outcome.phrase ? { phrase: scrubbed(outcome.phrase, scrub) } : {}) };
  };
}

/** Adapters signal most outcomes by their answer; a thrown error is mapped by its kind (messages are redacted by the caller). */
function fromError(err: unknown, api: string): KeyCheckResult {
  if (err instanceof ProviderError) {
    return { result: err.failure.kind === 'auth' ? 'rejected' : 'unreachable', message: err.message, ...(err.failure.phrase ? { phrase: err.failure.phrase } : {}) };
  }
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause?.code;
  const why = typeof cause === 'string' ? cause : err instanceof Error ? err.message : phrase('keys.unknownError');
  return { result: 'unreachable', ...said('keys.unreachable', { host: host(api), why }) };
}

/** `p` with every text value passed through `scrub` (provider text may echo a key), nested phrases too. */
function scrubbed(p: Phrase, scrub: (text: string) => string): Phrase {
  if (!p.values) return p;
  const values: Record<string, PhraseValue> = {};
  for (const [name, value] of Object.entries(p.values)) values[name] = typeof value === 'string' ? scrub(value) : typeof value === 'number' ? value : scrubbed(value, scrub);
  return { code: p.code, values };
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
