import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The env variable that overrides the CLI's data folder (after `--data`). */
const DATA_DIR_VAR = 'SEEDANCE_DATA_DIR';

/**
 * The CLI's data folder (its job store, input cache, logs and library of clips): `--data` when
 * given, else `$SEEDANCE_DATA_DIR`, else a per-user folder:
 * - Linux and others: `$XDG_DATA_HOME/seedance-studio-cli` (default `~/.local/share/…`);
 * - macOS: `~/Library/Application Support/Seedance Studio CLI`;
 * - Windows: `%LOCALAPPDATA%\Seedance Studio CLI` (default `~\AppData\Local\…`).
 * It is deliberately not the desktop app's folder: each job engine resumes every job in its store,
 * so two engines sharing one store would both poll and download the same tasks.
 * Returns an absolute path; nothing is created here.
 */
export function cliDataDir(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const given = flag?.trim() || env[DATA_DIR_VAR]?.trim();
  if (given) return resolve(given);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Seedance Studio CLI');
  if (platform === 'win32') return join(env.LOCALAPPDATA?.trim() || join(home, 'AppData', 'Local'), 'Seedance Studio CLI');
  const xdg = env.XDG_DATA_HOME?.trim();
  // XDG base-dir spec: a relative XDG_DATA_HOME is invalid and must be ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'seedance-studio-cli');
}
