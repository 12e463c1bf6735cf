import { z } from 'zod';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { PROVIDER_NAMES, kindForStatus, makeFailure, sentenceEnd, withModelRefusal } from './failure';
import { bearerAuth, callJson, parseOrFail, parseRetryAfter, requireBody, type HttpAnswer } from './http';
import { imageDataUrl } from './inline-image';
import { checkKeyWith } from './key-check';
import { compact, numberish, seedToSend, toNumber, UPSTREAM_TASK_LIFETIME_MS } from './lenient';
import type { ErrorKind, ProviderAdapter, ProviderContext, ProviderFailure, RemoteState, TaskStatus } from './types';
import { phrase, said, type Phrase } from '../../shared/messages/phrase';

/*
 * Novita (providers.md, "Novita"): POST /v3/async/<model> → { task_id }; GET
 * /v3/async/task-result?task_id= for status. Images go inline as data URLs. No cancel API.
 */

const NAME = PROVIDER_NAMES.novita;

/**
 * The JSON body for one Novita job. V1 models spell the ratio `aspect_ratio`, 1.5 Pro spells it
 * `ratio` and adds `generate_audio`, `watermark`, `service_tier` (providers.md, V1 and 1.5 tables).
 * `images` are URLs or data URLs. Seed −1/absent is left out (random is the default).
 */
export function buildNovitaBody(entry: ModelEntry, params: JobParams, images: { first?: string; last?: string }): Record<string, unknown> {
  const common = {
    prompt: params.prompt,
    image: images.first,
    last_image: images.last,
    resolution: params.resolution,
    duration: params.duration,
    camera_fixed: params.cameraFixed,
    seed: seedToSend(params.seed),
  };
  if (!entry.model.startsWith('seedance-v1.5')) return compact({ ...common, aspect_ratio: params.aspectRatio });
  return compact({
    ...common,
    ratio: params.aspectRatio,
    watermark: params.watermark,
    generate_audio: params.generateAudio,
    service_tier: params.serviceTier,
  });
}

/**
 * The submit answer: `{ task_id }` as the 1.5 Pro pages' tip and every other Novita page say
 * (providers.md, Novita: "Submit answers are `{ "task_id": "…" }`"), though the 1.5 Pro response
 * table once named it `id` (issue 13 §2). Read leniently: either name, `task_id` first.
 */
const SubmitAnswer = z
  .object({ task_id: z.string().min(1).optional(), id: z.string().min(1).optional() })
  .refine((a) => a.task_id !== undefined || a.id !== undefined)
  .transform((a) => ({ taskId: (a.task_id ?? a.id) as string }));

const TaskResult = z.object({
  task: z.object({
    task_id: z.string().nullish(),
    status: z.string(),
    reason: z.string().nullish(),
    eta: numberish,
    progress_percent: numberish,
  }),
  videos: z
    .array(z.object({ video_url: z.string(), video_url_ttl: numberish, video_type: z.string().nullish() }))
    .nullish(),
  extra: z.object({ seed: numberish }).nullish(),
});

const STATES: Record<string, RemoteState> = {
  TASK_STATUS_QUEUED: 'queued',
  TASK_STATUS_PROCESSING: 'running',
  TASK_STATUS_SUCCEED: 'succeeded',
  // Seen in clients though not documented.
  TASK_STATUS_SUCCEEDED: 'succeeded',
  TASK_STATUS_FAILED: 'failed',
  // 1.5 Pro tasks that outlive `execution_expires_after` end expired upstream; this spelling appears
  // only in third-party clients (providers.md, Novita: unconfirmed).
  TASK_STATUS_EXPIRED: 'expired',
};

/** Novita error reasons → kinds (providers.md, Novita "Errors"). */
const REASON_KINDS: Record<string, ErrorKind> = {
  INVALID_API_KEY: 'auth',
  MISSING_API_KEY: 'auth',
  NEED_REAL_NAME_VERIFY: 'auth',
  BILLING_BALANCE_NOT_ENOUGH: 'quota',
  RATE_LIMIT_EXCEEDED: 'rate_limited',
  ILLEGAL_PROMPT: 'content_policy',
  ILLEGAL_IMAGE_CONTENT: 'content_policy',
  IMAGE_FILE_EXCEEDS_MAX_SIZE: 'invalid_input',
  INVALID_IMAGE_FORMAT: 'invalid_input',
  INVALID_IMAGE_SIZE: 'invalid_input',
  INVALID_REQUEST_BODY: 'invalid_input',
  TASK_NOT_FOUND: 'provider_error',
};

const REASON_DETAIL: Record<string, Phrase> = {
  NEED_REAL_NAME_VERIFY: phrase('failure.detail.needRealNameVerify'),
  TASK_NOT_FOUND: phrase('failure.detail.taskUnknownToNovita'),
};

const ErrorBody = z.object({ code: numberish, reason: z.string().nullish(), message: z.string().nullish() });

/**
 * Maps a non-2xx Novita answer `{ code, reason, message }` to a failure: the `reason` code decides
 * the kind where known, else the HTTP status does. `Retry-After` is kept for 429.
 */
export function novitaFailure(answer: Pick<HttpAnswer, 'status' | 'headers' | 'body' | 'text'>, apiKey?: string): ProviderFailure {
  const parsed = ErrorBody.safeParse(answer.body);
  const reason = parsed.success ? (parsed.data.reason ?? undefined) : undefined;
  const message = parsed.success ? (parsed.data.message ?? undefined) : answer.text.slice(0, 500) || undefined;
  const kind = (reason && REASON_KINDS[reason]) || kindForStatus(answer.status);
  return makeFailure({
    kind,
    provider: NAME,
    detail: (reason && REASON_DETAIL[reason]) || message,
    providerCode: reason,
    providerMessage: message,
    httpStatus: answer.status,
    retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    apiKey,
  });
}

