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
    ['style-src', list("'self'", (options.inlineStyles || dev) && "'unsafe-inline'", dev)],
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
