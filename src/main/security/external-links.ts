import { parseUrl } from './origin';

/**
 * Hosts the app may open in the system browser: the providers' sites, dashboards (where keys are
 * made) and docs. A host matches itself and its subdomains (`docs.fal.ai`, `console.byteplus.com`),
 * with a dot boundary so `evilfal.ai` does not. The project has no public help site yet; add its
 * host here when it exists.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['novita.ai', 'fal.ai', 'evolink.ai', 'byteplus.com'];

/**
 * Whether `url` may be handed to the system browser: `https:` or `http:` only, no credentials
 * (`https://user:pass@…` is a classic phishing disguise), default port, and a host on
 * `EXTERNAL_HOSTS`. Any other scheme (`file:`, `javascript:`, `smb:`, custom protocol handlers) is
 * refused because the OS would run it. Pattern from Actual Budget's `external-links.ts`.
 */
export function isAllowedExternalUrl(url: string): boolean {
  if (url.length > 2048) return false;
  const u = parseUrl(url);
  if (!u) return false;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
  if (u.username !== '' || u.password !== '' || u.port !== '') return false;
  const host = u.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
