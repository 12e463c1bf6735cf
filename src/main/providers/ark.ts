import { z } from 'zod';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { PROVIDER_NAMES, kindForStatus, makeFailure, providerError, withModelRefusal, type ModelRefusal } from './failure';
import { bearerAuth, callJson, parseOrFail, parseRetryAfter, requireBody, sendRequest, type HttpAnswer } from './http';
import { imageDataUrl } from './inline-image';
import { checkKeyWith } from './key-check';
import { taskTypeFailure } from './task-type-failure';
import { taskOf } from '../../shared/catalog/task-type';
import { DAY_MS, compact, numberish, seedToSend, toNumber, UPSTREAM_TASK_LIFETIME_MS } from './lenient';
import { dataUrl } from './reference-files';
import type { ErrorKind, ListedTask, ProviderAdapter, ProviderContext, ProviderFailure, RemoteState, SubmitRequest, TaskListing, TaskStatus } from './types';
import { ProviderError } from './types';
import { phrase, said, type Phrase } from '../../shared/messages/phrase';

/*
 * BytePlus ModelArk (providers.md, "BytePlus ModelArk"): POST /contents/generations/tasks →
 * { id: "cgt-…" }; GET and DELETE …/tasks/{id}. Images (and 2.0 reference audio) inline as data URLs
 * in `content[]`; reference videos only by public URL.
 */

const NAME = PROVIDER_NAMES.ark;
const TASKS = '/contents/generations/tasks';

/** One reference item of `content[]`: its type, the URL (https or data URL) and its role. */
export interface ArkReferenceItem {
  type: 'image_url' | 'video_url' | 'audio_url';
  url: string;
}

const ROLES: Record<ArkReferenceItem['type'], string> = { image_url: 'reference_image', video_url: 'reference_video', audio_url: 'reference_audio' };

/**
 * The JSON body for one ModelArk job: `content[]` holds the prompt and the frames with roles
 * `first_frame` / `last_frame`, or the reference media with roles `reference_image` /
 * `reference_video` / `reference_audio` (providers.md "Seedance 2.0 reference-to-video", ModelArk:
 * `{type:"video_url", video_url:{url}, role}` …); parameters are top-level fields (`ratio`, never
 * `aspect_ratio`, which ModelArk silently ignores; never the old `--rs …` prompt flags). Only
 * parameters the row has are sent, so 2.0 gets no `seed`/`camera_fixed`.
 */
export function buildArkBody(entry: ModelEntry, params: JobParams, images: { first?: string; last?: string }, refs: ArkReferenceItem[] = []): Record<string, unknown> {
  const content: Array<Record<string, unknown>> = [];
  if (params.prompt.trim()) content.push({ type: 'text', text: params.prompt });
  if (images.first) content.push({ type: 'image_url', image_url: { url: images.first }, role: 'first_frame' });
  if (images.last) content.push({ type: 'image_url', image_url: { url: images.last }, role: 'last_frame' });
  for (const r of refs) content.push({ type: r.type, [r.type]: { url: r.url }, role: ROLES[r.type] });
  return compact({
    model: entry.model,
    content,
    resolution: params.resolution,
    ratio: params.aspectRatio,
    duration: params.duration,
    seed: seedToSend(params.seed),
    camera_fixed: params.cameraFixed,
    watermark: params.watermark,
    generate_audio: params.generateAudio,
    service_tier: params.serviceTier,
    // seedance-2.5.md §2.1/§2.6: `draft` only with 480p (paramsSchema holds the job to it).
    draft: params.draft === true ? true : undefined,
    // The provider's lossless last frame for "Continue from last frame" (providers.md, BytePlus ModelArk:
    // `return_last_frame: true` → `content.last_frame_url`, PNG at the video's size, 24 h); not with
    // `draft` (same section).
    return_last_frame: params.draft === true ? undefined : true,
    // Seedance 2.5: the task sent explicitly with reference media, never left to the model's guess (seedance-2.5.md §2.1, §2.2).
    omni_reference_task_type: entry.tasks?.length && refs.length > 0 ? taskOf(params, entry) : undefined,
  });
}

