import { BrowserWindow, shell, type Session, type WebContents } from 'electron';
import type { NativeText } from '../i18n/native-text';
import { errorPageUrl } from './error-page';
import { isAllowedExternalUrl } from '../security/external-links';
import { isAllowedNavigation } from '../security/navigation';
import { isAllowedPermission } from '../security/permissions';
import { hardenWebviewPreferences, secureWebPreferences, webPreferencesViolations } from '../security/web-preferences';

/** What the Studio window loads and trusts. */
export interface WindowOptions {
  /** Absolute path of `out/preload/index.cjs`. */
  preloadPath: string;
  /** `app://renderer/index.html`, or the dev server URL under `electron-vite dev`. */
  startUrl: string;
  /** The origin of `startUrl`; the only one the window may show. */
  appOrigin: string;
  /** Named on the error page (the user's way to the log). */
  logFolder: string;
  /** The error page's words, in the app's language when it goes up. */
  text: Pick<NativeText, 't' | 'locale'>;
  /** Called with the reason when the renderer failed to load or crashed and the error page went up (for the log). */
  onFailure: (reason: string) => void;
}

/** Chromium's ERR_ABORTED: a navigation replaced by another (a reload, a redirect) — not a failure. */
const ERR_ABORTED = -3;

/**
 * Opens `url` in the system browser when it passes the external-link allowlist; otherwise drops it.
 * Returns whether it was opened. Never throws: a failing OS handler is reported as `false`.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false;
  try {
    await shell.openExternal(url);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Studio's main window with the secure `webPreferences` baseline; shown when its first paint is
 * ready so the user never sees a blank white frame. When the main frame fails to load
 * (`did-fail-load`, or `loadURL` rejecting) or its renderer process is gone, the window shows the
 * error page with a Reload link (and is shown if it was not yet), never an invisible window.
 * Throws if the baseline was weakened.
 */
export function createStudioWindow(options: WindowOptions): BrowserWindow {
  const webPreferences = secureWebPreferences(options.preloadPath);
  const violations = webPreferencesViolations({ ...webPreferences });
  if (violations.length > 0) throw new Error(`Insecure webPreferences: ${violations.join(', ')}`);
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Seedance Studio',
    backgroundColor: '#111318',
    webPreferences,
  });
  win.once('ready-to-show', () => win.show());
  const fail = (reason: string) => {
    if (win.isDestroyed()) return;
    options.onFailure(reason);
    const page = errorPageUrl({ reason, reloadUrl: options.startUrl, logFolder: options.logFolder, text: options.text });
    win.loadURL(page).catch(() => undefined);
    if (!win.isVisible()) win.show();
  };
  win.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // The error page itself failing must not loop; the window is shown either way.
    if (!isMainFrame || code === ERR_ABORTED || url.startsWith('data:')) return;
    fail(`The window's page did not load (${description || `error ${code}`}).`);
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    fail(`The window's renderer stopped (${details.reason}, exit code ${details.exitCode}).`);
  });
  // `did-fail-load` reports the failure; the rejection only has to be handled.
  win.loadURL(options.startUrl).catch(() => undefined);
  return win;
}

/**
 * Guards applied to every webContents the app creates (`app.on('web-contents-created')`), so no
 * window, pop-up or guest escapes them: `window.open` is denied (allowlisted http(s) links go to
 * the system browser), navigation and redirects off our origin are cancelled, and `<webview>`
 * attaches are refused after their preferences are hardened.
 */
export function guardWebContents(contents: WebContents, appOrigin: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalSafely(url); // fire-and-forget: the pop-up is denied whether or not the browser opens
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url, appOrigin)) return;
    event.preventDefault();
    // A plain <a href="https://fal.ai/…"> click lands here; send it to the browser instead.
    void openExternalSafely(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event, webPreferences) => {
    hardenWebviewPreferences(webPreferences as unknown as Record<string, unknown>);
    event.preventDefault();
  });
}

/**
 * Session-wide guards: permissions only as `isAllowedPermission` says (notifications from our
 * origin), no device access, and no page-initiated downloads (exports go through main).
 */
export function guardSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isAllowedPermission(permission, details.requestingUrl, appOrigin));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isAllowedPermission(permission, requestingOrigin, appOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/**
 * Under `electron-vite dev` the page comes from the Vite dev server, not `app://`, so the CSP is
 * added to the dev server's responses here (`csp` built with `devServer`). Never used when packaged.
 */
export function applyDevCsp(session: Session, devOrigin: string, csp: string): void {
  session.webRequest.onHeadersReceived({ urls: [`${devOrigin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
