import { redactText } from '../logging/redact';
import { findModel } from '../../shared/catalog/models';
import { replacementOf } from '../../shared/catalog/status';
import type { ProviderId } from '../../shared/catalog/types';
import type { ErrorKind, ProviderFailure } from './types';
import { ProviderError } from './types';

import { PROVIDER_NAMES } from '../../shared/catalog/provider-names';

export { PROVIDER_NAMES, type ProviderName } from '../../shared/catalog/provider-names';

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

/**
 * How a provider said it will not run a model: `gone` (not found, retired, no such endpoint) or
 * `not_activated` (ModelArk `ModelNotOpen`, EvoLink `model_access_denied` at submit: the account
 * may not use it — not enabled, or a retired model that can no longer be enabled).
 */
export type ModelRefusal = 'gone' | 'not_activated';

/**
 * Rewrites a submit failure the provider's module recognised as a model refusal into a plain,
 * non-retryable `invalid_input` failure that names the model: the catalog row's name and the
 * provider's id (`<provider>/<model>` looked up in the catalog), the retirement date and source
 * when the row records one, and the replacement it suggests. The provider's code and words are kept.
 * Marked `modelUnavailable` so the job's fix says to pick another model.
 */
export function modelRefused(failure: ProviderFailure, provider: ProviderId, model: string, how: ModelRefusal): ProviderError {
  const name = PROVIDER_NAMES[provider];
  const entry = findModel(`${provider}/${model}`);
  const label = entry ? `${entry.name} (${model})` : model;
  const said = how === 'gone' ? 'does not exist or is no longer offered' : 'is not open to this account (not activated, or no longer offered)';
  const status = entry?.status && entry.status.state !== 'active' ? entry.status : undefined;
  const next = entry ? replacementOf(entry, findModel) : undefined;
  const instead = next ? ` Use ${next.name} instead.` : ' Choose another model.';
  let advice: string;
  if (status) {
    const when = status.date ? ` ${status.state === 'retired' ? 'on' : 'from'} ${status.date}` : '';
    advice = ` It was ${status.state === 'retired' ? 'retired' : 'due to be retired'}${when}${/third-party/i.test(status.source) ? ' (per a third-party source)' : ''}.${instead}`;
  } else if (how === 'not_activated') advice = ` Check the model's access in the ${name} console, or choose another model.`;
  else advice = ' It may have been retired; choose another model.';
  return new ProviderError({ ...failure, kind: 'invalid_input', retryable: false, modelUnavailable: true, message: `${name} says the model ${label} ${said}.${advice}` });
}

/**
 * Awaits a submit `request`; when it fails with a `ProviderError` that `classify` reads as a model
 * refusal, rethrows `modelRefused(…)` naming `model` (the provider's own id); other errors pass as they are.
 */
export async function withModelRefusal<T>(
  request: Promise<T>,
  provider: ProviderId,
  model: string,
  classify: (failure: ProviderFailure) => ModelRefusal | null,
): Promise<T> {
  try {
    return await request;
  } catch (err) {
    const how = err instanceof ProviderError ? classify(err.failure) : null;
    throw how ? modelRefused((err as ProviderError).failure, provider, model, how) : err;
  }
}
