import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUploadCache, REUSE_MARGIN_MS, type UploadKey } from '../../../../src/main/providers/upload-cache';

const HOUR = 3600 * 1000;
const key = (sha256: string, host = 'https://rest.fal.ai'): UploadKey => ({ provider: 'fal', host, sha256 });

/** An upload that counts its calls and hands out numbered URLs living `lifetime` ms from `clock`. */
function uploader(clock: { now: number }, lifetime = 72 * HOUR) {
  let n = 0;
  const fn = async () => ({ url: `https://cdn.example/${++n}`, expiresAt: clock.now + lifetime });
  return { fn, calls: () => n };
}

describe('createUploadCache', () => {
  it('uploads the same bytes once, for a second job and for concurrent jobs', async () => {
    const clock = { now: 1_000_000 };
    const cache = createUploadCache(null, () => clock.now);
    const up = uploader(clock);
    const [a, b] = await Promise.all([cache.urlFor(key('aa'), up.fn), cache.urlFor(key('aa'), up.fn)]);
    expect(a).toBe('https://cdn.example/1');
    expect(b).toBe(a);
    expect(await cache.urlFor(key('aa'), up.fn)).toBe(a);
    expect(up.calls()).toBe(1);
    // Other bytes, or the same bytes at another storage host (the offline simulator), upload again.
    expect(await cache.urlFor(key('bb'), up.fn)).toBe('https://cdn.example/2');
    expect(await cache.urlFor(key('aa', 'http://127.0.0.1:9'), up.fn)).toBe('https://cdn.example/3');
  });

  it('uploads again once the URL has less than the margin left', async () => {
    const clock = { now: 0 };
    const cache = createUploadCache(null, () => clock.now);
    const up = uploader(clock, 24 * HOUR);
    await cache.urlFor(key('aa'), up.fn);
    clock.now = 24 * HOUR - REUSE_MARGIN_MS - 1;
    expect(await cache.urlFor(key('aa'), up.fn)).toBe('https://cdn.example/1');
    clock.now += 2;
    expect(await cache.urlFor(key('aa'), up.fn)).toBe('https://cdn.example/2');
  });

  it('does not remember a failed upload', async () => {
    const cache = createUploadCache(null);
    await expect(cache.urlFor(key('aa'), () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(await cache.urlFor(key('aa'), async () => ({ url: 'https://cdn.example/ok', expiresAt: Date.now() + 72 * HOUR }))).toBe('https://cdn.example/ok');
  });

  it('persists to its file, so a restarted engine reuses the URL; expired entries are dropped', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'upload-cache-')), 'upload-cache.json');
    const clock = { now: 5 * HOUR };
    const up = uploader(clock);
    const first = createUploadCache(file, () => clock.now);
    await first.urlFor(key('aa'), up.fn);
    await first.urlFor(key('short'), async () => ({ url: 'https://cdn.example/short', expiresAt: clock.now + HOUR }));
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { version: number; entries: Record<string, unknown> };
    expect(onDisk.version).toBe(1);
    expect(Object.keys(onDisk.entries)).toHaveLength(2);

    clock.now += 2 * HOUR;
    const again = createUploadCache(file, () => clock.now);
    expect(await again.urlFor(key('aa'), up.fn)).toBe('https://cdn.example/1');
    expect(up.calls()).toBe(1);
    await again.urlFor(key('cc'), up.fn);
    const rewritten = JSON.parse(await readFile(file, 'utf8')) as { entries: Record<string, unknown> };
    expect(Object.keys(rewritten.entries).some((k) => k.endsWith(' short'))).toBe(false);
  });

  it('starts empty from an unreadable file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'upload-cache-')), 'upload-cache.json');
    await writeFile(file, '{ not json');
    const clock = { now: 0 };
    const up = uploader(clock);
    expect(await createUploadCache(file, () => clock.now).urlFor(key('aa'), up.fn)).toBe('https://cdn.example/1');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });
});
