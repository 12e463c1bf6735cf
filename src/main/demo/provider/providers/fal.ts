import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AspectRatio, Resolution } from '../../../../shared/catalog/types';
import {
  authToken,
  parseJsonBody,
  pickSeed,
  simOutputSize,
  submitTask,
  unknownKeys,
  validate,
  type FailureMap,
  type Problem,
  type ProviderSim,
  type SimContext,
  type SimRequest,
} from '../context';
import { ALL_FORMATS, checkImage, ImageRefError, MAX_IMAGE_BYTES, WEB_FORMATS, type StoredImage } from '../images';
import { checkMedia, MediaRefError, probeMediaRef, totalSeconds, type MediaRules, type ProbedMedia } from '../media';
import { contradicts } from '../task-type';
import type { SimTask } from '../tasks';
import type { Reply } from '../types';
import { FAL_DRAFT_COMPLETE, falDraftProblem, falFinal, newDraftId, type FalDraftDeps } from './fal-draft';

/**
 * fal's queue and storage APIs (providers.md, "fal"). Queue: `POST /<endpoint-id>` →
 * `{request_id, status_url, response_url, cancel_url, queue_position}`; those URLs live under the
 * endpoint's first two segments (`<owner>/<app>/requests/<id>`), not the full endpoint path.
 * Validation fails with pydantic-style 422 `{detail: [{loc, msg, type, input}]}` — checked at submit here
 * (where fal checks it is not documented). `duration` is a string. Auth `Authorization: Key <key>`.
 * Storage: `POST /storage/upload/initiate` → `{upload_url, file_url}`, then `PUT upload_url` (signed, no key).
 */

type Version = '1' | '1.5' | '2.0' | '2.5';
interface EndpointDef {
  version: Version;
  i2v: boolean;
  fast?: boolean;
  /** 2.0 Mini: as Fast, without `bitrate_mode`. */
  mini?: boolean;
  /** 2.0 reference-to-video: `image_urls` / `video_urls` / `audio_urls` (providers.md "Seedance 2.0 reference-to-video", fal). */
  reference?: boolean;
  /**
   * v1: what `end_image_url` does. `ignored`: v1 Pro i2v takes it but runs 1.0 Pro Fast, which has no
   * end frame ("accepted for backwards compatibility and ignored"); `absent`: 1.0 Pro Fast i2v has no
   * such field (fal-js endpoints.ts @381105e, 2026-08-02, `SeedanceImageToVideoInput`,
   * `SeedanceProFastImageToVideoInput`).
   */
  endImage?: 'ignored' | 'absent';
  /** v1 default `resolution` (fal-js @381105e: Pro t2v and Pro Fast 1080p, Pro i2v 720p). */
  defaultResolution?: '480p' | '720p' | '1080p';
  /** Takes a `draft` input and answers with a `draft_id` (standard Seedance 2.5, seedance-2.5.md §3; field name UNCONFIRMED). */
  draft?: boolean;
}

const ENDPOINTS: Record<string, EndpointDef> = {
  'fal-ai/bytedance/seedance/v1/pro/text-to-video': { version: '1', i2v: false },
  'fal-ai/bytedance/seedance/v1/pro/image-to-video': { version: '1', i2v: true, endImage: 'ignored', defaultResolution: '720p' },
  'fal-ai/bytedance/seedance/v1/pro/fast/text-to-video': { version: '1', i2v: false },
  'fal-ai/bytedance/seedance/v1/pro/fast/image-to-video': { version: '1', i2v: true, endImage: 'absent' },
  'fal-ai/bytedance/seedance/v1.5/pro/text-to-video': { version: '1.5', i2v: false },
  'fal-ai/bytedance/seedance/v1.5/pro/image-to-video': { version: '1.5', i2v: true },
  'bytedance/seedance-2.0/text-to-video': { version: '2.0', i2v: false },
  'bytedance/seedance-2.0/image-to-video': { version: '2.0', i2v: true },
  'bytedance/seedance-2.0/fast/text-to-video': { version: '2.0', i2v: false, fast: true },
  'bytedance/seedance-2.0/fast/image-to-video': { version: '2.0', i2v: true, fast: true },
  'bytedance/seedance-2.0/mini/text-to-video': { version: '2.0', i2v: false, fast: true, mini: true },
  'bytedance/seedance-2.0/mini/image-to-video': { version: '2.0', i2v: true, fast: true, mini: true },
  'bytedance/seedance-2.0/reference-to-video': { version: '2.0', i2v: false, reference: true },
  'bytedance/seedance-2.0/fast/reference-to-video': { version: '2.0', i2v: false, fast: true, reference: true },
  'bytedance/seedance-2.0/mini/reference-to-video': { version: '2.0', i2v: false, fast: true, mini: true, reference: true },
  // Seedance 2.5 (seedance-2.5.md §3): edit and extend are reference-to-video with `task`.
  'bytedance/seedance-2.5/text-to-video': { version: '2.5', i2v: false, draft: true },
  'bytedance/seedance-2.5/image-to-video': { version: '2.5', i2v: true, draft: true },
  'bytedance/seedance-2.5/reference-to-video': { version: '2.5', i2v: false, reference: true, draft: true },
};

