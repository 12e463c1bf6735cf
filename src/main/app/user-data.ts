import { posix, win32 } from 'node:path';

/**
 * The desktop app's product name. Electron's `userData` folder is `<appData>/<name>`, so this
 * names the per-user folder where settings, keys, jobs and logs live on every platform.
 */
export const PRODUCT_NAME = 'Seedance Studio';

/**
 * Electron's `app.getPath('appData')` computed without Electron, by Electron's own rules
 * (docs: app.getPath): `%APPDATA%` on Windows, `~/Library/Application Support` on macOS,
 * `$XDG_CONFIG_HOME` or `~/.config` elsewhere. `home` is the user's home folder (`os.homedir()`).
 */
export function appDataDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  if (platform === 'win32') return env.APPDATA || win32.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(home, '.config');
}

/**
 * The desktop app's per-user data folder, `<appData>/Seedance Studio` — the same folder the
 * Electron host sets as `userData`, so the browser fallback of `npm start` keeps its work there too.
 */
export function userDataDir(platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>, home: string): string {
  const join = platform === 'win32' ? win32.join : posix.join;
  return join(appDataDir(platform, env, home), PRODUCT_NAME);
}