/**
 * The JSON body of a draft's final (seedance-2.5.md §2.6): `{ model, content: [{ type: "draft_task",
 * draft_task: { id } }], resolution }` plus the optional `watermark` and `return_last_frame`. Nothing else the draft had is
 * sent — prompt, media, duration, ratio, seed, generate_audio and omni_reference_task_type are
 * inherited, and resending them is an error. The draft id is valid 7 days; both stages are billed.
 */
export function buildArkFinalBody(entry: ModelEntry, params: JobParams & { finalOf: NonNullable<JobParams['finalOf']> }): Record<string, unknown> {
  return compact({
    model: entry.model,
    content: [{ type: 'draft_task', draft_task: { id: params.finalOf.draftId } }],
    resolution: params.resolution,
    watermark: params.watermark,
    // Optional on the final (§2.6): the final's last frame for "Continue from last frame".
    return_last_frame: true,
  });
}

/** Handle key marking a draft task: its own id is the draft id its final names (seedance-2.5.md §2.6). */
export const DRAFT_HANDLE_KEY = 'draft';

/** ModelArk's whole request body limit: 64 MB (providers.md "Seedance 2.0 reference-to-video", ModelArk). */
export const ARK_MAX_BODY_BYTES = 64 * 1024 * 1024;

/** The `<fmt>` of `data:audio/<fmt lowercase>;base64,…` for a probed audio file (wav or mp3). */
function audioFormat(mime: string): string {
  if (/mpeg|mp3/i.test(mime)) return 'mp3';
  if (/wav/i.test(mime)) return 'wav';
  return mime.replace(/^audio\//, '').toLowerCase();
}

/**
 * The reference items of a job as ModelArk takes them: images and audio inline as data URLs, videos
 * only by the public URL the user gave — ModelArk takes no base64 video and has no upload API, so a
 * local video file is refused here, before anything is sent (`invalid_input`, providers.md ModelArk table).
 */
async function arkReferences(refs: SubmitRequest['references']): Promise<ArkReferenceItem[]> {
  const out: ArkReferenceItem[] = [];
  for (const r of refs ?? []) {
    if (r.kind === 'image') out.push({ type: 'image_url', url: await imageDataUrl(r.file) });
    else if ('url' in r) out.push({ type: 'video_url', url: r.url });
    else if (r.kind === 'video') {
      throw providerError({
        kind: 'invalid_input',
        provider: NAME,
        detail: phrase('failure.detail.arkVideoByUrl'),
        retryable: false,
      });
    } else out.push({ type: 'audio_url', url: await dataUrl(r.file, `audio/${audioFormat(r.file.mime)}`) });
  }
  return out;
}

const ErrorObject = z.object({ code: z.string().nullish(), message: z.string().nullish(), param: z.string().nullish(), type: z.string().nullish() });

/** Kind and extra advice for a ModelArk error code (providers.md, ModelArk "Errors"; prefix match). */
function classify(code: string | undefined): { kind?: ErrorKind; detail?: Phrase } {
  if (!code) return {};
  const taskType = taskTypeFailure(code);
  if (taskType) return taskType;
  if (code.startsWith('AuthenticationError')) return { kind: 'auth' };
  if (code.startsWith('AccountOverdueError')) return { kind: 'quota' };
  if (code.startsWith('RateLimitExceeded') || code.startsWith('ServerOverloaded')) return { kind: 'rate_limited' };
  if (code.includes('PrivacyInformation')) {
    return { kind: 'content_policy', detail: phrase('failure.detail.realFace') };
  }
  if (code.startsWith('OutputAudioSensitiveContentDetected')) {
    return { kind: 'content_policy', detail: phrase('failure.detail.audioModeration') };
  }
  if (code.includes('SensitiveContentDetected')) return { kind: 'content_policy' };
  if (code.startsWith('InvalidParameter') || code.startsWith('MissingParameter')) return { kind: 'invalid_input' };
  if (code.startsWith('InternalServiceError')) return { kind: 'provider_error' };
  return {};
}

/** Maps a non-2xx ModelArk answer `{ error: { code, message, param, type } }` to a failure. */
export function arkFailure(answer: Pick<HttpAnswer, 'status' | 'headers' | 'body' | 'text'>, apiKey?: string): ProviderFailure {
  const parsed = z.object({ error: ErrorObject }).safeParse(answer.body);
  const code = parsed.success ? (parsed.data.error.code ?? undefined) : undefined;
  const message = parsed.success ? (parsed.data.error.message ?? undefined) : answer.text.slice(0, 500) || undefined;
  const c = classify(code);
  return makeFailure({
    kind: c.kind ?? kindForStatus(answer.status),
    provider: NAME,
    detail: c.detail ?? message,
    providerCode: code,
    providerMessage: message,
    httpStatus: answer.status,
    retryAfterMs: parseRetryAfter(answer.headers.get('retry-after')),
    apiKey,
  });
}

/**
 * Whether a submit failure is ModelArk refusing the model itself: `ModelNotOpen` (not activated for
 * the account), a `…NotFound` code (`InvalidEndpointOrModel.NotFound`: no such model or endpoint),
 * or an `InvalidParameter` whose message says the model does not exist or was retired
 * (seedance-2.5.md §0/§5: 1.5 Pro shut down 2026-11-11). Null for anything else.
 */
export function arkModelRefusal(failure: ProviderFailure): ModelRefusal | null {
  const code = failure.providerCode ?? '';
  const text = failure.providerMessage ?? '';
  if (code.includes('ModelNotOpen')) return 'not_activated';
  if (/NotFound|ModelDeprecated|ModelRetired/.test(code)) return 'gone';
  if (code.startsWith('InvalidParameter') && /\bmodel\b/i.test(text) && /not (?:be )?found|does not exist|not exist|no longer|retired|deprecated|offline|shut ?down|unsupported|not supported/i.test(text)) return 'gone';
  return null;
}

const Task = z.object({
  id: z.string(),
  status: z.string(),
  content: z.object({ video_url: z.string().nullish(), last_frame_url: z.string().nullish() }).nullish(),
  usage: z.record(z.string(), numberish).nullish(),
  seed: numberish,
  error: ErrorObject.nullish(),
});

const STATES: Record<string, RemoteState> = {
  queued: 'queued',
  running: 'running',
  succeeded: 'succeeded',
  failed: 'failed',
  cancelled: 'cancelled',
  expired: 'expired',
};

/**
 * One task answer in the unified shape; `content.video_url` lasts 24 h, counted from `now` (ms).
 * `usage` (e.g. `completion_tokens`) is passed through: it is the billed truth for cost. A status
 * outside the documented six reads as `unknown` (never as running).
 */
export function parseArkTask(body: unknown, now = Date.now(), apiKey?: string): TaskStatus {
  const t = parseOrFail(Task, body, { provider: NAME, detail: phrase('failure.detail.statusUnreadable'), apiKey });
  const state = STATES[t.status] ?? 'unknown';
  const out: TaskStatus = state === 'unknown' ? { state, providerStatus: t.status } : { state };
  const seed = toNumber(t.seed);
  if (seed !== undefined) out.seed = seed;
  if (t.usage) {
    const usage: Record<string, number> = {};
    for (const [k, v] of Object.entries(t.usage)) {
      const n = toNumber(v);
      if (n !== undefined) usage[k] = n;
    }
    out.usage = usage;
  }
  if (state === 'succeeded') {
    const url = t.content?.video_url;
    if (!url) return { state: 'failed', error: makeFailure({ kind: 'provider_error', provider: NAME, detail: phrase('failure.detail.succeededWithoutVideo'), retryable: false }) };
    out.resultUrl = url;
    out.resultExpiresAt = now + DAY_MS;
    const lastFrame = t.content?.last_frame_url;
    if (lastFrame) out.lastFrameUrl = lastFrame;
  }
  if (state === 'failed') {
    const code = t.error?.code ?? undefined;
    const message = t.error?.message ?? undefined;
    const c = classify(code);
    out.error = makeFailure({ kind: c.kind ?? 'provider_error', provider: NAME, detail: c.detail ?? message ?? code, providerCode: code, providerMessage: message, retryable: false, apiKey });
  }
  return out;
}

const ListedItem = z.object({
  id: z.string().min(1),
  model: z.string(),
  created_at: numberish,
  resolution: z.string().nullish(),
  ratio: z.string().nullish(),
  duration: numberish,
  seed: numberish,
});
const ListAnswer = z.object({ items: z.array(z.unknown()).nullish(), total: numberish });

/** The list's page size limit: `page_size` and `page_num` both within [1, 500] (BytePlus "Query the list of video generation tasks"). */
const LIST_PAGE_SIZE = 500;
/** Pages read at most per look (10 × 500 tasks of one model); past that the listing is reported incomplete. */
const LIST_MAX_PAGES = 10;

/**
 * One page of the task list in `ListedTask`s: `created_at` (Unix s) moved onto this machine's
 * clock by `skewMs` (provider clock − ours). Items that cannot be read are skipped (lenient reading).
 */
export function parseArkTaskList(body: unknown, skewMs: number, apiKey?: string): { tasks: ListedTask[]; items: number; total: number | undefined } {
  const page = parseOrFail(ListAnswer, body, { provider: NAME, detail: phrase('failure.detail.listUnreadable'), apiKey });
  const items = page.items ?? [];
  const tasks: ListedTask[] = [];
  for (const raw of items) {
    const item = ListedItem.safeParse(raw);
    const created = item.success ? toNumber(item.data.created_at) : undefined;
    if (!item.success || created === undefined) continue;
    const t: ListedTask = { taskId: item.data.id, model: item.data.model, createdAt: created * 1000 - skewMs };
    if (item.data.resolution) t.resolution = item.data.resolution;
    if (item.data.ratio) t.ratio = item.data.ratio;
    const duration = toNumber(item.data.duration);
    if (duration !== undefined) t.duration = duration;
    const seed = toNumber(item.data.seed);
    if (seed !== undefined) t.seed = seed;
    tasks.push(t);
  }
  return { tasks, items: items.length, total: toNumber(page.total) };
}

/** Provider clock − ours, ms, from an answer's `Date` header (1 s resolution); undefined without one. */
function clockSkew(headers: Headers, receivedAt: number): number | undefined {
  const date = Date.parse(headers.get('date') ?? '');
  return Number.isFinite(date) ? date - receivedAt : undefined;
}

/** One authenticated request; a non-2xx answer throws with the `arkFailure` mapping. */
function call(ctx: ProviderContext, method: 'GET' | 'POST', url: string, json?: unknown): Promise<HttpAnswer> {
  return callJson(ctx, NAME, { method, url, json, headers: bearerAuth(ctx) }, arkFailure);
}

export const arkAdapter: ProviderAdapter = {
  id: 'ark',
  cancel: 'queued-only',

  // Everything goes inline, so the body's size is checked against ModelArk's 64 MB before the POST.
  async prepare(req) {
    if (req.params.finalOf) return { url: TASKS, body: buildArkFinalBody(req.entry, { ...req.params, finalOf: req.params.finalOf }) };
    const images = {
      first: req.images.first ? await imageDataUrl(req.images.first) : undefined,
      last: req.images.last ? await imageDataUrl(req.images.last) : undefined,
    };
    const refs = req.entry.modes.includes('reference-to-video') ? await arkReferences(req.references) : [];
    const body = buildArkBody(req.entry, req.params, images, refs);
    const bytes = Buffer.byteLength(JSON.stringify(body));
    if (bytes > ARK_MAX_BODY_BYTES) {
      throw providerError({
        kind: 'invalid_input',
        provider: NAME,
        detail: phrase('failure.detail.arkBodyTooBig', { mb: Math.ceil(bytes / 2 ** 20) }),
        retryable: false,
      });
    }
    return { url: TASKS, body };
  },

  async submit(prepared, ctx) {
    const answer = await withModelRefusal(call(ctx, 'POST', prepared.url, prepared.body), 'ark', String(prepared.body.model), arkModelRefusal);
    const { id } = requireBody(answer, z.object({ id: z.string().min(1) }), ctx, NAME, phrase('failure.detail.noTaskId'));
    const handle: Record<string, string> = prepared.body.draft === true ? { [DRAFT_HANDLE_KEY]: '1' } : {};
    return { taskId: id, handle };
  },

  async poll(task, ctx) {
    const answer = await call(ctx, 'GET', `${TASKS}/${encodeURIComponent(task.taskId)}`);
    const status = parseArkTask(answer.body, Date.now(), ctx.apiKey);
    // A draft task's own id is what its final sends as `draft_task.id` (seedance-2.5.md §2.6).
    if (status.state === 'succeeded' && task.handle[DRAFT_HANDLE_KEY] === '1') status.draftId = task.taskId;
    return status;
  },

  // DELETE cancels a queued task; for a running one ModelArk answers an error, reported as "not cancelled".
  async cancelTask(task, ctx) {
    const answer = await sendRequest(ctx, NAME, { method: 'DELETE', url: `${TASKS}/${encodeURIComponent(task.taskId)}`, headers: bearerAuth(ctx) });
    if (answer.ok) return { cancelled: true };
    const failure = arkFailure(answer, ctx.apiKey);
    if (failure.kind === 'invalid_input' || answer.status === 404 || answer.status === 409) {
      return { cancelled: false, reason: failure.providerMessage ?? said('cancel.reason.arkQueuedOnly') };
    }
    throw new ProviderError(failure);
  },

  // `execution_expires_after` default 172,800 s (providers.md, ModelArk body; the app never sets it).
  taskLifetimeMs: () => UPSTREAM_TASK_LIFETIME_MS,

  // GET …/tasks?page_num=&page_size=&filter.model= (providers.md "list"; BytePlus "Query the list of
  // video generation tasks": the last 7 days, items are task objects with `created_at` in Unix s).
  async listTasks(query, ctx): Promise<TaskListing> {
    const tasks: ListedTask[] = [];
    let seen = 0;
    let clockChecked = true;
    for (let page = 1; page <= LIST_MAX_PAGES; page++) {
      const params = new URLSearchParams({ page_num: String(page), page_size: String(LIST_PAGE_SIZE), 'filter.model': query.model });
      const answer = await call(ctx, 'GET', `${TASKS}?${params}`);
      const skew = clockSkew(answer.headers, Date.now());
      if (skew === undefined) clockChecked = false;
      const read = parseArkTaskList(answer.body, skew ?? 0, ctx.apiKey);
      tasks.push(...read.tasks.filter((t) => t.createdAt >= query.from && t.createdAt <= query.to));
      seen += read.items;
      if (read.items < LIST_PAGE_SIZE || (read.total !== undefined && seen >= read.total)) return { tasks, complete: true, clockChecked };
    }
    return { tasks, complete: false, clockChecked };
  },

  // Lists at most one task: an authenticated read that never starts anything (401 when the key is wrong).
  checkKey(ctx) {
    return checkKeyWith(
      ctx,
      NAME,
      { method: 'GET', url: `${TASKS}?page_size=1`, headers: bearerAuth(ctx) },
      (a) => a.ok,
      (a) => arkFailure(a, ctx.apiKey),
    );
  },
};
