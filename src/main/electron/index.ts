/**
 * The Electron host: the only entry that imports `electron`. It registers the privileged schemes,
 * builds the core with `createStudio`, serves the renderer and media, carries the contract over
 * IPC and applies the security guards. Everything else lives in the plain-Node core.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, net, protocol, session, shell } from 'electron';
import { createStudio, type Studio } from '../composition/create-studio';
import { buildCsp } from '../security/csp';
import { registerIpc } from './ipc';
import { createElectronDesktop } from './notifications';
import { buildAppMenu } from './menu';
import { createSafeStorageCrypto } from './safe-storage';
import { utilityEngineLauncher } from './engine-launcher';
import { APP_ORIGIN, PRIVILEGED_SCHEMES, registerAppProtocol, registerMediaProtocol } from './protocols';
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

// Each e2e run gets its own data folder (Actual's e2e fixtures do the same); never honoured when packaged.
if (!app.isPackaged && process.env.SEEDANCE_USER_DATA) app.setPath('userData', process.env.SEEDANCE_USER_DATA);

/** Set by `electron-vite dev`; ignored in a packaged build so a stray variable cannot load a remote page. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const startUrl = devServerUrl ?? `${APP_ORIGIN}/index.html`;

/** `out/main`, where this bundle lives; the preload and renderer are built next to it. */
const outMain = dirname(fileURLToPath(import.meta.url));

let studio: Studio | undefined;
let mainWindow: BrowserWindow | undefined;

function openWindow(): void {
  mainWindow = createStudioWindow({ preloadPath: join(outMain, '..', 'preload', 'index.cjs'), startUrl, appOrigin });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
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

async function start(): Promise<void> {
  const core = await createStudio({
    host: 'electron',
    dataDir: app.getPath('userData'),
    env: process.env,
    appVersion: app.getVersion(),
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    mediaUrl: (id) => `media://clip/${id}`,
    openExternal: openExternalSafely,
    echoLog: !app.isPackaged,
    libraryDir: defaultLibraryDir(),
    trashItem: (absPath) => shell.trashItem(absPath),
    showItemInFolder: (absPath) => shell.showItemInFolder(absPath),
    // `openPath` answers an error message, or '' when the folder opened.
    openFolder: async (absPath) => (await shell.openPath(absPath)) === '',
    chooseSavePath: electronSaveDialog(() => mainWindow),
    // safeStorage must be created after `ready`: on Linux it reports no encryption before that.
    keyCrypto: createSafeStorageCrypto(),
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
    }),
  });
  studio = core;

  const ses = session.defaultSession;
  guardSession(ses, appOrigin);
  if (devServerUrl) applyDevCsp(ses, appOrigin, buildCsp({ devServer: appOrigin }));
  registerAppProtocol(join(outMain, '..', 'renderer'), (styleNonce) => buildCsp({ styleNonce }));
  registerMediaProtocol(core.media);
  registerIpc({
    router: core.router,
    events: core.events,
    appOrigin,
    targets: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
    grantFile: core.grants.grant,
  });
  Menu.setApplicationMenu(buildAppMenu({ isMac: process.platform === 'darwin', dev: !app.isPackaged }));
  openWindow();
}

app.on('web-contents-created', (_event, contents) => guardWebContents(contents, appOrigin));

if (!app.requestSingleInstanceLock()) {
  // Another Studio owns the data folder (jobs, library); two writers would corrupt it.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (studio && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
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
  app.whenReady().then(start).catch((err: unknown) => {
    console.error('Seedance Studio failed to start', err);
    app.exit(1);
  });
}
