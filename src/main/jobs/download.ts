import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { Agent, interceptors, request, type Dispatcher } from 'undici';
import { said, type Phrase, type Said } from '../../shared/messages/phrase';

/**
 * Why a download stopped: `expired` — the URL no longer serves the file (403/404/410: signed URLs
 * expire, providers.md "result URL lifetime"); `http` — another refusal; `network` — the connection
 * failed or was cut (retry resumes by Range); `aborted` — the caller's signal.
 */
export type DownloadErrorKind = 'expired' | 'http' | 'network' | 'aborted';

/** A failed download: why (`kind`), in English (`message`) and as a phrase for the UI's language, with the HTTP status when there was one. */
export class DownloadError extends Error {
  readonly phrase: Phrase;
  constructor(
    readonly kind: DownloadErrorKind,
    said: Said,
    readonly status?: number,
  ) {
    super(said.message);
    this.name = 'DownloadError';
    this.phrase = said.phrase;
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
  /** Called once per HTTP request sent (the engine counts a job's requests). */
  onRequest?: () => void;
  signal?: AbortSignal;
  /** Called as bytes reach the file: bytes on disk so far and the expected total when the server says it. */
  onProgress?: (bytes: number, totalBytes: number | undefined) => void;
}

/** The finished `.part` file: its size in bytes, hex sha256, and whether it continued an earlier attempt. */
export interface DownloadOutcome {
  bytes: number;
  sha256: string;
  resumed: boolean;
}

const EXPIRED_STATUSES = new Set([403, 404, 410]);

/** Follows up to 5 redirects (signed result URLs often redirect to a CDN), as fetch's `redirect: 'follow'` did. */
const dispatcher = new Agent().compose(interceptors.redirect({ maxRedirections: 5 }));

type Response = Dispatcher.ResponseData;

/**
 * Streams `url` into `partPath` with flat memory (response body → hash → file, in batches) and
 * fsyncs it once at the end. If `partPath` already holds bytes it asks for the rest
 * (`Range: bytes=<n>-`): a 206 whose Content-Range starts at n is appended; a 200 (server ignored
 * Range), a 416 or a 206 for another offset restarts from zero cleanly. The sha256 covers the whole
 * file either way. Uses `undici.request` (a Node stream body; fetch's web stream ran at ~0.5× curl).
 * Throws `DownloadError`: `expired` on 403/404/410, `http` on other refusals, `network` when the
 * connection fails or ends before the announced length (the `.part` keeps what arrived).
 */
export async function downloadToPart(options: DownloadOptions): Promise<DownloadOutcome> {
  // At most two rounds: a Range the server cannot honour (416, or a 206 for another offset) drops the part and asks again from 0.
  for (let round = 0; ; round++) {
    const offset = round === 0 ? await sizeOf(options.partPath) : 0;
    let res: Response;
    try {
      options.onRequest?.();
      res = await request(options.url, {
        dispatcher,
        headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (err) {
      throw asNetworkError(err, options.signal);
    }
    const status = res.statusCode;
    if (EXPIRED_STATUSES.has(status)) {
      await discard(res);
      throw new DownloadError('expired', said('job.download.expired', { status }), status);
    }
    if (offset > 0 && status === 206 && rangeStart(header(res, 'content-range')) === offset) {
      return await stream(res, options, offset);
    }
    if (offset > 0 && (status === 416 || status === 206) && round === 0) {
      await discard(res);
      await rm(options.partPath, { force: true });
      continue;
    }
    if (status !== 200) {
      await discard(res);
      throw new DownloadError('http', said('job.download.refused', { status }), status);
    }
    // A 200 is the whole file — also when the server ignored our Range: the part is overwritten from byte 0.
    return await stream(res, options, 0);
  }
}

/**
 * Writes go out in batches of at least this many bytes (1 MB), at most `MAX_WRITES` at a time
 * (issue 12: one awaited write per ~64 KB chunk ran at 0.25–0.42× curl). After a crash the `.part`
 * lacks at most the batches not yet written; after a cut, everything that arrived is written first.
 */
const BATCH_BYTES = 1024 * 1024;
/**
 * A smaller batch goes out once its first chunk has waited this long (ms) with no write in flight,
 * so a slow download keeps its progress on disk (a crash then loses at most this much) and reports it.
 */
const FLUSH_AFTER_MS = 250;
const MAX_WRITES = 2;
/** Reading pauses while this much waits in memory (a disk slower than the network). */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

async function stream(res: Response, options: DownloadOptions, offset: number): Promise<DownloadOutcome> {
  const hash = createHash('sha256');
  if (offset > 0) await hashFile(options.partPath, hash);
  const total = expectedTotal(res, offset);
  // Not 'a': Linux ignores the position of a write to a file opened for appending.
  const file = await open(options.partPath, offset > 0 ? 'r+' : 'w', 0o600);
  // Chunks as they arrived, handed to writev together: no copy into one batch buffer.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingSince = 0;
  let position = offset; // Where the next batch goes: batches are written by position, so two may be in flight.
  let written = offset;
  const writes = new Set<Promise<void>>();
  let writeError: unknown;
  const startWrite = (): void => {
    const batch = pending;
    const size = pendingBytes;
    const at = position;
    position += size;
    pending = [];
    pendingBytes = 0;
    const done: Promise<void> = writeAll(file, batch, at).then(
      () => {
        written += size;
        writes.delete(done);
        options.onProgress?.(written, total);
      },
      (err: unknown) => {
        // Kept, not thrown here: a rejection nobody awaits yet would be an unhandled one.
        writeError ??= err;
        writes.delete(done);
      },
    );
    writes.add(done);
  };
  let failure: unknown;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      if (writeError !== undefined) throw writeError;
      hash.update(chunk);
      if (pendingBytes === 0) pendingSince = Date.now();
      pending.push(chunk);
      pendingBytes += chunk.length;
      const stale = writes.size === 0 && Date.now() - pendingSince >= FLUSH_AFTER_MS;
      if (pendingBytes < BATCH_BYTES && !stale) continue;
      while (writes.size >= MAX_WRITES && pendingBytes >= MAX_PENDING_BYTES) await Promise.race(writes);
      if (writes.size < MAX_WRITES) startWrite();
    }
  } catch (err) {
    failure = err;
  }
  try {
    if (pendingBytes > 0) startWrite();
    while (writes.size > 0) await Promise.race(writes);
    if (writeError !== undefined) throw writeError;
    await file.sync();
  } catch (err) {
    failure ??= err;
  } finally {
    await file.close();
  }
  if (failure !== undefined) throw asNetworkError(failure, options.signal);
  if (total !== undefined && written !== total) {
    throw new DownloadError('network', said('job.download.endedEarly', { written, total }));
  }
  return { bytes: written, sha256: hash.digest('hex'), resumed: offset > 0 };
}

/** Writes the chunks in `data` one after another at `position`, without copying them into one buffer (`writev`; a write may take fewer bytes than asked). */
async function writeAll(file: FileHandle, data: Buffer[], position: number): Promise<void> {
  const chunks = data.slice();
  let at = position;
  while (chunks.length > 0) {
    const { bytesWritten } = await file.writev(chunks, at);
    at += bytesWritten;
    let skip = bytesWritten;
    while (chunks.length > 0 && skip >= (chunks[0] as Buffer).length) skip -= (chunks.shift() as Buffer).length;
    if (skip > 0) chunks[0] = (chunks[0] as Buffer).subarray(skip);
  }
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

/** Drops a body we do not want (reads a little of it so the connection can be reused, then closes it). */
async function discard(res: Response): Promise<void> {
  await res.body.dump().catch(() => undefined);
}

/** A response header's value (the first, if repeated), or null. */
function header(res: Response, name: string): string | null {
  const value = res.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Whole-file size, from Content-Range's total (206) or offset + Content-Length. */
function expectedTotal(res: Response, offset: number): number | undefined {
  const m = /\/(\d+)$/.exec(header(res, 'content-range') ?? '');
  if (res.statusCode === 206 && m) return Number(m[1]);
  const length = Number(header(res, 'content-length'));
  return Number.isFinite(length) && length > 0 ? offset + length : undefined;
}

function asNetworkError(err: unknown, signal?: AbortSignal): DownloadError {
  if (err instanceof DownloadError) return err;
  if (signal?.aborted) return new DownloadError('aborted', said('job.download.stopped'));
  const cause = (err as { cause?: { code?: string } })?.cause?.code ?? (err as { code?: string })?.code;
  return new DownloadError('network', cause ? said('job.download.interruptedCode', { code: cause }) : said('job.download.interrupted'));
}
