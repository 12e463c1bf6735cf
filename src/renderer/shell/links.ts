/**
 * What clicking a link may do inside the app window:
 * - `in-app`: a same-document fragment (`#main`), left to the browser;
 * - `external`: an http(s) URL on another origin, handed to main's `app:openExternal`
 *   (which applies the allowlist and opens the system browser);
 * - `blocked`: anything else (other schemes, same-origin page loads that would replace the app).
 * `href` is the anchor's URL (relative ones resolve against `currentUrl`); `currentUrl` is the
 * app page's own URL (`app://renderer/index.html`, `http://127.0.0.1:…/?t=…`), which gives the origin.
 */
export type LinkAction = 'in-app' | 'external' | 'blocked';

export function classifyLink(href: string, currentUrl: string): LinkAction {
  let url: URL;
  try {
    url = new URL(href, currentUrl);
  } catch {
    return 'blocked';
  }
  const current = new URL(currentUrl);
  if (sameOrigin(url, current)) {
    const sameDocument = url.pathname === current.pathname && url.search === current.search && url.hash !== '';
    return sameDocument ? 'in-app' : 'blocked';
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? 'external' : 'blocked';
}

/**
 * Scheme + host + port equality. Not `URL#origin`: outside a browser that registered it as a
 * standard scheme (Node, tests), `app://renderer` has the origin "null", equal to every other.
 */
function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host.toLowerCase() === b.host.toLowerCase() && a.host !== '';
}