/** fal 2.5 reference media (seedance-2.5.md §3): video/audio 1.8–30.2 s each, 24–60 fps. */
const VIDEO_RULES_25: MediaRules = { formats: ['mp4', 'mov'], minSeconds: 1.8, maxSeconds: 30.2, minFps: 24, maxFps: 60 };
const AUDIO_RULES_25: MediaRules = { formats: ['mp3', 'wav'], minSeconds: 1.8, maxSeconds: 30.2, maxBytes: 15 * 1024 * 1024 };

/** fal reference video and audio limits (providers.md "Seedance 2.0 reference-to-video", fal: fal-js @381105e, 2026-08-02). */
const VIDEO_RULES: MediaRules = { formats: ['mp4', 'mov'], minPixels: 409_600, maxPixels: 927_408 };
const AUDIO_RULES: MediaRules = { formats: ['mp3', 'wav'], maxBytes: 15 * 1024 * 1024 };

const RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i)) as [string, ...string[]];

/** The endpoint's input schema (providers.md table "Seedance endpoints"). */
function schema(def: EndpointDef) {
  const images = def.i2v ? { image_url: z.string().min(1), ...(def.endImage === 'absent' ? {} : { end_image_url: z.string().min(1).optional() }) } : {};
  if (def.version === '1') {
    return z.object({
      prompt: z.string().min(1),
      aspect_ratio: z.enum(def.i2v ? [...RATIOS, 'auto'] : RATIOS).default(def.i2v ? 'auto' : '16:9'),
      resolution: z.enum(['480p', '720p', '1080p']).default(def.defaultResolution ?? '1080p'),
      duration: z.enum(range(2, 12)).default('5'),
      camera_fixed: z.boolean().optional(),
      seed: z.number().int().optional(),
      enable_safety_checker: z.boolean().optional(),
      num_frames: z.number().int().min(29).max(289).optional(),
      ...images,
    });
  }
  if (def.version === '1.5') {
    return z.object({
      prompt: z.string().min(1),
      aspect_ratio: z.enum([...RATIOS, 'auto']).default(def.i2v ? 'auto' : '16:9'),
      resolution: z.enum(['480p', '720p', '1080p']).default('720p'),
      duration: z.enum(range(4, 12)).default('5'),
      generate_audio: z.boolean().default(true),
      camera_fixed: z.boolean().optional(),
      seed: z.number().int().optional(),
      enable_safety_checker: z.boolean().optional(),
      ...images,
    });
  }
  const urls = z.array(z.string().min(1));
  if (def.version === '2.5') {
    // seedance-2.5.md §3: duration "4"…"30" or "auto" (a string), `seed`, no watermark; r2v `task`.
    const common = {
      prompt: z.string().min(1),
      aspect_ratio: z.enum(['auto', ...RATIOS]).default(def.i2v ? 'auto' : '16:9'),
      resolution: z.enum(['480p', '720p', '1080p']).default('720p'),
      duration: z.enum(['auto', ...range(4, 30)]).default('5'),
      generate_audio: z.boolean().default(true),
      seed: z.number().int().optional(),
    };
    if (def.reference) {
      return z.object({
        ...common,
        image_urls: urls.max(30).optional(),
        video_urls: urls.max(10).optional(),
        audio_urls: urls.max(10).optional(),
        task: z.enum(['reference', 'editing', 'extension']).default('reference'),
      });
    }
    return z.object({ ...common, ...images });
  }
  const extra = {
    ...(def.mini ? {} : { bitrate_mode: z.enum(['standard', 'high']).optional() }),
    end_user_id: z.string().optional(),
  };
  if (def.reference) {
    // No `seed` in the current schema (fal-js @381105e): a seed sent here is ignored.
    return z.object({
      prompt: z.string().min(1),
      image_urls: urls.max(9).optional(),
      video_urls: urls.max(3).optional(),
      audio_urls: urls.max(3).optional(),
      aspect_ratio: z.enum(['auto', ...RATIOS]).default('auto'),
      duration: z.enum(['auto', ...range(4, 15)]).default('auto'),
      resolution: z.enum(def.fast ? ['480p', '720p'] : ['480p', '720p', '1080p', '4k']).default('720p'),
      generate_audio: z.boolean().default(true),
      ...extra,
    });
  }
  return z.object({
    prompt: z.string().min(1),
    aspect_ratio: z.enum(['auto', ...RATIOS]).default('auto'),
    duration: z.enum(['auto', ...range(4, 15)]).default('auto'),
    resolution: z.enum(def.fast ? ['480p', '720p'] : ['480p', '720p', '1080p', '4k']).default('720p'),
    generate_audio: z.boolean().default(true),
    ...extra,
    // No `seed` since fal-js @381105e (2026-08-02): a seed sent is ignored (and reported as such).
    ...images,
  });
}

