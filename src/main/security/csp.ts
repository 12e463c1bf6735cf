import { randomBytes } from 'node:crypto';

/**
 * Options for `buildCsp`. Production (`app://`) uses none; the browser harness adds its WebSocket
 * origin; `electron-vite dev` adds its dev server.
 */
export interface CspOptions {
  /** Extra `connect-src` sources, e.g. the harness's `ws://127.0.0.1:4711`. */
  connectSrc?: readonly string[];
  /**
   * Allows `<style>` elements and `style=""` attributes. Off by default: React's `style={{}}` props
   * go through the CSSOM, which CSP does not govern, so the app should not need it.
   */
  inlineStyles?: boolean;
  /**
   * This page load's nonce (see `newCspNonce`): `<style>` elements carrying it are allowed. Radix's
   * Select viewport and its scroll lock (react-remove-scroll) add such elements; the nonce lets
   * them in without `'unsafe-inline'`.
   */
  styleNonce?: string;
  /**
   * The Vite dev server origin (`http://localhost:5173`) under `electron-vite dev`: its HMR client
   * needs the origin for scripts and its WebSocket, and the React refresh preamble is an inline
   * script. Never set in a packaged build.
   */
  devServer?: string;
}

/**
 * The renderer's Content-Security-Policy header value. Strict by default: everything `'none'`
 * except our own scripts, styles, fonts and connections, and images/video from our origin, the
 * `media:` protocol, `data:` and `blob:` (cropped previews). No `eval`, no plugins, no `<base>`,
 * no form posts, and nobody may frame us. Media served by the harness lives under its own origin's
 * `/media/` path, which `'self'` covers.
 */
export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServer;
  const devWs = dev ? dev.replace(/^http/, 'ws') : undefined;
  const list = (...sources: Array<string | undefined | false>) => sources.filter(Boolean).join(' ');
  const directives: Array<[string, string]> = [
    ['default-src', "'none'"],
    ['script-src', list("'self'", dev, dev && "'unsafe-inline'")],
    ['style-src', list("'self'", options.styleNonce && `'nonce-${options.styleNonce}'`, (options.inlineStyles || dev) && "'unsafe-inline'", dev)],
    ['img-src', "'self' media: data: blob:"],
    ['media-src', "'self' media:"],
    ['connect-src', list("'self'", ...(options.connectSrc ?? []), dev, devWs)],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map(([name, value]) => `${name} ${value}`).join('; ');
}

/**
 * A fresh CSP nonce: 16 random bytes as base64 (24 characters). One per HTML response, never reused,
 * so a nonce seen in one load is worthless in the next (CSP Level 3, "nonce-source").
 */
export function newCspNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Puts `<meta property="csp-nonce" nonce="…">` first in `html`'s `<head>`, Vite's convention: the
 * renderer reads the nonce from it (`meta.nonce`; browsers blank the attribute once parsed) and hands
 * it to the libraries that add `<style>` elements. Throws when `nonce` is not base64 or there is no `<head>`.
 */
export function injectCspNonce(html: string, nonce: string): string {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(nonce)) throw new Error('A CSP nonce must be base64.');
  const head = /<head\b[^>]*>/i.exec(html);
  if (!head) throw new Error('The renderer index.html has no <head>.');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    <meta property="csp-nonce" nonce="${nonce}" />${html.slice(at)}`;
}
