import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { resolveRendererFile } from '../../main/security/renderer-files';

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
  // The same resolver as the Electron app:// handler, so both hosts confine the renderer alike.
  const found = await resolveRendererFile(dir, pathname);
  const info = found ? await stat(found.path).catch(() => null) : null;
  if (!found || !info) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': found.mime, 'Content-Length': String(info.size) });
  if (method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(found.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
