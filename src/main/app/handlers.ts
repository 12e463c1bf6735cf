import type { Handlers } from '../../shared/contract/index';
import type { AppInfo, EngineStatus } from '../../shared/contract/app';
import { isAllowedExternalUrl } from '../security/external-links';

/** Host facts the app domain reports; each host fills them in. */
export interface AppDeps {
  info: () => AppInfo;
  isOnline: () => boolean;
  /** Opens an http(s) URL that passed the allowlist in the system browser; the host decides how (shell.openExternal, or not at all). */
  openExternal: (url: string) => Promise<boolean>;
  /** Opens the logs folder in the file manager; false where the host cannot. */
  openLogsFolder: () => Promise<boolean>;
  /** The job engine's status, and the Retry that restarts it when it is down (`EngineHost.status` / `restart`). */
  engine: () => EngineStatus;
  retryEngine: () => EngineStatus;
}

/**
 * Handlers for the `app` domain. `openExternal` applies the external-link allowlist
 * (`isAllowedExternalUrl`) here, in the core, so every host refuses a foreign link, a `file:` URL
 * or any other scheme before it reaches the host: such a URL answers `{ opened: false }` and the
 * host is never asked.
 */
export function createAppHandlers(deps: AppDeps): Handlers['app'] {
  return {
    info: () => deps.info(),
    status: () => ({ online: deps.isOnline() }),
    openExternal: async ({ url }) => ({ opened: isAllowedExternalUrl(url) && (await deps.openExternal(url)) }),
    openLogsFolder: async () => ({ opened: await deps.openLogsFolder() }),
    engine: () => deps.engine(),
    retryEngine: () => deps.retryEngine(),
  };
}
