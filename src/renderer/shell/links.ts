/**
 * What clicking a link may do inside the app window:
 * - `in-app`: a same-document fragment (`#main`), left to the browser;
 * - `external`: an http(s) URL on another origin, handed to main's `app:openExternal`
 *   (which applies the allowlist and opens the system browser);
 * - `blocked`: anything else (other schemes, same-origin page loads that would replace the app).
 * `href` is the anchor's resolved URL; `origin` is the app's origin (`app://studio`, `http://127.0.0.1:…`).
 */
export type LinkAction = 'in-app' | 'external' | 'blocked';

export function classifyLink(href: string, origin: string, currentUrl: string): LinkAction {
  let url: URL;
  try {
    url = new URL(href, currentUrl);
  } catch {
    return 'blocked';
  }
  if (url.origin === origin) {
    const current = new URL(currentUrl);
    const sameDocument = url.pathname === current.pathname && url.search === current.search && url.hash !== '';
    return sameDocument ? 'in-app' : 'blocked';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? 'external' : 'blocked';
}
