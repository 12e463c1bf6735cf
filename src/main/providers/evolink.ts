import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { PROVIDER_NAMES, kindForStatus, makeFailure, providerError, withModelRefusal, type ModelRefusal } from './failure';
import { bearerAuth, callJson, parseOrFail, parseRetryAfter, requireBody, sendRequest, type HttpAnswer } from './http';
import { checkKeyWith } from './key-check';
import { taskTypeFailure } from './task-type-failure';
import { DAY_MS, compact, numberish, toNumber, UPSTREAM_TASK_LIFETIME_MS } from './lenient';
import { dataUrl, expectUploads, fileName, localFilesOf, referencesOf, uploadOnce, uploadTimeoutMs } from './reference-files';
import { ProviderError, type ErrorKind, type PreparedImage, type PreparedMediaFile, type ProviderAdapter, type ProviderContext, type ProviderFailure, type RemoteState, type SubmitRequest, type TaskStatus } from './types';
import { phrase, said, type Phrase } from '../../shared/messages/phrase';

/*
 * EvoLink (providers.md, "EvoLink"): POST /v1/videos/generations → task `task-unified-…`;
 * GET /v1/tasks/{id}. Local images are uploaded to the files API first (base64) and sent as
 * `image_urls`; reference videos and audio go through the files API's stream upload and are sent as
 * `video_urls` / `audio_urls`. Uploads are remembered by content hash (`ctx.uploads`). No cancel API.
 * Video links last 24 h.
 */

const NAME = PROVIDER_NAMES.evolink;

/** Reference media URLs of a reference-to-video job, in tag order per kind (`@video1` is `videos[0]`). */
export interface EvolinkMediaUrls {
  videos: string[];
  audios: string[];
}

/**
 * The JSON body for one EvoLink job: `quality` is the resolution, `image_urls` holds the first
 * (and last) frame's uploaded URLs — or, on a reference-to-video model, the reference images —,
 * `duration` is an integer (providers.md, EvoLink fields table). `media` adds `video_urls` and
 * `audio_urls` (providers.md "Seedance 2.0 reference-to-video", EvoLink table); empty lists are left out.
 */
export function buildEvolinkBody(entry: ModelEntry, params: JobParams, imageUrls: string[], media?: EvolinkMediaUrls): Record<string, unknown> {
  return compact({
    model: entry.model,
    prompt: params.prompt,
    image_urls: imageUrls.length > 0 ? imageUrls : undefined,
    video_urls: media && media.videos.length > 0 ? media.videos : undefined,
    audio_urls: media && media.audios.length > 0 ? media.audios : undefined,
    duration: params.duration,
    quality: params.resolution,
    aspect_ratio: params.aspectRatio,
    generate_audio: params.generateAudio,
  });
}

const ErrorObject = z.object({ code: z.union([z.string(), z.number()]).nullish(), message: z.string().nullish(), type: z.string().nullish() });
const ErrorBody = z.object({ error: ErrorObject });

/** EvoLink error codes → kinds, HTTP-level and task-level (providers.md, EvoLink "Errors"). */
const CODE_KINDS: Record<string, ErrorKind> = {
  unauthorized: 'auth',
  model_access_denied: 'auth',
  insufficient_quota: 'quota',
  quota_exceeded: 'quota',
  rate_limit_exceeded: 'rate_limited',
  task_not_found: 'provider_error',
  internal_error: 'provider_error',
  content_policy_violation: 'content_policy',
  invalid_parameters: 'invalid_input',
  image_processing_error: 'invalid_input',
  image_dimension_mismatch: 'invalid_input',
  generation_timeout: 'timeout',
  service_error: 'provider_error',
  resource_not_found: 'provider_error',
};

const CODE_DETAIL: Record<string, Phrase> = {
  model_access_denied: phrase('failure.detail.keyMayNotUseModel'),
};

