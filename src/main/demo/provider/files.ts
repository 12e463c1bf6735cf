import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { DownloadShape, SimProvider } from './types';

/**
 * The offline world's public web: an https origin under the reserved `.test` top-level domain
 * (RFC 6761), which no real provider can ever reach. The simulated providers "download"
 * `https://media.seedance-demo.test/<path>` from the demo server's public folder
 * (`<dataDir>/public/<path>`). It exists because ModelArk takes reference videos only by a public
 * URL it fetches itself (providers.md "Seedance 2.0 reference-to-video", BytePlus ModelArk: "video_url
 * must be a public URL the service can fetch"; BytePlus tutorial 2291680 suggests public-read object
 * storage): offline, this folder stands in for that storage, while every other address still fails
 * as an unreachable one would. The app's own rule (a reference URL is a public https:// address) is
 * unchanged.
 */
export const DEMO_PUBLIC_ORIGIN = 'https://media.seedance-demo.test';

/** Path segments a public-host URL may use: no `..`, no hidden names, no separators inside a segment. */
const PUBLIC_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

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

/**
 * Uploaded inputs and task results, served over HTTP with `Range` (206), expiry and download faults.
 * URLs: `<base>/files/<token>/<name>` for uploads, `<base>/cdn/<token>/<name>` for results.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  private readonly uploadDir: string;
  private readonly ready: Promise<unknown>;

  private readonly publicDir: string;

  constructor(
    dataDir: string,
    private readonly baseUrl: () => string,
  ) {
    this.uploadDir = join(dataDir, 'uploads');
    this.publicDir = join(dataDir, 'public');
    this.ready = mkdir(this.uploadDir, { recursive: true });
  }

  private token(): string {
    return randomBytes(12).toString('hex');
  }

  /** Stores uploaded bytes now (EvoLink base64 upload). `ttlMs` null = never expires. */
  async addUpload(provider: SimProvider, bytes: Buffer, mime: string, name: string, ttlMs: number | null): Promise<{ token: string; url: string }> {
    const token = this.token();
    const path = join(this.uploadDir, token);
    await this.ready;
    await writeFile(path, bytes);
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
  async completeUpload(token: string, bytes: Buffer, mime?: string): Promise<boolean> {
    const e = this.entries.get(token);
    if (!e) return false;
    const path = join(this.uploadDir, token);
    await this.ready;
    await writeFile(path, bytes);
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

  /**
   * The disk path of a URL a simulated provider can download: one it serves itself (`localPath`)
   * or a file on the public host (`DEMO_PUBLIC_ORIGIN`, read from `<dataDir>/public`). Null for any
   * other address, an unsafe path, or a public file that does not exist — as a fetch would fail.
   */
  async fetchablePath(url: string): Promise<string | null> {
    const own = this.localPath(url);
    if (own) return own;
    if (!url.startsWith(DEMO_PUBLIC_ORIGIN + '/')) return null;
    const rest = url.slice(DEMO_PUBLIC_ORIGIN.length + 1).split(/[?#]/)[0] ?? '';
    let segments: string[];
    try {
      segments = rest.split('/').map((part) => decodeURIComponent(part));
    } catch {
      return null;
    }
    if (segments.length === 0 || !segments.every((part) => PUBLIC_SEGMENT.test(part))) return null;
    const path = join(this.publicDir, ...segments);
    const found = await stat(path).catch(() => null);
    return found?.isFile() ? path : null;
  }

  /** Which provider and task a served token belongs to, for stats and faults. */
  owner(token: string): { provider: SimProvider; taskId?: string } | null {
    const e = this.entries.get(token);
    return e ? { provider: e.provider, taskId: e.taskId } : null;
  }

  /**
   * Answers GET/HEAD for a token: 404 unknown, the provider's expired answer after the TTL,
   * 200 or 206 (single range), 416 for an unsatisfiable range. The body goes through `shape` when
   * one is given. Returns the status sent.
   */
  async serve(token: string, req: IncomingMessage, res: ServerResponse, shape?: DownloadShape | null): Promise<number> {
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
    const size = (await stat(e.path)).size;
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
    const body = createReadStream(e.path, { start, end, highWaterMark: 64 * 1024 });
    // A client that hangs up mid-body ends the pipeline with an error: nothing to answer then.
    await (shape ? shape.send(body, res) : pipeline(body, res)).catch(() => undefined);
    return status;
  }
}
