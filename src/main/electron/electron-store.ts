import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { OpenConf } from '../settings/store-file';

/** The channel electron-store answers synchronously for renderers that use it (`initRenderer`). */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * The core's `OpenConf` on Electron: the settings file and the key vault are electron-store
 * instances (ARCHITECTURE.md, "Data"), `conf` underneath with the same file format and options.
 * electron-store also answers a sync IPC channel with the data folder and app version for
 * renderers that use it directly; the Studio window never does (its preload carries the contract
 * only), so that listener is removed: main answers no IPC outside the contract.
 */
export const electronStoreOpener: OpenConf = ({ configName, ...options }) => {
  const store = new ElectronStore<Record<string, unknown>>({ ...options, name: configName });
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
  return store;
};