/** Maps a non-2xx EvoLink answer `{ error: { code, message, type } }` to a failure. */
export function evolinkFailure(answer: Pick<HttpAnswer, 'status' | 'headers' | 'body' | 'text'>, apiKey?: string): ProviderFailure {
  const parsed = ErrorBody.safeParse(answer.body);
  const code = parsed.success && parsed.data.error.code != null ? String(parsed.data.error.code) : undefined;
  const message = parsed.success ? (parsed.data.error.message ?? undefined) : answer.text.slice(0, 500) || undefined;
  const taskType = taskTypeFailure(code, message);
  return makeFailure({
    kind: taskType?.kind ?? ((code && CODE_KINDS[code]) || kindForStatus(answer.status)),
    provider: NAME,
    detail: taskType?.detail ?? ((code && CODE_DETAIL[code]) || message),
    providerCode: code,
    providerMessage: message,
    httpStatus: answer.status,
    retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    apiKey,
  });
}

/**
 * Whether a submit failure is EvoLink refusing the model itself: `model_access_denied` (403, this
 * key may not use the model — providers.md, EvoLink "Errors"; elsewhere it stays an `auth`
 * failure), a model code (`model_not_found`, `model_not_available`, `model_not_supported`,
 * `invalid_model`), or `invalid_parameters` / `resource_not_found` whose message says the model
 * does not exist or was retired. Null otherwise.
 */
export function evolinkModelRefusal(failure: ProviderFailure): ModelRefusal | null {
  const code = failure.providerCode ?? '';
  const text = failure.providerMessage ?? '';
  if (code === 'model_access_denied') return 'not_activated';
  if (/^(model_not_found|model_not_available|model_not_supported|invalid_model)$/.test(code)) return 'gone';
  if ((code === 'invalid_parameters' || code === 'resource_not_found') && /\bmodel\b/i.test(text) && /not (?:be )?found|does not exist|not exist|no longer|retired|deprecated|offline|shut ?down|unsupported|not supported/i.test(text)) return 'gone';
  return null;
}

const Task = z.object({
  id: z.string(),
  status: z.string(),
  progress: numberish,
  task_info: z.object({ estimated_time: numberish, can_cancel: z.boolean().nullish() }).nullish(),
  results: z.array(z.string()).nullish(),
  error: ErrorObject.nullish(),
});

const STATES: Record<string, RemoteState> = {
  pending: 'queued',
  processing: 'running',
  completed: 'succeeded',
  failed: 'failed',
  // Not documented; read leniently so polling stops if EvoLink ever reports them.
  cancelled: 'cancelled',
  canceled: 'cancelled',
  expired: 'expired',
};

/**
 * One task answer in the unified shape. `results[0]` is the video; its link lasts 24 h, counted
 * from `now` (ms), when the success is observed. Other statuses read as `unknown` (never as running).
 */
