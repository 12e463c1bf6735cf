/**
 * What a CLI command may touch of the outside world, so tests can run commands in-process:
 * output streams, the environment (keys, base URLs, data folder) and the interrupt signal.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted when the user asks to stop (Ctrl-C / SIGTERM); `run` then cancels its job where it can. */
  signal: AbortSignal;
}

/**
 * Exit codes: 0 done, 1 the provider or the input was rejected (reason printed), 2 usage error or
 * an image file that cannot be read, 130 stopped by Ctrl-C (the shell convention, 128 + SIGINT).
 */
export const EXIT = { ok: 0, rejected: 1, usage: 2, interrupted: 130 } as const;

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
