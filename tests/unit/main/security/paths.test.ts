import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPathInside, isRealPathInside } from '../../../../src/main/security/paths';

describe('isPathInside', () => {
  it.each([
    ['/data/root/a.txt', '/data/root', true],
    ['/data/root/sub/a.txt', '/data/root/', true],
    ['/data/root', '/data/root', true],
    ['/data/root/', '/data/root', true],
    ['/data/root-evil/a.txt', '/data/root', false],
    ['/data/rootx', '/data/root', false],
    ['/data/root/../secret', '/data/root', false],
    ['/data/root/sub/../../root/a', '/data/root', true],
    ['/data/root/..', '/data/root', false],
    ['/data', '/data/root', false],
    ['/etc/passwd', '/data/root', false],
    ['/data/root/..foo', '/data/root', true],
  ])('%s inside %s → %s', (child, root, inside) => {
    expect(isPathInside(child, root)).toBe(inside);
  });
});

describe('isRealPathInside', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paths-'));
  const root = join(dir, 'root');
  const outside = join(dir, 'outside.txt');
  mkdirSync(root);
  writeFileSync(join(root, 'in.txt'), 'in');
  writeFileSync(outside, 'out');
  symlinkSync(outside, join(root, 'link-out.txt'));
  symlinkSync(join(root, 'in.txt'), join(dir, 'link-in.txt'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a real file inside the root', async () => {
    expect(await isRealPathInside(join(root, 'in.txt'), root)).toBe(true);
  });
  it('refuses a symlink inside the root that points outside', async () => {
    expect(isPathInside(join(root, 'link-out.txt'), root)).toBe(true);
    expect(await isRealPathInside(join(root, 'link-out.txt'), root)).toBe(false);
  });
  it('follows a symlink outside the root that points inside', async () => {
    expect(await isRealPathInside(join(dir, 'link-in.txt'), root)).toBe(true);
  });
  it('answers false for a missing file instead of throwing', async () => {
    expect(await isRealPathInside(join(root, 'missing.txt'), root)).toBe(false);
  });
});
