import { copyFile, mkdtemp, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { INDEX_CACHE_FILE } from '../../../src/main/library/index-cache';
import { POSTER_FILE, SIDECAR_FILE, VIDEO_FILE } from '../../../src/main/library/layout';
import { createLibrary } from '../../../src/main/library/library';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import type { ClipSidecar } from '../../../src/shared/library/sidecar';
import { makeSidecars, writeLibrary } from '../../unit/main/library/sidecar-factory';
import { makeTestMp4 } from './media';

const CLIPS = 60;

describe('library: the derived index cache speeds up a start and never outranks the sidecars', () => {
  let work: string;
  let root: string;
  let sidecars: ClipSidecar[];
  let folders: string[];

  /** Opens the library, waits for its index, closes it (which writes the cache); returns the index log line and every clip. */
  async function start() {
    const log = createMemoryLogger();
    const library = createLibrary({ libraryDir: root, framesDir: join(work, 'frames'), log, watch: false });
    await library.ready;
    const clips = (await library.list({ limit: 500 })).items;
    await library.dispose();
    const indexed = log.lines.find((l) => l.event === 'library.indexed') as { fromCache: number; read: number; cache: string };
    return { indexed, clips, log };
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-cache-'));
    root = join(work, 'lib');
    const mp4 = join(work, 'real.mp4');
    await makeTestMp4(mp4);
    sidecars = makeSidecars(CLIPS, 11, await hashFile(mp4));
    folders = await writeLibrary(root, sidecars, mp4);
    await writeFile(join(root, folders[6] as string, POSTER_FILE), 'a poster');
  });

  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('reads every sidecar on the first start, then takes unchanged clips from the cache', async () => {
    const first = await start();
    expect(first.indexed).toMatchObject({ fromCache: 0, read: CLIPS, cache: 'absent' });
    const second = await start();
    expect(second.indexed).toMatchObject({ fromCache: CLIPS, read: 0, cache: 'used' });
    expect(second.clips.map((c) => c.sidecar)).toEqual(first.clips.map((c) => c.sidecar));
    expect(second.clips.find((c) => c.id === sidecars[6]?.id)?.paths.poster).toBe(join(root, folders[6] as string, POSTER_FILE));
  });

  it('re-reads a sidecar edited by hand, even when its size did not change', async () => {
    const folder = folders[3] as string;
    const path = join(root, folder, SIDECAR_FILE);
    const text = await readFile(path, 'utf8');
    const sidecar = JSON.parse(text) as ClipSidecar;
    const edited = JSON.stringify({ ...sidecar, rating: sidecar.rating === 5 ? 4 : 5 });
    await new Promise((r) => setTimeout(r, 20)); // A later mtime than the one cached.
    await writeFile(path, edited.padEnd(text.length, ' '));
    const { indexed, clips } = await start();
    expect(indexed).toMatchObject({ fromCache: CLIPS - 1, read: 1 });
    expect(clips.find((c) => c.id === sidecar.id)?.sidecar.rating).toBe(sidecar.rating === 5 ? 4 : 5);
  });

  it('notices a video cut short and a poster removed behind a cached clip', async () => {
    const cut = join(root, folders[5] as string, VIDEO_FILE);
    await copyFile(cut, `${cut}.copy`); // The videos are hard links of one file: cut only this one.
    await unlink(cut);
    await copyFile(`${cut}.copy`, cut);
    await unlink(`${cut}.copy`);
    await start(); // The copy changed nothing the cache holds: still cached.
    await truncate(cut, 1000);
    await unlink(join(root, folders[6] as string, POSTER_FILE));
    const { clips, log } = await start();
    expect(clips.some((c) => c.id === sidecars[5]?.id)).toBe(false);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'library.skipped', folder: folders[5], reason: 'partial_video' }));
    expect(clips.find((c) => c.id === sidecars[6]?.id)?.paths.poster).toBeNull();
  });

  it('ignores a damaged cache and rebuilds it from the sidecars', async () => {
    const path = join(root, INDEX_CACHE_FILE);
    const lines = (await readFile(path, 'utf8')).split('\n');
    await writeFile(path, [lines[0], 'not a cache line', ...lines.slice(1)].join('\n'));
    const damaged = await start();
    expect(damaged.indexed).toMatchObject({ fromCache: 0, cache: 'ignored' });
    expect(damaged.clips).toHaveLength(CLIPS - 1);
    await writeFile(path, '{"truncated": ');
    expect((await start()).indexed).toMatchObject({ fromCache: 0, cache: 'ignored' });
    expect((await start()).indexed).toMatchObject({ fromCache: CLIPS - 1, read: 1, cache: 'used' });
  });
});
