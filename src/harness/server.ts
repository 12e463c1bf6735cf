import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Studio } from '../main/composition/create-studio';
import { buildCsp, injectCspNonce, newCspNonce } from '../main/security/csp';
import { isOwnHost, tokenMatches } from './access';
import { handleMedia } from './http/media';
import { injectBridgeScript, serveRendererFile } from './http/renderer-files';
import { handleTestHook, type NotificationRecorder, type ScriptedFolderPicker } from './http/test-hooks';
import { createContractSocket, type ContractSocket } from './socket';

export interface HarnessServerOptions {
  studio: Studio;
  /** The built renderer, e.g. `out/renderer`. */
  rendererDir: string;
  /** The renderer's `index.html` as built. */
  indexHtml: string;
  /** The bundled browser bridge (see `bundleBridge`). */
  bridgeJs: string;
  token: string;
  /** 0 = any free port. */
  port: number;
  /** URLs `app:openExternal` was asked to open; only read by the test hooks. */
  openedLinks(): readonly string[];
  /** Serve `/__test/*` (see `handleTestHook`). */
  testHooks: boolean;
  /** The desktop stand-in the studio was built with (`config.desktop`); read and steered by the test hooks. */
  desktop?: NotificationRecorder;
  /** The scripted folder picker the studio was built with (`config.chooseFolder`), steered by the test hooks. */
  folderPicker?: ScriptedFolderPicker;
}

export interface HarnessServer {
  /** `http://127.0.0.1:<port>/?t=<token>`: the page to open. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/harness-bridge.js';

/** The page-relative URL of a registered media file: `/media/<id>?t=<token>`. */
export function harnessMediaUrl(token: string, id: string): string {
  return `/media/${encodeURIComponent(id)}?t=${token}`;
}

/**
 * Builds the CSP for the harness page: the app's own (`buildCsp`, with the page's style nonce when
 * given) plus the harness's WebSocket, plus `sandbox allow-scripts allow-same-origin allow-forms
 * allow-downloads` — without `allow-popups`, the browser itself makes `window.open` return null,
 * the harness's equivalent of main's `setWindowOpenHandler` deny; `allow-downloads` lets Save a
 * copy and Export sidecar reach the browser's downloads, as Electron's session does.
 */
export function harnessCsp(port: number, styleNonce?: string): string {
  return `${buildCsp({ connectSrc: [`ws://127.0.0.1:${port}`], styleNonce })}; sandbox allow-scripts allow-same-origin allow-forms allow-downloads`;
}

/**
 * Starts the harness's HTTP server on 127.0.0.1 (never another interface): the renderer with the
 * bridge injected, `/media/<id>` for registered files, `/ws` for the contract, and `/__test/*`
 * when enabled. Requests for the page, media and hooks need the run's token (`?t=`); the
 * renderer's static assets do not (they hold no secrets and the page loads them without it).
 * Every request must name `127.0.0.1:<port>` as its Host (DNS rebinding).
 */
export async function startHarnessServer(options: HarnessServerOptions): Promise<HarnessServer> {
  const { studio, token } = options;
  const indexHtml = injectBridgeScript(options.indexHtml, BRIDGE_PATH);
  let port = 0;
  let socket: ContractSocket | null = null;
  let headers: Record<string, string> = {};
  const mediaUrl = (id: string) => harnessMediaUrl(token, id);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';
    const authorised = tokenMatches(url.searchParams.get('t'), token);
    const path = url.pathname;

    if (options.testHooks && path.startsWith('/__test/')) {
      if (!authorised) return forbidden(res);
      return handleTestHook(
        { media: studio.media, mediaUrl, openedLinks: options.openedLinks, library: studio.library, network: studio.network, desktop: options.desktop, folderPicker: options.folderPicker },
        path,
        req,
        res,
        headers,
      );
    }
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path.startsWith('/media/')) {
      if (!authorised) return forbidden(res);
      return handleMedia(studio.media, path.slice('/media/'.length), method, req.headers.range, res, headers);
    }
    if (path === BRIDGE_PATH) {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' }).end(method === 'HEAD' ? undefined : options.bridgeJs);
      return;
    }
    if (path === '/' || path === '/index.html') {
      if (!authorised) return forbidden(res, 'Open the URL the harness printed (it carries the token).');
      // A nonce per load, in the header and in the page, for the <style> elements libraries add.
      const nonce = newCspNonce();
      res
        .writeHead(200, { ...headers, 'Content-Security-Policy': harnessCsp(port, nonce), 'Content-Type': 'text/html; charset=utf-8' })
        .end(method === 'HEAD' ? undefined : injectCspNonce(indexHtml, nonce));
      return;
    }
    return serveRendererFile(options.rendererDir, path, method, res, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      studio.log.error('harness.request_failed', { path: req.url?.split('?')[0], error: err });
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  server.on('upgrade', (req, sock, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!socket || url.pathname !== '/ws' || !isOwnHost(req.headers.host, port)) {
      sock.destroy();
      return;
    }
    socket.handleUpgrade(req, sock, head, url.searchParams.get('t'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  headers = {
    'Content-Security-Policy': harnessCsp(port),
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
  socket = createContractSocket(studio, port, token);

  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    port,
    async close() {
      socket?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function forbidden(res: ServerResponse, message = 'Forbidden'): void {
  res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end(message);
}
