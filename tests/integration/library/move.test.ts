import { mkdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { createLibrary } from '../../../src/main/library/library';
import { createMovableLibrary, type MovableLibrary } from '../../../src/main/library/movable';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { createNativeText } from '../../../src/main/i18n/native-text';
import { createSettingsHandlers } from '../../../src/main/settings/handlers';
import { createSettingsStore } from '../../../src/main/settings/store';
import { fields } from './clip-fields';
import { makeTestMp4 } from './media';

const log = createMemoryLogger();
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function workDir(parent = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(parent, 'lib-move-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A library at `<work>/old` with two real clips, one of them trashed, and a foreign file beside them. */
async function seeded(work: string): Promise<{ library: MovableLibrary; kept: string; trashed: string; changes: string[][] }> {
  const library = createMovableLibrary({ libraryDir: join(work, 'old'), framesDir: join(work, 'frames'), log, watch: false });
  cleanup.push(() => library.dispose());
  const changes: string[][] = [];
  library.onChange((ids) => changes.push(ids));
  await makeTestMp4(join(work, 'a.mp4'));
  await makeTestMp4(join(work, 'b.mp4'), '426x240', 1);
  const kept = (await library.addClip({ videoPath: join(work, 'a.mp4'), ...fields({ prompt: 'a lighthouse in the fog' }) })).id;
  const trashed = (await library.addClip({ videoPath: join(work, 'b.mp4'), ...fields({ prompt: 'a red kite over dunes' }) })).id;
  await library.trash(trashed);
  await writeFile(join(work, 'old', 'notes.txt'), 'mine, not a clip');
  return { library, kept, trashed, changes };
}

/** A second file system to move to, if this machine has one (tmpfs /dev/shm usually is). */
function otherDevice(): string | null {
  try {
    return statSync('/dev/shm').dev !== statSync(tmpdir()).dev ? '/dev/shm' : null;
  } catch {
    return null;
  }
}

describe('moving the library with its clips', () => {
  it('moves clips and the trash, leaves foreign files, and the library works from the new folder', async () => {
    const work = await workDir();
    const { library, kept, trashed, changes } = await seeded(work);
    const video = (await library.get(kept)).sidecar.video.sha256;
    const to = join(work, 'new');
    mkdirSync(to);

    const report = await library.moveTo(to);
    expect(report.moved.sort()).toEqual([kept, trashed].sort());
    expect(report.leftBehind).toEqual([]);
    expect(library.dir).toBe(to);
    // Only the foreign file stays (and the emptied app folders).
    expect((await readdir(join(work, 'old'))).filter((n) => !n.startsWith('.'))).toEqual(['notes.txt']);
    expect(await readdir(join(work, 'old', '.trash'))).toEqual([]);
    const clip = await library.get(kept);
    expect(clip.paths.video.startsWith(to)).toBe(true);
    expect((await hashFile(clip.paths.video)).sha256).toBe(video);
    expect(changes.at(-1)).toEqual([kept]);
    // Undo still works for the clip trashed before the move.
    expect((await library.restore(trashed)).paths.dir.startsWith(to)).toBe(true);
    // A fresh library on the new folder sees the same clips.
    const reopened = createLibrary({ libraryDir: to, framesDir: join(work, 'frames'), log, watch: false });
    expect((await reopened.list()).items.map((c) => c.id).sort()).toEqual([kept, trashed].sort());
    await reopened.dispose();
  });

  it('lets calls made during a move wait, then answer from the new folder', async () => {
    const work = await workDir();
    const { library, kept } = await seeded(work);
    const to = join(work, 'new');
    mkdirSync(to);
    const moving = library.moveTo(to);
    const during = library.get(kept);
    await moving;
    expect((await during).paths.dir.startsWith(to)).toBe(true);
  });

  it('leaves a clip behind when the new folder already has a folder of that name', async () => {
    const work = await workDir();
    const { library, kept } = await seeded(work);
    const folder = (await library.get(kept)).folder;
    const to = join(work, 'new');
    await mkdir(join(to, folder), { recursive: true });
    const report = await library.moveTo(to);
    expect(report.leftBehind).toEqual([folder]);
    expect(await readdir(join(work, 'old'))).toContain(folder);
  });

  it('moves everything back and keeps the old folder when a clip cannot be moved', async () => {
    const work = await workDir();
    const { library, kept, trashed } = await seeded(work);
    const to = join(work, 'new');
    mkdirSync(to);
    // A file where the trash folder must go: the root clips move, then the trashed one fails.
    await writeFile(join(to, '.trash'), 'in the way');
    await expect(library.moveTo(to)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('all still in the previous folder') });
    expect(library.dir).toBe(join(work, 'old'));
    expect((await library.get(kept)).paths.dir.startsWith(join(work, 'old'))).toBe(true);
    expect((await readdir(to)).sort()).toEqual(['.trash']);
    expect((await library.restore(trashed)).paths.dir.startsWith(join(work, 'old'))).toBe(true);
  });

  const other = otherDevice();
  it.skipIf(!other)(`copies across file systems, checks the video, then removes the original${other ? '' : ' (skipped: no second file system such as tmpfs /dev/shm here)'}`, async () => {
    const work = await workDir();
    const { library, kept } = await seeded(work);
    const before = await library.get(kept);
    const to = await workDir(other!);
    const report = await library.moveTo(to);
    expect(report.moved).toHaveLength(2);
    const after = await library.get(kept);
    expect(after.paths.dir.startsWith(to)).toBe(true);
    expect((await hashFile(after.paths.video)).sha256).toBe(before.sidecar.video.sha256);
    expect(await readdir(join(work, 'old'))).not.toContain(before.folder);
    expect(await readdir(join(to, '.staging'))).toEqual([]); // the staged copies were renamed into place
  });
});

describe('settings:update with a new library folder', () => {
  it('checks the whole patch before moving, moves, then saves; a failed move saves nothing', async () => {
    const work = await workDir();
    const { library, kept } = await seeded(work);
    const settings = createSettingsStore({ dir: join(work, 'data'), defaultLibraryDir: join(work, 'old'), log });
    const handlers = createSettingsHandlers({ settings, moveLibrary: (dir) => library.moveTo(dir), text: createNativeText(() => []) });
    const ctx = { host: 'harness' } as const;

    await expect(handlers.update({ patch: { libraryDir: join(work, 'new'), polling: { minIntervalMs: 50_000, maxIntervalMs: 10_000 } } }, ctx)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(library.dir).toBe(join(work, 'old'));

    await mkdir(join(work, 'full'));
    await writeFile(join(work, 'full', '.trash'), 'in the way');
    await expect(handlers.update({ patch: { libraryDir: join(work, 'full') } }, ctx)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(settings.get().libraryDir).toBe(join(work, 'old'));

    const saved = await handlers.update({ patch: { libraryDir: join(work, 'new') } }, ctx);
    expect(saved.libraryDir).toBe(join(work, 'new'));
    expect(JSON.parse(await readFile(join(work, 'data', 'settings.json'), 'utf8')).libraryDir).toBe(join(work, 'new'));
    expect((await library.get(kept)).paths.dir.startsWith(join(work, 'new'))).toBe(true);
  });
});
