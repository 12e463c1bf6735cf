/**
 * `npm run dist` and `npm run dist:dir`: packages the built app (out/, from `electron-vite build`)
 * for this platform with electron-builder, configured by electron-builder.yml.
 *
 * Usage: tsx tools/packaging/dist.ts [--dir] [--stand-in] [--out DIR]
 *   (none)      this platform's installers: Linux AppImage + deb, macOS dmg + zip, Windows NSIS
 *   --dir       the unpacked app only (e.g. dist/linux-unpacked); downloads nothing
 *   --stand-in  with --dir on Linux: package with a stand-in for Electron (tools/packaging/
 *               stand-in-electron.ts), for layout tests where Electron's binary cannot be had;
 *               the result cannot run, and goes to dist/stand-in/ unless --out says otherwise
 *   --out DIR   the output folder (default dist/)
 *
 * Exit status: 0 packaged, 1 packaging failed or Electron is missing, 2 usage error.
 */
import { access, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { canStandIn, createStandInElectron } from './stand-in-electron';

/** Which Electron distribution a packaging run uses. */
export type ElectronSource =
  /** node_modules/electron/dist, put there by Electron's own installer. */
  | { kind: 'installed'; dir: string }
  /** The stand-in, only when asked for with --stand-in. */
  | { kind: 'stand-in' }
  /** electron-builder downloads the release zip itself (installers only). */
  | { kind: 'download' };

/** What `planDist` decided: the Electron to package and where the output goes, or why not. */
export type DistPlan = { ok: true; electron: ElectronSource; output: string } | { ok: false; status: 1 | 2; message: string };

/** The inputs of `planDist`: the command line, and what this machine has. */
export interface DistRequest {
  dir: boolean;
  standIn: boolean;
  /** --out, if given. */
  out: string | undefined;
  /** node_modules/electron/dist when Electron's binary is installed there, else null. */
  installedElectron: string | null;
  platform: NodeJS.Platform;
  /** The project folder; default outputs are under its dist/. */
  root: string;
}

/**
 * Decides which Electron a packaging run uses. The stand-in is used only when asked for, and
 * only for the unpacked app, so a real build never ships it; an asked-for stand-in wins over an
 * installed Electron so that the layout test is the same on every machine.
 */
export function planDist(request: DistRequest): DistPlan {
  const { dir, standIn, out, installedElectron, platform, root } = request;
  if (standIn) {
    if (!dir) return { ok: false, status: 2, message: '--stand-in packages the unpacked app only: add --dir. Installers are made with the real Electron.' };
    if (!canStandIn(platform)) return { ok: false, status: 2, message: `--stand-in is only available on Linux, not ${platform}.` };
    return { ok: true, electron: { kind: 'stand-in' }, output: resolve(root, out ?? 'dist/stand-in') };
  }
  const output = resolve(root, out ?? 'dist');
  if (installedElectron) return { ok: true, electron: { kind: 'installed', dir: installedElectron }, output };
  if (dir) {
    return {
      ok: false,
      status: 1,
      message:
        "Electron's binary is not installed (node_modules/electron/dist), and the unpacked app is built without downloads. " +
        'Install it with `node node_modules/electron/install.js` where its download host is reachable, or add --stand-in for a layout-only build that cannot run.',
    };
  }
  return { ok: true, electron: { kind: 'download' }, output };
}

/** node_modules/electron/dist under `root` when Electron's installer has put its executable there (it records the name in path.txt), else null. */
export async function findInstalledElectron(root: string): Promise<string | null> {
  const pkg = join(root, 'node_modules', 'electron');
  try {
    const executable = (await readFile(join(pkg, 'path.txt'), 'utf8')).trim();
    await access(join(pkg, 'dist', executable));
    return join(pkg, 'dist');
  } catch {
    return null;
  }
}

async function main(argv: string[]): Promise<number> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  let args;
  try {
    args = parseArgs({ args: argv, options: { dir: { type: 'boolean', default: false }, 'stand-in': { type: 'boolean', default: false }, out: { type: 'string' } }, strict: true }).values;
  } catch (err) {
    console.error(`dist: ${(err as Error).message}\nUsage: tsx tools/packaging/dist.ts [--dir] [--stand-in] [--out DIR]`);
    return 2;
  }
  try {
    await access(join(root, 'out', 'main', 'index.js'));
  } catch {
    console.error('dist: out/ is not built; run `npx electron-vite build` first (npm run dist and dist:dir do).');
    return 1;
  }
  const plan = planDist({ dir: args.dir, standIn: args['stand-in'], out: args.out, installedElectron: await findInstalledElectron(root), platform: process.platform, root });
  if (!plan.ok) {
    console.error(`dist: ${plan.message}`);
    return plan.status;
  }

  const standIn = plan.electron.kind === 'stand-in' ? await createStandInElectron() : null;
  const electronDist = plan.electron.kind === 'installed' ? plan.electron.dir : standIn;
  try {
    // Loaded here, not at the top: planDist's callers (tests) need none of electron-builder.
    const { build, Platform } = await import('electron-builder');
    await build({
      projectDir: root,
      targets: Platform.current().createTarget(args.dir ? 'dir' : null),
      // Merged over electron-builder.yml.
      config: { directories: { output: plan.output }, ...(electronDist ? { electronDist } : {}) },
      publish: 'never',
    });
  } finally {
    if (standIn) await rm(standIn, { recursive: true, force: true });
  }
  console.log(`dist: packaged into ${plan.output}`);
  if (standIn) console.log('dist: with a STAND-IN for Electron: this app cannot run; it is for layout tests only.');
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2)).catch((err: unknown) => {
    console.error('dist: packaging failed:', err instanceof Error ? err.message : err);
    return 1;
  });
}