/** Kind for a failed task's free-form `reason` (codes where Novita uses them, else key words). */
function taskFailureKind(reason: string): ErrorKind {
  const known = REASON_KINDS[reason.trim()];
  if (known) return known;
  if (/illegal|sensitive|nsfw|policy|moderat/i.test(reason)) return 'content_policy';
  if (/balance|billing/i.test(reason)) return 'quota';
  return 'provider_error';
}

/**
 * One task-result answer in the unified shape. `video_url_ttl` (seconds, number or string) sets
 * `resultExpiresAt` from `now` (ms). Any status other than queued, processing and succeed(ed) is
 * terminal (providers.md, Novita: "treat any other status as terminal failure and show it with
 * `reason`; never poll on"): `TASK_STATUS_EXPIRED` → `expired`, anything else → `failed` naming the status.
 */
export function parseNovitaTask(body: unknown, now = Date.now(), apiKey?: string): TaskStatus {
  const { task, videos, extra } = parseOrFail(TaskResult, body, { provider: NAME, detail: phrase('failure.detail.statusUnreadable'), apiKey });
  const known = STATES[task.status];
  const state = known ?? 'failed';
  const out: TaskStatus = { state };
  const progress = toNumber(task.progress_percent);
  const eta = toNumber(task.eta);
  if (progress !== undefined) out.progress = progress;
  if (eta !== undefined && state !== 'succeeded') out.etaSeconds = eta;
  const seed = toNumber(extra?.seed);
  if (seed !== undefined) out.seed = seed;
  if (state === 'succeeded') {
    const video = videos?.[0];
    if (!video) {
      return { state: 'failed', error: makeFailure({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.succeededWithoutVideo'), retryable: false }) };
    }
    out.resultUrl = video.video_url;
    const ttl = toNumber(video.video_url_ttl);
    if (ttl !== undefined && ttl > 0) out.resultExpiresAt = now + ttl * 1000;
  }
  if (state === 'failed' || state === 'expired') {
    const reason = task.reason?.trim() || undefined;
    out.error = makeFailure({
      kind: reason ? taskFailureKind(reason) : 'provider_error',
      provider: NAME,
      detail: known ? reason : phrase(reason ? 'failure.detail.unlistedStatusReason' : 'failure.detail.unlistedStatus', { status: task.status, reason: sentenceEnd(reason ?? '') }),
      providerCode: reason && REASON_KINDS[reason] ? reason : known ? undefined : task.status,
      providerMessage: reason,
      retryable: false,
      apiKey,
    });
  }
  return out;
}

/** One authenticated request; a non-2xx answer throws with the `novitaFailure` mapping. */
function call(ctx: ProviderContext, method: 'GET' | 'POST', url: string, json?: unknown): Promise<HttpAnswer> {
  return callJson(ctx, NAME, { method, url, json, headers: bearerAuth(ctx) }, novitaFailure);
}

/** A task id no Novita task has: the key check reads it and expects 404 TASK_NOT_FOUND. */
const KEY_CHECK_TASK = 'seedance-studio-key-check-0000';

export const novitaAdapter: ProviderAdapter = {
  id: 'novita',
  cancel: 'none',

  async prepare(req) {
    const images = {
      first: req.images.first ? await imageDataUrl(req.images.first) : undefined,
      last: req.images.last ? await imageDataUrl(req.images.last) : undefined,
    };
    return { url: `/v3/async/${req.entry.model}`, body: buildNovitaBody(req.entry, req.params, images) };
  },

  async submit(prepared, ctx) {
    // A 404 on `/v3/async/<model>` is no such endpoint: a removed or renamed model.
    const model = prepared.url.replace(/^\/v3\/async\//, '');
    const answer = await withModelRefusal(call(ctx, 'POST', prepared.url, prepared.body), 'novita', model, (f) => (f.httpStatus === 404 ? 'gone' : null));
    const { taskId } = requireBody(answer, SubmitAnswer, ctx, NAME, phrase('failure.detail.noTaskIdOrId'));
    return { taskId, handle: {} };
  },

  async poll(task, ctx) {
    const answer = await call(ctx, 'GET', `/v3/async/task-result?task_id=${encodeURIComponent(task.taskId)}`);
    return parseNovitaTask(answer.body, Date.now(), ctx.apiKey);
  },

  async cancelTask() {
    return { cancelled: false, reason: said('cancel.reason.noCancelApi', { provider: 'Novita' }) };
  },

  // 1.5 Pro: `execution_expires_after` default 172,800 s (Novita's 1.5 Pro pages; the app never sets
  // it). V1 pages document no expiry: the upstream default is the bound (see UPSTREAM_TASK_LIFETIME_MS).
  taskLifetimeMs: () => UPSTREAM_TASK_LIFETIME_MS,

  // Reads the result of a task that does not exist: 404 TASK_NOT_FOUND proves the key was
  // accepted, 401/403 (INVALID_API_KEY) that it was not. Nothing is started or billed.
  checkKey(ctx) {
    return checkKeyWith(
      ctx,
      NAME,
      { method: 'GET', url: `/v3/async/task-result?task_id=${KEY_CHECK_TASK}`, headers: bearerAuth(ctx) },
      (a) => a.ok || a.status === 404,
      (a) => novitaFailure(a, ctx.apiKey),
    );
  },
};
