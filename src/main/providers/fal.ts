import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AUTO_DURATION, taskOf } from '../../shared/catalog/task-type';
import type { JobParams, ModelEntry, ReferenceTask } from '../../shared/catalog/types';
import { PROVIDER_NAMES, kindForStatus, makeFailure, providerError, withModelRefusal, type ModelRefusal } from './failure';
import { absoluteUrl, callJson, parseOrFail, parseRetryAfter, requireBody, sameOrigin, sendRequest, type HttpAnswer } from './http';
import { checkKeyWith } from './key-check';
import { taskTypeFailure } from './task-type-failure';
import { compact, numberish, seedToSend, toNumber, UPSTREAM_TASK_LIFETIME_MS } from './lenient';
import { expectUploads, fileName, localFilesOf, referencesOf, uploadOnce, uploadTimeoutMs, type LocalFile } from './reference-files';
import type { ErrorKind, ProviderAdapter, ProviderContext, ProviderFailure, RemoteTask, SubmitRequest, TaskStatus } from './types';
import { ProviderError } from './types';
import { phrase, said } from '../../shared/messages/phrase';

/*
 * fal queue protocol (providers.md, "fal"): POST /<endpoint-id> → { request_id, status_url,
 * response_url, cancel_url }; GET status_url; GET response_url once COMPLETED (a failure is a
 * COMPLETED whose result fetch answers 4xx/5xx). Local images, and the reference videos and audio of
 * reference-to-video endpoints, go to fal storage first (remembered by content hash, `ctx.uploads`).
 */

const NAME = PROVIDER_NAMES.fal;
const INITIATE = '/storage/upload/initiate?storage_type=fal-cdn-v3';

/** fal's names for the task types (seedance-2.5.md §3 `task`: reference | editing | extension). */
const FAL_TASK: Record<ReferenceTask, string> = { reference: 'reference', edit: 'editing', extend: 'extension' };

/** Reference media URLs of a reference-to-video job (fal storage `file_url`s or URLs given as is), in tag order per kind. */
export interface FalReferenceUrls {
  images: string[];
  videos: string[];
  audios: string[];
}

/**
 * The JSON input for one fal Seedance endpoint. `duration` is a string on fal ("5", or "auto" for
 * the model's choice, providers.md fal reference-to-video inputs); the other
 * keys appear only where the row has the parameter (providers.md, fal endpoints table).
 * `images` are fal storage URLs (`file_url`). Seed −1/absent is left out. `refs` (reference-to-video
 * endpoints) become `image_urls` / `video_urls` / `audio_urls`, empty lists left out (providers.md
 * "Seedance 2.0 reference-to-video", fal).
 */
export function buildFalBody(params: JobParams, images: { first?: string; last?: string }, refs?: FalReferenceUrls, entry?: Pick<ModelEntry, 'tasks'>): Record<string, unknown> {
  return compact({
    prompt: params.prompt,
    // Seedance 2.5 reference-to-video: the task always sent, in fal's words (seedance-2.5.md §3).
    task: refs && entry?.tasks?.length ? FAL_TASK[taskOf(params, entry)] : undefined,
    image_url: images.first,
    end_image_url: images.last,
    image_urls: refs && refs.images.length > 0 ? refs.images : undefined,
    video_urls: refs && refs.videos.length > 0 ? refs.videos : undefined,
    audio_urls: refs && refs.audios.length > 0 ? refs.audios : undefined,
    aspect_ratio: params.aspectRatio,
    resolution: params.resolution,
    duration: params.duration === AUTO_DURATION ? 'auto' : String(params.duration),
    camera_fixed: params.cameraFixed,
    generate_audio: params.generateAudio,
    seed: seedToSend(params.seed),
    // seedance-2.5.md §3: "a `draft` input returns `draft_id`" — the field name is UNCONFIRMED; this
    // follows the brief (a boolean `draft`, as on ModelArk).
    draft: params.draft === true ? true : undefined,
  });
}

/**
 * The codec asked of a final: H.264, so the 1080p clip plays in every player without the preview
 * step that 2.5's native 10-bit HEVC needs (seedance-2.5.md §2.5, §4 of issue 15).
 */
