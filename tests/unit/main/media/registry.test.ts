import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
