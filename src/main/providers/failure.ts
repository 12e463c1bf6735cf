import { redactText } from '../logging/redact';
import { findModel } from '../../shared/catalog/models';
import { replacementOf } from '../../shared/catalog/status';
import type { ProviderId } from '../../shared/catalog/types';
import type { ErrorKind, ProviderFailure } from './types';
import { ProviderError } from './types';
import { english, phrase, type Phrase, type PhraseValue } from '../../shared/messages/phrase';

import { PROVIDER_NAMES } from '../../shared/catalog/provider-names';

export { PROVIDER_NAMES, type ProviderName } from '../../shared/catalog/provider-names';

/** Kinds where the same request may succeed later without changes (ARCHITECTURE.md, "Errors"). */
const RETRYABLE: ReadonlySet<ErrorKind> = new Set(['rate_limited', 'network', 'timeout', 'provider_error']);

/** A provider detail as the end of a sentence: trimmed, with a full stop unless it has one. */
export function sentenceEnd(detail: string): string {
  const text = detail.trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * What happened and what to do, per kind; the provider's own words go in `providerMessage`.
 * `detail` is the "why" clause: the provider's words as they are (`why.words`: Chinese keeps a space
 * after English words), or a phrase of ours (`why.detail`).
 */
function plain(kind: ErrorKind, provider: string, detail?: string | Phrase): Phrase {
  if (kind === 'rate_limited' || kind === 'timeout') return phrase(`failure.${kind}`, { provider });
  const why = typeof detail === 'object' ? phrase('failure.why.detail', { detail }) : detail?.trim() ? phrase('failure.why.words', { detail: sentenceEnd(detail) }) : phrase('failure.why.none');
  return phrase(`failure.${kind}`, { provider, why });
}

/** Inputs for `makeFailure`; `detail` (the provider's words, or a phrase of ours) overrides the default "why" clause of the plain message. */
export interface FailureInit {
  kind: ErrorKind;
  provider: string;
  detail?: string | Phrase;
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

/** `p` with the key (and any registered secret) removed from every text value, nested ones too. */
function scrubPhrase(p: Phrase, apiKey?: string): Phrase {
  if (!p.values) return p;
  const values: Record<string, PhraseValue> = {};
  for (const [name, value] of Object.entries(p.values)) {
    values[name] = typeof value === 'string' ? scrub(value, apiKey) : typeof value === 'number' ? value : scrubPhrase(value, apiKey);
  }
  return { ...p, values };
}

/** Builds a `ProviderFailure` with a plain message; `retryable` defaults by kind. */
export function makeFailure(init: FailureInit): ProviderFailure {
  const clean = (s?: string) => (s === undefined ? undefined : scrub(s, init.apiKey));
  const said = scrubPhrase(plain(init.kind, init.provider, init.detail), init.apiKey);
  const f: ProviderFailure = {
    kind: init.kind,
    message: english(said),
    phrase: said,
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
  const status = entry?.status && entry.status.state !== 'active' ? entry.status : undefined;
  const next = entry ? replacementOf(entry, findModel) : undefined;
  let advice: Phrase;
  if (status) {
    const retired = status.state === 'retired';
    advice = phrase('failure.model.status', {
      state: status.date ? phrase(retired ? 'failure.model.retiredOn' : 'failure.model.dueFrom', { date: status.date }) : phrase(retired ? 'failure.model.retired' : 'failure.model.due'),
      source: /third-party/i.test(status.source) ? phrase('failure.model.thirdParty') : '',
      instead: next ? phrase('failure.model.useInstead', { model: next.name }) : phrase('failure.model.chooseAnother'),
    });
  } else if (how === 'not_activated') advice = phrase('failure.model.checkAccess', { provider: name });
  else advice = phrase('failure.model.mayBeRetired');
  const said = phrase('failure.model.refused', { provider: name, model: label, said: phrase(how === 'gone' ? 'failure.model.gone' : 'failure.model.notActivated'), advice });
  return new ProviderError({ ...failure, kind: 'invalid_input', retryable: false, modelUnavailable: true, message: english(said), phrase: said });
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
