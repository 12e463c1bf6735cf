import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ProviderId } from '../../shared/catalog/types';
import { DEFAULT_TIMEOUT_MS } from './http';
import type { PreparedImage, PreparedMediaFile, PreparedReference, ProviderContext } from './types';

/** A local file an adapter sends: a processed image or a probed reference video/audio file. */
export type LocalFile = PreparedImage | PreparedMediaFile;

/**
 * Timeout for sending `bytes` in one request, ms: the default minute plus one second per 128 KiB
 * (a 50 MB reference video on a 1 Mbit/s uplink needs about 7 minutes).
 */
export function uploadTimeoutMs(bytes: number): number {
  return DEFAULT_TIMEOUT_MS + Math.ceil(bytes / (128 * 1024)) * 1000;
}

/**
 * The storage URL for `file`: through `ctx.uploads` when the engine gave one (remembered by provider,
 * storage host and sha256), else `upload()` every time. `upload` returns the URL and when it expires
 * (ms since the epoch).
 */
export function uploadOnce(
  ctx: ProviderContext,
  provider: ProviderId,
  host: string,
  file: LocalFile,
  upload: () => Promise<{ url: string; expiresAt: number }>,
): Promise<string> {
  if (!ctx.uploads) return upload().then((u) => u.url);
  return ctx.uploads.urlFor({ provider, host: originOf(host), sha256: file.sha256 }, upload);
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** A file name for uploads: the file's own name. */
export function fileName(file: LocalFile): string {
  return basename(file.path);
}

/** `data:<mime>;base64,…` of a file. */
export async function dataUrl(file: LocalFile, mime = file.mime): Promise<string> {
  return `data:${mime};base64,${(await readFile(file.path)).toString('base64')}`;
}

/**
 * The references of one kind, in order (tags `@image1`, `@video1`, `@audio1` count per kind), each as
 * a local file or a URL given as is (reference videos).
 */
export function referencesOf(refs: readonly PreparedReference[] | undefined, kind: PreparedReference['kind']): Array<{ file: LocalFile } | { url: string }> {
  return (refs ?? []).filter((r) => r.kind === kind).map((r) => ('url' in r ? { url: r.url } : { file: r.file }));
}
