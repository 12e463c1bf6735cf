import { realpath, open, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseRange } from './range';
import type { MediaRegistry } from './registry';

/** The parts of an HTTP-like request `serveMedia` looks at. */
export interface MediaRequest {
  /** `GET` or `HEAD`; anything else is 405. Case-insensitive. */
  method: string;
  /** The raw `Range` header, if any. */
  rangeHeader?: string | null;
}

/**
 * A response every host can send: Electron's protocol handler wraps it in a `Response`
 * (`Readable.toWeb(body)`), the harness pipes `body` into its HTTP response.
 */
export interface MediaResponse {
  status: 200 | 206 | 404 | 405 | 416;
  headers: Record<string, string>;
  /** File bytes for 200/206 GET; absent for HEAD and errors. The stream closes its file itself. */
  body?: Readable;
}

const BASE_HEADERS = {
  'Accept-Ranges': 'bytes',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
} as const;

/**
 * Serves a registered media file with byte ranges, which `<video>` needs to seek (Chromium asks
 * for `bytes=0-` then jumps). 404 for an unknown id, a missing file, something that is not a
 * regular file, or a file whose realpath changed since registration (a swapped symlink); 405 for
 * methods other than GET/HEAD; 416 with a `Content-Range` naming the file size for a range past
 * the end.
 * Never throws for file-system errors; they become 404.
 */
export async function serveMedia(registry: MediaRegistry, id: string, req: MediaRequest): Promise<MediaResponse> {
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return { status: 405, headers: { ...BASE_HEADERS, Allow: 'GET, HEAD', 'Content-Length': '0' } };
  }
  const notFound: MediaResponse = { status: 404, headers: { ...BASE_HEADERS, 'Content-Length': '0' } };
  const entry = registry.resolve(id);
  if (!entry) return notFound;

  let handle: FileHandle | undefined;
  try {
    // Re-resolve at serve time: a symlink retargeted after registration must not leak another file.
    if ((await realpath(entry.path)) !== entry.realPath) return notFound;
    // Open the resolved path, not the symlink, so a swap between the check and the open cannot redirect us.
    handle = await open(entry.realPath, 'r');
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      return notFound;
    }
    const size = stat.size;
    const range = parseRange(req.rangeHeader, size);
    const headers: Record<string, string> = { ...BASE_HEADERS, 'Content-Type': entry.mime };

    if (range.kind === 'unsatisfiable') {
      await handle.close();
      return { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' } };
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : size - 1;
    headers['Content-Length'] = String(Math.max(0, end - start + 1));
    if (range.kind === 'partial') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    const status = range.kind === 'partial' ? 206 : 200;

    if (method === 'HEAD' || size === 0) {
      await handle.close();
      return { status, headers };
    }
    const body = handle.createReadStream({ start, end, autoClose: true });
    handle = undefined;
    return { status, headers, body };
  } catch {
    await handle?.close().catch(() => undefined);
    return notFound;
  }
}
