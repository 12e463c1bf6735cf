import { phrase, type Phrase } from '../../shared/messages/phrase';
import { sendRequest, type HttpAnswer, type HttpRequest } from './http';
import { ProviderError, type KeyCheck, type ProviderContext, type ProviderFailure } from './types';

/**
 * Runs one cheap authenticated request and classifies it: `valid` when `accepted(answer)` says the
 * key got past authentication (a 2xx, or a 404 for a task that does not exist), `rejected` on an
 * `auth` failure, `unreachable` on network/timeout/5xx/rate limits or anything unexpected.
 */
export async function checkKeyWith(
  ctx: ProviderContext,
  provider: string,
  req: HttpRequest,
  accepted: (a: HttpAnswer) => boolean,
  failureOf: (a: HttpAnswer) => ProviderFailure,
): Promise<KeyCheck> {
  let answer: HttpAnswer;
  try {
    answer = await sendRequest(ctx, provider, req);
  } catch (err) {
    if (err instanceof ProviderError) return { result: 'unreachable', message: err.message, ...withPhrase(err.failure.phrase) };
    throw err;
  }
  if (accepted(answer)) return { result: 'valid' };
  const f = failureOf(answer);
  if (f.kind === 'auth') return { result: 'rejected', message: f.message, ...withPhrase(f.phrase) };
  return { result: 'unreachable', message: `${f.message} (HTTP ${answer.status})`, phrase: phrase('keys.httpStatus', { message: f.phrase ?? f.message, status: answer.status }) };
}

/** `{ phrase }` when there is one, else nothing (the contract's field is optional). */
function withPhrase(p: Phrase | undefined): { phrase?: Phrase } {
  return p ? { phrase: p } : {};
}
