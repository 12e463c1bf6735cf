import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRendererFile } from '../../../../src/main/security/renderer-files';

describe('resolveRendererFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'renderer-files-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'index-3f2a.js'), 'export {}');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'a b.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'blob.bin'), 'x');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'x.js'), 'evil');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['/', 'index.html', 'text/html; charset=utf-8'],
    ['/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['/assets/index-3f2a.js', 'assets/index-3f2a.js', 'text/javascript; charset=utf-8'],
    ['/assets/app.css', 'assets/app.css', 'text/css; charset=utf-8'],
    ['/assets/a%20b.svg', 'assets/a b.svg', 'image/svg+xml'],
    ['/assets/blob.bin', 'assets/blob.bin', 'application/octet-stream'],
    ['/assets/../index.html', 'index.html', 'text/html; charset=utf-8'],
  ])('serves %s', async (pathname, file, mime) => {
    expect(await resolveRendererFile(root, pathname)).toEqual({ path: join(root, file), mime });
  });

  it.each([
    ['/../secret.txt'],
    ['/%2e%2e/secret.txt'],
    ['/%2E%2E%2Fsecret.txt'],
    ['/..%2f..%2fetc%2fpasswd'],
    ['/../renderer-evil/x.js'],
    ['/assets/link.js'],
    ['/assets'],
    ['/missing.js'],
    ['/%E0%A4%A'],
    ['/index.html%00.js'],
    ['/%2Fetc%2Fpasswd'],
  ])('refuses %s', async (pathname) => {
    expect(await resolveRendererFile(root, pathname)).toBeNull();
  });
});