export const FAL_FINAL_CODEC = 'H264';

/**
 * The input of `bytedance/seedance-2.5/draft/complete` (seedance-2.5.md §3, from fal's llms.txt):
 * `{ draft_id, resolution: "1080p" only, codec: auto|H264|H265 }`. Nothing else is sent: the final
 * inherits the draft's prompt and media. The draft id is valid 7 days, for the caller that made it only.
 */
export function buildFalFinalBody(params: JobParams & { finalOf: NonNullable<JobParams['finalOf']> }): Record<string, unknown> {
  return { draft_id: params.finalOf.draftId, resolution: params.resolution, codec: FAL_FINAL_CODEC };
}

const DetailItem = z.object({
  loc: z.array(z.union([z.string(), z.number()])).nullish(),
  msg: z.string().nullish(),
  type: z.string().nullish(),
});
const FalErrorBody = z.object({
  detail: z.union([z.string(), z.array(DetailItem)]).nullish(),
  error_type: z.string().nullish(),
});

/**
 * Maps a non-2xx fal answer to a failure. `detail` may be a string or a list of
 * `{ loc, msg, type }` (422); `X-Fal-Error-Type` / `error_type` and `X-Fal-Retryable` are honoured;
 * 429/502/503/504 are retryable (providers.md, fal "Errors").
 */
export function falFailure(answer: Pick<HttpAnswer, 'status' | 'headers' | 'body' | 'text'>, apiKey?: string): ProviderFailure {
  const parsed = FalErrorBody.safeParse(answer.body);
  const detail = parsed.success ? parsed.data.detail : undefined;
  let message: string | undefined;
  let itemType: string | undefined;
  if (typeof detail === 'string') message = detail;
  else if (Array.isArray(detail)) {
    message = detail.map((d) => [d.loc?.filter((l) => l !== 'body').join('.'), d.msg].filter(Boolean).join(': ')).join('; ');
    itemType = detail.find((d) => d.type)?.type ?? undefined;
  } else message = answer.text.slice(0, 500) || undefined;
  const errorType = answer.headers.get('x-fal-error-type') ?? (parsed.success ? parsed.data.error_type : undefined) ?? itemType ?? undefined;
  const retryHeader = answer.headers.get('x-fal-retryable');

  let kind: ErrorKind = kindForStatus(answer.status);
  if (/content_policy|nsfw|safety/i.test(`${errorType ?? ''} ${itemType ?? ''}`)) kind = 'content_policy';
  else if (/timeout/i.test(errorType ?? '')) kind = 'timeout';
  else if (kind === 'auth' && /balance|billing|locked|credit/i.test(message ?? '')) kind = 'quota';

  const taskType = taskTypeFailure(errorType, message);
  if (taskType) kind = taskType.kind;
  const retryable = !taskType && (retryHeader !== null ? retryHeader.trim().toLowerCase() === 'true' : [429, 502, 503, 504].includes(answer.status) || kind === 'timeout');
  return makeFailure({
    kind,
    provider: NAME,
    detail: taskType?.detail ?? message,
    providerCode: errorType,
    providerMessage: message,
    httpStatus: answer.status,
    retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    retryable,
    apiKey,
  });
}

/**
 * Whether a submit failure is fal refusing the endpoint itself: a 404 on the POST to
 * `queue.fal.run/<endpoint>` means no such endpoint (a removed or renamed model; providers.md,
 * fal). Other statuses are about the request, not the model. Null otherwise.
 */
export function falModelRefusal(failure: ProviderFailure): ModelRefusal | null {
  return failure.httpStatus === 404 ? 'gone' : null;
}

const StatusAnswer = z.object({ status: z.string(), queue_position: numberish });
const ResultAnswer = z.object({ video: z.object({ url: z.string().min(1) }), seed: numberish, draft_id: z.string().min(1).nullish() });
const SubmitAnswer = z.object({
  request_id: z.string().min(1),
  status_url: z.string().nullish(),
  response_url: z.string().nullish(),
  cancel_url: z.string().nullish(),
});

/**
 * Reads a status answer: IN_QUEUE → queued (with `queue_position`), IN_PROGRESS → running,
 * COMPLETED → `'completed'` (the caller then fetches the result). Other statuses read as `unknown`.
 */
