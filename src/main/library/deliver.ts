import { draftExpiresAt } from '../../shared/catalog/draft';
import { estimateCost, outputSizeFor } from '../../shared/catalog/params';
import type { ModelEntry, Mode } from '../../shared/catalog/types';
import type { Job } from '../../shared/jobs/job';
import type { DeliverHook } from '../jobs/delivery';
import type { PrepareImages } from '../jobs/submitter';
import type { Logger } from '../logging/logger';
import { jobInputs, type InputSources } from './job-inputs';
import { streamDetails, type Library } from './library';

/** The mode a job ran in, from which frames and references it carried. */
function modeOf(job: Job): Mode {
  if (job.params.references?.length) return 'reference-to-video';
  if (job.params.lastFrame) return 'first-last-frame';
  return job.params.firstFrame ? 'image-to-video' : 'text-to-video';
}

/**
 * A final's mode is its draft's (it carries none of the draft's frames or references, but made the
 * same kind of clip): read from the draft clip while it is in the library; undefined otherwise.
 */
async function finalMode(library: Library, job: Job): Promise<Mode | undefined> {
  const clipId = job.params.finalOf?.clipId;
  if (!clipId) return undefined;
  return library.get(clipId).then((c) => c.sidecar.mode, () => undefined);
}

/**
 * A draft clip's `draft` sidecar field: the draft id the provider gave (`remote.draftId`) and its
 * expiry, counted from the submit that created the draft task (seedance-2.5.md §2.6: valid 7 days).
 * Empty for other jobs.
 */
function draftOf(job: Job, entry: ModelEntry | undefined, submittedAt: number): { draft?: { id: string; expiresAt: number } } {
  const id = job.remote?.draftId;
  if (!job.params.draft || !id || !entry?.draft) return {};
  return { draft: { id, expiresAt: draftExpiresAt(entry.draft, submittedAt) } };
}

/**
 * The sidecar's lineage for a 2.5 edit or extend of a library clip (`job.sourceClip`): `editedFrom`
 * or `extendedFrom` by the job's task (seedance-2.5.md §2.2); nothing for other jobs.
 */
function sourceLineage(job: Job): { editedFrom?: string; extendedFrom?: string } {
  if (!job.sourceClip) return {};
  if (job.params.task === 'edit') return { editedFrom: job.sourceClip };
  if (job.params.task === 'extend') return { extendedFrom: job.sourceClip };
  return {};
}

/**
 * The engine's `DeliverHook` backed by the library: files a verified download as a clip folder with
 * its sidecar and poster, and its inputs — originals and sent copies — in the library's input store
 * (ARCHITECTURE.md "Library"). The engine's probe, sha256 and poster go in as they are: filing
 * renames and writes, it runs no ffmpeg/ffprobe and reads no video (issue 12); an H.264 preview the
 * engine made goes in beside it. Idempotent per job, as the hook must be: `addClip` answers with
 * the clip already filed for the same job and video.
 *
 * `prepareImages` is the same function the engine used before submitting; the image service caches
 * by content hash and recipe, so calling it again returns the exact files that were sent.
 */
export function deliverToLibrary(deps: {
  library: Library;
  catalog: (modelId: string) => ModelEntry | undefined;
  prepareImages: PrepareImages;
  /** Where the job's image and media ids lead, for the originals the clip keeps (`job-inputs.ts`). */
  sources: InputSources;
  appVersion: string;
  log: Logger;
  now?: () => number;
}): DeliverHook {
  const now = deps.now ?? Date.now;
  return async (job, file) => {
    const entry = deps.catalog(job.params.modelId);
    const prepared = await deps.prepareImages(job);
    const size = { width: file.probe.width, height: file.probe.height };
    const estimate = entry ? estimateCost(entry, job.params, outputSizeFor(entry, job.params, size) ?? size) : null;
    const t = job.times;
    const queuedAt = t.queued ?? job.updatedAt;
    const submittedAt = t.submitted ?? queuedAt;
    const { modelId, prompt, firstFrame: _first, lastFrame: _last, firstFrameCrop: _fc, lastFrameCrop: _lc, references: _refs, ...parameters } = job.params;
    const tokens = job.remote?.usage?.completion_tokens;
    const clip = await deps.library.addClip({
      videoPath: file.path,
      verified: {
        output: { width: file.probe.width, height: file.probe.height, durationSec: file.probe.durationSec, codec: file.probe.codec, ...streamDetails(file.probe) },
        video: { sha256: file.sha256, bytes: file.bytes },
      },
      ...(file.poster ? { posterPath: file.poster } : {}),
      ...(file.lastFrame ? { lastFramePath: file.lastFrame } : {}),
      prompt,
      provider: job.provider,
      modelId,
      mode: await finalMode(deps.library, job) ?? modeOf(job),
      parameters,
      seed: job.remote?.seed ?? null,
      ...(job.route ? { route: job.route } : {}),
      providerTaskId: job.remote?.taskId ?? 'unknown',
      jobId: job.id,
      timings: {
        queuedAt,
        submittedAt,
        ...(t.running === undefined ? {} : { processingStartedAt: t.running }),
        completedAt: t.downloading ?? now(),
        downloadedAt: now(),
      },
      cost: {
        estimate: estimate ? { usd: estimate.usd, asOf: estimate.asOf } : null,
        usage: tokens === undefined ? null : { tokens: Math.round(tokens) },
      },
      inputs: await jobInputs(job, prepared, deps.sources, deps.log),
      appVersion: deps.appVersion,
      ...(file.preview ? { preview: { path: file.preview.path, width: file.preview.width, height: file.preview.height, reason: file.preview.reason } } : {}),
      ...(job.continuedFrom ? { continuedFrom: job.continuedFrom } : {}),
      ...draftOf(job, entry, submittedAt),
      ...sourceLineage(job),
      ...(job.remote?.resultUrl && job.remote.resultExpiresAt ? { resultLink: { url: job.remote.resultUrl, expiresAt: job.remote.resultExpiresAt } } : {}),
      ...(job.batch ? { batch: job.batch } : {}),
    });
    return { path: clip.paths.video, libraryId: clip.id };
  };
}
