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

const SIDECAR_MAX_BYTES = 1024 * 1024;

/**
 * Reads one clip folder `<root>/<folder>` without changing anything in it. A folder is a clip when
 * its `clip.json` reads as a sidecar of a version this build knows (`readSidecar`; `sidecar` is in
 * the current shape) and its `clip.mp4` exists with the size the
 * sidecar records (a different size means a partial copy). Never throws: anything else is a skip
 * with a reason.
 */
export async function readClipFolder(root: string, folder: string): Promise<ReadClipResult> {
  const dir = join(root, folder);
  const sidecarPath = join(dir, SIDECAR_FILE);
  let raw: string;
  let fingerprint: string;
  try {
    const info = await stat(sidecarPath);
    if (!info.isFile()) return { ok: false, reason: 'no_sidecar' };
    if (info.size > SIDECAR_MAX_BYTES) return { ok: false, reason: 'foreign', detail: 'sidecar larger than 1 MB' };
    fingerprint = `${info.mtimeMs}:${info.size}`;
    raw = await readFile(sidecarPath, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      const folderExists = await stat(dir).then((s) => s.isDirectory(), () => false);
      return { ok: false, reason: folderExists ? 'no_sidecar' : 'missing' };
    }
    return { ok: false, reason: 'unreadable', detail: code };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  // v1 files are read into the current shape; an unknown (e.g. newer) version is skipped, never rewritten.
  const parsed = readSidecar(json);
  if (!parsed.ok) return { ok: false, reason: 'foreign', detail: parsed.detail };
  const sidecar = parsed.sidecar;
  const [video, poster] = await Promise.all([
    stat(join(dir, VIDEO_FILE)).catch(() => null),
    stat(join(dir, POSTER_FILE)).catch(() => null),
  ]);
  if (!video?.isFile()) return { ok: false, reason: 'no_video' };
  if (video.size !== sidecar.video.bytes) {
    return { ok: false, reason: 'partial_video', detail: `${video.size} of ${sidecar.video.bytes} bytes` };
  }
  return { ok: true, record: { id: sidecar.id, folder, dir, sidecar, hasPoster: Boolean(poster?.isFile()), fingerprint } };
}
