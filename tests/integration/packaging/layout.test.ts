import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnableBinary } from '../../../src/main/media-tools/asar';
import { STAND_IN_MESSAGE } from '../../../tools/packaging/stand-in-electron';
import { ensureBuiltApp } from '../../fixtures/built-app';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
/** This machine's platform packages (sharp, libvips, ffmpeg, ffprobe are one package per platform). */
const PLATFORM = `${process.platform}-${process.arch}`;

interface AsarEntry {
  size?: number;
  unpacked?: boolean;
  files?: Record<string, AsarEntry>;
}

/** Every file in the archive's header, by path inside it ('out/main/index.js'), packed or unpacked. */
function filesOf(archive: string): Map<string, AsarEntry> {
  const files = new Map<string, AsarEntry>();
  const walk = (node: AsarEntry, prefix: string): void => {
    for (const [name, entry] of Object.entries(node.files ?? {})) {
      const path = prefix ? `${prefix}/${name}` : name;
      if (entry.files) walk(entry, path);
      else files.set(path, entry);
    }
  };
  walk(asar.getRawHeader(archive).header as AsarEntry, '');
  return files;
}

/** Runs `node --import tsx tools/packaging/dist.ts args…` in the project folder; resolves with its exit code and output. */
function dist(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tools/packaging/dist.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

type LockPackage = { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };

/**
 * `name@version` of every package the app needs at run time: package.json's dependencies and,
 * recursively, theirs (optional ones only when installed, i.e. this platform's), found with
 * Node's lookup through nested node_modules folders in package-lock.json.
 */
async function runtimeClosure(): Promise<Set<string>> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const found = new Set<string>();
  const seen = new Set<string>();
  const lookup = (from: string, name: string): string | null => {
    for (let base = from; ; base = base.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
      const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
      if (lock.packages[candidate] && existsSync(join(ROOT, candidate))) return candidate;
      if (!base) return null;
    }
  };
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const pkg = lock.packages[path] as LockPackage;
    if (path) found.add(`${path.replace(/^.*node_modules\//, '')}@${pkg.version}`);
    const peers = Object.keys(pkg.peerDependencies ?? {}).filter((name) => !pkg.peerDependenciesMeta?.[name]?.optional);
    for (const name of [...Object.keys(pkg.dependencies ?? {}), ...peers]) {
      const at = lookup(path, name);
      if (!at) throw new Error(`${name}, needed by ${path || 'the app'}, is not installed`);
      visit(at);
    }
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) {
      const at = lookup(path, name);
      if (at) visit(at);
    }
  };
  visit('');
  return found;
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(path)) total += await sizeOf(join(path, entry));
  return total;
}

const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

