import { z } from 'zod';
import type { AspectRatio, Resolution } from '../../../../shared/catalog/types';
import {
  authToken,
  hex,
  parseJsonBody,
  simOutputSize,
  submitTask,
  unknownKeys,
  validate,
  type FailureMap,
  type ProviderSim,
  type SimContext,
  type SimRequest,
} from '../context';
import { checkImage, ImageRefError, MAX_IMAGE_BYTES, WEB_FORMATS, type StoredImage } from '../images';
import { checkMedia, MediaRefError, probeMediaRef, totalSeconds, type MediaRules, type ProbedMedia } from '../media';
import { multipartFile } from '../multipart';
import { contradicts } from '../task-type';
import type { SimTask } from '../tasks';
import type { Reply } from '../types';

/**
 * EvoLink's API (providers.md, "EvoLink"): `POST /v1/videos/generations` → task object
 * (`id` `task-unified-…`), `GET /v1/tasks/{id}`; files API `POST /api/v1/files/upload/base64`
 * (`{base64_data, upload_path?, file_name?}` → `data.file_url`, 72 h) and `/upload/stream` (multipart `file`;
 * images, and video/audio as EvoLink's MCP server sends them). Errors `{error: {code, message, type}}`.
 * Images must be URLs EvoLink can fetch: here, files the simulator serves (upload first).
 */

type Kind = 'text' | 'image' | 'reference' | 'edit' | 'extend';
interface ModelDef {
  kind: Kind;
  tier: 'standard' | 'fast' | 'mini';
  /** Seedance 2.5 (seedance-2.5.md §4): the id picks the task; 4–30 s or −1, 480p–1080p, 30/10/10 references. */
  v25?: boolean;
}

const MODELS: Record<string, ModelDef> = {};
for (const tier of ['standard', 'fast', 'mini'] as const) {
  for (const kind of ['text', 'image', 'reference'] as const) {
    MODELS[`seedance-2.0-${tier === 'standard' ? '' : tier + '-'}${kind}-to-video`] = { kind, tier };
  }
}

for (const kind of ['text', 'image', 'reference'] as const) MODELS[`seedance-2.5-${kind}-to-video`] = { kind, tier: 'standard', v25: true };
MODELS['seedance-2.5-video-edit'] = { kind: 'edit', tier: 'standard', v25: true };
MODELS['seedance-2.5-video-extend'] = { kind: 'extend', tier: 'standard', v25: true };

const RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9', 'adaptive'] as const;

/**
 * 2.5 create body (seedance-2.5.md §4): `duration` 4–30 or −1 (edit: only −1, its default), `quality`
 * 480p–1080p, `aspect_ratio` adaptive only on image-to-video, edit and extend, up to 30 images and 10
 * videos / audio on reference, edit and extend, `output_format`, `content_filter`.
 */
