/**
 * A test double for the `electron` module, for loading the built Electron entry (out/main/index.js)
 * under plain Node. It records every call the entry makes (`calls`, each marked before/after
 * `ready`), keeps the handlers it registers (`protocol.handle`, `ipcMain.handle`) so the test can
 * call them, and lets the test play lifecycle events. `utilityProcess.fork` runs the given entry in
 * a real Node child (the built engine talks over `process.send` there), or — while `engineMode` is
 * 'crash' — a process that exits at once, as an engine that cannot start would. The system's
 * languages are `DOUBLE_LANGUAGES` (comma-separated BCP 47 tags, default `en-US`). What the entry
 * shows natively is recorded with its words: the menu's template, dialog options, notifications.
 */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const state = {
  ready: false,
  calls: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  ipcListeners: new Map(),
  windows: [],
  engineMode: process.env.DOUBLE_ENGINE === 'crash' ? 'crash' : 'real',
  engines: [],
  bus: new EventEmitter(),
};

/** Records one call; `safe` strips what cannot cross to the test (functions). */
export function record(kind, data = {}) {
  const entry = { kind, afterReady: state.ready, ...JSON.parse(JSON.stringify(data, (_k, v) => (typeof v === 'function' ? '[function]' : v))) };
  state.calls.push(entry);
  state.bus.emit('record', entry);
}

const paths = { appData: process.env.DOUBLE_APP_DATA, videos: process.env.DOUBLE_VIDEOS, documents: process.env.DOUBLE_VIDEOS };
let resolveReady;
const readyPromise = new Promise((r) => (resolveReady = r));

const languages = (process.env.DOUBLE_LANGUAGES || 'en-US').split(',');

class AppDouble extends EventEmitter {
  isPackaged = false;
  name = 'Seedance Studio';
  getPreferredSystemLanguages() {
    return [...languages];
  }
  getLocale() {
    if (!state.ready) throw new Error('app.getLocale() called before ready');
    return languages[0];
  }
  enableSandbox() {
    record('app.enableSandbox');
  }
  setAppUserModelId(id) {
    record('app.setAppUserModelId', { id });
  }
  setPath(name, value) {
    record('app.setPath', { name, value });
    paths[name] = value;
  }
  getPath(name) {
    if (!paths[name]) throw new Error(`Failed to get '${name}' path`);
    return paths[name];
  }
  getVersion() {
    return '0.0.0-double';
  }
  isReady() {
    return state.ready;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return process.env.DOUBLE_SECOND_INSTANCE !== '1';
  }
  whenReady() {
    return readyPromise;
  }
  quit() {
    record('app.quit');
  }
  exit(code) {
    record('app.exit', { code });
  }
  /** Test side: Electron's `ready`. */
  playReady() {
    state.ready = true;
    this.emit('ready');
    resolveReady();
  }
}
export const app = new AppDouble();

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', { schemes });
  },
  handle(scheme, handler) {
    record('protocol.handle', { scheme });
    state.protocolHandlers.set(scheme, handler);
  },
};

export const ipcMain = {
  handle(channel, handler) {
    record('ipcMain.handle', { channel });
    state.ipcHandlers.set(channel, handler);
  },
  removeHandler(channel) {
    record('ipcMain.removeHandler', { channel });
    state.ipcHandlers.delete(channel);
  },
  on(channel, listener) {
    record('ipcMain.on', { channel });
    state.ipcListeners.set(channel, listener);
  },
  removeAllListeners(channel) {
    record('ipcMain.removeAllListeners', { channel });
    state.ipcListeners.delete(channel);
  },
};

class WebContentsDouble extends EventEmitter {
  url = '';
  destroyed = false;
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
  send(channel, payload) {
    record('webContents.send', { channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  getURL() {
    return this.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return state.windows.filter((w) => !w.destroyed);
  }
  constructor(options) {
    super();
    this.index = state.windows.length;
    this.options = options;
    this.visible = false;
    this.destroyed = false;
    this.webContents = new WebContentsDouble();
    state.windows.push(this);
    record('BrowserWindow.new', { index: this.index, options });
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('BrowserWindow.loadURL', { index: this.index, url });
    this.webContents.url = url;
    return Promise.resolve();
  }
  show() {
    record('BrowserWindow.show', { index: this.index });
    this.visible = true;
    this.emit('show');
  }
  isVisible() {
    return this.visible;
  }
  focus() {
    record('BrowserWindow.focus', { index: this.index });
  }
  isMinimized() {
    return false;
  }
  restore() {
    record('BrowserWindow.restore', { index: this.index });
  }
  isFocused() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setProgressBar() {}
  /** Test side: the user closed the window. */
  playClose() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

const sessionDouble = {
  setPermissionRequestHandler: () => record('session.setPermissionRequestHandler'),
  setPermissionCheckHandler: () => record('session.setPermissionCheckHandler'),
  setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
  on: (event) => record('session.on', { event }),
  webRequest: { onHeadersReceived: () => record('session.webRequest.onHeadersReceived') },
};
export const session = {
  get defaultSession() {
    if (!state.ready) record('session.beforeReady');
    return sessionDouble;
  },
};

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', { template: menu.template }),
};

export const net = { isOnline: () => false };

let themeSource = 'system';
/** Electron's `nativeTheme`: starts at 'system'; every assignment of `themeSource` is recorded. */
export const nativeTheme = {
  get themeSource() {
    return themeSource;
  },
  set themeSource(value) {
    record('nativeTheme.themeSource', { value });
    themeSource = value;
  },
  get shouldUseDarkColors() {
    return themeSource === 'dark';
  },
};

export const shell = {
  trashItem: async () => undefined,
  showItemInFolder: () => undefined,
  openPath: async () => '',
  openExternal: async (url) => record('shell.openExternal', { url }),
};

export const dialog = {
  showErrorBox: (title, content) => record('dialog.showErrorBox', { title, content }),
  // Called as (window, options) or (options); the user cancels.
  showSaveDialog: async (...args) => (record('dialog.showSaveDialog', { options: args.at(-1) }), { canceled: true, filePath: '' }),
  showOpenDialog: async (...args) => (record('dialog.showOpenDialog', { options: args.at(-1) }), { canceled: true, filePaths: [] }),
};

export const safeStorage = {
  isEncryptionAvailable() {
    record('safeStorage.isEncryptionAvailable');
    return false;
  },
  encryptString() {
    throw new Error('no encryption in the double');
  },
  decryptString() {
    throw new Error('no encryption in the double');
  },
  getSelectedStorageBackend: () => 'basic_text',
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record('Notification.show', { options: this.options });
  }
}

const crashEntry = join(mkdtempSync(join(tmpdir(), 'double-engine-')), 'crash.mjs');
writeFileSync(crashEntry, 'process.exit(3);\n');

export const utilityProcess = {
  fork(entry, args, options) {
    record('utilityProcess.fork', { entry, serviceName: options?.serviceName, mode: state.engineMode });
    const child = fork(state.engineMode === 'crash' ? crashEntry : entry, args, { env: options?.env, stdio: 'inherit', serialization: 'json' });
    state.engines.push(child);
    const proc = new EventEmitter();
    Object.defineProperty(proc, 'pid', { get: () => child.pid });
    proc.postMessage = (message) => child.connected && child.send(message);
    proc.kill = () => child.kill('SIGKILL');
    child.on('message', (message) => proc.emit('message', message));
    child.on('exit', (code) => proc.emit('exit', code ?? 1));
    return proc;
  },
};

export default { app, protocol, ipcMain, BrowserWindow, session, Menu, net, nativeTheme, shell, dialog, safeStorage, Notification, utilityProcess };