/** Renders problems as pydantic v2 errors, which is what fal's 422 `detail` holds. */
function pydantic(problems: Problem[], body: unknown): Array<Record<string, unknown>> {
  return problems.map((p) => {
    const loc = ['body', ...p.path];
    if (p.kind === 'missing') return { loc, msg: 'Field required', type: 'missing', input: body };
    if (p.kind === 'type') {
      const t = { string: ['string_type', 'a valid string'], int: ['int_type', 'a valid integer'], number: ['float_type', 'a valid number'], boolean: ['bool_type', 'a valid boolean'] }[
        p.expected ?? ''
      ] ?? ['model_type', `a valid ${p.expected}`];
      return { loc, msg: `Input should be ${t[1]}`, type: t[0], input: p.input };
    }
    if (p.kind === 'enum') {
      const vals = (p.values ?? []).map((v) => `'${String(v)}'`);
      const expected = vals.length > 1 ? `${vals.slice(0, -1).join(', ')} or ${vals.at(-1)}` : vals.join('');
      return { loc, msg: `Input should be ${expected}`, type: 'literal_error', input: p.input, ctx: { expected } };
    }
    if (p.kind === 'range') {
      if (typeof p.input === 'string' && p.min !== undefined) return { loc, msg: `String should have at least ${p.min} character`, type: 'string_too_short', input: p.input, ctx: { min_length: p.min } };
      if (p.min !== undefined) return { loc, msg: `Input should be greater than or equal to ${p.min}`, type: 'greater_than_equal', input: p.input, ctx: { ge: p.min } };
      return { loc, msg: `Input should be less than or equal to ${p.max}`, type: 'less_than_equal', input: p.input, ctx: { le: p.max } };
    }
    return { loc, msg: p.message, type: 'value_error', input: p.input };
  });
}

const detail422 = (detail: unknown[]): Reply => ({ status: 422, json: { detail } });