function schema25(def: ModelDef) {
  const media = def.kind === 'text' || def.kind === 'image' ? {} : { video_urls: z.array(z.string().min(1)).max(10).optional(), audio_urls: z.array(z.string().min(1)).max(10).optional() };
  const duration = def.kind === 'edit' ? z.literal(-1).default(-1) : z.number().int().refine((d) => d === -1 || (d >= 4 && d <= 30), 'duration must be 4–30 or -1').default(5);
  return z.object({
    model: z.string(),
    prompt: z.string().min(1),
    image_urls: z.array(z.string().min(1)).optional(),
    ...media,
    duration,
    quality: z.enum(['480p', '720p', '1080p']).default('720p'),
    aspect_ratio: def.kind === 'text' || def.kind === 'reference' ? z.enum(RATIOS).default('adaptive') : z.literal('adaptive').default('adaptive'),
    generate_audio: z.boolean().default(true),
    output_format: z.enum(['mp4', 'mov']).optional(),
    content_filter: z.boolean().optional(),
    model_params: z.object({ web_search: z.boolean().optional() }).optional(),
    callback_url: z.string().regex(/^https:\/\//, 'callback_url must be an HTTPS URL').optional(),
  });
}

/**
 * Create body (providers.md "EvoLink" fields table and "Seedance 2.0 reference-to-video", EvoLink).
 * `quality`: standard models 480p–4k (1080p opened 2026-04-17, 4k 2026-06-23), fast and mini 480p/720p;
 * `video_urls` / `audio_urls` only on the reference models.
 */
function schema(def: ModelDef) {
  if (def.v25) return schema25(def);
  const media = def.kind === 'reference' ? { video_urls: z.array(z.string().min(1)).max(3).optional(), audio_urls: z.array(z.string().min(1)).max(3).optional() } : {};
  return z.object({
    model: z.string(),
    prompt: z.string().min(1),
    image_urls: z.array(z.string().min(1)).optional(),
    ...media,
    duration: z.number().int().min(4).max(15).default(5),
    quality: z.enum(def.tier === 'standard' ? ['480p', '720p', '1080p', '4k'] : ['480p', '720p']).default('720p'),
    aspect_ratio: z.enum(RATIOS).default('adaptive'),
    generate_audio: z.boolean().default(true),
    model_params: z.object({ web_search: z.boolean().optional() }).optional(),
    callback_url: z.string().regex(/^https:\/\//, 'callback_url must be an HTTPS URL').optional(),
  });
}

/** EvoLink reference video and audio limits (providers.md "Seedance 2.0 reference-to-video", EvoLink table, 2026-08-02). */
const VIDEO_RULES: MediaRules = {
  formats: ['mp4', 'mov'],
  minSeconds: 2,
  maxSeconds: 15,
  maxBytes: 50 * 1024 * 1024,
  minPixels: 409_600,
  maxPixels: 2_086_876,
  minSide: 300,
  maxSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  minFps: 24,
  maxFps: 60,
};
const AUDIO_RULES: MediaRules = { formats: ['wav', 'mp3'], minSeconds: 2, maxSeconds: 15, maxBytes: 15 * 1024 * 1024 };

/** Task-level `error` per failure kind (providers.md "Task-level error.code"). */
const FAILURES: FailureMap<{ code: string; message: string; type: string }> = {
  content_policy: { code: 'content_policy_violation', message: 'The generated content was blocked by content moderation.', type: 'content_policy_error' },
  image_policy: { code: 'content_policy_violation', message: 'The input image was blocked by content moderation (it may contain a real person).', type: 'content_policy_error' },
  audio_moderation: {
    code: 'content_policy_violation',
    message: 'OutputAudioSensitiveContentDetected: the generated audio was blocked by moderation; retry with generate_audio false.',
    type: 'content_policy_error',
  },
  internal: { code: 'service_error', message: 'Video generation service error, please retry.', type: 'api_error' },
  timeout: { code: 'generation_timeout', message: 'Video generation timed out.', type: 'api_error' },
  task_type_mismatch: {
    code: 'invalid_parameters',
    message: 'InvalidParameter.TaskTypeMismatch: the task identified from the prompt does not match the model (video-edit / video-extend / reference-to-video).',
    type: 'invalid_request_error',
  },
};

const VIDEO_RULES_25: MediaRules = { ...VIDEO_RULES, maxSeconds: 30, maxBytes: 200 * 1024 * 1024, maxPixels: 8_295_044 };
const AUDIO_RULES_25: MediaRules = { ...AUDIO_RULES, maxSeconds: 30 };

const STATUS = { queued: 'pending', running: 'processing', succeeded: 'completed', failed: 'failed', cancelled: 'failed' } as const;

function err(status: number, code: string, message: string, type: string, param?: string, headers?: Record<string, string>): Reply {
  return { status, json: { error: { code, message, type, ...(param ? { param } : {}) } }, headers };
}
const invalid = (message: string, param?: string) => err(400, 'invalid_parameters', message, 'invalid_request_error', param);

interface EvoMeta extends Record<string, unknown> {
  duration: number;
  created: number;
}

/** Builds the EvoLink module (API at `/evolink`, files API at `/evolink-files`). */
export function evolinkSim(sim: SimContext): ProviderSim {
  function taskObject(t: SimTask<EvoMeta>): Record<string, unknown> {
    const v = sim.tasks.view(t);
    return {
      id: t.id,
      object: 'video.generation.task',
      created: t.meta.created,
      model: t.model,
      status: STATUS[v.state],
      progress: v.progress,
      type: 'video',
      task_info: { can_cancel: v.state === 'queued', estimated_time: v.etaSeconds, video_duration: t.meta.duration },
      usage: { billing_rule: 'per_second', credits_reserved: t.meta.duration * 10, user_group: 'default' },
      ...(v.state === 'succeeded' && t.result ? { results: [t.result.url] } : {}),
      ...(v.state === 'failed' ? { error: FAILURES[v.failure ?? 'internal'] } : {}),
    };
  }

  /** EvoLink prompt limit: ≤ 500 Chinese characters or ≤ 1000 English words. */
  function promptProblem(prompt: string): string | null {
    const cjk = (prompt.match(/[\u3400-\u9fff]/g) ?? []).length;
    if (cjk > 500) return `prompt has ${cjk} Chinese characters; the limit is 500`;
    const words = prompt.trim().split(/\s+/).length;
    if (words > 1000) return `prompt has ${words} words; the limit is 1000`;
    return null;
  }

  async function submit(req: SimRequest): Promise<Reply> {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return invalid(`request body is not valid JSON: ${parsed.error}`);
    const body = parsed.value as Record<string, unknown> | null;
    const model = body && typeof body === 'object' ? body.model : undefined;
    if (typeof model !== 'string') return invalid('model is required', 'model');
    const def = MODELS[model];
    if (!def) return err(403, 'model_access_denied', `model ${model} is not available`, 'invalid_request_error', 'model');
    const r = validate(schema(def), body);
    if (!r.ok) return invalid(r.problems.map((p) => p.message).join('; '), r.problems[0]?.path.join('.'));
    const v = r.value;
    sim.hooks.onIgnoredFields?.('evolink', model, unknownKeys(body, Object.keys(schema(def).shape)));
    // The reference pages give the prompt 10,000 tokens instead (providers.md "Seedance 2.0 reference-to-video").
    const pp = def.kind === 'reference' || def.v25 ? null : promptProblem(v.prompt);
    if (pp) return invalid(pp, 'prompt');
    const urls = v.image_urls ?? [];
    if (def.kind === 'text' && urls.length > 0) return invalid('image_urls is not supported by text-to-video models; use the image-to-video model', 'image_urls');
    if (def.kind === 'image' && (urls.length < 1 || urls.length > 2)) return invalid('image-to-video takes 1 (first frame) or 2 (first and last frame) image_urls', 'image_urls');
    if (def.kind === 'reference' && !def.v25 && urls.length > 9) return invalid('reference-to-video takes at most 9 image_urls', 'image_urls');
    if (def.v25 && def.kind !== 'image' && def.kind !== 'text' && urls.length > 30) return invalid(`${model} takes at most 30 image_urls`, 'image_urls');
    if (v.model_params?.web_search !== undefined && def.kind !== 'text') return invalid('model_params.web_search is only supported by text-to-video', 'model_params.web_search');
    const images: StoredImage[] = [];
    for (const [i, url] of urls.entries()) {
      try {
        const img = await sim.images.fromRef(url, { allowBareBase64: false, allowDataUrl: false });
        checkImage(img, { formats: WEB_FORMATS, maxBytes: MAX_IMAGE_BYTES });
        images.push(img);
      } catch (e) {
        if (e instanceof ImageRefError) return invalid(`image_urls[${i}]: ${e.message}`, 'image_urls');
        throw e;
      }
    }
    let sourceSeconds: number | undefined;
    if (def.kind !== 'text' && def.kind !== 'image') {
      const problem = await referenceProblem(v as { video_urls?: string[]; audio_urls?: string[] }, urls.length, def);
      if (typeof problem !== 'number' && problem) return problem;
      if (typeof problem === 'number') sourceSeconds = problem;
    }
    // Reference images are not frames; the simulator still builds its clip over the first one.
    const first = images[0];
    const last = def.kind === 'image' ? images[1] : undefined;
    const out = simOutputSize(def.v25 ? 'seedance-2.5' : 'seedance-1.5+', v.quality as Resolution, v.aspect_ratio as AspectRatio, first);
    // −1: an edit keeps its source's length; otherwise the simulator picks 5 s.
    const seconds = v.duration === -1 ? (def.kind === 'edit' && sourceSeconds !== undefined ? sourceSeconds : 5) : v.duration;
    const mismatch = def.v25 === true && (def.kind === 'reference' || def.kind === 'edit' || def.kind === 'extend') && contradicts(def.kind, v.prompt);
    const task = submitTask<EvoMeta>(sim, {
      id: `task-unified-${Math.floor(Date.now() / 1000)}-${hex(4)}`,
      provider: 'evolink',
      model,
      spec: { ...out.size, durationSeconds: seconds, audio: v.generate_audio, prompt: v.prompt, first, last },
      ...(mismatch ? { failure: 'task_type_mismatch' as const } : {}),
      meta: { duration: seconds, created: Math.floor(Date.now() / 1000) },
    });
    return { status: 200, json: taskObject(task), taskId: task.id };
  }

  /**
   * The reference media rules: at least one image or video, audio never alone, each file fetchable and
   * within its limits, videos and audio each ≤ 15 s together. Null when all is well.
   */
  async function referenceProblem(v: { video_urls?: string[]; audio_urls?: string[] }, images: number, def: ModelDef): Promise<Reply | number | null> {
    const videos = v.video_urls ?? [];
    const audios = v.audio_urls ?? [];
    const v25 = def.v25 === true;
    if ((def.kind === 'edit' || def.kind === 'extend') && videos.length === 0) return invalid(`video_urls is required by ${def.kind === 'edit' ? 'video-edit' : 'video-extend'}: the first one is the target video`, 'video_urls');
    if (!v25 && images + videos.length === 0) return invalid(audios.length > 0 ? 'audio_urls cannot be used alone; add at least one image or video' : 'reference-to-video needs at least one of image_urls or video_urls', audios.length > 0 ? 'audio_urls' : 'image_urls');
    if (v25 && images + videos.length + audios.length === 0) return invalid('reference-to-video needs at least one of image_urls, video_urls or audio_urls', 'image_urls');
    const limit = v25 ? 30 : 15;
    let source: number | undefined;
    for (const [field, list, rules, what] of [['video_urls', videos, v25 ? VIDEO_RULES_25 : VIDEO_RULES, 'video'], ['audio_urls', audios, v25 ? AUDIO_RULES_25 : AUDIO_RULES, 'audio']] as const) {
      const probed: ProbedMedia[] = [];
      for (const [i, url] of list.entries()) {
        if (url.startsWith('data:')) return invalid(`${field}[${i}]: do not use Base64 encoding; give a URL`, field);
        try {
          const m = await probeMediaRef(sim.files, url, { allowDataUrl: false });
          checkMedia(m, rules, what);
          probed.push(m);
        } catch (e) {
          if (e instanceof MediaRefError) return invalid(`${field}[${i}]: ${e.message}`, field);
          throw e;
        }
      }
      if (totalSeconds(probed) > limit) return invalid(`${field}: all together ${totalSeconds(probed).toFixed(2)} s; the limit is ${limit} s`, field);
      if (what === 'video') source = probed[0]?.seconds;
    }
    // seedance-2.5.md §2.3: the target video of an edit lasts 4–30 s.
    if (def.kind === 'edit' && source !== undefined && (source < 4 || source > 30)) {
      return invalid(`InvalidParameter.TaskTypeConstraint: the video selected must satisfy the duration requirement of 4 to 30 seconds (it lasts ${source.toFixed(2)} s)`, 'video_urls');
    }
    return v25 ? (source ?? null) : null;
  }

  /** `POST /api/v1/files/upload/stream`: multipart with one part `file` (EvoLink's MCP server sends video and audio this way). */
  function streamUpload(req: SimRequest): Promise<Reply> | Reply {
    const part = multipartFile(req);
    if (!part) return invalid('multipart form-data with a file part is required', 'file');
    if (!/^(image\/(jpeg|png|gif|webp)|video\/(mp4|quicktime)|audio\/(wav|x-wav|wave|mpeg|mp3))$/.test(part.mime)) return invalid(`file type ${part.mime} is not supported`, 'file');
    if (part.bytes.length > 100 * 1024 * 1024) return invalid('file is larger than 100 MB', 'file');
    return stored(part.bytes, part.mime, part.name, undefined);
  }

  async function stored(bytes: Buffer, mime: string, name: string, uploadPath: string | undefined): Promise<Reply> {
    const { token, url } = await sim.files.addUpload('evolink', bytes, mime, name, 72 * 3600 * 1000);
    const now = new Date();
    return {
      status: 200,
      json: {
        success: true,
        code: 200,
        msg: 'File uploaded successfully',
        data: {
          file_id: `file_${token.slice(0, 12)}`,
          file_name: name,
          original_name: name,
          file_size: bytes.length,
          mime_type: mime,
          upload_path: uploadPath ?? mime.split('/')[0] + 's',
          file_url: url,
          download_url: url,
          upload_time: now.toISOString(),
          expires_at: new Date(now.getTime() + 72 * 3600 * 1000).toISOString(),
        },
      },
    };
  }

  function upload(req: SimRequest): Promise<Reply> | Reply {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return invalid('request body is not valid JSON');
    const r = validate(z.object({ base64_data: z.string().min(1), upload_path: z.string().optional(), file_name: z.string().optional() }), parsed.value);
    if (!r.ok) return invalid(r.problems.map((p) => p.message).join('; '), r.problems[0]?.path.join('.'));
    const m = /^data:([^;,]*);base64,(.*)$/s.exec(r.value.base64_data);
    const bytes = Buffer.from(m ? m[2]! : r.value.base64_data, 'base64');
    return sim.images.fromBytes(bytes).then(
      async (img) => {
        // The files API takes JPEG, PNG, GIF and WebP only.
        if (!['jpeg', 'png', 'gif', 'webp'].includes(img.format)) return invalid(`file type ${img.format} is not supported`, 'base64_data');
        const mime = `image/${img.format}`;
        const name = r.value.file_name ?? `${hex(8)}.${img.format === 'jpeg' ? 'jpg' : img.format}`;
        return stored(bytes, mime, name, r.value.upload_path ?? 'images');
      },
      () => invalid('base64_data is not a decodable image', 'base64_data'),
    );
  }

  const notFound = (req: SimRequest) => err(404, 'not_found', `no route for ${req.method} ${req.path}`, 'invalid_request_error');

  return {
    id: 'evolink',
    prefixes: ['/evolink', '/evolink-files'],
    match(prefix, req) {
      if (prefix === '/evolink-files') {
        if (req.method === 'POST' && req.path === '/api/v1/files/upload/base64') return { route: 'upload', auth: true, handle: () => upload(req) };
        if (req.method === 'POST' && req.path === '/api/v1/files/upload/stream') return { route: 'upload', auth: true, handle: () => streamUpload(req) };
        return { route: 'other', auth: true, handle: () => notFound(req) };
      }
      if (req.method === 'POST' && req.path === '/v1/videos/generations') return { route: 'submit', auth: true, handle: () => submit(req) };
      const m = /^\/v1\/tasks\/([^/]+)$/.exec(req.path);
      if (req.method === 'GET' && m) {
        const id = decodeURIComponent(m[1]!);
        return {
          route: 'status',
          taskId: id,
          auth: true,
          handle: () => {
            const t = id.startsWith('task-unified-') ? sim.tasks.get<EvoMeta>(id) : undefined;
            if (!t || t.provider !== 'evolink') return err(404, 'task_not_found', `task ${id} not found`, 'invalid_request_error');
            return { status: 200, json: taskObject(t) };
          },
        };
      }
      return { route: 'other', auth: true, handle: () => notFound(req) };
    },
    authError(req) {
      const a = authToken(req, 'Bearer');
      if (a.token !== sim.keys.evolink) return err(401, 'unauthorized', a.present ? 'Invalid API key' : 'Missing API key', 'authentication_error');
      return null;
    },
    errorReply(f) {
      if (f.kind === 'rateLimit') {
        return err(429, 'rate_limit_exceeded', 'Too many requests, please slow down', 'rate_limit_error', undefined, { 'retry-after': String(f.retryAfterSeconds) });
      }
      return err(f.status, 'internal_error', 'Internal server error', 'api_error');
    },
  };
}
