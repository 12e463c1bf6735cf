import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from './redact';

/** Structured log: one JSON object per line. Every field passes through `redact` first. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/**
 * A logger that appends JSON lines to `file` (created with its folder) and, when `echo` is set,
 * mirrors warnings and errors to stderr. Secrets registered with `redact`'s registry never appear.
 */
export function createFileLogger(file: string, echo = false): Logger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...redact(fields ?? {}) });
    try {
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full disk must not take the app down with it; the log is best-effort.
    }
    if (echo && level !== 'info') process.stderr.write(`${line}\n`);
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
  };
}

/** A logger that keeps lines in memory; for tests and the CLI's quiet mode. */
export function createMemoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const push = (level: string) => (event: string, fields?: Record<string, unknown>) => {
    lines.push({ level, event, ...redact(fields ?? {}) });
  };
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}
