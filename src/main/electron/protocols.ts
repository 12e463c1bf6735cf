import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { serveMedia } from '../media/serve';
import type { MediaRegistry } from '../media/registry';
import { injectCspNonce, newCspNonce } from '../security/csp';
import { resolveRendererFile } from '../security/renderer-files';

/** Host of `app://` URLs: the renderer is served as `app://renderer/index.html`. */
export const APP_HOST = 'renderer';
/** Our production origin; navigation, sender and permission checks compare against it. */
export const APP_ORIGIN = `app://${APP_HOST}`;
/** Host of `media://` URLs: a clip is `media://clip/<id>`. */
export const MEDIA_HOST = 'clip';

/**
 * Must run before `app` is ready. `standard` gives the schemes real origins (so `app://renderer`
 * is an origin the checks can compare, and relative URLs resolve), `secure` makes them a secure
 * context, `supportFetchAPI` lets the renderer `fetch` its own files, and `stream` lets `<video>`
 * play `media:` responses as they arrive. `corsEnabled` is deliberately unset: it would let any
 * origin read the scheme's responses with `fetch` (no Access-Control-Allow-Origin check is made),
 * while `<video src>` and `<img src>` load without it.
 */
export const PRIVILEGED_SCHEMES = [
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: 'media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
] as const;

const notFound = () => new Response(null, { status: 404, headers: { 'Content-Length': '0' } });

/**
 * Serves the built renderer (`rendererRoot`, absolute: `out/renderer`) at `app://renderer/…`,
 * every response carrying `csp(nonce)` as its Content-Security-Policy. HTML pages get a fresh
 * style nonce, in the header and in the page (`injectCspNonce`); other files get `csp()`. A path is
 * served only if its realpath stays inside `rendererRoot` (no `..`, no symlink out); anything else
 * is 404, and methods other than GET/HEAD are 405.
 */
export function registerAppProtocol(rendererRoot: string, csp: (styleNonce?: string) => string): void {
  protocol.handle('app', async (request) => {
    const method = request.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST) return notFound();
    const file = await resolveRendererFile(rendererRoot, url.pathname);
    if (!file) return notFound();
    try {
      const nonce = file.mime.startsWith('text/html') ? newCspNonce() : undefined;
      const raw = await readFile(file.path);
      const body = nonce ? Buffer.from(injectCspNonce(raw.toString('utf8'), nonce)) : raw;
      const headers = {
        'Content-Type': file.mime,
        'Content-Length': String(body.length),
        'Content-Security-Policy': csp(nonce),
        'X-Content-Type-Options': 'nosniff',
      };
      return new Response(method === 'HEAD' ? null : body, { status: 200, headers });
    } catch {
      return notFound();
    }
  });
}

/**
 * Serves registered media at `media://clip/<id>` through `serveMedia`, with byte ranges; `registry`
 * is the core's, awaited so the scheme can be handled before the core is up.
 * Electron's `protocol.handle` does not answer Range requests for us, and without 206 responses
 * `<video>` cannot seek (electron/electron#38749), so ranges are handled by hand.
 */
export function registerMediaProtocol(registry: Promise<MediaRegistry>): void {
  protocol.handle('media', async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== MEDIA_HOST) return notFound();
    const res = await serveMedia(await registry, url.pathname.slice(1), {
      method: request.method,
      rangeHeader: request.headers.get('range'),
    });
    // Node's web stream type and the DOM's are the same object at run time but distinct types.
    const body = res.body ? (Readable.toWeb(res.body) as unknown as ReadableStream<Uint8Array>) : null;
    return new Response(body, { status: res.status, headers: res.headers });
  });
}
