import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../logging/logger';
import { CopyCheckError, exists, hashFile } from './disk';
import { STAGING_DIR, TRASH_DIR, VIDEO_FILE } from './layout';
import { copyInputStore, removeInputStore } from './inputs-store';
import { readClipFolder } from './read-clip';

/** What moving the library did: clip ids moved, and folder names left behind (the new folder already had one of that name). */
export interface MoveReport {
  moved: string[];
  leftBehind: string[];
}

/**
 * Moves every clip folder of the library at `from` into `to` (both absolute; `to` exists), and the
 * clips waiting in `from/.trash/` into `to/.trash/`. Only folders that read as clips move: foreign
 * files and folders stay where they are. A folder whose name `to` already holds is left behind.
 *
 * Each clip moves with one `rename` when both folders are on one file system; across file systems
 * (EXDEV) it is copied into `to/.staging/`, its video checked against the sidecar's sha256, renamed
 * into place, and only then removed from `from`. When a clip fails to move, the clips already
 * moved are moved back and the error is rethrown: the library is whole in one place or the other.
 * The shared input store (`.inputs/`) is copied (hard-linked where possible) into `to` first and
 * removed from `from` only after every clip moved (kept while a clip was left behind).
 */
export async function moveClipFolders(from: string, to: string, log: Logger): Promise<MoveReport> {
  const done: Array<{ src: string; dst: string }> = [];
  const report: MoveReport = { moved: [], leftBehind: [] };
  try {
    await copyInputStore(from, to);
    for (const sub of ['', TRASH_DIR]) {
      const source = join(from, sub);
      const names = await readdir(source).catch(() => [] as string[]);
      for (const name of names) {
        if (name.startsWith('.')) continue; // .trash, .staging and hidden files are not clips
        const read = await readClipFolder(source, name);
        if (!read.ok) continue;
        const dst = join(to, sub, name);
        if (await exists(dst)) {
          report.leftBehind.push(name);
          continue;
        }
        await mkdir(join(to, sub), { recursive: true });
        await moveFolder(join(source, name), dst, join(to, STAGING_DIR), read.record.sidecar.video.sha256);
        done.push({ src: join(source, name), dst });
        report.moved.push(read.record.id);
      }
    }
  } catch (err) {
    log.error('library.move_failed', { moved: done.length, error: err });
    for (const { src, dst } of done.reverse()) {
      await moveFolder(dst, src, join(from, STAGING_DIR), null).catch((back: unknown) => log.error('library.move_back_failed', { folder: dst, error: back }));
    }
    throw err;
  }
  // A clip left behind still uses the old store.
  if (report.leftBehind.length === 0) await removeInputStore(from).catch((err: unknown) => log.warn('library.old_inputs_not_removed', { error: err }));
  log.info('library.moved', { from, to, clips: report.moved.length, leftBehind: report.leftBehind.length });
  return report;
}

/**
 * Moves the folder `src` to `dst` (which must not exist): a rename, or on another file system a
 * copy through `stagingDir`, checked (the video's sha256 when `videoSha256` is given, else each
 * file's size), then the source removed.
 */
async function moveFolder(src: string, dst: string, stagingDir: string, videoSha256: string | null): Promise<void> {
  try {
    await rename(src, dst);
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
  }
  const staged = join(stagingDir, `move-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  try {
    await mkdir(stagingDir, { recursive: true });
    await cp(src, staged, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    if (videoSha256 !== null) {
      if ((await hashFile(join(staged, VIDEO_FILE))).sha256 !== videoSha256) throw new CopyCheckError({ kind: 'hashMismatch', file: VIDEO_FILE });
    } else if ((await folderBytes(staged)) !== (await folderBytes(src))) {
      throw new CopyCheckError({ kind: 'sizeDiffers' });
    }
    await rename(staged, dst);
  } catch (err) {
    await rm(staged, { recursive: true, force: true });
    throw err;
  }
  await rm(src, { recursive: true, force: true });
}

/** Total bytes of the files under `dir`. */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}
