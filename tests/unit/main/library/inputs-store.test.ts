import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInputStore, digestFile, storeExtension } from '../../../../src/main/library/inputs-store';
import { isInputFilePath } from '../../../../src/shared/library/sidecar';
import { fixture } from '../../../fixtures/images';

const PHOTO = fixture('dragonfly-4224x3168.jpg');
const root = mkdtempSync(join(tmpdir(), 'input-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('input store', () => {
  it('stores a file once under its own hash, in a path the sidecar schema accepts', async () => {
    const store = createInputStore(root);
    const sha256 = createHash('sha256').update(readFileSync(PHOTO)).digest('hex');
    expect(await digestFile(PHOTO)).toEqual({ sha256, bytes: readFileSync(PHOTO).length });
    const a = await store.put(PHOTO, 'jpg');
    const b = await store.put(PHOTO, 'jpg', { sha256, bytes: a.bytes });
    expect(a).toEqual(b);
    expect(a.file).toBe(`.inputs/${sha256.slice(0, 2)}/${sha256}.jpg`);
    expect(isInputFilePath(a.file, sha256)).toBe(true);
    expect(readdirSync(join(root, '.inputs'), { recursive: true })).toEqual([sha256.slice(0, 2), `${sha256.slice(0, 2)}/${sha256}.jpg`]);
    expect(readFileSync(store.pathOf(a.file)).equals(readFileSync(PHOTO))).toBe(true);
    await expect(store.put(PHOTO, 'exe')).rejects.toThrow(RangeError);
  });

  it('cleans only unused files that no filing in progress pinned', async () => {
    const store = createInputStore(root);
    const put = await store.put(PHOTO, 'jpg');
    expect(await store.clean(new Set())).toEqual({ files: 0, bytes: 0 }); // pinned by the filing
    expect(await store.clean(new Set([put.sha256]))).toEqual({ files: 0, bytes: 0 });
    store.release([put.sha256]);
    expect(await store.clean(new Set())).toEqual({ files: 1, bytes: put.bytes });
  });

  it('names the file by its type, else by its extension, and refuses types it does not keep', () => {
    expect(storeExtension('image/jpeg', 'x.JPEG')).toBe('jpg');
    expect(storeExtension(undefined, 'photo.TIF')).toBe('tiff');
    expect(storeExtension('audio/wav', 'a')).toBe('wav');
    expect(storeExtension(undefined, 'notes.txt')).toBeNull();
  });
});
