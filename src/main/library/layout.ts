import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ClipSidecar } from '../../shared/library/sidecar';

/**
 * The library's on-disk layout (documented in README.md next to this file):
 * `<libraryDir>/<yyyy-mm-dd>_<slug-of-prompt>_<id>/{clip.mp4, clip.json, poster.jpg, inputs/…}`.
 * Folders whose name starts with a dot (`.trash`, `.staging`) belong to the app and are not clips.
 */
export const VIDEO_FILE = 'clip.mp4';
export const SIDECAR_FILE = 'clip.json';
export const POSTER_FILE = 'poster.jpg';
/** The H.264 copy the players show when `clip.mp4` is one they may not play (sidecar `preview`). */
export const PREVIEW_FILE = 'preview.mp4';
/**
 * The provider's own last frame of `clip.mp4` (ModelArk `last_frame_url`: lossless PNG at the video's
 * size, providers.md BytePlus ModelArk), when it made one; "Continue from last frame" uses it.
 */
export const LAST_FRAME_FILE = 'last-frame.png';
export const TRASH_DIR = '.trash';
export const STAGING_DIR = '.staging';

/** True for names the library treats as possible clip folders (not hidden, not a temp file). */
export function isClipFolderName(name: string): boolean {
  return !name.startsWith('.') && !name.endsWith('.tmp');
}

/** A new clip id: 10 base-36 characters (about 51 random bits; collisions are not a practical concern). */
export function newClipId(): string {
  return randomBytes(8).readBigUInt64BE().toString(36).padStart(13, '0').slice(-10);
}

/**
 * A file-name-safe slug of a prompt: accents folded, lowercase ASCII letters and digits joined by
 * `-`, cut at a word boundary to at most `maxChars` (default 40). `clip` when nothing is left
 * (e.g. a prompt only in a non-Latin script), so every folder name stays readable and portable.
 */
export function slugOfPrompt(prompt: string, maxChars = 40): string {
  const words = prompt
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxChars) {
      if (!slug) slug = word.slice(0, maxChars);
      break;
    }
    slug = next;
  }
  return slug || 'clip';
}

/** `<yyyy-mm-dd>_<slug>_<id>`, the date in the computer's local time zone (as the person sees it). */
export function clipFolderName(createdAt: number, prompt: string, id: string): string {
  const d = new Date(createdAt);
  const date = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${date}_${slugOfPrompt(prompt)}_${id}`;
}

/** Absolute paths of one clip's files. `poster` is null when the folder has none; `preview` when the sidecar records none. */
export interface ClipPaths {
  dir: string;
  video: string;
  /** What the players show instead of `video` (export and reveal use `video`). */
  preview: string | null;
  sidecar: string;
  poster: string | null;
  /** One per `sidecar.inputs` entry, same order: the original's and the sent copy's paths, null when not kept. */
  inputs: Array<{ original: string | null; sent: string | null }>;
}

/**
 * Absolute path of a stored input's `file` (validated by the sidecar schema: `.inputs/…` in the
 * library root `root`, or v1's `inputs/…` in the clip folder `dir`).
 */
export function inputPath(root: string, dir: string, file: string): string {
  return file.startsWith('.inputs/') ? join(root, ...file.split('/')) : join(dir, ...file.split('/'));
}

/** The paths of a clip in folder `dir` of the library at `root`, from its sidecar. */
export function clipPaths(dir: string, root: string, sidecar: Pick<ClipSidecar, 'inputs' | 'preview'>, hasPoster: boolean): ClipPaths {
  const at = (file: { file: string } | undefined) => (file ? inputPath(root, dir, file.file) : null);
  return {
    dir,
    video: join(dir, VIDEO_FILE),
    preview: sidecar.preview ? join(dir, PREVIEW_FILE) : null,
    sidecar: join(dir, SIDECAR_FILE),
    poster: hasPoster ? join(dir, POSTER_FILE) : null,
    inputs: sidecar.inputs.map((i) => ({ original: at(i.original), sent: at(i.sent) })),
  };
}

/** Mime type of an input image from its extension (as allowed by the sidecar schema). */
export function imageMime(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const map: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', bmp: 'image/bmp', tiff: 'image/tiff', gif: 'image/gif' };
  return map[ext] ?? 'application/octet-stream';
}
