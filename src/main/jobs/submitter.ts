import type { ModelEntry } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import type { Job } from '../../shared/jobs/job';
import type { PreparedImage, PreparedSubmission, ProviderFailure, RemoteTask } from '../providers/types';
import type { PrepareReferences } from './prepare-references';
import { Aborted, sleep } from './clock';
import { ambiguousSubmitError, failureOf, jobErrorOf, retryNotice, submitOutcome, type RequestProbe } from './failures';
import type { JobRuntime, RoutedContext } from './runtime';
import { createUploadMeter } from './upload-meter';
import { said, saidFix } from '../../shared/messages/phrase';

/** The processed first/last frames for a job (main's image service resolves the params' image ids). */
export type PrepareImages = (job: Job) => Promise<{ first?: PreparedImage; last?: PreparedImage }>;

/** Writes of the task id tried before giving up (the job then stays `submitting` and comes back as needs_attention). */
const SAVE_ATTEMPTS = 5;

export interface SubmitDeps {
  catalog(modelId: string): ModelEntry | undefined;
  prepareImages: PrepareImages;
  /** A reference job's references, checked and ready (absent: the host takes no references, and a job with some fails). */
  prepareReferences?: PrepareReferences;
  /** False while paused or offline: a job that finished preparing then stays queued. */
  maySend(): boolean;
  /** Keeps a queued job back for `ms` (after a retryable failure). */
  holdBack(id: string, ms: number): void;
}

/**
 * Sends queued job `id`: prepares images and references (refused with BAD_INPUT, before any
 * upload, when they break the row's rules) and the request (uploads where the provider needs URLs —
 * never billed), then waits for everything the POST needs — the provider context (main's answer)
 * and the provider's request-spacing gate — and only then records `submitting` on disk and makes
 * the one billable POST at once, so the ambiguous window is the request itself (ARCHITECTURE.md
 * "Job lifecycle"); a crash during those waits leaves the job `queued`. The route the context came
 * by (demo or provider) is recorded with `submitting` and kept for the job's life. The task id is
 * on disk before anything else. A failed POST is requeued only when it certainly created nothing
 * (`submitOutcome`); when that is unknown the job goes to `needs_attention` and is never resent
 * automatically. `signal` aborts preparation only: once the POST starts it is not abandoned.
 */
export async function submitJob(rt: JobRuntime, id: string, deps: SubmitDeps, signal: AbortSignal): Promise<void> {
  const job = rt.job(id);
  if (job?.state !== 'queued') return;
  const provider = job.provider;
  const adapter = rt.adapter(provider);
  const entry = deps.catalog(job.params.modelId);
  if (!entry) {
    await rt.apply(id, {
      type: 'fail',
      error: { kind: 'invalid_input', ...said('job.modelGone', { model: job.params.modelId }), ...saidFix('job.modelGoneFix') },
    });
    return;
  }

  let prepared: PreparedSubmission;
  let sendWith: RoutedContext;
  const probe: RequestProbe = { sent: 0 };
  // The uploads' byte count, saved then published like every live field, at most 4 times a second.
  const meter = createUploadMeter(
    (upload) => rt.apply(id, { type: 'progress', upload }).catch((err: unknown) => rt.log.warn('jobs.live_not_saved', { id, error: err })),
    () => rt.clock.now(),
  );
  /** A job that stays queued (paused, offline, a retry later) shows no stale upload line. */
  const clearUpload = () => {
    if (meter.current() && rt.job(id)?.state === 'queued') rt.live(id, { upload: null });
  };
  try {
    const images = await deps.prepareImages(job);
    const references = await prepareReferences(deps, job);
    const prepareWith = await rt.context(id, { signal });
    prepared = await adapter.prepare({ entry, params: job.params, images, ...(references.length > 0 ? { references } : {}) }, { ...prepareWith, uploadProgress: meter });
    // The final count on disk and shown before `submitting` replaces it.
    await meter.flush();
    // A provider cooling down after 429s: wait here, not inside the POST's own timeout.
    await sleep(rt.clock, rt.scheduler.cooldownMs(provider), signal);
    // The same route as the uploads (a key saved meanwhile must not send demo uploads to the real provider).
    sendWith = await rt.context(id, { probe, pregated: true, ...(prepareWith.route ? { route: prepareWith.route } : {}) });
    await rt.scheduler.gate(provider, signal);
  } catch (err) {
    clearUpload();
    if (signal.aborted || err instanceof Aborted) return;
    const failure: ProviderFailure =
      err instanceof StudioError ? { kind: 'invalid_input', message: err.message, ...(err.phrase ? { phrase: err.phrase } : {}), retryable: false } : failureOf(err, provider);
    if (!failure.retryable) {
      await rt.apply(id, { type: 'fail', error: jobErrorOf(failure) });
      return;
    }
    const delay = rt.scheduler.penalize(provider, failure.retryAfterMs);
    deps.holdBack(id, delay);
    rt.live(id, retryNotice(failure, delay, 'send'));
    return;
  }
  if (signal.aborted || !deps.maySend() || rt.job(id)?.state !== 'queued') {
    clearUpload();
    return;
  }

  // On disk right before the POST: if the app dies during it, the job comes back as needs_attention.
  if (!(await rt.apply(id, { type: 'submit', ...(sendWith.route ? { route: sendWith.route } : {}) }))) return;
  let task: RemoteTask;
  try {
    task = await adapter.submit(prepared, sendWith);
  } catch (err) {
    const failure = failureOf(err, provider);
    const outcome = submitOutcome(err, probe);
    rt.log.warn('jobs.submit_failed', { id, provider, outcome, kind: failure.kind, status: failure.httpStatus, code: failure.providerCode });
    if (outcome === 'requeue') {
      const delay = rt.scheduler.penalize(provider, failure.retryAfterMs);
      deps.holdBack(id, delay);
      const { notice, noticePhrase } = retryNotice(failure, delay, 'send');
      await rt.apply(id, { type: 'requeue', note: notice, notePhrase: noticePhrase });
    } else if (outcome === 'fail') {
      await rt.apply(id, { type: 'fail', error: jobErrorOf(failure) });
    } else {
      await rt.apply(id, { type: 'attention', error: ambiguousSubmitError(provider, failure) });
    }
    return;
  }
  // On disk before anything else happens: from here on the job can only be polled, never resent.
  // A failed write (disk full) is retried: losing this task id would lose a paid task.
  for (let attempt = 1; ; attempt++) {
    try {
      await rt.apply(id, { type: 'accepted', task });
      break;
    } catch (err) {
      rt.log.error('jobs.store_failed', { id, attempt, error: err });
      if (attempt >= SAVE_ATTEMPTS) throw err;
      await sleep(rt.clock, 1_000 * attempt);
    }
  }
  rt.scheduler.relieve(provider);
}

/** The job's references ready to send; a job with references on a host that cannot prepare them is refused, never sent without them. */
async function prepareReferences(deps: SubmitDeps, job: Job) {
  if (!job.params.references?.length) return [];
  if (!deps.prepareReferences) throw new StudioError('BAD_INPUT', said('job.refused.noReferenceSend'));
  return deps.prepareReferences(job);
}