/** What `GET response_url` answers for a failed generation, per failure kind. */
const FAILURES: FailureMap<(t: SimTask<FalMeta>) => Reply> = {
  content_policy: (t) =>
    detail422([{ loc: ['body', 'prompt'], msg: 'The content could not be processed because it contained material flagged by a content checker.', type: 'content_policy_violation', input: t.meta.prompt }]),
  image_policy: () =>
    detail422([{ loc: ['body', 'image_url'], msg: 'The input image contains content flagged by a content checker (e.g. a real person).', type: 'content_policy_violation', input: null }]),
  audio_moderation: () =>
    detail422([{ loc: ['body', 'generate_audio'], msg: 'The generated audio was flagged by a content checker. Retry with generate_audio false.', type: 'content_policy_violation', input: true }]),
  // No X-Fal-Retryable: the request is COMPLETED, so fetching its result again gives the same answer.
  internal: () => ({
    status: 500,
    json: { detail: 'Internal error while generating the video', error_type: 'internal_server_error' },
    headers: { 'x-fal-error-type': 'internal_server_error' },
  }),
  timeout: () => ({
    status: 504,
    json: { detail: 'Request timed out', error_type: 'request_timeout' },
    headers: { 'x-fal-error-type': 'request_timeout' },
  }),
  task_type_mismatch: () =>
    detail422([{ loc: ['body', 'task'], msg: 'InvalidParameter.TaskTypeMismatch: the task identified from the prompt does not match `task`.', type: 'task_type_mismatch', input: null }]),
};

interface ReferenceInput {
  image_urls?: string[];
  video_urls?: string[];
  audio_urls?: string[];
  task?: 'reference' | 'editing' | 'extension';
  duration?: string;
  aspect_ratio?: string;
}

interface FalMeta extends Record<string, unknown> {
  seed: number;
  prompt: string;
  /** `<owner>/<app>`, under which the request URLs live. */
  app: string;
  /** Drafts: the id the result reports and draft/complete takes, and the ratio the draft came out in. */
  draft?: boolean;
  draftId?: string;
  ratio?: string;
}

/** The endpoint's input schema with `draft` where the endpoint makes drafts. */
function inputSchema(def: EndpointDef) {
  return def.draft ? schema(def).extend({ draft: z.boolean().optional() }) : schema(def);
}

