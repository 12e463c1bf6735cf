import { z } from 'zod';
import { LenientPhrase, type Phrase, type Said } from '../messages/phrase';

/**
 * Error codes a channel can answer with. `BAD_INPUT` means the message failed the contract's
 * schema and never reached a handler; `FORBIDDEN` means the sender is not our main frame.
 */
export const ErrorCode = z.enum([
  'BAD_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'PROVIDER',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * The error half of every answer: a stable code, a message fit to show a person (English), the same
 * sentence as a `phrase` for the UI's language when the thrower gave one (issue 14), optional details.
 */
export const StudioErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  phrase: LenientPhrase,
  details: z.unknown().optional(),
});
export type StudioErrorShape = z.infer<typeof StudioErrorShape>;

/** What every request channel answers: `{ ok: true, data } | { ok: false, error }`. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: StudioErrorShape };

/**
 * An error a handler throws on purpose; the router turns it into `{ ok: false, error }` with its
 * code. Any other thrown value becomes `INTERNAL` with a generic message (never a stack or secret).
 * `said` is either plain English or a `Said` (from `said()`), whose phrase the window shows in the
 * UI's language while `message` stays English for the CLI and the log.
 */
export class StudioError extends Error {
  /** The sentence as a phrase, when the thrower built it with `said()`. */
  readonly phrase?: Phrase;
  constructor(
    readonly code: ErrorCode,
    said: string | Said,
    readonly details?: unknown,
  ) {
    super(typeof said === 'string' ? said : said.message);
    this.name = 'StudioError';
    if (typeof said !== 'string') this.phrase = said.phrase;
  }
}

/** The wire form of a `StudioError`: code, English message, and its phrase and details when it has them. */
export function errorShape(err: StudioError): StudioErrorShape {
  return {
    code: err.code,
    message: err.message,
    ...(err.phrase ? { phrase: err.phrase } : {}),
    ...(err.details === undefined ? {} : { details: err.details }),
  };
}
