/**
 * Origin comparison that works for our custom `app://` scheme. WHATWG `URL#origin` is the string
 * `"null"` for schemes Node does not know, so comparing `.origin` would make every `app://` URL
 * equal to every other; we compare scheme, host and port ourselves instead.
 */

/** Parses `url`, or returns null when it is not an absolute URL. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` has exactly the scheme, host and port of `origin` (e.g. `app://renderer` or
 * `http://localhost:5173`) and carries no credentials. A prefix check is not enough:
 * `app://renderer.evil/` starts with `app://renderer`.
 */
export function isSameOrigin(url: string, origin: string): boolean {
  const a = parseUrl(url);
  const b = parseUrl(origin);
  if (!a || !b) return false;
  if (a.username !== '' || a.password !== '') return false;
  // Node keeps the case of hosts in non-special schemes (`app://RENDERER`); Chromium lowercases
  // hosts of standard schemes, so lowercasing here matches what the browser would load.
  const hostA = a.hostname.toLowerCase();
  return a.protocol === b.protocol && hostA === b.hostname.toLowerCase() && a.port === b.port && hostA !== '';
}
