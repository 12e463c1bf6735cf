import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runnableBinary, unpackedPath } from '../../../../src/main/media-tools/asar';
import { resolveMediaTool } from '../../../../src/main/media-tools/ffmpeg';

describe('unpackedPath', () => {
  // Where @ffmpeg-installer/@ffprobe-installer report their binary inside installed apps.
  it.each([
    ['deb (/opt)', '/opt/Seedance Studio/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg', '/opt/Seedance Studio/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'],
    ['AppImage mount', '/tmp/.mount_SeedanK3x9Qa/resources/app.asar/node_modules/@ffprobe-installer/linux-x64/ffprobe', '/tmp/.mount_SeedanK3x9Qa/resources/app.asar.unpacked/node_modules/@ffprobe-installer/linux-x64/ffprobe'],
    [
      'macOS bundle',
      '/Applications/Seedance Studio.app/Contents/Resources/app.asar/node_modules/@ffmpeg-installer/darwin-arm64/ffmpeg',
      '/Applications/Seedance Studio.app/Contents/Resources/app.asar.unpacked/node_modules/@ffmpeg-installer/darwin-arm64/ffmpeg',
    ],
    [
      'Windows per-user install',
      'C:\\Users\\Ana\\AppData\\Local\\Programs\\Seedance Studio\\resources\\app.asar\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe',
      'C:\\Users\\Ana\\AppData\\Local\\Programs\\Seedance Studio\\resources\\app.asar.unpacked\\node_modules\\@ffmpeg-installer\\win32-x64\\ffmpeg.exe',
    ],
    ['relative to the resources folder', 'app.asar/node_modules/@ffprobe-installer/linux-x64/ffprobe', 'app.asar.unpacked/node_modules/@ffprobe-installer/linux-x64/ffprobe'],
  ])('moves a binary in the archive to app.asar.unpacked: %s', (_where, inArchive, onDisk) => {
    expect(unpackedPath(inArchive)).toBe(onDisk);
  });

  it.each([
    ['a development checkout', '/home/ana/seedance-studio/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'],
    ['a path already unpacked', '/opt/Seedance Studio/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'],
    ['a folder that only ends in app.asar', '/home/ana/myapp.asar/node_modules/@ffmpeg-installer/linux-x64/ffmpeg'],
    ['a folder that only starts with app.asar', '/srv/app.asar.bak/ffmpeg'],
    ['the archive itself', '/opt/Seedance Studio/resources/app.asar'],
  ])('leaves other paths alone: %s', (_what, path) => {
    expect(unpackedPath(path)).toBe(path);
  });

  it('renames only the first archive segment', () => {
    expect(unpackedPath('/opt/x/resources/app.asar/node_modules/pkg/app.asar/file')).toBe('/opt/x/resources/app.asar.unpacked/node_modules/pkg/app.asar/file');
  });
});

describe('runnableBinary', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  /** A packaged app's resources folder: app.asar (a file) and app.asar.unpacked/node_modules/<pkg>/. */
  async function resourcesWith(pkg: string): Promise<{ resources: string; unpackedPkg: string }> {
    const resources = await mkdtemp(join(tmpdir(), 'resources-'));
    dirs.push(resources);
    await writeFile(join(resources, 'app.asar'), 'not read: the binary lives beside the archive');
    const unpackedPkg = join(resources, 'app.asar.unpacked', 'node_modules', pkg);
    await mkdir(unpackedPkg, { recursive: true });
    return { resources, unpackedPkg };
  }

  it('finds the real ffmpeg unpacked beside the archive from the path the installer reports, and it runs', async () => {
    const { resources, unpackedPkg } = await resourcesWith('@ffmpeg-installer/linux-x64');
    await symlink(resolveMediaTool('ffmpeg', {}), join(unpackedPkg, 'ffmpeg'));
    const bin = runnableBinary(join(resources, 'app.asar', 'node_modules', '@ffmpeg-installer', 'linux-x64', 'ffmpeg'));
    expect(bin).toBe(join(unpackedPkg, 'ffmpeg'));
    const { stdout } = await promisify(execFile)(bin as string, ['-version']);
    expect(stdout).toMatch(/^ffmpeg version/);
  });

  it('answers null for a binary that is missing or has no execute bit', async () => {
    const { resources, unpackedPkg } = await resourcesWith('@ffprobe-installer/linux-x64');
    const reported = join(resources, 'app.asar', 'node_modules', '@ffprobe-installer', 'linux-x64', 'ffprobe');
    expect(runnableBinary(reported)).toBeNull();
    await writeFile(join(unpackedPkg, 'ffprobe'), '#!/bin/sh\n');
    await chmod(join(unpackedPkg, 'ffprobe'), 0o644);
    expect(runnableBinary(reported)).toBeNull();
    await chmod(join(unpackedPkg, 'ffprobe'), 0o755);
    expect(runnableBinary(reported)).toBe(join(unpackedPkg, 'ffprobe'));
  });
});
