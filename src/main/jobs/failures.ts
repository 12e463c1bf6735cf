import type { ProviderId } from '../../shared/catalog/types';
import type { JobError } from '../../shared/jobs/job';
import { PROVIDER_NAMES } from '../providers/failure';
import { ProviderError, type ProviderFailure } from '../providers/types';
import { said, saidFix, type Phrase } from '../../shared/messages/phrase';

/**
 * Socket errors that mean the request never left this machine or never reached the server
 * (refused, name not resolved, no route): a POST that failed this way cannot have created a task.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

/** What the engine's wrapped fetch saw during one adapter call. */
export interface RequestProbe {
  /** Requests that left (or tried to leave) for the provider. */
  sent: number;
  /** The socket error code of the last failed request, if any. */
  lastErrorCode?: string;
}

/** True when `code` proves a request did not reach the server. */
export function neverReachedServer(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/** The socket error code inside a fetch failure (undici: `TypeError('fetch failed', { cause: { code } })`). */
export function socketCode(err: unknown): string | undefined {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Any thrown value as a `ProviderFailure`; values that are not `ProviderError` become a non-retryable `provider_error`. */
export function failureOf(err: unknown, provider: ProviderId): ProviderFailure {
  if (err instanceof ProviderError) return err.failure;
  return { kind: 'provider_error', ...said('failure.unexpected', { provider: PROVIDER_NAMES[provider] }), retryable: false };
}

/** What to do with a job whose billable POST threw. */
export type SubmitOutcome = 'requeue' | 'fail' | 'attention';

/**
 * Decides, from the error of `adapter.submit` and what the wrapped fetch saw, whether a task may
 * exist at the provider (providers.md "Pitfalls": never resubmit blindly after a timeout):
 * - nothing was sent, or the connection was refused / the host not found → nothing was created:
 *   `requeue` if retryable, else `fail`;
 * - the provider answered 2xx but the answer could not be read (cut JSON, no id) → it probably
 *   created a task we cannot name: `attention`;
 * - 504 or a timeout (the server may still be working on it), a connection dropped after the
 *   request went out, or an unexpected error after sending → `attention`;
 * - any other HTTP answer (429, 500, 502, 503, 4xx) is a refusal: `requeue` if retryable, else `fail`.
 */
export function submitOutcome(err: unknown, probe: RequestProbe): SubmitOutcome {
  const failure = err instanceof ProviderError ? err.failure : undefined;
  if (probe.sent === 0) return failure?.retryable ? 'requeue' : 'fail';
  if (!failure) return 'attention';
  const status = failure.httpStatus;
  if (status === undefined) {
    const code = failure.providerCode ?? probe.lastErrorCode;
    return failure.kind === 'network' && neverReachedServer(code) ? 'requeue' : 'attention';
  }
  if (status < 300 || status === 504 || failure.kind === 'timeout') return 'attention';
  return failure.retryable ? 'requeue' : 'fail';
}

/**
 * The notice of a job held back after a retryable failure: "<what went wrong> Trying again in 12 s."
 * (`again: 'send'`) or "… Checking again in 12 s." (`'check'`); `problem` is a failure, or the
 * plain English of an error that has no phrase. `delayMs` is rounded up to whole seconds.
 */
export function retryNotice(problem: Pick<ProviderFailure, 'message' | 'phrase'> | string, delayMs: number, again: 'send' | 'check'): { notice: string; noticePhrase: Phrase } {
  const what = typeof problem === 'string' ? problem : (problem.phrase ?? problem.message);
  const { message, phrase } = said(again === 'send' ? 'job.tryingAgain' : 'job.checkingAgain', { problem: what, seconds: Math.ceil(delayMs / 1000) });
  return { notice: message, noticePhrase: phrase };
}

/** A provider failure as a `JobError` (kind, plain message, provider's code and words, a fix). */
export function jobErrorOf(failure: ProviderFailure): JobError {
  const error: JobError = { kind: failure.kind, message: failure.message };
  if (failure.phrase !== undefined) error.phrase = failure.phrase;
  if (failure.providerCode !== undefined) error.providerCode = failure.providerCode;
  if (failure.providerMessage !== undefined) error.providerMessage = failure.providerMessage;
  // Advice per kind, shown under the message (ARCHITECTURE.md "Errors": what happened, why, what to do).
  return { ...error, ...saidFix(failure.modelUnavailable ? 'jobFix.modelUnavailable' : `jobFix.${failure.kind}`) };
}

/** The error of a job whose POST may or may not have created a task. */
export function ambiguousSubmitError(provider: ProviderId, failure?: ProviderFailure): JobError {
  const name = PROVIDER_NAMES[provider];
  const error: JobError = {
    kind: 'interrupted',
    ...said('job.ambiguousSubmit', { provider: name }),
    ...saidFix('job.ambiguousSubmitFix', { provider: name }),
  };
  if (failure?.providerCode !== undefined) error.providerCode = failure.providerCode;
  if (failure?.providerMessage !== undefined) error.providerMessage = failure.providerMessage;
  return error;
}
