import { redactText } from '../logging/redact';
import type { ErrorKind, ProviderFailure } from './types';
import { ProviderError } from './types';

/** Display names used in user-facing messages. */
export const PROVIDER_NAMES = { novita: 'Novita', fal: 'fal', evolink: 'EvoLink', ark: 'BytePlus ModelArk' } as const;
export type ProviderName = (typeof PROVIDER_NAMES)[keyof typeof PROVIDER_NAMES];

/** Kinds where the same request may succeed later without changes (ARCHITECTURE.md, "Errors"). */
const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate_limited', 'network', 'timeout', 'provider_error']);

/** What happened and what to do, per kind; the provider's own words go in `providerMessage`. */
function plain(kind: ErrorKind, provider: string, detail?: string): string {
  const why = detail ? `: ${/[.!?]$/.test(detail.trim()) ? detail.trim() : `${detail.trim()}.`}` : '.';
  switch (kind) {
    case 'auth':
      return `${provider} refused the API key${why} Check the key in Settings → Providers.`;
    case 'quota':
      return `${provider} says the account has no credit left${why} Top up the balance, then retry.`;
    case 'rate_limited':
      return `${provider} is limiting how fast requests are sent. The request will be retried shortly.`;
    case 'invalid_input':
      return `${provider} rejected the request${why} Change the parameters or images and retry.`;
    case 'content_policy':
      return `${provider}'s content filter refused the prompt, an image or the result${why} Change the prompt or image and retry.`;
    case 'provider_error':
      return `${provider} reported an error on its side${why} Retry later.`;
    case 'network':
      return `Could not reach ${provider}${why} Check the internet connection; the request can be retried.`;
    case 'timeout':
      return `${provider} did not answer in time. The request can be retried.`;
  }
}

/** Inputs for `makeFailure`; `detail` overrides the default "why" clause of the plain message. */
export interface FailureInit {
  kind: ErrorKind;
  provider: string;
  detail?: string;
  providerCode?: string;
  providerMessage?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  retryable?: boolean;
  /** The API key in use, scrubbed from every text field in case a provider echoes it. */
  apiKey?: string;
}

/** Removes the key (and any registered secret) from a provider-supplied string. */
export function scrub(text: string, apiKey?: string): string {
  const out = apiKey && apiKey.length > 0 ? text.split(apiKey).join('•••') : text;
  return redactText(out);
}

/** Builds a `ProviderFailure` with a plain message; `retryable` defaults by kind. */
export function makeFailure(init: FailureInit): ProviderFailure {
  const clean = (s?: string) => (s === undefined ? undefined : scrub(s, init.apiKey));
  const f: ProviderFailure = {
    kind: init.kind,
    message: scrub(plain(init.kind, init.provider, clean(init.detail)), init.apiKey),
    // A provider_error answered with a 4xx (e.g. task not found) will not change on retry.
    retryable: init.retryable ?? (RETRYABLE.has(init.kind) && !(init.kind === 'provider_error' && init.httpStatus !== undefined && init.httpStatus < 500)),
  };
  if (init.providerCode !== undefined) f.providerCode = clean(init.providerCode);
  if (init.providerMessage !== undefined) f.providerMessage = clean(init.providerMessage);
  if (init.httpStatus !== undefined) f.httpStatus = init.httpStatus;
  if (init.retryAfterMs !== undefined) f.retryAfterMs = init.retryAfterMs;
  return f;
}

/** `makeFailure` wrapped in a thrown `ProviderError`. */
export function providerError(init: FailureInit): ProviderError {
  return new ProviderError(makeFailure(init));
}

/** The kind an HTTP status implies when the body gives nothing more specific. */
export function kindForStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 402) return 'quota';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status === 504) return 'timeout';
  if (status >= 500) return 'provider_error';
  return 'invalid_input';
}
