import { isSameOrigin } from './origin';

/** Permissions the renderer may hold. Everything else (camera, geolocation, clipboard-read…) is denied. */
const ALLOWED = new Set(['notifications']);

/**
 * Whether the session grants `permission` to `requestingOrigin`: only `notifications` (job
 * finished / failed) and only for our own origin. Used by both the permission request and the
 * permission check handlers so the answer never differs.
 */
export function isAllowedPermission(permission: string, requestingOrigin: string, appOrigin: string): boolean {
  return ALLOWED.has(permission) && isSameOrigin(requestingOrigin, appOrigin);
}
