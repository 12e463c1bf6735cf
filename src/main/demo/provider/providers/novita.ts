import { z } from 'zod';
import {
  authToken,
  hex,
  parseJsonBody,
  pickSeed,
  simOutputSize,
  submitTask,
  unknownKeys,
  validate,
  type FailureMap,
  type ProviderSim,
  type SimContext,
  type SimRequest,
} from '../context';
import { ALL_FORMATS, checkImage, ImageRefError, MAX_IMAGE_BYTES, type StoredImage } from '../images';
import type { Reply } from '../types';

/**
 * Novita's Seedance API (providers.md, "Novita"): `POST /v3/async/<model>` → `{task_id}`,
 * `GET /v3/async/task-result?task_id=` → `{task, videos, extra}`. Errors `{code, reason, message}`.
 * Bearer auth: missing → 400 MISSING_API_KEY, wrong → 403 INVALID_API_KEY. No cancel.
 */

const RATIOS_V1 = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
const RATIOS_15 = ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', 'adaptive'] as const;

interface ModelDef {
  v15: boolean;
  i2v: boolean;
}

const MODELS: Record<string, ModelDef> = {
  'seedance-v1-pro-t2v': { v15: false, i2v: false },
  'seedance-v1-pro-i2v': { v15: false, i2v: true },
  'seedance-v1-lite-i2v': { v15: false, i2v: true },
  'seedance-v1.5-pro-i2v': { v15: true, i2v: true },
  'seedance-v1.5-pro-t2v': { v15: true, i2v: false },
};

/** V1 Pro / Lite body (providers.md table "V1 Pro / V1 Lite bodies"). */
function v1Schema(i2v: boolean) {
  return z.object({
    prompt: i2v ? z.string().max(2000).optional() : z.string().min(1).max(2000),
    image: i2v ? z.string().min(1) : z.undefined().optional(),
    last_image: i2v ? z.string().min(1).optional() : z.undefined().optional(),
    resolution: z.enum(['480p', '720p', '1080p']),
    aspect_ratio: z.enum(i2v ? [...RATIOS_V1, '9:21'] : RATIOS_V1).default('16:9'),
    duration: z.number().int().refine((d) => d === 5 || d === 10, 'must be 5 or 10').default(5),
    camera_fixed: z.boolean().optional(),
    seed: z.number().int().min(-1).max(2147483647).optional(),
  });
}

/**
 * 1.5 Pro body (providers.md table "1.5 Pro bodies"); 1080p is unsupported on t2v. The prompt is
 * required on i2v too (the 1.5 Pro i2v page marks `prompt` required, issue 13 §2).
 */
function v15Schema(i2v: boolean) {
  return z.object({
    prompt: z.string().min(1).max(2000),
    image: i2v ? z.string().min(1) : z.undefined().optional(),
    last_image: i2v ? z.string().min(1).optional() : z.undefined().optional(),
    ratio: z.enum(RATIOS_15).default('adaptive'),
    resolution: z.enum(i2v ? ['480p', '720p', '1080p'] : ['480p', '720p']).default('720p'),
    duration: z.number().int().min(4).max(12).default(5),
    fps: z.literal(24).optional(),
    seed: z.number().int().min(-1).max(4294967295).optional(),
    camera_fixed: z.boolean().optional(),
    watermark: z.boolean().optional(),
    generate_audio: z.boolean().default(true),
    service_tier: z.enum(['default', 'flex']).optional(),
    execution_expires_after: z.number().int().min(3600).max(259200).optional(),
  });
}

const KNOWN_V1 = ['prompt', 'image', 'last_image', 'resolution', 'aspect_ratio', 'duration', 'camera_fixed', 'seed'];
const KNOWN_15 = [
  'prompt', 'image', 'last_image', 'ratio', 'resolution', 'duration', 'fps', 'seed', 'camera_fixed', 'watermark',
  'generate_audio', 'service_tier', 'execution_expires_after',
];

/** Task-level `reason` per failure kind. Novita documents the codes, not the task-level wording. */
const FAILURES: FailureMap<string> = {
  content_policy: 'ILLEGAL_PROMPT: the generated video was blocked by content moderation',
  audio_moderation: 'OutputAudioSensitiveContentDetected: the generated audio may contain sensitive content',
  image_policy: 'ILLEGAL_IMAGE_CONTENT: the input image was blocked by content moderation',
  internal: 'INTERNAL_ERROR: video generation failed, please retry',
  timeout: 'TASK_TIMEOUT: video generation timed out',
  // Novita has no Seedance 2.5 (seedance-2.5.md §1); the upstream code is passed through as relays do.
  task_type_mismatch: 'InvalidParameter.TaskTypeMismatch: the task type does not match the prompt',
};

const STATUS = {
  queued: 'TASK_STATUS_QUEUED',
  running: 'TASK_STATUS_PROCESSING',
  succeeded: 'TASK_STATUS_SUCCEED',
  failed: 'TASK_STATUS_FAILED',
  // Novita has no cancel; a cancelled state cannot arise, but the map stays total.
  cancelled: 'TASK_STATUS_FAILED',
} as const;

function err(status: number, reason: string, message: string, headers?: Record<string, string>): Reply {
  return { status, json: { code: status, reason, message, metadata: {} }, headers };
}

const IMAGE_REASON: Record<ImageRefError['code'], string> = {
  unreachable: 'INVALID_REQUEST_BODY',
  decode: 'INVALID_IMAGE_FORMAT',
  format: 'INVALID_IMAGE_FORMAT',
  size: 'IMAGE_FILE_EXCEEDS_MAX_SIZE',
  dimensions: 'INVALID_IMAGE_SIZE',
};

