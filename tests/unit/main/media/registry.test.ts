import { mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMediaRegistry } from '../../../../src/main/media/registry';

describe('createMediaRegistry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'media-reg-'));
  const a = join(dir, 'a.mp4');
  const b = join(dir, 'b.jpg');
  writeFileSync(a, 'a');
  writeFileSync(b, 'b');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hands out unguessable 128-bit hex ids and resolves them', async () => {
    const reg = createMediaRegistry();
    const idA = await reg.register(a, 'video/mp4');
    const idB = await reg.register(b, 'image/jpeg');
    expect(idA).toMatch(/^[0-9a-f]{32}$/);
    expect(idB).not.toBe(idA);
    expect(reg.resolve(idA)).toEqual({ path: a, realPath: realpathSync(a), mime: 'video/mp4' });
    expect(reg.resolve(idB)?.mime).toBe('image/jpeg');
  });

  it('gives different ids in different registries (ids are random, not derived from the path)', async () => {
    expect(await createMediaRegistry().register(a, 'video/mp4')).not.toBe(await createMediaRegistry().register(a, 'video/mp4'));
  });

  it('returns the same id when the same file is registered again, also when asked twice at once', async () => {
    const reg = createMediaRegistry();
    const first = await reg.register(a, 'video/mp4');
    expect(await reg.register(a, 'video/mp4')).toBe(first);
    const [x, y] = await Promise.all([reg.register(b, 'image/jpeg'), reg.register(b, 'image/jpeg')]);
    expect(y).toBe(x);
  });

  it('resolves symlinks at registration', async () => {
    const link = join(dir, 'link.mp4');
    symlinkSync(a, link);
    const reg = createMediaRegistry();
    expect(reg.resolve(await reg.register(link, 'video/mp4'))?.realPath).toBe(realpathSync(a));
  });

  it('answers a path registered before without the disk: a file removed since keeps its id (serving refuses it)', async () => {
    const file = join(realpathSync(dir), 'gone-later.jpg'); // Not under a symlink (macOS's /var is one).
    writeFileSync(file, 'x');
    const reg = createMediaRegistry();
    const id = await reg.register(file, 'image/jpeg');
    unlinkSync(file);
    expect(await reg.register(file, 'image/jpeg')).toBe(id);
    await expect(createMediaRegistry().register(file, 'image/jpeg')).rejects.toThrow(/ENOENT/);
  });

  it('resolves a symlink again on each registration: a new target gets a new id', async () => {
    const target = join(dir, 'target-1.mp4');
    const other = join(dir, 'target-2.mp4');
    writeFileSync(target, '1');
    writeFileSync(other, '2');
    const link = join(dir, 'moving-link.mp4');
    symlinkSync(target, link);
    const reg = createMediaRegistry();
    const first = await reg.register(link, 'video/mp4');
    expect(await reg.register(link, 'video/mp4')).toBe(first);
    symlinkSync(other, `${link}.new`);
    renameSync(`${link}.new`, link);
    const second = await reg.register(link, 'video/mp4');
    expect(second).not.toBe(first);
    expect(reg.resolve(second)?.realPath).toBe(realpathSync(other));
    expect(reg.resolve(first)).toBeNull();
  });

  it('refuses relative and missing paths', async () => {
    const reg = createMediaRegistry();
    await expect(reg.register('a.mp4', 'video/mp4')).rejects.toThrow(/absolute/);
    await expect(reg.register(join(dir, 'missing.mp4'), 'video/mp4')).rejects.toThrow(/ENOENT/);
  });

  it('returns null for unknown, malformed and unregistered ids', async () => {
    const reg = createMediaRegistry();
    const id = await reg.register(a, 'video/mp4');
    expect(reg.resolve('f'.repeat(32))).toBeNull();
    expect(reg.resolve('../a.mp4')).toBeNull();
    expect(reg.resolve(a)).toBeNull();
    reg.unregister(id);
    expect(reg.resolve(id)).toBeNull();
    expect(await reg.register(a, 'video/mp4')).not.toBe(id);
  });
});
