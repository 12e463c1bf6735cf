import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Studio } from '../../main/composition/create-studio';
import { findModel } from '../../shared/catalog/models';
import { StudioError } from '../../shared/contract/result';
import { finalParams, finalQuote, finalQuoteText } from '../../shared/library/final';
import { ClipId, readSidecar, type ClipSidecar } from '../../shared/library/sidecar';
import { cliDataDir } from '../data-dir';
import { RejectedError, UsageError, type CliIo } from '../io';
import { openCliStudio } from '../run/studio';
import { runJob } from './run';

/** Flags of `seedance finalize`. */
export interface FinalizeOptions {
  /** A clip id of the CLI's library, or the path of a clip's folder, `clip.json` or video. */
  clip: string;
  out: string;
  data?: string;
  json: boolean;
}

/** The sidecar file every clip folder holds (the library's layout). */
const SIDECAR = 'clip.json';

/**
 * The draft clip's sidecar: from the library by id when `clip` looks like a clip id and is not a
 * path on disk, else from the clip folder the path names (the folder itself, its `clip.json`, or
 * any file in it such as `clip.mp4`). Throws `UsageError` when neither leads to a readable sidecar.
 */
async function draftSidecar(studio: Studio, clip: string): Promise<ClipSidecar> {
  const onDisk = await stat(clip).catch(() => null);
  if (!onDisk && ClipId.safeParse(clip).success) {
    try {
      return (await studio.library.get(clip)).sidecar;
    } catch (err) {
      if (err instanceof StudioError && err.code === 'NOT_FOUND') throw new UsageError(`No clip ${clip} in the library (${studio.library.dir}). Give the clip's folder instead.`);
      throw err;
    }
  }
  if (!onDisk) throw new UsageError(`"${clip}" is neither a clip id in the library nor a file or folder.`);
  const file = onDisk.isDirectory() ? join(clip, SIDECAR) : basename(clip) === SIDECAR ? clip : join(dirname(clip), SIDECAR);
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) throw new UsageError(`No ${SIDECAR} beside ${clip}: give a clip folder from the library.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UsageError(`${file} is not valid JSON.`);
  }
  const read = readSidecar(json);
  if (!read.ok) throw new UsageError(`${file} is not a clip sidecar this version reads: ${read.detail}`);
  return read.sidecar;
}

/**
 * `seedance finalize <clip>`: sends the final (1080p) of a draft clip (seedance-2.5.md §2.6
 * ModelArk, §3 fal) through the same engine as `run`, after saying on stderr that both stages are
 * billed, with both estimates and when the draft expires. The final is filed as a new clip linked
 * to its draft (`parameters.finalOf`) and copied to `<out>/<clip id>.mp4`; stdout as `run`.
 * Refused (exit 1) when the clip is not a draft, has no draft id, or its draft expired (7 days).
 * Exit codes as `run`.
 */
export async function finalizeCommand(opts: FinalizeOptions, io: CliIo): Promise<number> {
  const outDir = resolve(opts.out);
  try {
    await mkdir(outDir, { recursive: true });
  } catch {
    throw new UsageError(`Cannot create the --out folder ${opts.out}.`);
  }
  const studio = await openCliStudio(cliDataDir(opts.data, io.env), io.env);
  try {
    const sidecar = await draftSidecar(studio, opts.clip);
    const entry = findModel(sidecar.modelId);
    const made = finalParams(sidecar, entry, Date.now());
    if (!made.ok) throw new RejectedError(made.message);
    // finalParams refuses a clip whose row has no draft support, so both are here.
    const quote = finalQuote(sidecar, entry!, made.params, sidecar.draft!.expiresAt);
    io.stderr(`${finalQuoteText(quote, !studio.keys.anyConfigured())}\n`);
    return await runJob(studio, entry!, made.params, { json: opts.json, fix: false, references: { images: [], videos: [], audios: [] } }, outDir, io);
  } finally {
    await studio.dispose();
  }
}
