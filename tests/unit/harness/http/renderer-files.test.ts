import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectBridgeScript, readRendererIndex, serveRendererFile } from '../../../../src/harness/http/renderer-files';

describe('injectBridgeScript', () => {
  it('puts the bridge before the first script so it runs before the app module', () => {
    const html = '<html><head><title>x</title><script type="module" src="./a.js"></script></head></html>';
    const out = injectBridgeScript(html, '/harness-bridge.js');
    expect(out.indexOf('<script src="/harness-bridge.js"></script>')).toBeLessThan(out.indexOf('type="module"'));
    expect(out.match(/<script/g)).toHaveLength(2);
  });

  it('falls back to the end of <head> when there is no script', () => {
    expect(injectBridgeScript('<head><title>x</title></head>', '/b.js')).toBe('<head><title>x</title><script src="/b.js"></script>\n  </head>');
  });

  it('refuses a page without <head>', () => {
    expect(() => injectBridgeScript('<p>hi</p>', '/b.js')).toThrow(/no <head>/);
  });
});

describe('readRendererIndex', () => {
  it('says to build first when out/renderer is missing', async () => {
    await expect(readRendererIndex('/nonexistent/out/renderer')).rejects.toThrow(/electron-vite build/);
  });
});

describe('serveRendererFile', () => {
  let base: string;
  let root: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'harness-files-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
    writeFileSync(join(base, 'secret.txt'), 'outside');
    mkdirSync(join(base, 'renderer-evil'));
    writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0] as string;
      void serveRendererFile(root, path, req.method ?? 'GET', res, { 'X-Test': '1' });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    rmSync(base, { recursive: true, force: true });
  });

  // Raw paths: Node's http client sends them exactly as written (no `..` normalisation).
  const get = (path: string, method = 'GET') =>
    new Promise<{ status: number; type?: string; body: string; test?: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body, test: res.headers['x-test'] as string }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves a file inside the renderer with its type and the extra headers', async () => {
    const res = await get('/assets/app.js');
    expect(res).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'console.log(1);', test: '1' });
  });

  it('answers HEAD without a body', async () => {
    expect(await get('/assets/app.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/../renderer-evil/x.js',
    '/assets/link.txt',
    '/assets',
    '/missing.js',
    '/%E0%A4%A',
    '/assets/app.js%00.png',
  ])('404 for %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside');
    expect(res.body).not.toContain('evil');
  });
});
