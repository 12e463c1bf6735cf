/**
 * A stand-in for Electron's Linux distribution, for packaging tests on machines where Electron's
 * binary cannot be downloaded. electron-builder's `electronDist` accepts an unpacked distribution
 * folder; for the `dir` target on Linux it copies that folder as the app folder and renames its
 * `electron` executable to the app's `executableName`
 * (app-builder-lib: ElectronFramework `unpack`/`beforeCopyExtraFiles`); nothing else in Electron's
 * zip (Chromium's .pak/.so files, locales/, LICENSE) is read unless `electronLanguages` is set. The
 * stand-in is that executable, a script that refuses to run, so an app packaged with it is never
 * mistaken for a working one, plus the two files of the real distribution that our afterPack hook
 * removes (resources/default_app.asar, version), so that the layout test sees it do so.
 */
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import asar from '@electron/asar';

/** What the stand-in executable prints (on stderr) before exiting with status 1. */
export const STAND_IN_MESSAGE = 'This Seedance Studio was packaged with a stand-in for Electron, for layout tests only; it cannot run. Package it with the real Electron: npm run dist:dir';

/** Platforms `createStandInElectron` can stand in for: those whose layout is copy + rename. */
export function canStandIn(platform: NodeJS.Platform): boolean {
  return platform === 'linux';
}

/**
 * Creates the stand-in distribution in a new temporary folder and returns the folder. Throws on a
 * platform `canStandIn` refuses (macOS needs a signed Electron.app bundle, Windows a PE executable
 * that electron-builder edits).
 */
export async function createStandInElectron(platform: NodeJS.Platform = process.platform): Promise<string> {
  if (!canStandIn(platform)) throw new Error(`No stand-in Electron for ${platform}: package with the real Electron there.`);
  const dir = await mkdtemp(join(tmpdir(), 'stand-in-electron-'));
  const executable = join(dir, 'electron');
  const quoted = STAND_IN_MESSAGE.replaceAll("'", "'\\''");
  await writeFile(executable, `#!/bin/sh\necho '${quoted}' >&2\nexit 1\n`);
  await chmod(executable, 0o755);
  // A real archive: electron-builder reads every .asar in resources/ (for the asar integrity data).
  const defaultApp = join(dir, 'default_app');
  await mkdir(defaultApp);
  await writeFile(join(defaultApp, 'package.json'), '{"name":"stand-in-default-app","main":"main.js"}\n');
  await writeFile(join(defaultApp, 'main.js'), '');
  await mkdir(join(dir, 'resources'));
  await asar.createPackage(defaultApp, join(dir, 'resources', 'default_app.asar'));
  await rm(defaultApp, { recursive: true });
  await writeFile(join(dir, 'version'), 'stand-in\n');
  return dir;
}