export function parseFalStatus(body: unknown): TaskStatus | 'completed' {
  const status = parseOrFail(StatusAnswer, body, { provider: NAME, detail: phrase('failure.detail.falStatusUnreadable') });
  if (status.status === 'COMPLETED') return 'completed';
  if (status.status === 'IN_QUEUE') {
    const pos = toNumber(status.queue_position);
    return pos === undefined ? { state: 'queued' } : { state: 'queued', queuePosition: pos };
  }
  if (status.status === 'IN_PROGRESS') return { state: 'running' };
  return { state: 'unknown', providerStatus: status.status };
}

/**
 * Reads the result fetch: 2xx `{ video: { url }, seed, draft_id? }` → succeeded (a draft's `draft_id`, seedance-2.5.md §3); a non-retryable 4xx/5xx →
 * failed with the mapped error. fal documents no URL lifetime, so `resultExpiresAt` stays unset.
 * Throws `ProviderError` for retryable answers (the result may still be fetched later).
 */
export function parseFalResult(answer: Pick<HttpAnswer, 'ok' | 'status' | 'headers' | 'body' | 'text'>, apiKey?: string): TaskStatus {
  if (!answer.ok) {
    const failure = falFailure(answer, apiKey);
    if (failure.retryable) throw new ProviderError(failure);
    return { state: 'failed', error: failure };
  }
  const parsed = ResultAnswer.safeParse(answer.body);
  if (!parsed.success) {
    return { state: 'failed', error: makeFailure({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.noVideoUrl'), providerMessage: answer.text.slice(0, 500), retryable: false, apiKey }) };
  }
  const out: TaskStatus = { state: 'succeeded', resultUrl: parsed.data.video.url };
  // A draft's result names the draft its final completes (seedance-2.5.md §3; field name UNCONFIRMED).
  if (parsed.data.draft_id) out.draftId = parsed.data.draft_id;
  const seed = toNumber(parsed.data.seed);
  if (seed !== undefined) out.seed = seed;
  return out;
}

/**
 * Retryable 5xx answers to the result fetch of a COMPLETED request tolerated before the task is
 * reported failed. The request is done at fal, so a 504 `request_timeout` marked `X-Fal-Retryable`
 * there is a storage/CDN hiccup, not work still in progress: retried forever it would poll a dead
 * task for ever. With the engine's backoff (1 s doubling to 60 s) ten tries span about five minutes.
 */
export const MAX_RESULT_FETCH_FAILURES = 10;

/**
 * Handle key counting those failures. It lives in the task's handle because the engine keeps the
 * handle with the job (the same object on every poll, saved with the job's next state change), so
 * the count survives between polls without a second store.
 */
export const RESULT_FAILURES_KEY = 'result_fetch_failures';

/**
 * After COMPLETED, one more failed result fetch: counts it in `task.handle` (mutated in place, see
 * `RESULT_FAILURES_KEY`); below the bound it rethrows the retryable failure (fetch again later), at
 * the bound it reports the task `failed` with kind `provider_error` and fal's own code and message.
 */
function resultFetchFailed(task: RemoteTask, failure: ProviderFailure, apiKey: string): TaskStatus {
  const previous = Number.parseInt(task.handle[RESULT_FAILURES_KEY] ?? '0', 10);
  const tries = (Number.isFinite(previous) && previous > 0 ? previous : 0) + 1;
  task.handle[RESULT_FAILURES_KEY] = String(tries);
  if (tries < MAX_RESULT_FETCH_FAILURES) throw new ProviderError(failure);
  const error = makeFailure({
    kind: 'provider_error',
    provider: NAME,
    detail: phrase('failure.detail.resultUnfetchable', { status: failure.httpStatus ?? '?', tries }),
    providerCode: failure.providerCode,
    providerMessage: failure.providerMessage,
    httpStatus: failure.httpStatus,
    retryable: false,
    apiKey,
  });
  return { state: 'failed', error };
}

function auth(ctx: ProviderContext) {
  return { Authorization: `Key ${ctx.apiKey}` };
}

function filesBase(ctx: ProviderContext): string {
  if (!ctx.baseUrls.files) throw providerError({ kind: 'invalid_input', provider: NAME, detail: phrase('failure.detail.noStorageUrl'), retryable: false });
  return ctx.baseUrls.files;
}

// The key goes only to the configured queue host: fal's URLs are used as given, but a URL that
// points elsewhere is refused rather than sent our key.
function guarded(ctx: ProviderContext, url: string): string {
  if (!sameOrigin(url, ctx.baseUrls.api)) {
    throw providerError({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.unexpectedHost', { host: new URL(url).host }), retryable: false });
  }
  return url;
}

/** One authenticated request (fal's `Key` scheme); a non-2xx answer throws with the `falFailure` mapping. */
function call(ctx: ProviderContext, method: 'GET' | 'POST' | 'PUT', url: string, json?: unknown): Promise<HttpAnswer> {
  return callJson(ctx, NAME, { method, url, json, headers: auth(ctx) }, falFailure);
}

const InitiateAnswer = z.object({ upload_url: z.string().min(1), file_url: z.string().min(1) });

/**
 * How long fal keeps an upload: asked for with `X-Fal-Object-Lifecycle-Preference` (fal's "Data
 * retention" page: input uploads follow the same retention controls as outputs; fal's own clients send
 * the header on the initiate request). fal documents no default, so the upload cache trusts a URL for a
 * day only, well inside the seven days asked for.
 */
const KEEP_UPLOAD_SECONDS = 7 * 24 * 3600;
const TRUST_UPLOAD_MS = 24 * 3600 * 1000;

/**
 * Uploads one file to fal storage (initiate, then PUT the bytes without our key) → its `file_url`;
 * remembered by content hash through `ctx.uploads`, so the same bytes go up once.
 */
function upload(file: LocalFile, ctx: ProviderContext): Promise<string> {
  const base = filesBase(ctx);
  return uploadOnce(ctx, 'fal', base, file, async (onBodySent) => {
    const init = await callJson(
      ctx,
      NAME,
      {
        method: 'POST',
        url: `${base}${INITIATE}`,
        json: { content_type: file.mime, file_name: fileName(file) },
        headers: { ...auth(ctx), 'X-Fal-Object-Lifecycle-Preference': JSON.stringify({ expiration_duration_seconds: KEEP_UPLOAD_SECONDS }) },
      },
      falFailure,
    );
    const target = parseOrFail(InitiateAnswer, init.body, { provider: NAME, detail: phrase('failure.detail.uploadNotStarted'), providerMessage: init.text.slice(0, 500), apiKey: ctx.apiKey });
    const bytes = await readFile(file.path);
    const put = await sendRequest(ctx, NAME, { method: 'PUT', url: target.upload_url, rawBody: bytes, onBodySent, headers: { 'Content-Type': file.mime }, timeoutMs: uploadTimeoutMs(file.bytes) });
    if (!put.ok) throw new ProviderError(falFailure(put, ctx.apiKey));
    return { url: target.file_url, expiresAt: Date.now() + TRUST_UPLOAD_MS };
  });
}

/** The reference files as URLs fal can fetch, per kind in tag order: uploaded to fal storage, or URLs given as they are. */
async function referenceUrls(refs: SubmitRequest['references'], ctx: ProviderContext): Promise<FalReferenceUrls> {
  const urls = async (kind: 'image' | 'video' | 'audio') => {
    const out: string[] = [];
    for (const r of referencesOf(refs, kind)) out.push('url' in r ? r.url : await upload(r.file, ctx));
    return out;
  };
  return { images: await urls('image'), videos: await urls('video'), audios: await urls('audio') };
}

/** fal's queue URLs for a request when the submit answer lacks them: under the id's first two segments. */
function fallbackUrl(ctx: ProviderContext, endpoint: string, requestId: string, suffix: string): string {
  const app = endpoint.replace(/^\//, '').split('/').slice(0, 2).join('/');
  return absoluteUrl(ctx, `/${app}/requests/${requestId}${suffix}`);
}

export const falAdapter: ProviderAdapter = {
  id: 'fal',
  cancel: 'queued-only',

  async prepare(req, ctx) {
    const complete = req.entry.draft?.completeEndpoint;
    if (req.params.finalOf) {
      if (!complete) throw providerError({ kind: 'invalid_input', provider: NAME, detail: phrase('failure.detail.noDraftEndpoint', { model: req.entry.name }), retryable: false });
      return { url: `/${complete}`, body: buildFalFinalBody({ ...req.params, finalOf: req.params.finalOf }) };
    }
    const refers = req.entry.modes.includes('reference-to-video');
    expectUploads(ctx, [req.images.first, req.images.last, ...(refers ? localFilesOf(req.references) : [])]);
    const images = {
      first: req.images.first ? await upload(req.images.first, ctx) : undefined,
      last: req.images.last ? await upload(req.images.last, ctx) : undefined,
    };
    const refs = refers ? await referenceUrls(req.references, ctx) : undefined;
    return { url: `/${req.entry.model}`, body: buildFalBody(req.params, images, refs, req.entry) };
  },

  async submit(prepared, ctx) {
    // `prepared.url` is `/<endpoint>`, the catalog row's model id.
    const answer = await withModelRefusal(call(ctx, 'POST', prepared.url, prepared.body), 'fal', prepared.url.replace(/^\//, ''), falModelRefusal);
    const submitted = requireBody(answer, SubmitAnswer, ctx, NAME, phrase('failure.detail.noRequestId'));
    const id = submitted.request_id;
    return {
      taskId: id,
      handle: {
        status_url: submitted.status_url ?? fallbackUrl(ctx, prepared.url, id, '/status'),
        response_url: submitted.response_url ?? fallbackUrl(ctx, prepared.url, id, ''),
        cancel_url: submitted.cancel_url ?? fallbackUrl(ctx, prepared.url, id, '/cancel'),
      },
    };
  },

  // After COMPLETED, retryable 5xx result fetches are counted in `task.handle` (see RESULT_FAILURES_KEY).
  async poll(task: RemoteTask, ctx) {
    const statusUrl = task.handle.status_url;
    const responseUrl = task.handle.response_url;
    if (!statusUrl || !responseUrl) throw providerError({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.noStatusUrl'), retryable: false });
    const status = await call(ctx, 'GET', guarded(ctx, statusUrl));
    const read = parseFalStatus(status.body);
    if (read !== 'completed') return read;
    const result = await sendRequest(ctx, NAME, { method: 'GET', url: guarded(ctx, responseUrl), headers: auth(ctx) });
    try {
      return parseFalResult(result, ctx.apiKey);
    } catch (err) {
      // A 429 only asks us to slow down; a retryable 5xx on a finished request counts towards giving up.
      if (err instanceof ProviderError && result.status >= 500) return resultFetchFailed(task, err.failure, ctx.apiKey);
      throw err;
    }
  },

  async cancelTask(task, ctx) {
    const url = task.handle.cancel_url;
    if (!url) return { cancelled: false, reason: said('cancel.reason.noCancelUrl') };
    const answer = await sendRequest(ctx, NAME, { method: 'PUT', url: guarded(ctx, url), headers: auth(ctx) });
    if (answer.ok) return { cancelled: true };
    // 400 ALREADY_COMPLETED: fal only cancels requests that have not started.
    if (answer.status === 400) return { cancelled: false, reason: said('cancel.reason.falStarted') };
    throw new ProviderError(falFailure(answer, ctx.apiKey));
  },

  // fal documents no task expiry; its Seedance endpoints run on ByteDance's service, whose default
  // lifetime is the bound (see UPSTREAM_TASK_LIFETIME_MS).
  taskLifetimeMs: () => UPSTREAM_TASK_LIFETIME_MS,

  // Starts a storage upload without sending any bytes: it needs a valid key (401/403 otherwise),
  // never runs a model and stores nothing. A status read of a made-up request id was the other
  // option, but it is not documented whether fal checks the key before answering 404.
  checkKey(ctx) {
    return checkKeyWith(
      ctx,
      NAME,
      { method: 'POST', url: `${filesBase(ctx)}${INITIATE}`, json: { content_type: 'text/plain', file_name: 'seedance-studio-key-check.txt' }, headers: auth(ctx) },
      (a) => a.ok,
      (a) => falFailure(a, ctx.apiKey),
    );
  },
};
