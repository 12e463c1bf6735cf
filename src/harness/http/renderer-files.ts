import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { isPathInside, isRealPathInside } from '../../main/security/paths';

const TYPES: Record<string, string> = {
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
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * Reads the built renderer's `index.html` from `dir` (electron-vite's `out/renderer`). Throws an
 * Error that says to build first when it is missing.
 */
export async function readRendererIndex(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, 'index.html'), 'utf8');
  } catch {
    throw new Error(`No built renderer in ${dir}. Run "npx electron-vite build" first.`);
  }
}

/**
 * Puts `<script src="<src>"></script>` before the first `<script` of `html` (or before `</head>`),
 * so the classic bridge script runs before the app's module script.
 */
export function injectBridgeScript(html: string, src: string): string {
  const tag = `<script src="${src}"></script>`;
  const at = html.search(/<script\b/i);
  if (at >= 0) return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
  const head = html.search(/<\/head>/i);
  if (head < 0) throw new Error('The renderer index.html has no <head>.');
  return `${html.slice(0, head)}${tag}\n  ${html.slice(head)}`;
}

/**
 * Streams the file `pathname` (URL path, still percent-encoded) from `dir`, or answers 404 when it
 * is missing, not a regular file, or resolves outside `dir` — lexically (`..`, encoded `%2F`) or
 * through a symlink. `headers` are added to every answer. Only GET/HEAD reach here.
 */
export async function serveRendererFile(dir: string, pathname: string, method: string, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const notFound = () => {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  };
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return notFound();
  }
  const file = join(dir, relative);
  if (relative.includes('\0') || !isPathInside(file, dir) || !(await isRealPathInside(file, dir))) return notFound();
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
  });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
