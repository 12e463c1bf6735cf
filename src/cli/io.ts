/**
 * What a CLI command may touch of the outside world, so tests can run commands in-process:
 * output streams, the environment (keys, base URLs) and fetch.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
}

/** Exit codes: 0 done, 1 the provider or the input was rejected (reason printed), 2 usage error. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

/** A mistake in how the command was called (missing flag, unknown model, bad number): exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input or provider rejection with a reason for the user: exit 1. */
export class RejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedError';
  }
}
