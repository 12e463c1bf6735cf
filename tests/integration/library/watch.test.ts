import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile, link } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { clipFolderName } from '../../../src/main/library/layout';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import type { ClipSidecar } from '../../../src/shared/library/sidecar';
import { makeSidecars, writeLibrary } from '../../unit/main/library/sidecar-factory';
import { makeTestMp4 } from './media';

/** Resolves once `predicate` holds, polling every 50 ms; rejects after `ms`. */
async function until(predicate: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in time');
}

describe('library: changes made on disk outside the app show up without a restart', () => {
  let work: string;
  let root: string;
  let mp4: string;
  let sidecars: ClipSidecar[];
  let folders: string[];
  let library: Library;
  const changed = new Set<string>();
  const has = async (id: string) => (await library.get(id).then(() => true, () => false));

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-watch-'));
    root = join(work, 'lib');
    mp4 = join(work, 'real.mp4');
    await makeTestMp4(mp4);
    const facts = await hashFile(mp4);
    sidecars = makeSidecars(40, 5, facts);
    // The first 30 start in the library; the last 10 arrive later, "from another computer".
    folders = await writeLibrary(root, sidecars.slice(0, 30), mp4);
    await writeLibrary(join(work, 'elsewhere'), sidecars.slice(30), mp4);
    library = createLibrary({ libraryDir: root, framesDir: join(work, 'frames'), log: createMemoryLogger() });
    library.onChange((ids) => ids.forEach((id) => changed.add(id)));
    await library.ready;
    expect((await library.list({ limit: 1 })).total).toBe(30);
  });

  afterAll(async () => {
    await library.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('picks up a clip folder copied in', async () => {
    const s = sidecars[30] as ClipSidecar;
    const name = clipFolderName(s.createdAt, s.prompt, s.id);
    await cp(join(work, 'elsewhere', name), join(root, name), { recursive: true });
    await until(() => has(s.id));
    expect(changed.has(s.id)).toBe(true);
  });

  it('picks up a folder whose files arrive after the folder itself (a slow copy)', async () => {
    const s = sidecars[31] as ClipSidecar;
    const name = clipFolderName(s.createdAt, s.prompt, s.id);
    await mkdir(join(root, name));
    await new Promise((r) => setTimeout(r, 700)); // past the debounce: the empty folder is seen first
    expect(await has(s.id)).toBe(false);
    await link(mp4, join(root, name, 'clip.mp4'));
    await writeFile(join(root, name, 'clip.json'), JSON.stringify(s));
    await until(() => has(s.id));
  });

  it('follows a folder renamed outside the app', async () => {
    const s = sidecars[3] as ClipSidecar;
    await rename(join(root, folders[3] as string), join(root, 'renamed by hand'));
    await until(async () => (await library.get(s.id).catch(() => null))?.folder === 'renamed by hand');
    expect((await library.list({ limit: 1 })).total).toBe(32);
  });

  it('drops a folder deleted outside the app and reports it', async () => {
    const s = sidecars[4] as ClipSidecar;
    changed.clear();
    await rm(join(root, folders[4] as string), { recursive: true });
    await until(async () => !(await has(s.id)));
    expect(changed.has(s.id)).toBe(true);
  });

  it('ignores a second copy of a clip already in the library, and leaves it alone', async () => {
    const s = sidecars[5] as ClipSidecar;
    await cp(join(root, folders[5] as string), join(root, 'copy of five'), { recursive: true });
    const text = await readFile(join(root, 'copy of five', 'clip.json'), 'utf8');
    await new Promise((r) => setTimeout(r, 800));
    expect((await library.get(s.id)).folder).toBe(folders[5]);
    expect(await readFile(join(root, 'copy of five', 'clip.json'), 'utf8')).toBe(text);
  });

  it('refresh() re-reads sidecars edited by hand (Linux watches only the root)', async () => {
    const s = sidecars[6] as ClipSidecar;
    const path = join(root, folders[6] as string, 'clip.json');
    await writeFile(path, JSON.stringify({ ...s, rating: 5, tags: ['edited by hand'] }));
    const ids = await library.refresh();
    expect(ids).toContain(s.id);
    expect((await library.list({ query: 'edited' })).items.map((c) => c.id)).toEqual([s.id]);
  });
});
