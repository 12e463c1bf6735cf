import { z } from 'zod';

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

/** The error half of every answer: a stable code, a message fit to show a person, optional details. */
export const StudioErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type StudioErrorShape = z.infer<typeof StudioErrorShape>;

/** What every request channel answers: `{ ok: true, data } | { ok: false, error }`. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: StudioErrorShape };

/**
 * An error a handler throws on purpose; the router turns it into `{ ok: false, error }` with its
 * code. Any other thrown value becomes `INTERNAL` with a generic message (never a stack or secret).
 */
export class StudioError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'StudioError';
  }
}
