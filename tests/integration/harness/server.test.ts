import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { createToken } from '../../../src/harness/access';
import { bundleBridge } from '../../../src/harness/bridge/bundle';
import { createSocketTransport, type SocketLike } from '../../../src/harness/bridge/socket-transport';
import { harnessMediaUrl, startHarnessServer, type HarnessServer } from '../../../src/harness/server';
import { createStudioClient, StudioClientError } from '../../../src/renderer/api/client';
import { buildStudioApi } from '../../../src/shared/contract/client';

/**
 * The harness server in-process with a real Studio core, a real bridge bundle and the real
 * browser-side transport (over the `ws` package's WebSocket, which the transport's `SocketLike` fits).
 */
describe('harness server', () => {
  let base: string;
  let studio: Studio;
  let server: HarnessServer;
  let token: string;
  let origin: string;
  let bridgeJs: string;
  const openedLinks: string[] = [];

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'harness-it-'));
    const rendererDir = join(base, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
    const indexHtml = '<!doctype html><html><head><script type="module" src="./assets/app.js"></script></head><body></body></html>';
    token = createToken();
    bridgeJs = await bundleBridge();
    studio = await createStudio({
      host: 'harness',
      dataDir: join(base, 'data'),
      env: {},
      appVersion: '9.9.9',
      versions: { node: process.versions.node },
      mediaUrl: (id) => harnessMediaUrl(token, id),
      openExternal: async (url) => {
        openedLinks.push(url);
        return false;
      },
    });
    server = await startHarnessServer({ studio, rendererDir, indexHtml, bridgeJs, token, port: 0, testHooks: false, openedLinks: () => openedLinks });
    origin = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.close();
    await studio.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  const raw = (path: string, opts: { method?: string; headers?: Record<string, string> } = {}) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });

  const socketClient = (wsOrigin = origin, t = token) => {
    let refusedWith: string | null = null;
    const transport = createSocketTransport({
      url: `ws://127.0.0.1:${server.port}/ws?t=${t}`,
      connect: (url) => new WebSocket(url, { origin: wsOrigin }) as unknown as SocketLike,
      onRefused: (reason) => {
        refusedWith = reason;
      },
    });
    return { transport, client: createStudioClient(buildStudioApi(transport)), refused: () => refusedWith };
  };

  it('prints a URL on 127.0.0.1 that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?t=${token}`);
  });

  it('serves the page with the bridge first and a strict CSP that allows only its own socket', async () => {
    const res = await raw(`/?t=${token}`);
    expect(res.status).toBe(200);
    const html = res.body.toString();
    expect(html.indexOf('/harness-bridge.js')).toBeGreaterThan(0);
    expect(html.indexOf('/harness-bridge.js')).toBeLessThan(html.indexOf('type="module"'));
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/sandbox allow-scripts allow-same-origin allow-forms allow-downloads$/);
    expect(csp).not.toMatch(/allow-popups/);
    expect(csp).not.toContain('allow-popups');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses the page without the token, and any request for another Host', async () => {
    expect((await raw('/')).status).toBe(403);
    expect((await raw(`/?t=${'0'.repeat(32)}`)).status).toBe(403);
    expect((await raw(`/?t=${token}`, { headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await raw(`/?t=${token}`, { headers: { Host: `localhost:${server.port}` } })).status).toBe(421);
  });

  it('serves static assets and the bridge, and nothing outside the renderer', async () => {
    expect((await raw('/assets/app.js')).status).toBe(200);
    const bridge = await raw('/harness-bridge.js');
    expect(bridge.status).toBe(200);
    expect(bridge.body.toString()).toBe(bridgeJs);
    expect((await raw('/../data/logs/studio.log')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await raw('/assets/app.js', { method: 'POST' })).status).toBe(405);
  });

  it('bundles a bridge with no Node built-ins that installs window.studio', () => {
    expect(bridgeJs).not.toMatch(/require\(["'](node:)?(fs|path|child_process|crypto)["']\)/);
    expect(bridgeJs).toContain('"studio"');
  });

  it('keeps the test hooks off unless asked', async () => {
    expect((await raw(`/__test/opened-links?t=${token}`)).status).toBe(404);
    expect((await raw(`/__test/media?t=${token}`, { method: 'POST' })).status).toBe(405);
  });

  it('carries the contract: app:info answers from the core', async () => {
    const { client, transport } = socketClient();
    try {
      const info = await client.app.info();
      expect(info).toMatchObject({ host: 'harness', version: '9.9.9', dataDir: join(base, 'data') });
      expect(await client.app.status()).toEqual({ online: true });
    } finally {
      transport.close();
    }
  });

  it('answers a malformed payload with BAD_INPUT without running the handler', async () => {
    const { client, transport } = socketClient();
    try {
      const err = await client.app.openExternal({ url: 42 as unknown as string }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StudioClientError);
      expect((err as StudioClientError).code).toBe('BAD_INPUT');
      expect(openedLinks).toEqual([]);
      expect(await client.app.openExternal({ url: 'https://novita.ai/' })).toEqual({ opened: false });
      expect(openedLinks).toEqual(['https://novita.ai/']);
    } finally {
      transport.close();
    }
  });

  it('pushes EventBus events to the page', async () => {
    const { client, transport } = socketClient();
    try {
      await client.app.info(); // The socket is open once an answer came back.
      const received = new Promise((resolve) => client.app.onStatus(resolve));
      studio.events.emit('app', 'status', { online: false });
      expect(await received).toEqual({ online: false });
    } finally {
      transport.close();
    }
  });

  it('drops a garbage frame and keeps the socket usable', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?t=${token}`, { origin });
    await new Promise((r) => ws.once('open', r));
    const answers: unknown[] = [];
    ws.on('message', (d) => answers.push(JSON.parse(d.toString())));
    ws.send('not json');
    ws.send(JSON.stringify({ id: 'x', channel: 'app:info' }));
    ws.send(JSON.stringify({ id: 7, channel: 'app:nope', input: {} }));
    ws.send(JSON.stringify({ id: 8, channel: 'app:info', input: {} }));
    await new Promise<void>((resolve) => {
      const check = () => (answers.length >= 2 ? resolve() : setImmediate(check));
      check();
    });
    ws.close();
    expect(answers[0]).toMatchObject({ id: 7, result: { ok: false, error: { code: 'NOT_FOUND' } } });
    expect(answers[1]).toMatchObject({ id: 8, result: { ok: true } });
  });

  it('closes a socket from another origin or with a bad token with 1008; calls answer UNAVAILABLE', async () => {
    for (const [wsOrigin, t] of [
      ['https://evil.example', token],
      [origin, 'f'.repeat(32)],
      [origin, ''],
    ] as const) {
      const { client, transport, refused } = socketClient(wsOrigin, t);
      const err = await client.app.info().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StudioClientError);
      expect((err as StudioClientError).code).toBe('UNAVAILABLE');
      expect(refused()).toMatch(/token|origin/i);
      transport.close();
    }
  });

  it('serves registered media with Range, and 404 for unknown ids', async () => {
    const clip = join(base, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-pix_fmt', 'yuv420p', '-y', clip]);
    const bytes = readFileSync(clip);
    const id = await studio.media.register(clip, 'video/mp4');
    const url = harnessMediaUrl(token, id);

    const partial = await raw(url, { headers: { Range: 'bytes=10-29' } });
    expect(partial.status).toBe(206);
    expect(partial.headers['content-range']).toBe(`bytes 10-29/${bytes.length}`);
    expect(partial.body.equals(bytes.subarray(10, 30))).toBe(true);
    expect(partial.headers['content-security-policy']).toBeDefined();

    const head = await raw(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(bytes.length));

    expect((await raw(`/media/${id}`)).status).toBe(403);
    expect((await raw(harnessMediaUrl(token, 'a'.repeat(32)))).status).toBe(404);
    expect((await raw(`/media/../clip.mp4?t=${token}`)).status).toBe(404);
  });
});
