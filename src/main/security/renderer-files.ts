import { stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isRealPathInside } from './paths';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/**
 * Maps the path of an `app://renderer/…` URL (`pathname`, still percent-encoded, e.g.
 * `/assets/index-3f2a.js`) to a file of the built renderer under `rendererRoot` (absolute), with
 * its Content-Type (`application/octet-stream` for unknown extensions). `/` means `index.html`.
 * Returns null — never throws — for malformed encodings, NUL bytes, anything whose realpath
 * leaves `rendererRoot` (`..`, encoded `%2e%2e`, symlinks out), directories and missing files.
 */
export async function resolveRendererFile(rendererRoot: string, pathname: string): Promise<{ path: string; mime: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = join(rendererRoot, decoded === '/' || decoded === '' ? 'index.html' : decoded);
  if (!(await isRealPathInside(file, rendererRoot))) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  return { path: file, mime: MIME[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}
