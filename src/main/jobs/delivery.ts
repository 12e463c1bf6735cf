import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { backoff } from '../../shared/jobs/backoff';
import type { Job, JobError } from '../../shared/jobs/job';
import { makePoster } from '../library/posters';
import type { MediaRunner, VideoProbe } from '../media-tools/ffmpeg';
import { playability, type PreviewFile, type PreviewMaker } from '../media-tools/playable';
import { PROVIDER_NAMES } from '../providers/failure';
import { Aborted, sleep } from './clock';
import { DownloadError, downloadToPart } from './download';
import type { JobRuntime } from './runtime';
import { requestedSeconds, verifyVideo, type ExpectedVideo } from './verify';
import { phrase, said, saidFix, type Phrase, type PhraseValue, type Said } from '../../shared/messages/phrase';
import { retryNotice } from './failures';

/**
 * A downloaded, verified video waiting to be filed: the `.part` file, its hex sha256, size in bytes
 * and probe, a JPEG poster made from it (`posterTime`, full size), absent when ffmpeg could not
 * make one, and the H.264 preview made beside it when the players may not play it. The hook may take
 * the poster and moves the preview; a poster it leaves is removed after it returns.
 */
export interface DeliveredFile {
  path: string;
  sha256: string;
  bytes: number;
  probe: VideoProbe;
  poster?: string;
  preview?: PreviewFile;
  /**
   * The provider's own last frame (ModelArk `last_frame_url`, a PNG), fetched beside the video and
   * checked to be the video's size; absent when the provider gave none or it could not be used. The
   * hook may link it; it is removed after the hook returns.
   */
  lastFrame?: string;
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

/** Where job `id`'s H.264 preview is made, beside its download. */
export function previewPathOf(outputDir: string, id: string): string {
  return join(outputDir, `${id}.preview.mp4`);
}

export interface DeliveryDeps {
  outputDir: string;
  ffprobe: string;
  ffmpeg: string;
  /** Runs ffprobe (verification) and ffmpeg (posters): bounded and at low priority in the engine. */
  media: MediaRunner;
  deliver: DeliverHook;
  /** Makes the H.264 preview of a video the players may not play (HEVC, 10-bit, 4:4:4, PCM: seedance-2.5.md §2.1, §2.5). */
  previews: PreviewMaker;
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
      const check = await verifyVideo(deps.ffprobe, part, expected ?? { durationSec: requestedSeconds(job.params.duration), sizes: null }, deps.media);
      if (!check.ok) {
        await rm(part, { force: true });
        badFiles++;
        rt.log.warn('jobs.verify_failed', { id, reason: check.reason });
        if (badFiles >= MAX_BAD_FILES) {
          await rt.apply(id, { type: 'fail', error: { kind: 'verification', message: check.reason, phrase: check.reasonPhrase, ...saidFix('job.verificationFix') } });
          return;
        }
        rt.live(id, noticeOf(said('notice.redownload', { reason: check.reasonPhrase })));
        continue;
      }
      const preview = await makePreview(rt, deps, id, part, check.probe);
      const poster = await posterFor(rt, id, part, check.probe.durationSec, deps);
      const lastFrame = remote.lastFrameUrl ? await providerLastFrame(rt, id, remote.lastFrameUrl, check.probe, deps, signal) : undefined;
      let filed: Awaited<ReturnType<DeliverHook>>;
      try {
        filed = await deps.deliver(job, {
          path: part,
          sha256: got.sha256,
          bytes: got.bytes,
          probe: check.probe,
          ...(poster ? { poster } : {}),
          ...(preview ? { preview } : {}),
          ...(lastFrame ? { lastFrame } : {}),
        });
      } finally {
        if (poster) await rm(poster, { force: true });
        if (lastFrame) await rm(lastFrame, { force: true });
      }
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
      rt.live(id, retryNotice(problemOf(err), delay, 'send'));
      await sleep(rt.clock, delay, signal);
    }
  }
}

/**
 * A poster of the verified video beside its `.part` (`<id>.poster.jpg`), made here so filing in main
 * spawns nothing (issue 12); undefined when ffmpeg fails — the clip matters more than its poster.
 */
