import { readdirSync, statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStore } from '../../../src/main/demo/provider/files';
import { ImageStore } from '../../../src/main/demo/provider/images';
import { photo, removeTempDirs, tempDir } from './sim-helpers';

afterAll(removeTempDirs);

describe('the simulator image store', () => {
  it('stores a photo sent again by concurrent tasks once: the file a render may be reading is never rewritten', async () => {
    const dir = tempDir('image-store');
    const store = new ImageStore(dir, new FileStore(dir, () => 'http://127.0.0.1:1'));
    const { bytes } = await photo('dragonfly-4224x3168.jpg', 640, 640);
    const first = await store.fromBytes(bytes);
    const before = statSync(first.path, { bigint: true });
    const again = await Promise.all(Array.from({ length: 8 }, () => store.fromBytes(Buffer.from(bytes))));
    expect(new Set(again.map((s) => s.path))).toEqual(new Set([first.path]));
    const after = statSync(first.path, { bigint: true });
    // Neither replaced (another inode) nor rewritten in place (a later mtime).
    expect([after.ino, after.mtimeNs]).toEqual([before.ino, before.mtimeNs]);
    expect(statSync(first.path).size).toBe(bytes.length);
    expect(readdirSync(`${dir}/inputs`).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