export function parseEvolinkTask(body: unknown, now = Date.now(), apiKey?: string): TaskStatus {
  const t = parseOrFail(Task, body, { provider: NAME, detail: phrase('failure.detail.statusUnreadable'), apiKey });
  const state = STATES[t.status] ?? 'unknown';
  const out: TaskStatus = state === 'unknown' ? { state, providerStatus: t.status } : { state };
  const progress = toNumber(t.progress);
  if (progress !== undefined) out.progress = progress;
  const eta = toNumber(t.task_info?.estimated_time);
  if (eta !== undefined && (state === 'queued' || state === 'running')) out.etaSeconds = eta;
  if (state === 'succeeded') {
    const url = t.results?.[0];
    if (!url) return { state: 'failed', error: makeFailure({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.completedWithoutVideo'), retryable: false }) };
    out.resultUrl = url;
    out.resultExpiresAt = now + DAY_MS;
  }
  if (state === 'failed') {
    const code = t.error?.code != null ? String(t.error.code) : undefined;
    const message = t.error?.message ?? undefined;
    const taskType = taskTypeFailure(code, message);
    out.error = makeFailure({
      kind: taskType?.kind ?? ((code && CODE_KINDS[code]) || 'provider_error'),
      provider: NAME,
      detail: taskType?.detail ?? message ?? code,
      providerCode: code,
      providerMessage: message,
      retryable: false,
      apiKey,
    });
  }
  return out;
}

/** One authenticated request; a non-2xx answer throws with the `evolinkFailure` mapping. */
function call(ctx: ProviderContext, method: 'GET' | 'POST', url: string, json?: unknown): Promise<HttpAnswer> {
  return callJson(ctx, NAME, { method, url, json, headers: bearerAuth(ctx) }, evolinkFailure);
}

const UploadAnswer = z.object({ data: z.object({ file_url: z.string().min(1), expires_at: z.string().nullish() }) });

/** Uploaded files last 72 h (providers.md, EvoLink "Upload"); the answer's `expires_at` wins when readable. */
const UPLOAD_LIFETIME_MS = 72 * 3600 * 1000;

function filesBase(ctx: ProviderContext): string {
  if (!ctx.baseUrls.files) throw providerError({ kind: 'invalid_input', provider: NAME, detail: phrase('failure.detail.noFilesUrl'), retryable: false });
  return ctx.baseUrls.files;
}

function uploaded(answer: HttpAnswer, ctx: ProviderContext, what: 'image' | 'video' | 'audio'): { url: string; expiresAt: number } {
  const read = parseOrFail(UploadAnswer, answer.body, { provider: NAME, detail: phrase(`failure.detail.uploadNoUrl.${what}`), providerMessage: answer.text.slice(0, 500), apiKey: ctx.apiKey });
  const stated = Date.parse(read.data.expires_at ?? '');
  return { url: read.data.file_url, expiresAt: Number.isFinite(stated) ? stated : Date.now() + UPLOAD_LIFETIME_MS };
}

/** Uploads one image through the files API as a data URL (`base64_data`) → `data.file_url` (kept 72 h). */
function uploadImage(image: PreparedImage, ctx: ProviderContext): Promise<string> {
  const base = filesBase(ctx);
  return uploadOnce(ctx, 'evolink', base, image, async () => {
    const answer = await callJson(
      ctx,
      NAME,
      {
        method: 'POST',
        url: `${base}/api/v1/files/upload/base64`,
        json: { base64_data: await dataUrl(image), file_name: fileName(image) },
        headers: bearerAuth(ctx),
        timeoutMs: uploadTimeoutMs(image.bytes * 1.34),
      },
      evolinkFailure,
    );
    return uploaded(answer, ctx, 'image');
  });
}

/**
 * A `multipart/form-data` body with one part `file` (the files API's `/upload/stream`, providers.md
 * "Seedance 2.0 reference-to-video", EvoLink: "multipart `file`").
 */
function multipartFile(bytes: Buffer, name: string, mime: string): { body: Buffer; contentType: string } {
  const boundary = `----seedance-studio-${randomBytes(12).toString('hex')}`;
  const safeName = name.replace(/["\r\n]/g, '_');
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: ${mime}\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Uploads one reference video or audio file through the files API's `/api/v1/files/upload/stream`
 * → `data.file_url`. EvoLink's files API pages (2026-01-20) list images only; its own MCP server
 * uploads video and audio this way (providers.md "Seedance 2.0 reference-to-video", EvoLink), so it is
 * tried, and a refusal (4xx other than auth and rate limits) says plainly that the files API did not
 * take this kind of file.
 */
function uploadMedia(kind: 'video' | 'audio', file: PreparedMediaFile, ctx: ProviderContext): Promise<string> {
  const base = filesBase(ctx);
  return uploadOnce(ctx, 'evolink', base, file, async (onBodySent) => {
    const form = multipartFile(await readFile(file.path), fileName(file), file.mime);
    const answer = await sendRequest(ctx, NAME, {
      method: 'POST',
      url: `${base}/api/v1/files/upload/stream`,
      rawBody: form.body,
      // The multipart envelope adds a few hundred bytes to the file's: the count stops at the file's size.
      onBodySent: (sent) => onBodySent(Math.min(file.bytes, sent)),
      headers: { ...bearerAuth(ctx), 'Content-Type': form.contentType },
      timeoutMs: uploadTimeoutMs(file.bytes),
    });
    if (!answer.ok) {
      const failure = evolinkFailure(answer, ctx.apiKey);
      if (failure.kind === 'auth' || failure.kind === 'rate_limited' || failure.kind === 'quota' || answer.status >= 500) throw new ProviderError(failure);
      throw providerError({
        kind: 'invalid_input',
        provider: NAME,
        detail: phrase(`failure.detail.uploadRefused.${kind}`),
        providerCode: failure.providerCode,
        providerMessage: failure.providerMessage,
        httpStatus: answer.status,
        retryable: false,
        apiKey: ctx.apiKey,
      });
    }
    return uploaded(answer, ctx, kind);
  });
}

/** Reference videos or audio clips as URLs EvoLink can fetch: uploaded files, or URLs given as they are. */
async function mediaUrls(kind: 'video' | 'audio', refs: SubmitRequest['references'], ctx: ProviderContext): Promise<string[]> {
  const urls: string[] = [];
  for (const r of referencesOf(refs, kind)) urls.push('url' in r ? r.url : await uploadMedia(kind, r.file as PreparedMediaFile, ctx));
  return urls;
}

export const evolinkAdapter: ProviderAdapter = {
  id: 'evolink',
  cancel: 'none',

  // Uploads run one after another: EvoLink advises 1–2 s between requests, and the scheduler paces them.
  async prepare(req, ctx) {
    const urls: string[] = [];
    const refers = req.entry.modes.includes('reference-to-video');
    expectUploads(ctx, [req.images.first, req.images.last, ...(refers ? localFilesOf(req.references) : [])]);
    if (req.images.first) urls.push(await uploadImage(req.images.first, ctx));
    if (req.images.last) urls.push(await uploadImage(req.images.last, ctx));
    if (!refers) return { url: '/v1/videos/generations', body: buildEvolinkBody(req.entry, req.params, urls) };
    for (const r of referencesOf(req.references, 'image')) if ('file' in r) urls.push(await uploadImage(r.file as PreparedImage, ctx));
    const media = { videos: await mediaUrls('video', req.references, ctx), audios: await mediaUrls('audio', req.references, ctx) };
    return { url: '/v1/videos/generations', body: buildEvolinkBody(req.entry, req.params, urls, media) };
  },

  async submit(prepared, ctx) {
    const answer = await withModelRefusal(call(ctx, 'POST', prepared.url, prepared.body), 'evolink', String(prepared.body.model), evolinkModelRefusal);
    const { id } = requireBody(answer, z.object({ id: z.string().min(1) }), ctx, NAME, phrase('failure.detail.noTaskId'));
    return { taskId: id, handle: {} };
  },

  async poll(task, ctx) {
    const answer = await call(ctx, 'GET', `/v1/tasks/${encodeURIComponent(task.taskId)}`);
    return parseEvolinkTask(answer.body, Date.now(), ctx.apiKey);
  },

  async cancelTask() {
    return { cancelled: false, reason: said('cancel.reason.noCancelApi', { provider: 'EvoLink' }) };
  },

  // EvoLink documents no task expiry (only 24 h video links and 72 h uploads); it passes the task to
  // ByteDance, whose default lifetime is the bound (see UPSTREAM_TASK_LIFETIME_MS).
  taskLifetimeMs: () => UPSTREAM_TASK_LIFETIME_MS,

  // Reads a task id that cannot exist (right prefix, made-up rest): 404 task_not_found means the
  // key was accepted, 401 unauthorized that it was not. Nothing is started or billed.
  checkKey(ctx) {
    return checkKeyWith(
      ctx,
      NAME,
      { method: 'GET', url: '/v1/tasks/task-unified-nonexistent', headers: bearerAuth(ctx) },
      (a) => a.ok || a.status === 404,
      (a) => evolinkFailure(a, ctx.apiKey),
    );
  },
};
