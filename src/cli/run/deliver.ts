import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ModelEntry } from '../../shared/catalog/types';
import type { Job } from '../../shared/jobs/job';
import { RejectedError, type CliIo } from '../io';
import { timingsOf } from './outcome';

/**
 * Copies the clip's video to `<outDir>/<clip id>.mp4` through a `.part` file, so the name only ever
 * holds a whole video. Streamed into a new file rather than `copyFile`, which would carry over the
 * library's owner-only mode: the user's umask decides who can read what they asked for in --out.
 */
async function copyOut(video: string, outDir: string, clipId: string): Promise<string> {
  const final = join(outDir, `${clipId}.mp4`);
  const part = `${final}.part`;
  try {
    await pipeline(createReadStream(video), createWriteStream(part));
    await rename(part, final);
  } catch (err) {
    await rm(part, { force: true });
    throw new RejectedError(`The video is in the library (${video}) but could not be copied into ${outDir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return final;
}

/**
 * Delivers a completed job: copies its library video into `outDir` (saying where on stderr) and
 * prints the library video's path on stdout, or with `json` one line `{ path, outPath, clipId,
 * seed, taskId, provider, model, timings }` — plus `batch` (`{ id, take, of }`) for a take of a
 * batch. Throws `RejectedError` when the video was not filed or cannot be copied.
 */
export async function deliver(job: Job, entry: ModelEntry, outDir: string, json: boolean, io: CliIo): Promise<void> {
  const video = job.result?.path;
  const clipId = job.result?.libraryId;
  if (!video || !clipId) throw new RejectedError('The job finished but its video was not filed in the library; the log has details.');
  const outPath = await copyOut(video, outDir, clipId);
  io.stderr(`copied to ${outPath}\n`);
  if (!json) {
    io.stdout(`${video}\n`);
    return;
  }
  const seed = job.remote?.seed ?? (job.params.seed !== undefined && job.params.seed !== -1 ? job.params.seed : null);
  const record = {
    path: video,
    outPath,
    clipId,
    seed,
    taskId: job.remote?.taskId ?? null,
    provider: entry.provider,
    model: entry.model,
    timings: timingsOf(job),
    ...(job.batch ? { batch: job.batch } : {}),
  };
  io.stdout(`${JSON.stringify(record)}\n`);
}
