import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type DistRequest, findInstalledElectron, planDist } from '../../../tools/packaging/dist';
import { canStandIn, createStandInElectron, STAND_IN_MESSAGE } from '../../../tools/packaging/stand-in-electron';

const ROOT = '/opt/seedance-studio';
const request = (over: Partial<DistRequest>): DistRequest => ({ dir: false, standIn: false, out: undefined, installedElectron: null, platform: 'linux', root: ROOT, ...over });
const INSTALLED = '/opt/seedance-studio/node_modules/electron/dist';

describe('planDist: which Electron a packaging run ships', () => {
  it('uses the installed Electron for installers and for the unpacked app', () => {
    expect(planDist(request({ installedElectron: INSTALLED }))).toEqual({ ok: true, electron: { kind: 'installed', dir: INSTALLED }, output: '/opt/seedance-studio/dist' });
    expect(planDist(request({ dir: true, installedElectron: INSTALLED }))).toEqual({ ok: true, electron: { kind: 'installed', dir: INSTALLED }, output: '/opt/seedance-studio/dist' });
  });

  it('lets electron-builder download Electron for installers when it is not installed', () => {
    expect(planDist(request({}))).toEqual({ ok: true, electron: { kind: 'download' }, output: '/opt/seedance-studio/dist' });
  });

  it('never falls back to the stand-in: the unpacked app without Electron stops and says how to get it', () => {
    const plan = planDist(request({ dir: true }));
    expect(plan).toMatchObject({ ok: false, status: 1 });
    expect(plan.ok ? '' : plan.message).toMatch(/node node_modules\/electron\/install\.js.*--stand-in/);
  });

  it('uses the stand-in only when asked, for the unpacked app on Linux, in dist/stand-in unless --out says otherwise', () => {
    expect(planDist(request({ dir: true, standIn: true }))).toEqual({ ok: true, electron: { kind: 'stand-in' }, output: '/opt/seedance-studio/dist/stand-in' });
    expect(planDist(request({ dir: true, standIn: true, installedElectron: INSTALLED, out: '/tmp/x' }))).toEqual({ ok: true, electron: { kind: 'stand-in' }, output: '/tmp/x' });
    expect(planDist(request({ standIn: true }))).toMatchObject({ ok: false, status: 2, message: expect.stringMatching(/--dir/) });
    expect(planDist(request({ dir: true, standIn: true, platform: 'darwin' }))).toMatchObject({ ok: false, status: 2, message: expect.stringMatching(/only available on Linux/) });
  });

  it('resolves --out against the project folder', () => {
    expect(planDist(request({ out: 'build/pkg', installedElectron: INSTALLED }))).toMatchObject({ output: '/opt/seedance-studio/build/pkg' });
  });
});

describe('findInstalledElectron', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('finds node_modules/electron/dist only when the executable named by path.txt is there', async () => {
    const root = await mkdtemp(join(tmpdir(), 'project-'));
    dirs.push(root);
    const pkg = join(root, 'node_modules', 'electron');
    await mkdir(join(pkg, 'dist'), { recursive: true });
    expect(await findInstalledElectron(root)).toBeNull(); // Electron 45's package before its first download
    await writeFile(join(pkg, 'path.txt'), 'electron');
    expect(await findInstalledElectron(root)).toBeNull();
    await writeFile(join(pkg, 'dist', 'electron'), '');
    expect(await findInstalledElectron(root)).toBe(join(pkg, 'dist'));
  });
});

describe('the stand-in Electron', () => {
  it.skipIf(!canStandIn(process.platform))('is an executable named electron that refuses to run, saying what it is, beside the files afterPack removes', async () => {
    const dir = await createStandInElectron();
    try {
      expect((await readdir(dir, { recursive: true })).sort()).toEqual(['electron', 'resources', join('resources', 'default_app.asar'), 'version']);
      expect((await stat(join(dir, 'electron'))).mode & 0o111).toBe(0o111);
      const error = await promisify(execFile)(join(dir, 'electron'), ['--version']).catch((err: unknown) => err as { code: number; stdout: string; stderr: string });
      expect(error).toMatchObject({ code: 1, stdout: '' });
      expect((error as { stderr: string }).stderr.trim()).toBe(STAND_IN_MESSAGE);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is refused for macOS and Windows, whose Electron layout it cannot imitate', async () => {
    expect(canStandIn('darwin')).toBe(false);
    expect(canStandIn('win32')).toBe(false);
    await expect(createStandInElectron('win32')).rejects.toThrow(/No stand-in Electron for win32/);
  });
});