/** Builds the fal module (queue at `/fal-queue`, storage at `/fal-rest`, signed PUTs at `/fal-upload`). */
export function falSim(sim: SimContext): ProviderSim {
  const urls = (t: { id: string; meta: { app: string } }) => {
    const base = `${sim.baseUrl()}/fal-queue/${t.meta.app}/requests/${t.id}`;
    return { request_id: t.id, response_url: base, status_url: `${base}/status`, cancel_url: `${base}/cancel` };
  };
  const draftDeps: FalDraftDeps = { unprocessable: (problems, body) => detail422(pydantic(problems, body)), urls };

  async function image(ref: string, field: string, def: EndpointDef): Promise<StoredImage | Reply> {
    try {
      const img = await sim.images.fromRef(ref, { allowBareBase64: false, allowDataUrl: true });
      checkImage(img, { formats: def.version === '2.0' || def.version === '2.5' ? WEB_FORMATS : ALL_FORMATS, maxBytes: MAX_IMAGE_BYTES });
      return img;
    } catch (e) {
      if (!(e instanceof ImageRefError)) throw e;
      const type = e.code === 'unreachable' ? 'file_download_error' : e.code === 'decode' || e.code === 'format' ? 'image_load_error' : 'image_too_large';
      return detail422([{ loc: ['body', field], msg: e.message, type, input: ref.slice(0, 100) }]);
    }
  }

  /**
   * The reference files of a reference-to-video request: each fetchable and within fal's limits, all
   * files ≤ 12, audio only with an image or a video, videos 2–15 s and under 50 MB together, audio ≤ 15 s
   * together (providers.md "Seedance 2.0 reference-to-video", fal). A 422 in fal's shape otherwise.
   */
  async function references(v: ReferenceInput, def: EndpointDef): Promise<{ images: StoredImage[]; sourceSeconds?: number } | Reply> {
    const imageUrls = v.image_urls ?? [];
    const videoUrls = v.video_urls ?? [];
    const audioUrls = v.audio_urls ?? [];
    const fail = (loc: Array<string | number>, msg: string, type = 'value_error') => detail422([{ loc: ['body', ...loc], msg, type, input: null }]);
    const v25 = def.version === '2.5';
    const maxFiles = v25 ? 50 : 12;
    if (imageUrls.length + videoUrls.length + audioUrls.length > maxFiles) return fail([], `At most ${maxFiles} reference files (images, videos and audio) in all.`);
    if (!v25 && audioUrls.length > 0 && imageUrls.length + videoUrls.length === 0) return fail(['audio_urls'], 'Reference audio needs at least one reference image or video.');
    if (v25 && imageUrls.length + videoUrls.length + audioUrls.length === 0) return fail([], 'At least one reference image, video or audio file is required.');
    // seedance-2.5.md §3: editing ⇒ duration and aspect ratio auto; editing/extension need the source video.
    if (v.task === 'editing' || v.task === 'extension') {
      if (videoUrls.length === 0) return fail(['video_urls'], `InvalidParameter.TaskTypeConstraint: task ${v.task} needs at least one video_urls item (the first is the source video).`, 'task_type_constraint');
      if (v.aspect_ratio !== 'auto') return fail(['aspect_ratio'], `InvalidParameter.TaskTypeConstraint: task ${v.task} needs aspect_ratio auto.`, 'task_type_constraint');
      if (v.task === 'editing' && v.duration !== 'auto') return fail(['duration'], 'InvalidParameter.TaskTypeConstraint: task editing needs duration auto.', 'task_type_constraint');
    }
    const images: StoredImage[] = [];
    for (const [i, url] of imageUrls.entries()) {
      const img = await image(url, `image_urls.${i}`, def);
      if ('status' in img) return img;
      images.push(img);
    }
    const probe = async (field: 'video_urls' | 'audio_urls', list: string[], rules: MediaRules, what: 'video' | 'audio') => {
      const out: ProbedMedia[] = [];
      for (const [i, url] of list.entries()) {
        try {
          const m = await probeMediaRef(sim.files, url, { allowDataUrl: false });
          checkMedia(m, rules, what);
          out.push(m);
        } catch (e) {
          if (!(e instanceof MediaRefError)) throw e;
          return fail([field, i], e.message, e.code === 'unreachable' ? 'file_download_error' : 'value_error');
        }
      }
      return out;
    };
    const videos = await probe('video_urls', videoUrls, v25 ? VIDEO_RULES_25 : VIDEO_RULES, 'video');
    if (!Array.isArray(videos)) return videos;
    const audios = await probe('audio_urls', audioUrls, v25 ? AUDIO_RULES_25 : AUDIO_RULES, 'audio');
    if (!Array.isArray(audios)) return audios;
    if (v25) {
      if (totalSeconds(videos) > 30.2) return fail(['video_urls'], `The reference videos last ${totalSeconds(videos).toFixed(2)} s together; at most 30.2 s.`);
      if (totalSeconds(audios) > 30.2) return fail(['audio_urls'], `The reference audio lasts ${totalSeconds(audios).toFixed(2)} s together; at most 30.2 s.`);
      const source = videos[0]?.seconds;
      if (v.task === 'editing' && source !== undefined && (source < 4 || source > 30)) {
        return fail(['video_urls', 0], `InvalidParameter.TaskTypeConstraint: the source video must last 4–30 s for editing (it lasts ${source.toFixed(2)} s).`, 'task_type_constraint');
      }
      return { images, sourceSeconds: source };
    }
    const vs = totalSeconds(videos);
    if (videos.length > 0 && (vs < 2 || vs > 15)) return fail(['video_urls'], `The reference videos last ${vs.toFixed(2)} s together; they must last 2–15 s together.`);
    if (videos.reduce((n, m) => n + m.bytes, 0) >= 50 * 1024 * 1024) return fail(['video_urls'], 'The reference videos must be under 50 MB together.');
    if (totalSeconds(audios) > 15) return fail(['audio_urls'], `The reference audio lasts ${totalSeconds(audios).toFixed(2)} s together; at most 15 s.`);
    return { images };
  }

  async function submit(endpoint: string, req: SimRequest): Promise<Reply> {
    if (endpoint === FAL_DRAFT_COMPLETE) {
      const parsed = parseJsonBody(req);
      if (!parsed.ok) return detail422([{ loc: ['body'], msg: `JSON decode error: ${parsed.error}`, type: 'json_invalid', input: {} }]);
      return falFinal(sim, parsed.value, draftDeps);
    }
    const def = ENDPOINTS[endpoint];
    if (!def) return { status: 404, json: { detail: `Application '${endpoint}' not found` } };
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return detail422([{ loc: ['body'], msg: `JSON decode error: ${parsed.error}`, type: 'json_invalid', input: {} }]);
    const body = parsed.value;
    const r = validate(inputSchema(def), body);
    if (!r.ok) return detail422(pydantic(r.problems, body));
    const v = r.value as { prompt: string; aspect_ratio: AspectRatio; resolution: Resolution; duration: string; seed?: number; num_frames?: number; generate_audio?: boolean; image_url?: string; end_image_url?: string; draft?: boolean };
    sim.hooks.onIgnoredFields?.('fal', endpoint, unknownKeys(body, Object.keys(inputSchema(def).shape)));
    const draftProblems = v.draft ? falDraftProblem(v.resolution) : [];
    if (draftProblems.length > 0) return detail422(pydantic(draftProblems, body));
    let first: StoredImage | undefined;
    let last: StoredImage | undefined;
    let sourceSeconds: number | undefined;
    const falTask = (r.value as ReferenceInput).task;
    if (def.reference) {
      const refs = await references(r.value as ReferenceInput, def);
      if ('status' in refs) return refs;
      // Reference images are not frames; the simulator still builds its clip over the first one.
      first = refs.images[0];
      sourceSeconds = refs.sourceSeconds;
    }
    if (v.image_url) {
      const f = await image(v.image_url, 'image_url', def);
      if ('status' in f) return f;
      first = f;
    }
    if (v.end_image_url) {
      const l = await image(v.end_image_url, 'end_image_url', def);
      if ('status' in l) return l;
      if (def.endImage !== 'ignored') last = l;
    }
    const family = def.version === '1' ? 'seedance-1.0' : def.version === '2.5' ? 'seedance-2.5' : 'seedance-1.5+';
    const out = simOutputSize(family, v.resolution, v.aspect_ratio, first);
    // num_frames overrides duration (v1); "auto" is 5 s (the simulator's choice), or the source's length for a 2.5 edit.
    const auto = falTask === 'editing' && sourceSeconds !== undefined ? sourceSeconds : 5;
    const seconds = v.num_frames ? v.num_frames / 24 : v.duration === 'auto' ? auto : Number(v.duration);
    const mismatch = falTask !== undefined && contradicts(falTask === 'editing' ? 'edit' : falTask === 'extension' ? 'extend' : 'reference', v.prompt);
    const id = randomUUID();
    const app = endpoint.split('/').slice(0, 2).join('/');
    const task = submitTask<FalMeta>(sim, {
      id,
      provider: 'fal',
      model: endpoint,
      spec: { ...out.size, durationSeconds: seconds, audio: def.version !== '1' && v.generate_audio === true, prompt: v.prompt, first, last },
      ...(mismatch ? { failure: 'task_type_mismatch' as const } : {}),
      meta: { seed: pickSeed(v.seed), prompt: v.prompt, app, ratio: out.ratio, ...(v.draft ? { draft: true, draftId: newDraftId() } : {}) },
    });
    return { status: 200, json: { ...urls(task), queue_position: sim.tasks.view(task).queuePosition }, taskId: id };
  }

  function status(t: SimTask<FalMeta>, req: SimRequest): Reply {
    const v = sim.tasks.view(t);
    const logs = req.query.get('logs') === '1' ? [{ message: `progress ${v.progress}%`, level: 'INFO', source: 'user', timestamp: new Date().toISOString() }] : null;
    if (v.state === 'queued') return { status: 202, json: { status: 'IN_QUEUE', queue_position: v.queuePosition, ...urls(t) } };
    if (v.state === 'running') return { status: 202, json: { status: 'IN_PROGRESS', logs, ...urls(t) } };
    return { status: 200, json: { status: 'COMPLETED', logs, metrics: { inference_time: t.runMs / 1000 }, ...urls(t) } };
  }

  function result(t: SimTask<FalMeta>): Reply {
    const v = sim.tasks.view(t);
    if (v.state === 'queued' || v.state === 'running') return { status: 400, json: { detail: 'Request is still in progress' } };
    if (v.state === 'cancelled') return { status: 400, json: { detail: 'Request was cancelled' } };
    if (v.state === 'failed') return FAILURES[v.failure ?? 'internal'](t);
    return {
      status: 200,
      json: {
        video: { url: t.result!.url, content_type: 'video/mp4', file_name: 'output.mp4', file_size: t.output!.videoBytes },
        seed: t.meta.seed,
        ...(t.meta.draftId ? { draft_id: t.meta.draftId } : {}),
      },
    };
  }

  function initiate(req: SimRequest): Reply {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return detail422([{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid', input: {} }]);
    const r = validate(z.object({ content_type: z.string().min(1), file_name: z.string().min(1) }), parsed.value);
    if (!r.ok) return detail422(pydantic(r.problems, parsed.value));
    const { token, url } = sim.files.reserveUpload('fal', r.value.content_type, r.value.file_name);
    return { status: 200, json: { upload_url: `${sim.baseUrl()}/fal-upload/${token}?signature=${token.slice(0, 8)}`, file_url: url } };
  }

  const notFound = (req: SimRequest): Reply => ({ status: 404, json: { detail: `Path ${req.path} not found` } });

  return {
    id: 'fal',
    prefixes: ['/fal-queue', '/fal-rest', '/fal-upload'],
    match(prefix, req) {
      if (prefix === '/fal-upload') {
        const token = req.path.slice(1);
        return {
          route: 'upload-put',
          auth: false,
          handle: async () =>
            req.method === 'PUT' && (await sim.files.completeUpload(token, req.body, req.headers['content-type']))
              ? { status: 200, raw: '' }
              : { status: 404, raw: 'NoSuchUpload' },
        };
      }
      if (prefix === '/fal-rest') {
        if (req.method === 'POST' && req.path === '/storage/upload/initiate') return { route: 'upload', auth: true, handle: () => initiate(req) };
        return { route: 'other', auth: true, handle: () => notFound(req) };
      }
      const m = /^\/(.+?)\/requests\/([0-9a-f-]{36})(\/status|\/cancel)?$/.exec(req.path);
      if (m) {
        const [, app, id, tail] = m;
        const route = tail === '/status' ? 'status' : tail === '/cancel' ? 'cancel' : 'result';
        const method = route === 'cancel' ? 'PUT' : 'GET';
        return {
          route,
          taskId: id,
          auth: true,
          handle: () => {
            const t = sim.tasks.get<FalMeta>(id!);
            if (!t || t.provider !== 'fal' || t.meta.app !== app) return { status: 404, json: { detail: `Request ${id} not found` } };
            if (req.method !== method) return { status: 405, json: { detail: 'Method Not Allowed' } };
            if (route === 'status') return status(t, req);
            if (route === 'result') return result(t);
            return sim.tasks.cancel(t.id) === 'cancelled'
              ? { status: 202, json: { status: 'CANCELLATION_REQUESTED' } }
              : { status: 400, json: { status: 'ALREADY_COMPLETED' } };
          },
        };
      }
      if (req.method === 'POST') return { route: 'submit', auth: true, handle: () => submit(req.path.slice(1), req) };
      return { route: 'other', auth: true, handle: () => notFound(req) };
    },
    authError(req) {
      const a = authToken(req, 'Key');
      if (!a.present) return { status: 401, json: { detail: 'Missing authorization header' } };
      if (a.token !== sim.keys.fal) return { status: 401, json: { detail: 'No user found for Key ID and Secret' } };
      return null;
    },
    errorReply(f): Reply {
      if (f.kind === 'rateLimit') {
        return {
          status: 429,
          json: { detail: 'Rate limit exceeded', error_type: 'rate_limited' },
          headers: { 'retry-after': String(f.retryAfterSeconds), 'x-fal-error-type': 'rate_limited', 'x-fal-retryable': 'true' },
        };
      }
      return {
        status: f.status,
        json: { detail: 'Upstream service unavailable', error_type: 'internal_server_error' },
        headers: { 'x-fal-error-type': 'internal_server_error', 'x-fal-retryable': 'true' },
      };
    },
  };
}
