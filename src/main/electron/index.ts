/**
 * The Electron host: the only entry that imports `electron`. It registers the privileged schemes,
 * opens the window at once (the renderer shows its starting state while the core comes up), builds
 * the core with `createStudio`, serves the renderer and media, carries the contract over IPC and
 * applies the security guards. Everything else lives in the plain-Node core.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, session, shell } from 'electron';
import { PRODUCT_NAME } from '../app/user-data';
import { createStudio, type Studio } from '../composition/create-studio';
import { createNativeText } from '../i18n/native-text';
import { buildCsp } from '../security/csp';
import { electronStoreOpener } from './electron-store';
import { registerIpc } from './ipc';
import { createElectronDesktop } from './notifications';
import { buildAppMenu } from './menu';
import { followThemeSetting } from './native-theme';
import { createSafeStorageCrypto } from './safe-storage';
import { utilityEngineLauncher } from './engine-launcher';
import { APP_ORIGIN, PRIVILEGED_SCHEMES, registerAppProtocol, registerMediaProtocol } from './protocols';
import { electronFolderDialog } from './folder-dialog';
import { electronSaveDialog } from './save-dialog';
import { applyDevCsp, createStudioWindow, guardSession, guardWebContents, openExternalSafely } from './window';

// Every renderer sandboxed, including any a dependency might open (Electron security checklist #4).
app.enableSandbox();
// Scheme privileges can only be set before `ready`.
protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES.map((s) => ({ scheme: s.scheme, privileges: { ...s.privileges } })));

/**
 * Windows shows a notification only for an AppUserModelID that a Start-menu shortcut carries: the
 * installer must use this id as its appId; an unpackaged run uses electron.exe's path, as Electron's
 * notifications guide says.
 */
const APP_USER_MODEL_ID = 'studio.seedance.desktop';
if (process.platform === 'win32') app.setAppUserModelId(app.isPackaged ? APP_USER_MODEL_ID : process.execPath);

// `<appData>/Seedance Studio` whatever the package is called, so the desktop app and the browser
// fallback of `npm start` (src/harness, `--app`) keep their work in the same folder. Each e2e run
// gets its own folder (Actual's e2e fixtures do the same); never honoured when packaged.
const testUserData = !app.isPackaged ? process.env.SEEDANCE_USER_DATA : undefined;
app.setPath('userData', testUserData || join(app.getPath('appData'), PRODUCT_NAME));
const logFolder = join(app.getPath('userData'), 'logs');

/** Set by `electron-vite dev`; ignored in a packaged build (a stray variable cannot load a remote page) and when empty. */
const devServerUrl = (!app.isPackaged && process.env.ELECTRON_RENDERER_URL) || undefined;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;

/**
 * What main shows natively — menu, dialogs, notifications, the error box and page — in the language
 * setting's language: the system's (Electron's preferred system languages, then its locale; English
 * when none is Chinese or English) from `ready` until the core has read the saved setting, then the
 * setting, which the core follows to quit. English before `ready` (only the fatal box can show then).
 */
const nativeText = createNativeText(() => [...app.getPreferredSystemLanguages(), app.getLocale()]);

/** `out/main`, where this bundle lives; the preload and renderer are built next to it. */
const outMain = dirname(fileURLToPath(import.meta.url));

let studio: Studio | undefined;
let mainWindow: BrowserWindow | undefined;
let quitting = false;
/** Milliseconds since the process started (`performance.now()`): Electron ready, first window shown, core ready. */
const startup: { readyMs?: number; windowShownMs?: number; appReadyMs?: number } = {};