describe.skipIf(process.platform !== 'linux')('the unpacked app, packaged with a stand-in for Electron (npm run dist:dir -- --stand-in)', () => {
  let output = '';
  let app = '';
  let resources = '';
  let archive = '';
  let files = new Map<string, AsarEntry>();

  beforeAll(async () => {
    await ensureBuiltApp();
    output = await mkdtemp(join(tmpdir(), 'seedance-dist-'));
    const result = await dist(['--dir', '--stand-in', '--out', output]);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/STAND-IN for Electron/);
    app = join(output, process.arch === 'x64' ? 'linux-unpacked' : `linux-${process.arch}-unpacked`);
    resources = join(app, 'resources');
    archive = join(resources, 'app.asar');
    files = filesOf(archive);
  }, 600_000);

  afterAll(async () => {
    if (output) await rm(output, { recursive: true, force: true });
  });

  it("names the executable seedance-studio, drops Electron's default app, and the executable is the stand-in, which refuses to run", async () => {
    expect((await readdir(app)).sort()).toEqual(['resources', 'seedance-studio']);
    expect((await readdir(resources)).sort()).toEqual(['app.asar', 'app.asar.unpacked']);
    const error = await run(join(app, 'seedance-studio')).catch((err: unknown) => err as { code: number; stderr: string });
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr.trim()).toBe(STAND_IN_MESSAGE);
  });

  it('archives out/main, out/preload and out/renderer with package.json, and nothing else of the project', async () => {
    const paths = [...files.keys()];
    for (const entry of ['out/main/index.js', 'out/main/engine-process.js', 'out/preload/index.cjs', 'out/renderer/index.html']) expect(paths).toContain(entry);
    expect(new Set(paths.map((path) => path.split('/')[0]))).toEqual(new Set(['out', 'package.json', 'node_modules']));
    expect(new Set(paths.filter((path) => path.startsWith('out/')).map((path) => path.split('/')[1]))).toEqual(new Set(['main', 'preload', 'renderer']));
    const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString()) as { main: string; desktopName: string; devDependencies?: unknown };
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.desktopName).toBe('seedance-studio.desktop'); // Electron's window app_id on Linux
    expect(manifest.devDependencies).toBeUndefined();
    // No source maps, and no TypeScript (the project's sources or the ones packages ship beside their JS).
    expect(paths.filter((path) => /\.(map|ts|mts|cts)$/.test(path))).toEqual([]);
  });

  it('carries exactly the runtime dependencies, at the versions package-lock.json installs, and no dev dependency', async () => {
    const packed = new Set<string>();
    for (const path of files.keys()) {
      const root = /^(node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\/package\.json$/.exec(path)?.[1];
      if (!root) continue;
      const manifest = JSON.parse(asar.extractFile(archive, path).toString()) as { name: string; version: string };
      packed.add(`${manifest.name}@${manifest.version}`);
    }
    expect([...packed].sort()).toEqual([...(await runtimeClosure())].sort());
    for (const dev of ['electron', 'electron-builder', 'vite', 'vitest', 'react', 'lucide-react', 'tsx']) expect([...packed].some((id) => id.startsWith(`${dev}@`))).toBe(false);
  });

  it("keeps sharp's addon and libvips, ffmpeg and ffprobe outside the archive, for this platform only", async () => {
    const unpacked = [...files].filter(([, entry]) => entry.unpacked).map(([path]) => path);
    for (const path of unpacked) expect(existsSync(join(resources, 'app.asar.unpacked', path)), path).toBe(true);
    const natives = unpacked.filter((path) => /\.node$|\.so(\.\d+)*$|\/ffmpeg$|\/ffprobe$/.test(path));
    expect(natives).toHaveLength(4);
    expect(natives).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^node_modules/@img/sharp-${PLATFORM}/lib/sharp-${PLATFORM}-[\\d.]+\\.node$`)),
        expect.stringMatching(new RegExp(`^node_modules/@img/sharp-libvips-${PLATFORM}/lib/libvips-cpp\\.so\\.[\\d.]+$`)),
        `node_modules/@ffmpeg-installer/${PLATFORM}/ffmpeg`,
        `node_modules/@ffprobe-installer/${PLATFORM}/ffprobe`,
      ]),
    );
    // Nothing native is left inside the archive, where the OS could not load or run it.
    expect([...files].filter(([path, entry]) => !entry.unpacked && /\.node$|\.so(\.\d+)*$|\.dylib$|\.dll$|\.exe$/.test(path))).toEqual([]);
  });

  it('makes ffmpeg and ffprobe executable by everyone, and the runtime finds them from their archive paths', async () => {
    for (const tool of ['ffmpeg', 'ffprobe']) {
      const inArchive = join(archive, 'node_modules', `@${tool}-installer`, PLATFORM, tool);
      const bin = runnableBinary(inArchive);
      expect(bin).toBe(join(resources, 'app.asar.unpacked', 'node_modules', `@${tool}-installer`, PLATFORM, tool));
      expect((await stat(bin as string)).mode & 0o777).toBe(0o755);
      const { stdout } = await run(bin as string, ['-version']);
      expect(stdout).toMatch(new RegExp(`^${tool} version`));
    }
  });

  it("loads sharp's addon from app.asar.unpacked, with the libvips beside it", async () => {
    const addon = [...files.keys()].find((path) => path.endsWith('.node')) as string;
    const script = `const vips = require(process.argv[1]).libvipsVersion();
const maps = require('node:fs').readFileSync('/proc/self/maps', 'utf8');
const lib = maps.split('\\n').map((line) => line.split(/\\s+/)[5]).find((file) => file && file.includes('libvips-cpp'));
console.log(JSON.stringify({ vips: vips.semver, lib }));`;
    const { stdout } = await run(process.execPath, ['-e', script, join(resources, 'app.asar.unpacked', addon)], { env: { PATH: process.env.PATH ?? '' } });
    const loaded = JSON.parse(stdout) as { vips: string; lib: string };
    expect(loaded.vips).toMatch(/^\d+\.\d+\.\d+$/);
    expect(relative(join(resources, 'app.asar.unpacked'), loaded.lib)).toMatch(new RegExp(`^node_modules/@img/sharp-libvips-${PLATFORM}/lib/libvips-cpp\\.so`));
  });

  it('stays small: prints the package size', async () => {
    const packed = await sizeOf(archive);
    const unpacked = await sizeOf(join(resources, 'app.asar.unpacked'));
    console.log(`packaged app without Electron: ${megabytes(packed + unpacked)} (app.asar ${megabytes(packed)}, app.asar.unpacked ${megabytes(unpacked)})`);
    // The code and its JavaScript dependencies; a renderer library or a dev tool here would add tens of MB.
    expect(packed).toBeLessThan(10e6);
  });
});
