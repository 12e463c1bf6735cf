import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { backoff } from '../../shared/jobs/backoff';
import type { Job, JobError } from '../../shared/jobs/job';
import type { VideoProbe } from '../media-tools/ffmpeg';
import { PROVIDER_NAMES } from '../providers/failure';
import { Aborted, sleep } from './clock';
import { DownloadError, downloadToPart } from './download';
import type { JobRuntime } from './runtime';
import { verifyVideo, type ExpectedVideo } from './verify';

/** A downloaded, verified video waiting to be filed: the `.part` file, its hex sha256, size in bytes and probe. */
export interface DeliveredFile {
  path: string;
  sha256: string;
  bytes: number;
  probe: VideoProbe;
}

/**
 * Files a verified video (moves `file.path` where it belongs) and says where it went. The library
 * provides one that files clips with sidecars; `deliverInto` is the plain default. It must be
 * idempotent per job id: after a crash between filing and recording it, it is called again for a
 * freshly downloaded copy of the same video.
 */
export type DeliverHook = (job: Job, file: DeliveredFile) => Promise<{ path: string; libraryId?: string }>;

/** The default hook: renames the file to `<outputDir>/<jobId>.mp4` (atomic: same folder as the `.part`). */
export function deliverInto(outputDir: string): DeliverHook {
  return async (job, file) => {
    const path = join(outputDir, `${job.id}.mp4`);
    await rename(file.path, path);
    return { path };
  };
}

/** Where job `id`'s download accumulates: beside its destination so the final rename never crosses disks. */
export function partPathOf(outputDir: string, id: string): string {
  return join(outputDir, `${id}.mp4.part`);
}

export interface DeliveryDeps {
  outputDir: string;
  ffprobe: string;
  deliver: DeliverHook;
  /** What the video must look like; null skips the size/duration checks (model gone from the catalog). */
  expected(job: Job): ExpectedVideo | null;
}

/** Bad files (fail verification) in a row after which the job fails: the provider made the wrong video. */
const MAX_BAD_FILES = 2;
/** Other non-retryable failures (HTTP 400, filing errors) in a row after which the job fails. */
const MAX_HARD_FAILURES = 5;
/** When the provider gives no expiry: providers.md "result URL lifetime" — 24 h (EvoLink, ModelArk). */
const DEFAULT_URL_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Progress events at most this often, ms. */
const PROGRESS_EVERY_MS = 500;

/**
 * Downloads, verifies and files the video of job `id` (state `downloading`), then completes it.
 * Interrupted downloads resume by Range; network/5xx failures retry with backoff until the URL's
 * lifetime ends; a 403/404/410 or a passed `resultExpiresAt` ends the job `expired` (the message
 * names the provider task). Waits while offline. Rejects with `Aborted` when `signal` aborts.
 */
export async function deliverResult(rt: JobRuntime, id: string, deps: DeliveryDeps, signal: AbortSignal): Promise<void> {
  const part = partPathOf(deps.outputDir, id);
  await mkdir(deps.outputDir, { recursive: true });
  let failures = 0;
  let hardFailures = 0;
  let badFiles = 0;
  for (;;) {
    const job = rt.job(id);
    if (job?.state !== 'downloading' || !job.remote?.resultUrl) return;
    const remote = job.remote;
    await rt.waitOnline(signal);
    let lastProgressAt = 0;
    try {
      const got = await downloadToPart({
        url: remote.resultUrl as string,
        partPath: part,
        onRequest: () => rt.countRequest(id),
        signal,
        onProgress: (bytes, total) => {
          const now = rt.clock.now();
          if (!total || now - lastProgressAt < PROGRESS_EVERY_MS) return;
          lastProgressAt = now;
          rt.live(id, { progress: Math.floor((bytes / total) * 100) });
        },
      });
      const expected = deps.expected(job);
      const check = await verifyVideo(deps.ffprobe, part, expected ?? { durationSec: job.params.duration, sizes: null });
      if (!check.ok) {
        await rm(part, { force: true });
        badFiles++;
        rt.log.warn('jobs.verify_failed', { id, reason: check.reason });
        if (badFiles >= MAX_BAD_FILES) {
          await rt.apply(id, { type: 'fail', error: { kind: 'verification', message: check.reason, fix: 'Use Retry; if it happens again, report it to the provider with the task id.' } });
          return;
        }
        rt.live(id, { notice: `${check.reason} Downloading it again.` });
        continue;
      }
      const filed = await deps.deliver(job, { path: part, sha256: got.sha256, bytes: got.bytes, probe: check.probe });
      await rt.apply(id, {
        type: 'completed',
        result: { path: filed.path, sha256: got.sha256, bytes: got.bytes, ...(filed.libraryId ? { libraryId: filed.libraryId } : {}) },
      });
      return;
    } catch (err) {
      if (signal.aborted) throw new Aborted();
      const succeededAt = job.times.downloading ?? job.updatedAt;
      const expiresAt = remote.resultExpiresAt ?? succeededAt + DEFAULT_URL_LIFETIME_MS;
      if ((err instanceof DownloadError && err.kind === 'expired') || rt.clock.now() >= expiresAt) {
        await rm(part, { force: true });
        await rt.apply(id, { type: 'expire', error: expiredError(job, err) });
        return;
      }
      failures++;
      const retryable = err instanceof DownloadError && err.retryable;
      if (!retryable) hardFailures++;
      rt.log.warn('jobs.download_failed', { id, attempt: failures, error: err });
      if (hardFailures >= MAX_HARD_FAILURES) {
        await rt.apply(id, { type: 'fail', error: downloadError(job, err) });
        return;
      }
      const delay = backoff(failures);
      rt.live(id, { notice: `${messageOf(err)} Trying again in ${Math.ceil(delay / 1000)} s.` });
      await sleep(rt.clock, delay, signal);
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function expiredError(job: Job, err: unknown): JobError {
  const name = PROVIDER_NAMES[job.provider];
  const http = err instanceof DownloadError && err.status ? ` (HTTP ${err.status})` : '';
  return {
    kind: 'expired',
    message: `${name}'s link to this video stopped working before the download finished${http}. Provider task id: ${job.remote?.taskId ?? 'unknown'}.`,
    fix: `The provider may still have it for a while: look for the task id in the ${name} dashboard, or use Retry to make it again.`,
  };
}

function downloadError(job: Job, err: unknown): JobError {
  return {
    kind: 'download',
    message: `The video could not be downloaded or saved: ${messageOf(err)} Provider task id: ${job.remote?.taskId ?? 'unknown'}.`,
    fix: 'Check free disk space and the library folder, then use Retry.',
  };
}