function openWindow(): void {
  const win = createStudioWindow({
    preloadPath: join(outMain, '..', 'preload', 'index.cjs'),
    startUrl,
    appOrigin,
    logFolder,
    text: nativeText,
    onFailure: (reason) => {
      console.error(`Seedance Studio: ${reason}`);
      studio?.log.error('window.failed', { reason });
    },
  });
  mainWindow = win;
  win.once('show', () => {
    startup.windowShownMs ??= performance.now();
    reportStartup();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
}

/** Logs the start-up times once both are known (the README quotes them). */
function reportStartup(): void {
  const { readyMs = 0, windowShownMs, appReadyMs } = startup;
  if (windowShownMs === undefined || appReadyMs === undefined || !studio) return;
  const times = { readyMs: Math.round(readyMs), windowShownMs: Math.round(windowShownMs), appReadyMs: Math.round(appReadyMs) };
  studio.log.info('app.startup', times);
  if (!app.isPackaged) {
    console.log(`Seedance Studio: Electron ready after ${times.readyMs} ms, window shown after ${times.windowShownMs} ms, app ready after ${times.appReadyMs} ms`);
  }
}

/** `<user Videos>/Seedance Studio`, where users look for videos; undefined lets the core default to the data folder. */
function defaultLibraryDir(): string | undefined {
  try {
    return join(app.getPath('videos'), 'Seedance Studio');
  } catch {
    // Some Linux desktops define no Videos folder.
    return undefined;
  }
}

function buildCore(): Promise<Studio> {
  return createStudio({
    host: 'electron',
    dataDir: app.getPath('userData'),
    env: process.env,
    appVersion: app.getVersion(),
    versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    mediaUrl: (id) => `media://clip/${id}`,
    openExternal: openExternalSafely,
    echoLog: !app.isPackaged,
    libraryDir: defaultLibraryDir(),
    trashItem: (absPath) => shell.trashItem(absPath),
    showItemInFolder: (absPath) => shell.showItemInFolder(absPath),
    // `openPath` answers an error message, or '' when the folder opened.
    openFolder: async (absPath) => (await shell.openPath(absPath)) === '',
    chooseSavePath: electronSaveDialog(() => mainWindow, nativeText),
    chooseFolder: electronFolderDialog(() => mainWindow, nativeText),
    nativeText,
    // safeStorage must be created after `ready`: on Linux it reports no encryption before that.
    keyCrypto: createSafeStorageCrypto(),
    // The settings file and key vault are electron-store files, as the design card says.
    openConf: electronStoreOpener,
    // Polling and downloads run in a utility process so they never block the window (ARCHITECTURE.md).
    launchEngine: utilityEngineLauncher({ entry: join(outMain, 'engine-process.js') }),
    // Chromium's own view of the network interfaces: lets the probe say "offline" without waiting on DNS.
    isOnline: () => net.isOnline(),
    // Job ends on the desktop while the window is in the background, and running jobs on the taskbar.
    desktop: createElectronDesktop({
      window: () => mainWindow,
      // A click comes from the user, after `createStudio` has returned and `studio` is set.
      onActivate: (jobId, action) => studio?.events.emit('app', 'focusJob', { jobId, action }),
      onFailed: (jobId, error) => studio?.log.warn('notify.electron_failed', { jobId, error }),
      text: nativeText,
    }),
  });
}

/**
 * After `ready`: guards, the `app://` scheme, and IPC for every contract channel go in first;
 * then the window opens while the core (stores, library, engine process) comes up — calls from the
 * window wait for it. A core that cannot start is fatal (see `fatal`).
 */
function start(): void {
  startup.readyMs = performance.now();
  // The menu in the system's language now, rebuilt whenever the language changes: when the core
  // applies the saved setting (in `buildCore`, so this comes first), and on every later change.
  const setMenu = () => Menu.setApplicationMenu(buildAppMenu({ platform: process.platform, dev: !app.isPackaged, appName: app.name, text: nativeText }));
  nativeText.apply('system');
  setMenu();
  nativeText.onChange(setMenu);
  const ses = session.defaultSession;
  guardSession(ses, appOrigin);
  if (devServerUrl) applyDevCsp(ses, appOrigin, buildCsp({ devServer: appOrigin }));
  registerAppProtocol(join(outMain, '..', 'renderer'), (styleNonce) => buildCsp({ styleNonce }));
  const core = buildCore();
  const media = core.then((s) => s.media);
  media.catch(() => undefined); // the failure is handled once, below
  registerMediaProtocol(media);
  registerIpc({ core, appOrigin, targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents) });
  openWindow();
  core.then((ready) => {
    studio = ready;
    // Native UI (scrollbars, dialogs, title bar) follows the theme setting from here to quit;
    // before this it follows the system, as `system` (the default) would.
    followThemeSetting(ready.settings);
    startup.appReadyMs = performance.now();
    reportStartup();
    // A renderer that never painted still gets a visible window once the app is ready.
    if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.isVisible()) mainWindow.show();
  }, fatal);
}

/**
 * A start that cannot go on: the reason goes to the log file (best effort) and stderr, the user
 * gets an error box naming the log folder, and the app quits.
 */
function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error('Seedance Studio failed to start', err);
  const line = `${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'app.start_failed', message })}\n`;
  void mkdir(logFolder, { recursive: true })
    .then(() => appendFile(join(logFolder, 'studio.log'), line))
    .catch(() => undefined)
    .finally(() => {
      dialog.showErrorBox(nativeText.t('dialog.startFailedTitle'), nativeText.t('dialog.startFailedBody', { message, folder: logFolder }));
      app.exit(1);
    });
}

/** A second launch, a click on the Dock icon: the window comes forward, or a new one opens. */
function showWindow(): void {
  if (quitting || !app.isReady()) return;
  if (!mainWindow || mainWindow.isDestroyed()) return openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));

if (!app.requestSingleInstanceLock()) {
  // Another Studio owns the data folder (jobs, library); two writers would corrupt it.
  app.quit();
} else {
  app.on('second-instance', showWindow);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting || !studio) return;
    // Let the core flush its stores before the process goes away, then quit for real.
    event.preventDefault();
    quitting = true;
    void studio
      .dispose()
      .catch((err: unknown) => studio?.log.error('app.dispose_failed', { error: err }))
      .then(() => app.quit());
  });
  app.whenReady().then(start).catch(fatal);
}
