import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SimProvider } from './types';

/** A file the simulator serves: an uploaded input (`/files/…`) or a task result (`/cdn/…`). */
interface Entry {
  provider: SimProvider;
  /** Absolute path on disk; null while a fal upload waits for its PUT. */
  path: string | null;
  mime: string;
  /** ms since the epoch after which the URL answers like an expired CDN link; null = never. */
  expiresAt: number | null;
  taskId?: string;
}

/** Download faults in force for one response (resolved by the server from the fault config). */
export interface DownloadFaults {
  /** Throttle to this many bytes per second. */
  bytesPerSecond?: number;
  /** Destroy the socket after this many body bytes. */
  cutAfterBytes?: number;
}

/**
 * What an expired link answers, per provider, as their CDNs do: signed object-storage URLs (Novita,
 * ModelArk) say 403 AccessDenied; fal's CDN says 404; EvoLink 410 Gone. The exact codes are the
 * simulator's choice — providers.md only says every URL expires — so clients must treat all three alike.
 */
const EXPIRED: Record<SimProvider, { status: number; type: string; body: string }> = {
  novita: {
    status: 403,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
  },
  ark: {
    status: 403,
    type: 'application/xml',
    body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
  },
  fal: { status: 404, type: 'text/plain', body: 'Not Found' },
  evolink: { status: 410, type: 'text/plain', body: 'Gone' },
};

/** Parses a single `Range: bytes=…` header against a size. `null` = serve the whole file; `'bad'` = 416. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Multi-range and other units are legal to ignore: answer 200 with the whole body (RFC 9110 §14.2).
  if (!m) return null;
  const [, a, b] = m;
  if (a === '' && b === '') return 'bad';
  let start: number;
  let end: number;
  if (a === '') {
    const suffix = Number(b);
    if (suffix === 0) return 'bad';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start >= size || start > end) return 'bad';
  return { start, end };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Uploaded inputs and task results, served over HTTP with `Range` (206), expiry and download faults.
 * URLs: `<base>/files/<token>/<name>` for uploads, `<base>/cdn/<token>/<name>` for results.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private readonly uploadDir: string;

  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
  ) {
    this.uploadDir = join(dataDir, 'uploads');
    mkdirSync(this.uploadDir, { recursive: true });
  }

  private token(): string {
    return randomBytes(12).toString('hex');
  }

  /** Stores uploaded bytes now (EvoLink base64 upload). `ttlMs` null = never expires. */
  addUpload(provider: SimProvider, bytes: Buffer, mime: string, name: string, ttlMs: number | null): { token: string; url: string } {
    const token = this.token();
    const path = join(this.uploadDir, token);
    writeFileSync(path, bytes);
    this.entries.set(token, { provider, path, mime, expiresAt: ttlMs === null ? null : Date.now() + ttlMs });
    return { token, url: `${this.baseUrl()}/files/${token}/${encodeURIComponent(name)}` };
  }

  /** Reserves a URL whose bytes come later by `completeUpload` (fal storage initiate + PUT). */
  reserveUpload(provider: SimProvider, mime: string, name: string): { token: string; url: string } {
    const token = this.token();
    this.entries.set(token, { provider, path: null, mime, expiresAt: null });
    return { token, url: `${this.baseUrl()}/files/${token}/${encodeURIComponent(name)}` };
  }

  /** Stores the bytes of a reserved upload. Returns false when the token is unknown. */
  completeUpload(token: string, bytes: Buffer, mime?: string): boolean {
    const e = this.entries.get(token);
    if (!e) return false;
    const path = join(this.uploadDir, token);
    writeFileSync(path, bytes);
    e.path = path;
    if (mime) e.mime = mime;
    return true;
  }

  /** Publishes a result file for `ttlMs` (from now). */
  addResult(provider: SimProvider, path: string, mime: string, name: string, ttlMs: number, taskId: string): { url: string; expiresAt: number } {
    const token = this.token();
    const expiresAt = Date.now() + ttlMs;
    this.entries.set(token, { provider, path, mime, expiresAt, taskId });
    return { url: `${this.baseUrl()}/cdn/${token}/${encodeURIComponent(name)}`, expiresAt };
  }

  /** The disk path behind a simulator URL that still works, or null (foreign, unknown, expired, not yet PUT). */
  localPath(url: string): string | null {
    const base = this.baseUrl();
    if (!url.startsWith(base + '/')) return null;
    const m = /^\/(?:files|cdn)\/([0-9a-f]+)\//.exec(url.slice(base.length));
    const e = m ? this.entries.get(m[1]!) : undefined;
    if (!e || !e.path || (e.expiresAt !== null && Date.now() >= e.expiresAt)) return null;
    return e.path;
  }

  /** Which provider and task a served token belongs to, for stats and faults. */
  owner(token: string): { provider: SimProvider; taskId?: string } | null {
    const e = this.entries.get(token);
    return e ? { provider: e.provider, taskId: e.taskId } : null;
  }

  /**
   * Answers GET/HEAD for a token: 404 unknown, the provider's expired answer after the TTL,
   * 200 or 206 (single range), 416 for an unsatisfiable range. Applies `faults` to the body.
   * Returns the status sent.
   */
  async serve(token: string, req: IncomingMessage, res: ServerResponse, faults: DownloadFaults): Promise<number> {
    const e = this.entries.get(token);
    if (!e || !e.path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return 404;
    }
    if (e.expiresAt !== null && Date.now() >= e.expiresAt) {
      const x = EXPIRED[e.provider];
      res.writeHead(x.status, { 'content-type': x.type }).end(x.body);
      return x.status;
    }
    const size = statSync(e.path).size;
    const range = parseRange(req.headers.range, size);
    const common = { 'content-type': e.mime, 'accept-ranges': 'bytes', etag: `"${token}-${size}"` };
    if (range === 'bad') {
      res.writeHead(416, { ...common, 'content-range': `bytes */${size}` }).end();
      return 416;
    }
    const start = range ? range.start : 0;
    const end = range ? range.end : size - 1;
    const status = range ? 206 : 200;
    res.writeHead(status, {
      ...common,
      'content-length': String(end - start + 1),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
    });
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return status;
    }
    await this.pump(e.path, start, end, res, faults);
    return status;
  }

  /** Streams bytes [start, end] with an optional throttle (10 slices a second) and cut-off. */
  private async pump(path: string, start: number, end: number, res: ServerResponse, faults: DownloadFaults): Promise<void> {
    let sent = 0;
    const slice = faults.bytesPerSecond ? Math.max(1, Math.floor(faults.bytesPerSecond / 10)) : Infinity;
    const stream = createReadStream(path, { start, end, highWaterMark: 64 * 1024 });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        let buf = chunk;
        while (buf.length > 0) {
          if (res.destroyed) return;
          let n = Math.min(buf.length, slice);
          if (faults.cutAfterBytes !== undefined) n = Math.min(n, faults.cutAfterBytes - sent);
          if (n <= 0) {
            // A CDN that drops the connection mid-body: the client sees fewer bytes than Content-Length.
            res.socket?.destroy();
            return;
          }
          const ok = res.write(buf.subarray(0, n));
          sent += n;
          buf = buf.subarray(n);
          // 'close' too: a client that hangs up never drains.
          if (!ok) {
            await new Promise<void>((r) => {
              const done = () => {
                res.off('drain', done).off('close', done);
                r();
              };
              res.on('drain', done).on('close', done);
            });
          }
          if (faults.bytesPerSecond) await sleep(100);
        }
      }
      res.end();
    } finally {
      stream.destroy();
    }
  }
}
