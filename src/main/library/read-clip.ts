import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readSidecar, type ClipSidecar } from '../../shared/library/sidecar';
import { POSTER_FILE, SIDECAR_FILE, VIDEO_FILE } from './layout';

/** One clip as the index holds it. */
export interface ClipRecord {
  id: string;
  /** Folder name inside the library root. */
  folder: string;
  /** Absolute folder path. */
  dir: string;
  sidecar: ClipSidecar;
  hasPoster: boolean;
  /** `mtimeMs:size` of the sidecar: tells a real change from a watcher echo of our own write. */
  fingerprint: string;
}

/** Why a folder was not indexed; logged as a warning, the folder is left as it is. */
export type SkipReason = 'missing' | 'no_sidecar' | 'unreadable' | 'not_json' | 'foreign' | 'no_video' | 'partial_video';

export type ReadClipResult = { ok: true; record: ClipRecord } | { ok: false; reason: SkipReason; detail?: string };

/** Sidecars larger than this are not ours (ours are a few KB); they are skipped unread. */
export const SIDECAR_MAX_BYTES = 1024 * 1024;

/**
 * What the file system says about one clip folder, before any parsing: gathered here with async
 * I/O, or in the scan worker (`scan-worker.ts`) with the synchronous twin `gatherClipFactsSync`.
 * `sidecar.text` is present when the sidecar is a regular file of at most `SIDECAR_MAX_BYTES`.
 */
export interface ClipFacts {
  sidecar:
    | { state: 'file'; fingerprint: string; size: number; text?: string }
    | { state: 'not_file' }
    | { state: 'absent'; folderExists: boolean }
    | { state: 'error'; code: string | undefined };
  /** Size in bytes of `clip.mp4`, null when it is not a regular file. */
  videoBytes: number | null;
  hasPoster: boolean;
}

/**
 * Reads one clip folder `<root>/<folder>` without changing anything in it. A folder is a clip when
 * its `clip.json` reads as a sidecar of a version this build knows (`readSidecar`; `sidecar` is in
 * the current shape) and its `clip.mp4` exists with the size the
 * sidecar records (a different size means a partial copy). Never throws: anything else is a skip
 * with a reason.
 */
export async function readClipFolder(root: string, folder: string): Promise<ReadClipResult> {
  return interpretClipFacts(root, folder, await gatherClipFacts(join(root, folder)));
}

/** `ClipFacts` of the folder at `dir`, with async I/O. Never throws. */
export async function gatherClipFacts(dir: string): Promise<ClipFacts> {
  const sidecarPath = join(dir, SIDECAR_FILE);
  let sidecar: ClipFacts['sidecar'];
  try {
    const info = await stat(sidecarPath);
    if (!info.isFile()) sidecar = { state: 'not_file' };
    else {
      sidecar = { state: 'file', fingerprint: `${info.mtimeMs}:${info.size}`, size: info.size };
      if (info.size <= SIDECAR_MAX_BYTES) sidecar.text = await readFile(sidecarPath, 'utf8');
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      sidecar = { state: 'absent', folderExists: await stat(dir).then((s) => s.isDirectory(), () => false) };
    } else sidecar = { state: 'error', code };
  }
  if (sidecar.state !== 'file') return { sidecar, videoBytes: null, hasPoster: false };
  const [video, poster] = await Promise.all([stat(join(dir, VIDEO_FILE)).catch(() => null), stat(join(dir, POSTER_FILE)).catch(() => null)]);
  return { sidecar, videoBytes: video?.isFile() ? video.size : null, hasPoster: Boolean(poster?.isFile()) };
}

/**
 * The synchronous twin of `gatherClipFacts`, for the scan worker, where blocking calls block no one
 * and cost a fraction of async ones. Self-contained (its source is sent to the worker as text):
 * it uses only its arguments. Never throws.
 */
export function gatherClipFactsSync(
  fs: Pick<typeof import('node:fs'), 'statSync' | 'readFileSync'>,
  dir: string,
  names: { sidecar: string; video: string; poster: string; maxBytes: number },
): ClipFacts {
  const sidecarPath = `${dir}/${names.sidecar}`;
  let sidecar: ClipFacts['sidecar'];
  try {
    const info = fs.statSync(sidecarPath);
    if (!info.isFile()) sidecar = { state: 'not_file' };
    else {
      sidecar = { state: 'file', fingerprint: `${info.mtimeMs}:${info.size}`, size: info.size };
      if (info.size <= names.maxBytes) sidecar.text = fs.readFileSync(sidecarPath, 'utf8');
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const folder = fs.statSync(dir, { throwIfNoEntry: false });
      sidecar = { state: 'absent', folderExists: Boolean(folder?.isDirectory()) };
    } else sidecar = { state: 'error', code };
  }
  if (sidecar.state !== 'file') return { sidecar, videoBytes: null, hasPoster: false };
  const video = fs.statSync(`${dir}/${names.video}`, { throwIfNoEntry: false });
  const poster = fs.statSync(`${dir}/${names.poster}`, { throwIfNoEntry: false });
  return { sidecar, videoBytes: video?.isFile() ? video.size : null, hasPoster: Boolean(poster?.isFile()) };
}

/** The clip in `<root>/<folder>` given its `facts`, or why it is skipped (see `readClipFolder`). */
export function interpretClipFacts(root: string, folder: string, facts: ClipFacts): ReadClipResult {
  const { sidecar: file } = facts;
  if (file.state === 'not_file') return { ok: false, reason: 'no_sidecar' };
  if (file.state === 'absent') return { ok: false, reason: file.folderExists ? 'no_sidecar' : 'missing' };
  if (file.state === 'error') return { ok: false, reason: 'unreadable', detail: file.code };
  if (file.text === undefined) return { ok: false, reason: 'foreign', detail: 'sidecar larger than 1 MB' };
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  // v1 files are read into the current shape; an unknown (e.g. newer) version is skipped, never rewritten.
  const parsed = readSidecar(json);
  if (!parsed.ok) return { ok: false, reason: 'foreign', detail: parsed.detail };
  const sidecar = parsed.sidecar;
  if (facts.videoBytes === null) return { ok: false, reason: 'no_video' };
  if (facts.videoBytes !== sidecar.video.bytes) {
    return { ok: false, reason: 'partial_video', detail: `${facts.videoBytes} of ${sidecar.video.bytes} bytes` };
  }
  return { ok: true, record: { id: sidecar.id, folder, dir: join(root, folder), sidecar, hasPoster: facts.hasPoster, fingerprint: file.fingerprint } };
}
