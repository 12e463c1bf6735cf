import type { AppInfo } from '../../shared/contract/app';
import type { NativeText } from '../i18n/native-text';
import type { KeyCrypto } from '../keys/crypto';
import type { LaunchEngine } from '../jobs/engine-host';
import type { NotifyHost } from '../notify/notifier';
import type { OpenConf } from '../settings/store-file';

/**
 * Everything the core needs from its host, as plain data and functions — no `electron` import.
 * The Electron main process, the browser harness and the CLI each build one of these.
 */
export interface StudioConfig {
  host: 'electron' | 'harness' | 'cli';
  /** App data folder (jobs, input cache, settings, logs). Created if missing. */
  dataDir: string;
  /** Environment to read keys and base URLs from (`NOVITA_API_KEY`, `FAL_QUEUE_BASE_URL`, …). */
  env: Readonly<Record<string, string | undefined>>;
  appVersion: string;
  /** Runtime versions shown in About (node, electron, chrome…). */
  versions: Record<string, string>;
  /** Turns a registered media id into a URL the renderer can load (`media://…` or the harness's `/media/…`). */
  mediaUrl: (id: string) => string;
  /** Opens a URL in the system browser (already allowlisted by the caller). */
  openExternal: (url: string) => Promise<boolean>;
  /** Mirror warnings and errors to stderr. */
  echoLog?: boolean;
  /** The library folder (Electron: `<user Videos>/Seedance Studio`). Default `<dataDir>/library`; the user's choice in settings wins. */
  libraryDir?: string;
  /** Moves a path to the system trash (Electron: `shell.trashItem`); without it, trashed clips stay in `<libraryDir>/.trash/`. */
  trashItem?: (absPath: string) => Promise<void>;
  /** Shows a file in the system file manager (Electron: `shell.showItemInFolder`). */
  showItemInFolder?: (absPath: string) => void;
  /** Opens a folder in the system file manager (Electron: `shell.openPath`); resolves to whether it opened. */
  openFolder?: (absPath: string) => Promise<boolean>;
  /**
   * Asks the user where to save a file (Electron: `dialog.showSaveDialog`, which also confirms
   * replacing an existing file). `defaultName` is a file name, `kind` picks the file type filter.
   * Resolves to the absolute path chosen, or null when the user cancelled. Absent in the harness
   * and the CLI.
   */
  chooseSavePath?: (request: { defaultName: string; kind: 'video' | 'sidecar' | 'csv' }) => Promise<string | null>;
  /**
   * Asks the user for a folder (Electron: `dialog.showOpenDialog` with `openDirectory`), starting
   * in `defaultPath` when it exists. Resolves to the absolute path chosen, or null when the user
   * cancelled. Absent in the CLI and the harness (whose `--test-hooks` give a scripted stand-in).
   */
  chooseFolder?: (request: { title: string; defaultPath: string }) => Promise<string | null>;
  /**
   * Encryption for stored API keys: Electron's `safeStorage` in the Electron host. Absent in the
   * harness and the CLI, which then use `createSessionOnlyCrypto()` (no encryption: keys set there
   * live for the session only; environment keys still work).
   */
  keyCrypto?: KeyCrypto;
  /**
   * Starts the job engine in its own process (Electron: utilityProcess; harness: `forkEngine`).
   * Absent (CLI, unit tests): the engine runs in this process.
   */
  launchEngine?: LaunchEngine;
  /**
   * The host's quick "is there any network at all" signal (Electron: `net.isOnline`). `false`
   * makes the reachability probe answer offline at once; `true` still probes the provider hosts.
   */
  isOnline?: () => boolean;
  /**
   * Desktop notifications for finished and failed jobs and the taskbar progress (Electron:
   * `Notification` and `setProgressBar`; the harness records them for its test hooks). Absent
   * (CLI): neither.
   */
  desktop?: NotifyHost;
  /**
   * Makes the `conf` store behind the settings file and the key vault. The Electron host passes
   * electron-store (ARCHITECTURE.md, "Data"); absent, `conf` itself (same file format).
   */
  openConf?: OpenConf;
  /**
   * The text main shows natively (notifications, the folder picker's title), which the core keeps
   * on the language setting from start to dispose. The Electron host passes the one its menu and
   * dialogs use, so they follow the same setting; absent (harness, CLI), the core makes its own,
   * for which `system` means English (no OS language list there).
   */
  nativeText?: NativeText;
}

export type { AppInfo };