/** Builds the Novita module. */
export function novitaSim(sim: SimContext): ProviderSim {
  async function image(ref: string, field: string): Promise<StoredImage | Reply> {
    try {
      const img = await sim.images.fromRef(ref, { allowBareBase64: true, allowDataUrl: true });
      checkImage(img, { formats: ALL_FORMATS, maxBytes: MAX_IMAGE_BYTES });
      return img;
    } catch (e) {
      if (e instanceof ImageRefError) return err(400, IMAGE_REASON[e.code], `${field}: ${e.message}`);
      throw e;
    }
  }

  async function submit(model: string, req: SimRequest): Promise<Reply> {
    const def = MODELS[model];
    if (!def) return err(404, 'NOT_FOUND', `model ${model} not found`);
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return err(400, 'INVALID_REQUEST_BODY', `request body is not valid JSON: ${parsed.error}`);
    const body = parsed.value;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return err(400, 'INVALID_REQUEST_BODY', 'request body must be a JSON object');
    if (!def.i2v && ('image' in body || 'last_image' in body)) {
      return err(400, 'INVALID_REQUEST_BODY', `${model} is text-to-video and takes no image; use the image-to-video model`);
    }
    const r = validate(def.v15 ? v15Schema(def.i2v) : v1Schema(def.i2v), body);
    if (!r.ok) return err(400, 'INVALID_REQUEST_BODY', r.problems.map((p) => p.message).join('; '));
    sim.hooks.onIgnoredFields?.('novita', model, unknownKeys(body, def.v15 ? KNOWN_15 : KNOWN_V1));
    const v = r.value as z.infer<ReturnType<typeof v15Schema>> & z.infer<ReturnType<typeof v1Schema>>;
    let first: StoredImage | undefined;
    let last: StoredImage | undefined;
    if (v.image) {
      const f = await image(v.image, 'image');
      if ('status' in f) return f;
      first = f;
    }
    if (v.last_image) {
      const l = await image(v.last_image, 'last_image');
      if ('status' in l) return l;
      last = l;
    }
    const family = def.v15 ? 'seedance-1.5+' : 'seedance-1.0';
    const out = simOutputSize(family, v.resolution, def.v15 ? v.ratio : v.aspect_ratio, first);
    const seed = pickSeed(v.seed, def.v15 ? 4294967295 : 2147483647);
    const id = `${hex(4)}-${hex(2)}-${hex(2)}-${hex(2)}-${hex(6)}`;
    submitTask(sim, {
      id,
      provider: 'novita',
      model,
      spec: {
        ...out.size,
        durationSeconds: v.duration,
        audio: def.v15 && v.generate_audio,
        prompt: v.prompt ?? '',
        first,
        last,
      },
      meta: { seed },
    });
    return { status: 200, json: { task_id: id }, taskId: id };
  }

  function result(req: SimRequest): Reply {
    const id = req.query.get('task_id');
    if (!id) return err(400, 'INVALID_REQUEST_BODY', 'task_id is required');
    const t = sim.tasks.get<{ seed: number }>(id);
    if (!t || t.provider !== 'novita') return err(404, 'TASK_NOT_FOUND', `task ${id} not found`);
    const v = sim.tasks.view(t);
    const videos =
      v.state === 'succeeded' && t.result
        ? [{ video_url: t.result.url, video_url_ttl: String(Math.max(0, Math.round((t.result.expiresAt - Date.now()) / 1000))), video_type: 'mp4' }]
        : [];
    return {
      status: 200,
      json: {
        task: {
          task_id: t.id,
          task_type: t.model.toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
          status: STATUS[v.state],
          reason: v.state === 'failed' ? FAILURES[v.failure ?? 'internal'] : '',
          eta: v.etaSeconds,
          progress_percent: v.progress,
        },
        images: [],
        videos,
        audios: [],
        extra: { seed: String(t.meta.seed) },
      },
    };
  }

  return {
    id: 'novita',
    prefixes: ['/novita'],
    match(_prefix, req) {
      const submitPath = /^\/v3\/async\/([^/]+)$/.exec(req.path);
      if (req.method === 'GET' && req.path === '/v3/async/task-result') {
        return { route: 'status', taskId: req.query.get('task_id') ?? undefined, auth: true, handle: () => result(req) };
      }
      if (req.method === 'POST' && submitPath && submitPath[1] !== 'task-result') {
        return { route: 'submit', auth: true, handle: () => submit(decodeURIComponent(submitPath[1]!), req) };
      }
      return { route: 'other', auth: true, handle: () => err(404, 'NOT_FOUND', `no route for ${req.method} ${req.path}`) };
    },
    authError(req) {
      const a = authToken(req, 'Bearer');
      if (!a.present) return err(400, 'MISSING_API_KEY', 'API key is missing: send Authorization: Bearer <key>');
      if (a.token !== sim.keys.novita) return err(403, 'INVALID_API_KEY', 'API key is invalid');
      return null;
    },
    errorReply(f) {
      if (f.kind === 'rateLimit') {
        return err(429, 'RATE_LIMIT_EXCEEDED', 'rate limit exceeded, please retry later', { 'retry-after': String(f.retryAfterSeconds) });
      }
      return err(f.status, 'INTERNAL_SERVER_ERROR', 'internal server error');
    },
  };
}
