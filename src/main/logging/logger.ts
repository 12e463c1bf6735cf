import { mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SonicBoom from 'sonic-boom';
import { redact } from './redact';

/** Structured log: one JSON object per line. Every field passes through `redact` first. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

/** Lines are written once this many bytes wait, or every `FLUSH_EVERY_MS`. */
const BUFFER_BYTES = 8 * 1024;
const FLUSH_EVERY_MS = 500;
/** Past this many waiting bytes (a stalled disk) new lines are dropped rather than held in memory. */
const MAX_BUFFER_BYTES = 8 * 1024 * 1024;

/** Every open log file, flushed synchronously when the process exits (one listener for all of them). */
const open = new Set<SonicBoom>();
let exitHook = false;

function flushAllSync(): void {
  for (const stream of open) {
    try {
      stream.flushSync();
    } catch {
      // Not open yet, or the disk refuses: the log is best-effort.
    }
  }
}

/** A logger writing to a file, with what its owner needs on the way out. */
export interface FileLogger extends Logger {
  /** Writes every waiting line now (synchronously: for shutdown and for a reader about to open the file). */
  flush(): void;
  /** Flushes, then closes the file; lines logged afterwards are dropped. Idempotent. */
  close(): void;
}

/**
 * A logger that appends JSON lines to `file` (created with its folder, owner-only) and, when `echo`
 * is set, mirrors warnings and errors to stderr. Secrets registered with `redact`'s registry never
 * appear. Writes are asynchronous and buffered (sonic-boom, pino's destination): a line reaches the
 * file within `FLUSH_EVERY_MS`, and what waits is flushed synchronously by `flush`, `close` and when
 * the process exits — main's event loop never waits on the disk for a log line (issue 12). The file
 * is opened synchronously here, once, so a flush works from the first line.
 */
export function createFileLogger(file: string, echo = false): FileLogger {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  const stream = new SonicBoom({ fd, sync: false, minLength: BUFFER_BYTES, maxLength: MAX_BUFFER_BYTES, periodicFlush: FLUSH_EVERY_MS });
  // A full disk must not take the app down with it; the log is best-effort.
  stream.on('error', () => undefined);
  open.add(stream);
  if (!exitHook) {
    exitHook = true;
    process.once('exit', flushAllSync);
  }
  let closed = false;
  const write = (level: string, event: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...redact(fields ?? {}) });
    if (!closed) stream.write(`${line}\n`);
    if (echo && level !== 'info') process.stderr.write(`${line}\n`);
  };
  const flush = () => {
    if (closed) return;
    try {
      stream.flushSync();
    } catch {
      // Best-effort, as every write.
    }
  };
  return {
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    flush,
    close() {
      flush();
      if (closed) return;
      closed = true;
      open.delete(stream);
      stream.end();
    },
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
