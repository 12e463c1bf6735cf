import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';

/**
 * Why a download stopped: `expired` — the URL no longer serves the file (403/404/410: signed URLs
 * expire, providers.md "result URL lifetime"); `http` — another refusal; `network` — the connection
 * failed or was cut (retry resumes by Range); `aborted` — the caller's signal.
 */
export type DownloadErrorKind = 'expired' | 'http' | 'network' | 'aborted';

export class DownloadError extends Error {
  constructor(
    readonly kind: DownloadErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }

  /** True when trying again later may work (network, 429, 5xx). */
  get retryable(): boolean {
    return this.kind === 'network' || (this.kind === 'http' && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}

export interface DownloadOptions {
  url: string;
  /** Where bytes accumulate (`<name>.part`); an existing file is resumed with an HTTP Range request. */
  partPath: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Called as bytes arrive: bytes on disk so far and the expected total when the server says it. */
  onProgress?: (bytes: number, totalBytes: number | undefined) => void;
}

/** The finished `.part` file: its size in bytes, hex sha256, and whether it continued an earlier attempt. */
export interface DownloadOutcome {
  bytes: number;
  sha256: string;
  resumed: boolean;
}

const EXPIRED_STATUSES = new Set([403, 404, 410]);

/**
 * Streams `url` into `partPath` with flat memory (fetch body → hash → file, chunk by chunk) and
 * fsyncs it. If `partPath` already holds bytes it asks for the rest (`Range: bytes=<n>-`):
 * a 206 whose Content-Range starts at n is appended; a 200 (server ignored Range), a 416 or a 206
 * for another offset restarts from zero cleanly. The sha256 covers the whole file either way.
 * Throws `DownloadError`: `expired` on 403/404/410, `http` on other refusals, `network` when the
 * connection fails or ends before the announced length (the `.part` keeps what arrived).
 */
export async function downloadToPart(options: DownloadOptions): Promise<DownloadOutcome> {
  const doFetch = options.fetch ?? fetch;
  // At most two rounds: a Range the server cannot honour (416, or a 206 for another offset) drops the part and asks again from 0.
  for (let round = 0; ; round++) {
    const offset = round === 0 ? await sizeOf(options.partPath) : 0;
    let res: Response;
    try {
      res = await doFetch(options.url, {
        headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
        redirect: 'follow',
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      throw asNetworkError(err, options.signal);
    }
    if (EXPIRED_STATUSES.has(res.status)) {
      await res.body?.cancel().catch(() => undefined);
      throw new DownloadError('expired', `The video link no longer works (HTTP ${res.status}).`, res.status);
    }
    if (offset > 0 && res.status === 206 && rangeStart(res.headers.get('content-range')) === offset) {
      return await stream(res, options, offset);
    }
    if (offset > 0 && (res.status === 416 || res.status === 206) && round === 0) {
      await res.body?.cancel().catch(() => undefined);
      await rm(options.partPath, { force: true });
      continue;
    }
    if (res.status !== 200 || !res.body) {
      await res.body?.cancel().catch(() => undefined);
      throw new DownloadError('http', `The video download was refused (HTTP ${res.status}).`, res.status);
    }
    // A 200 is the whole file — also when the server ignored our Range: the part is overwritten from byte 0.
    return await stream(res, options, 0);
  }
}

/**
 * Bytes that may wait in memory while a write is in flight before reading pauses (backpressure).
 * Issue 12: one awaited write per ~64 KB chunk ran at 0.25–0.42× curl.
 */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

async function stream(res: Response, options: DownloadOptions, offset: number): Promise<DownloadOutcome> {
  const hash = createHash('sha256');
  if (offset > 0) await hashFile(options.partPath, hash);
  const total = expectedTotal(res, offset);
  const file = await open(options.partPath, offset > 0 ? 'a' : 'w', 0o600);
  // One write in flight at a time; chunks that arrive meanwhile are gathered and go out together in
  // the next write. A fast connection thus gets few, large writes while the socket keeps reading and
  // hashing, and a slow one still reaches the disk chunk by chunk — so after a crash or a cut the
  // `.part` holds nearly everything that arrived, for the Range resume. Reading pauses when
  // MAX_PENDING_BYTES wait (a disk slower than the network). (`stream.pipeline` into a WriteStream
  // drops writes still queued when the source errors.)
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let written = offset;
  let writing: Promise<void> | null = null;
  let writeError: unknown;
  const startWrite = (): void => {
    const batch = pending.length === 1 ? (pending[0] as Uint8Array) : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    writing = file.write(batch).then(
      () => {
        written += batch.length;
        writing = null;
        options.onProgress?.(written, total);
      },
      (err: unknown) => {
        // Kept, not thrown here: a rejection nobody awaits yet would be an unhandled one.
        writeError = err;
        writing = null;
      },
    );
  };
  const drain = async (): Promise<void> => {
    while (writing || pendingBytes > 0) {
      if (writing) await writing;
      else startWrite();
      if (writeError !== undefined) throw writeError;
    }
  };
  let failure: unknown;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (writeError !== undefined) throw writeError;
      hash.update(chunk);
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (!writing) startWrite();
      else if (pendingBytes >= MAX_PENDING_BYTES) await writing;
    }
  } catch (err) {
    failure = err;
  }
  try {
    await drain();
    await file.sync();
  } catch (err) {
    failure ??= err;
  } finally {
    await file.close();
  }
  if (failure !== undefined) throw asNetworkError(failure, options.signal);
  if (total !== undefined && written !== total) {
    throw new DownloadError('network', `The download ended early (${written} of ${total} bytes).`);
  }
  return { bytes: written, sha256: hash.digest('hex'), resumed: offset > 0 };
}

/** Bytes already in `path`, 0 when it does not exist. */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function hashFile(path: string, hash: Hash): Promise<void> {
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
}

/** The first byte of a `Content-Range: bytes <start>-<end>/<total>` header, or null. */
function rangeStart(header: string | null): number | null {
  const m = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  return m ? Number(m[1]) : null;
}

/** Whole-file size, from Content-Range's total (206) or offset + Content-Length. */
function expectedTotal(res: Response, offset: number): number | undefined {
  const m = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '');
  if (res.status === 206 && m) return Number(m[1]);
  const length = Number(res.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? offset + length : undefined;
}

function asNetworkError(err: unknown, signal?: AbortSignal): DownloadError {
  if (err instanceof DownloadError) return err;
  if (signal?.aborted) return new DownloadError('aborted', 'The download was stopped.');
  const cause = (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  return new DownloadError('network', `The download was interrupted${cause ? ` (${cause})` : ''}.`);
}
