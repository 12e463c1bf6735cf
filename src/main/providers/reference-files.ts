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
 * storage host and sha256), else `upload()` every time. `upload` gets a listener for the bytes it has
 * sent (give it to `sendRequest`'s `onBodySent`) and returns the URL and when it expires (ms since the
 * epoch). `ctx.uploadProgress` hears the bytes and, once the URL is known (uploaded or remembered), that
 * the file is done.
 */
export async function uploadOnce(
  ctx: ProviderContext,
  provider: ProviderId,
  host: string,
  file: LocalFile,
  upload: (onSent: (sentBytes: number) => void) => Promise<{ url: string; expiresAt: number }>,
): Promise<string> {
  const heard = ctx.uploadProgress;
  const run = () => upload((sentBytes) => heard?.sent(file.sha256, sentBytes));
  const url = ctx.uploads ? await ctx.uploads.urlFor({ provider, host: originOf(host), sha256: file.sha256 }, run) : (await run()).url;
  heard?.done(file.sha256);
  return url;
}

/** Tells `ctx.uploadProgress` which local files `prepare` will upload (before the first one), so their total is known from the start. */
export function expectUploads(ctx: ProviderContext, files: ReadonlyArray<LocalFile | undefined>): void {
  const local = files.filter((f): f is LocalFile => f !== undefined);
  if (local.length > 0) ctx.uploadProgress?.expect(local.map((f) => ({ sha256: f.sha256, bytes: f.bytes })));
}

/** Every local file among `refs` (reference media given by URL are not uploaded). */
export function localFilesOf(refs: readonly PreparedReference[] | undefined): LocalFile[] {
  return (refs ?? []).flatMap((r) => ('file' in r ? [r.file] : []));
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