async function posterFor(rt: JobRuntime, id: string, video: string, durationSec: number, deps: DeliveryDeps): Promise<string | undefined> {
  const out = join(deps.outputDir, `${id}.poster.jpg`);
  try {
    await makePoster(deps.ffmpeg, video, durationSec, out, deps.media);
    return out;
  } catch (err) {
    rt.log.warn('jobs.poster_failed', { id, error: err });
    await rm(out, { force: true });
    return undefined;
  }
}

/**
 * The provider's lossless last frame (`lastFrameUrl`, ModelArk's PNG) downloaded beside the video as
 * `<id>.last.png`, kept only when it is a PNG of the video's exact size (providers.md, BytePlus
 * ModelArk: "same width × height as the video"). Undefined when it cannot be fetched or does not
 * match: "Continue from last frame" then extracts one from the video, so this never fails the job.
 */
async function providerLastFrame(rt: JobRuntime, id: string, url: string, probe: VideoProbe, deps: DeliveryDeps, signal: AbortSignal): Promise<string | undefined> {
  const out = join(deps.outputDir, `${id}.last.png`);
  try {
    await rm(out, { force: true });
    await downloadToPart({ url, partPath: out, onRequest: () => rt.countRequest(id), signal });
    const meta = await sharp(out).metadata();
    if (meta.format === 'png' && meta.width === probe.width && meta.height === probe.height) return out;
    rt.log.warn('jobs.last_frame_mismatch', { id, format: meta.format, width: meta.width, height: meta.height });
  } catch (err) {
    if (signal.aborted) throw new Aborted();
    rt.log.warn('jobs.last_frame_failed', { id, error: err });
  }
  await rm(out, { force: true });
  return undefined;
}

/**
 * The preview for a verified download, or null when none is needed or it could not be made: the
 * clip matters more than its preview, so a failed encode is logged and the clip filed without one
 * (the players then try the original).
 */
async function makePreview(rt: JobRuntime, deps: DeliveryDeps, id: string, part: string, probe: VideoProbe): Promise<PreviewFile | null> {
  const check = playability(probe);
  if (check.playable) return null;
  try {
    rt.live(id, noticeOf(said('notice.playableCopy', { reason: check.reasonPhrase })));
    const made = await deps.previews.ensurePlayable(part, probe, previewPathOf(deps.outputDir, id));
    if (made) rt.log.info('jobs.preview_made', { id, reason: made.reason, bytes: made.bytes });
    return made;
  } catch (err) {
    rt.log.warn('jobs.preview_failed', { id, error: err });
    return null;
  }
}

/** A thrown value as a sentence: its message and phrase when it has one (a `DownloadError`), else its English. */
function problemOf(err: unknown): { message: string; phrase?: Phrase } {
  if (!(err instanceof Error)) return { message: String(err) };
  const p = (err as { phrase?: Phrase }).phrase;
  return p ? { message: err.message, phrase: p } : { message: err.message };
}

/** A thrown value as a phrase value for another sentence: its phrase, else its English. */
function reasonOf(err: unknown): PhraseValue {
  const problem = problemOf(err);
  return problem.phrase ?? problem.message;
}

/** A live notice from a sentence: its English and its phrase. */
function noticeOf({ message, phrase }: Said): { notice: string; noticePhrase: Phrase } {
  return { notice: message, noticePhrase: phrase };
}

function expiredError(job: Job, err: unknown): JobError {
  const name = PROVIDER_NAMES[job.provider];
  const http = err instanceof DownloadError && err.status ? phrase('job.linkExpiredHttp', { status: err.status }) : '';
  return {
    kind: 'expired',
    ...said('job.linkExpired', { provider: name, http, task: taskOf(job) }),
    ...saidFix('job.linkExpiredFix', { provider: name }),
  };
}

function downloadError(job: Job, err: unknown): JobError {
  return {
    kind: 'download',
    ...said('job.downloadFailed', { reason: reasonOf(err), task: taskOf(job) }),
    ...saidFix('job.downloadFailedFix'),
  };
}

/** The provider's task id of `job`, or the word for an unknown one. */
function taskOf(job: Job): Phrase | string {
  return job.remote?.taskId ?? phrase('job.unknownTask');
}
