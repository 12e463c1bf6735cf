import { isSameOrigin } from './origin';

/**
 * Whether the window may navigate (or be redirected) to `url`. Only our own origin — `app://renderer`
 * in production, the dev server's origin under `electron-vite dev` — is allowed; everything else,
 * including `file:`, `javascript:`, `data:` and look-alike hosts, is refused. External links go
 * through `isAllowedExternalUrl` and the system browser instead.
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}
