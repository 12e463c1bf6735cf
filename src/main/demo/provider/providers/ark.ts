import { z } from 'zod';
import type { AspectRatio, Resolution } from '../../../../shared/catalog/types';
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
import { checkMedia, MediaRefError, probeMediaRef, totalSeconds, type MediaRules, type ProbedMedia } from '../media';
import { SIM_FPS } from '../render';
import { contradicts } from '../task-type';
import type { SimTask } from '../tasks';
import type { Reply } from '../types';
import { arkDraftProblem, arkFinal, type ArkDraftDeps } from './ark-draft';

/**
 * BytePlus ModelArk (providers.md, "BytePlus ModelArk"), mounted at `/ark/api/v3`:
 * `POST /contents/generations/tasks` → `{id: "cgt-…"}`, `GET …/tasks/{id}`, `DELETE …/tasks/{id}`
 * (cancels a queued task, deletes a finished one), `GET …/tasks?page_size=&filter.status=`.
 * Errors `{error: {code, message, param, type}}`. Top-level `ratio`; `aspect_ratio` is silently ignored.
 * 2.0 models also take `video_url` / `audio_url` reference items (providers.md "Seedance 2.0
 * reference-to-video", ModelArk), never beside a first/last frame.
 */

interface ModelDef {
  family: 'seedance-1.0' | 'seedance-1.5+' | 'seedance-2.5';
  duration: [number, number];
  text: boolean;
  image: boolean;
  reference: boolean;
  /** Reference videos and audio (`video_url` / `audio_url` items): the 2.0 series only. */
  media?: boolean;
  audio: boolean;
  /** `seed` and `camera_fixed` (not on 2.0). */
  seed: boolean;
  resolutions: Resolution[];
  defaultResolution: Resolution;
  /** False where the model takes a first frame only (1.0 Pro Fast: "[Image to video - first frame] [Text to video]"). */
  lastFrame?: boolean;
  /** Makes 480p drafts and their 1080p finals (`draft`, `draft_task`: standard Seedance 2.5, seedance-2.5.md §2.6). */
  draft?: boolean;
  /**
   * Seedance 2.5 (seedance-2.5.md §2): `seed` without `camera_fixed`, duration −1, 30/10/10 references
   * with 30 s totals and audio alone, `omni_reference_task_type` and `output_format`, task locks.
   */
  v25?: boolean;
}

const V10 = { family: 'seedance-1.0', duration: [2, 12], audio: false, seed: true, resolutions: ['480p', '720p', '1080p'] } as const;
const MODELS: Record<string, ModelDef> = {
  'seedance-1-0-pro-250528': { ...V10, resolutions: [...V10.resolutions], duration: [2, 12], text: true, image: true, reference: false, defaultResolution: '1080p' },
  'seedance-1-0-pro-fast-251015': { ...V10, resolutions: [...V10.resolutions], duration: [2, 12], text: true, image: true, reference: false, lastFrame: false, defaultResolution: '1080p' },
  'seedance-1-0-lite-t2v-250428': { ...V10, resolutions: [...V10.resolutions], duration: [2, 12], text: true, image: false, reference: false, defaultResolution: '720p' },
  'seedance-1-0-lite-i2v-250428': { ...V10, resolutions: [...V10.resolutions], duration: [2, 12], text: false, image: true, reference: true, defaultResolution: '720p' },
  'seedance-1-5-pro-251215': {
    family: 'seedance-1.5+', duration: [4, 12], text: true, image: true, reference: false, audio: true, seed: true,
    resolutions: ['480p', '720p', '1080p'], defaultResolution: '720p',
  },
  'dreamina-seedance-2-0-260128': {
    family: 'seedance-1.5+', duration: [4, 15], text: true, image: true, reference: true, media: true, audio: true, seed: false,
    resolutions: ['480p', '720p', '1080p'], defaultResolution: '720p',
  },
  'dreamina-seedance-2-5-260628': {
    family: 'seedance-2.5', duration: [4, 30], text: true, image: true, reference: true, media: true, audio: true, seed: true, v25: true, draft: true,
    resolutions: ['480p', '720p', '1080p'], defaultResolution: '720p',
  },
  'dreamina-seedance-2-0-fast-260128': {
    family: 'seedance-1.5+', duration: [4, 15], text: true, image: true, reference: true, media: true, audio: true, seed: false,
    resolutions: ['480p', '720p'], defaultResolution: '720p',
  },
};

const RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16', '21:9', 'adaptive'] as const;

const Content = z.array(
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    z.object({
      type: z.literal('image_url'),
      image_url: z.object({ url: z.string().min(1) }),
      role: z.enum(['first_frame', 'last_frame', 'reference_image']).optional(),
    }),
    z.object({ type: z.literal('video_url'), video_url: z.object({ url: z.string().min(1) }), role: z.literal('reference_video').optional() }),
    z.object({ type: z.literal('audio_url'), audio_url: z.object({ url: z.string().min(1) }), role: z.literal('reference_audio').optional() }),
    z.object({ type: z.literal('draft_task'), draft_task: z.object({ id: z.string().min(1) }) }),
  ]),
).min(1);

/**
 * Reference video and audio limits (providers.md "Seedance 2.0 reference-to-video", ModelArk table,
 * newest doc 2026-08-28): videos mp4/mov H.264/H.265, each 2–15 s, 407,696–8,295,044 px, sides
 * [300, 6000], ratio [0.4, 2.5], 24–60 fps, ≤ 200 MB; audio wav/mp3, each 2–15 s, ≤ 15 MB.
 */
const VIDEO_RULES: MediaRules = {
  formats: ['mp4', 'mov'],
  codecs: ['h264', 'hevc'],
  minSeconds: 2,
  maxSeconds: 15,
  maxBytes: 200 * 1024 * 1024,
  minPixels: 407_696,
  maxPixels: 8_295_044,
  minSide: 300,
  maxSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  minFps: 24,
  maxFps: 60,
};
const AUDIO_RULES: MediaRules = { formats: ['wav', 'mp3'], minSeconds: 2, maxSeconds: 15, maxBytes: 15 * 1024 * 1024 };
const MIXED = 'first/last frame content cannot be mixed with reference media content';

const Body = z.object({
  model: z.string(),
  content: Content,
  resolution: z.enum(['480p', '720p', '1080p']).optional(),
  ratio: z.enum(RATIOS).optional(),
  duration: z.number().int().optional(),
  seed: z.number().int().min(-1).max(4294967295).optional(),
  camera_fixed: z.boolean().optional(),
  watermark: z.boolean().optional(),
  generate_audio: z.boolean().optional(),
  return_last_frame: z.boolean().optional(),
  service_tier: z.enum(['default', 'flex']).optional(),
  draft: z.boolean().optional(),
  execution_expires_after: z.number().int().min(3600).max(259200).optional(),
  callback_url: z.string().optional(),
  // 2.5 only (seedance-2.5.md §2.1).
  omni_reference_task_type: z.enum(['auto', 'reference', 'edit', 'extend']).optional(),
  output_format: z.enum(['mp4', 'mov']).optional(),
});

/** 2.5 reference limits (seedance-2.5.md §2.4): each video/audio 2–30 s, 30 s together. */
const VIDEO_RULES_25: MediaRules = { ...VIDEO_RULES, maxSeconds: 30 };
const AUDIO_RULES_25: MediaRules = { ...AUDIO_RULES, maxSeconds: 30 };
/** Edit / extend source lengths (seedance-2.5.md §2.3). */
const SOURCE_SECONDS = { edit: [4, 30], extend: [2, 30] } as const;
const constraint = (message: string, param: string) => invalid(message, param, 'InvalidParameter.TaskTypeConstraint');

/** Task `error` per failure kind; `timeout` shows as status `expired`. */
const FAILURES: FailureMap<{ code: string; message: string }> = {
  content_policy: { code: 'OutputVideoSensitiveContentDetected', message: 'The request failed because the output video may contain sensitive information.' },
  audio_moderation: { code: 'OutputAudioSensitiveContentDetected', message: 'The request failed because the output audio may contain sensitive information.' },
  image_policy: {
    code: 'InputImageSensitiveContentDetected.PrivacyInformation',
    message: 'The request failed because the input image may contain real person.',
  },
  internal: { code: 'InternalServiceError', message: 'The service encountered an unexpected internal error.' },
  timeout: { code: 'TaskExpired', message: 'The task was not finished within execution_expires_after.' },
  task_type_mismatch: {
    code: 'InvalidParameter.TaskTypeMismatch',
    message: 'The task type identified from your prompt does not match omni_reference_task_type. Reword the prompt or use auto.',
  },
};

function err(status: number, code: string, message: string, type: string, param = '', headers?: Record<string, string>): Reply {
  return { status, json: { error: { code, message, param, type } }, headers };
}
const invalid = (message: string, param = '', code = 'InvalidParameter') => err(400, code, message, 'BadRequest', param);

/** Old-style parameters in the prompt text (`--rs 720p --rt 16:9 --dur 5 --seed 11 --cf false`). */
const FLAG = /--(rs|resolution|rt|ratio|dur|duration|seed|cf|camerafixed)\s+(\S+)/g;
const FLAG_PARAMS = ['resolution', 'ratio', 'duration', 'seed', 'camera_fixed'] as const;

interface ArkMeta extends Record<string, unknown> {
  /** Made with `draft: true`: a final may name it (seedance-2.5.md §2.6). */
  draft?: boolean;
  seed: number;
  resolution: string;
  ratio: string;
  duration: number;
  width: number;
  height: number;
  created: number;
}

/** Builds the ModelArk module. */
export function arkSim(sim: SimContext): ProviderSim {
  const draftDeps: ArkDraftDeps = { invalid, draftModels: (model) => MODELS[model]?.draft === true };

  function taskObject(t: SimTask<ArkMeta>): Record<string, unknown> {
    const v = sim.tasks.view(t);
    const status = v.state === 'failed' && v.failure === 'timeout' ? 'expired' : v.state;
    const tokens = Math.round((t.meta.width * t.meta.height * SIM_FPS * t.meta.duration) / 1024);
    return {
      id: t.id,
      model: t.model,
      status,
      ...(v.state === 'succeeded' && t.result
        ? { content: { video_url: t.result.url, ...(t.result.lastFrameUrl ? { last_frame_url: t.result.lastFrameUrl } : {}) }, usage: { completion_tokens: tokens, total_tokens: tokens } }
        : {}),
      seed: t.meta.seed,
      resolution: t.meta.resolution,
      ratio: t.meta.ratio,
      duration: t.meta.duration,
      framespersecond: SIM_FPS,
      created_at: t.meta.created,
      updated_at: Math.floor(Date.now() / 1000),
      error: v.state === 'failed' ? FAILURES[v.failure ?? 'internal'] : null,
    };
  }

  async function create(req: SimRequest): Promise<Reply> {
    const parsed = parseJsonBody(req);
    if (!parsed.ok) return invalid(`The request body is not valid JSON: ${parsed.error}`);
    const body = parsed.value;
    const r = validate(Body, body);
    if (!r.ok) {
      const p = r.problems[0]!;
      return invalid(`The parameter \`${p.path.join('.')}\` specified in the request is not valid: ${p.message}`, p.path.join('.'), p.kind === 'missing' ? 'MissingParameter' : 'InvalidParameter');
    }
    const b = r.value;
    const def = MODELS[b.model];
    if (!def) return err(404, 'InvalidEndpointOrModel.NotFound', `The model ${b.model} does not exist or you do not have access to it.`, 'NotFound', 'model');
    sim.hooks.onIgnoredFields?.('ark', b.model, unknownKeys(body, Object.keys(Body.shape)));
    if (b.content.some((c) => c.type === 'draft_task')) return arkFinal(sim, body as Record<string, unknown>, draftDeps);
    if (!def.v25 && (b.omni_reference_task_type !== undefined || b.output_format !== undefined)) {
      return invalid(`${b.omni_reference_task_type !== undefined ? 'omni_reference_task_type' : 'output_format'} is not supported by ${b.model}.`, b.omni_reference_task_type !== undefined ? 'omni_reference_task_type' : 'output_format');
    }
    if (def.v25 && b.camera_fixed !== undefined) return invalid(`camera_fixed is not supported by ${b.model}.`, 'camera_fixed');
    if (def.v25 && b.service_tier === 'flex') return invalid(`service_tier flex is not supported by ${b.model}.`, 'service_tier');

    const texts = b.content.filter((c) => c.type === 'text');
    const imgs = b.content.filter((c) => c.type === 'image_url');
    const videoItems = b.content.filter((c) => c.type === 'video_url');
    const audioItems = b.content.filter((c) => c.type === 'audio_url');
    if (texts.length > 1) return invalid('At most one text item is allowed in content.', 'content');
    let text = texts[0]?.text ?? '';
    const flags = [...text.matchAll(FLAG)];
    const p: { resolution?: string; ratio?: string; duration?: number; seed?: number; camera_fixed?: boolean } = {
      resolution: b.resolution, ratio: b.ratio, duration: b.duration, seed: b.seed, camera_fixed: b.camera_fixed,
    };
    if (flags.length > 0) {
      if (FLAG_PARAMS.some((k) => b[k] !== undefined)) {
        return invalid('Parameters were given both in the prompt (--rs/--rt/--dur …) and as request fields; use one style.', 'content.text');
      }
      for (const [, k, val] of flags) {
        if (k === 'rs' || k === 'resolution') p.resolution = val;
        else if (k === 'rt' || k === 'ratio') p.ratio = val;
        else if (k === 'dur' || k === 'duration') p.duration = Number(val);
        else if (k === 'seed') p.seed = Number(val);
        else p.camera_fixed = val === 'true';
      }
      text = text.replace(FLAG, '').trim();
    }
    if (!text && imgs.length === 0 && videoItems.length === 0) return invalid('content must hold a text prompt or an image.', 'content', 'MissingParameter');
    const media = videoItems.length + audioItems.length;
    if (media > 0 && !def.media) return invalid(`video_url and audio_url content is not supported by ${b.model}.`, 'content.type');

    // Roles: a lone image without a role is the first frame — which reference media may not join.
    const roles = imgs.map((c) => c.role ?? (imgs.length === 1 ? 'first_frame' : undefined));
    const hasFrame = roles.some((x) => x === 'first_frame' || x === 'last_frame');
    if (media > 0 && hasFrame) return invalid(MIXED, 'content.role');
    if (roles.some((x) => x === undefined)) return invalid('Each image must have a role when several images are given.', 'content.role');
    const firstIdx = roles.indexOf('first_frame');
    const lastIdx = roles.indexOf('last_frame');
    const refCount = roles.filter((x) => x === 'reference_image').length;
    if (roles.filter((x) => x === 'first_frame').length > 1 || roles.filter((x) => x === 'last_frame').length > 1) return invalid('At most one first_frame and one last_frame image.', 'content.role');
    if (lastIdx >= 0 && firstIdx < 0) return invalid('A last_frame image needs a first_frame image.', 'content.role');
    if (lastIdx >= 0 && def.lastFrame === false) return invalid(`last_frame is not supported by ${b.model}.`, 'content.role');
    if (refCount > 0 && def.media && firstIdx >= 0) return invalid(MIXED, 'content.role');
    if (refCount > 0 && (!def.reference || firstIdx >= 0)) return invalid(`reference_image is not supported here by ${b.model}.`, 'content.role');
    const maxImages = def.v25 ? 30 : 9;
    const maxMedia = def.v25 ? 10 : 3;
    const maxTotal = def.v25 ? 30 : 15;
    if (refCount > maxImages) return invalid(`At most ${maxImages} reference_image items.`, 'content.image_url');
    if (videoItems.length > maxMedia || audioItems.length > maxMedia) return invalid(`At most ${maxMedia} reference_${videoItems.length > maxMedia ? 'video' : 'audio'} items.`, 'content');
    if (!def.v25 && audioItems.length > 0 && refCount + videoItems.length === 0) return invalid('reference_audio needs at least one reference_image or reference_video.', 'content.audio_url');
    const taskType = b.omni_reference_task_type;
    if ((taskType === 'edit' || taskType === 'extend') && videoItems.length === 0) {
      return constraint(`omni_reference_task_type ${taskType} needs at least one reference_video (the first is the source video).`, 'content');
    }
    let videoProbes: ProbedMedia[] = [];
    for (const [field, items, rules, what] of [
      ['video_url', videoItems.map((c) => c.video_url.url), def.v25 ? VIDEO_RULES_25 : VIDEO_RULES, 'video'],
      ['audio_url', audioItems.map((c) => c.audio_url.url), def.v25 ? AUDIO_RULES_25 : AUDIO_RULES, 'audio'],
    ] as const) {
      const probed: ProbedMedia[] = [];
      for (const [i, url] of items.entries()) {
        // Videos only by URL ("no base64"); audio also as data:audio/<fmt lowercase>;base64,….
        if (url.startsWith('data:') && (what === 'video' || !/^data:audio\/[a-z0-9]+;base64,/.test(url))) {
          return invalid(`content.${field}[${i}]: ${what === 'video' ? 'base64 is not supported for video; give an https URL or asset id' : 'audio data must be data:audio/<format>;base64,…'}`, field);
        }
        try {
          const m = await probeMediaRef(sim.files, url, { allowDataUrl: what === 'audio' });
          checkMedia(m, rules, what);
          probed.push(m);
        } catch (e) {
          if (e instanceof MediaRefError) return invalid(`content.${field}[${i}]: ${e.message}`, field);
          throw e;
        }
      }
      if (totalSeconds(probed) > maxTotal) return invalid(`The reference ${what} lasts ${totalSeconds(probed).toFixed(2)} s in total; at most ${maxTotal} s.`, field);
      if (what === 'video') videoProbes = probed;
    }
    if (imgs.length > 0 && !def.image) return invalid(`The model ${b.model} is text-to-video and does not accept images.`, 'content.image_url');
    if (imgs.length === 0 && !def.text) return invalid(`The model ${b.model} needs a first_frame image.`, 'content.image_url', 'MissingParameter');

    const resolution = (p.resolution ?? def.defaultResolution) as Resolution;
    if (!def.resolutions.includes(resolution)) return invalid(`resolution ${p.resolution} is not supported by ${b.model}.`, 'resolution');
    const ratio = (p.ratio ?? (imgs.length > 0 ? 'adaptive' : '16:9')) as AspectRatio;
    if (!(RATIOS as readonly string[]).includes(ratio)) return invalid(`ratio ${p.ratio} is not valid.`, 'ratio');
    const asked = p.duration ?? (def.v25 ? -1 : 5);
    const auto = def.v25 === true && asked === -1;
    if (!auto && (!Number.isInteger(asked) || asked < def.duration[0] || asked > def.duration[1])) {
      return invalid(`duration must be within [${def.duration[0]}, ${def.duration[1]}]${def.v25 ? ' or -1' : ''} for ${b.model}.`, 'duration');
    }
    // Task-type locks, a synchronous 400 when the type is explicit (seedance-2.5.md §2.2, §2.8); a first frame needs adaptive too.
    if (def.v25 && (taskType === 'edit' || taskType === 'extend' || firstIdx >= 0) && ratio !== 'adaptive') {
      return constraint(`ratio must be adaptive for ${firstIdx >= 0 ? 'first-frame' : taskType} tasks.`, 'ratio');
    }
    if (def.v25 && taskType === 'edit' && asked !== -1) return constraint('Issues: [0] `duration` must be -1 for edit tasks.', 'duration');
    const source = videoProbes[0];
    if (def.v25 && (taskType === 'edit' || taskType === 'extend') && source) {
      const [min, max] = SOURCE_SECONDS[taskType];
      if (source.seconds < min || source.seconds > max) {
        return constraint(`the video selected must satisfy the duration requirement of ${min} to ${max} seconds for ${taskType} tasks (it lasts ${source.seconds.toFixed(2)} s).`, 'content.video_url');
      }
    }
    // Auto: an edit keeps the source's length; otherwise the simulator picks 5 s.
    const duration = auto ? (taskType === 'edit' && source ? source.seconds : 5) : asked;
    const mismatch = def.v25 && taskType !== undefined && taskType !== 'auto' && contradicts(taskType, text);
    if (!def.seed && (p.seed !== undefined || p.camera_fixed !== undefined)) return invalid(`seed and camera_fixed are not supported by ${b.model}.`, p.seed !== undefined ? 'seed' : 'camera_fixed');
    if (!def.audio && b.generate_audio !== undefined) return invalid(`generate_audio is not supported by ${b.model}.`, 'generate_audio');
    const draftProblem = b.draft ? arkDraftProblem(b.model, resolution, draftDeps) : null;
    if (draftProblem) return draftProblem;

    const stored: StoredImage[] = [];
    for (const [i, c] of imgs.entries()) {
      try {
        const img = await sim.images.fromRef(c.image_url.url, { allowBareBase64: false, allowDataUrl: true });
        checkImage(img, { formats: ALL_FORMATS, maxBytes: MAX_IMAGE_BYTES });
        stored.push(img);
      } catch (e) {
        if (e instanceof ImageRefError) return invalid(`content[${i}].image_url: ${e.message}`, 'image_url');
        throw e;
      }
    }
    const first = firstIdx >= 0 ? stored[firstIdx] : stored[0];
    const last = lastIdx >= 0 ? stored[lastIdx] : undefined;
    const out = simOutputSize(def.family, resolution, ratio, first);
    const now = new Date();
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
    const task = submitTask<ArkMeta>(sim, {
      id: `cgt-${stamp}-${hex(3)}`,
      provider: 'ark',
      model: b.model,
      spec: { ...out.size, durationSeconds: duration, audio: def.audio && b.generate_audio !== false, prompt: text, first, last },
      wantLastFrame: b.return_last_frame === true,
      ...(mismatch ? { failure: 'task_type_mismatch' as const } : {}),
      meta: {
        ...(b.draft ? { draft: true } : {}),
        seed: pickSeed(p.seed, 4294967295),
        resolution,
        ratio: out.ratio,
        duration,
        ...out.size,
        created: Math.floor(now.getTime() / 1000),
      },
    });
    return { status: 200, json: { id: task.id }, taskId: task.id };
  }

  function remove(t: SimTask<ArkMeta>): Reply {
    const state = sim.tasks.view(t).state;
    if (state === 'queued') {
      sim.tasks.cancel(t.id);
      return { status: 200, json: {} };
    }
    if (state === 'running') return invalid(`The task ${t.id} is running and cannot be cancelled or deleted.`, 'id');
    sim.tasks.delete(t.id);
    return { status: 200, json: {} };
  }

  // BytePlus "Query the list of video generation tasks": page_num/page_size in [1, 500]; filters
  // `filter.status`, `filter.model` (exact) and `filter.task_ids` (repeated); newest first.
  function list(req: SimRequest): Reply {
    const size = Math.min(500, Math.max(1, Number(req.query.get('page_size') ?? 10) || 10));
    const page = Math.max(1, Number(req.query.get('page_num') ?? 1) || 1);
    const filter = req.query.get('filter.status');
    const model = req.query.get('filter.model');
    const ids = req.query.getAll('filter.task_ids');
    const items = sim.tasks
      .list('ark')
      .map((t) => taskObject(t as SimTask<ArkMeta>))
      .filter((o) => (!filter || o.status === filter) && (!model || o.model === model) && (ids.length === 0 || ids.includes(String(o.id))))
      .sort((a, b) => Number(b.created_at) - Number(a.created_at));
    return { status: 200, json: { items: items.slice((page - 1) * size, page * size), total: items.length } };
  }

  const notFoundTask = (id: string) => err(404, 'ResourceNotFound', `The specified task ${id} is not found.`, 'NotFound', 'id');

  return {
    id: 'ark',
    prefixes: ['/ark/api/v3'],
    match(_prefix, req) {
      if (req.path === '/contents/generations/tasks') {
        if (req.method === 'POST') return { route: 'submit', auth: true, handle: () => create(req) };
        if (req.method === 'GET') return { route: 'list', auth: true, handle: () => list(req) };
      }
      const m = /^\/contents\/generations\/tasks\/([^/]+)$/.exec(req.path);
      if (m && (req.method === 'GET' || req.method === 'DELETE')) {
        const id = decodeURIComponent(m[1]!);
        return {
          route: req.method === 'GET' ? 'status' : 'cancel',
          taskId: id,
          auth: true,
          handle: () => {
            const t = sim.tasks.get<ArkMeta>(id);
            if (!t || t.provider !== 'ark') return notFoundTask(id);
            return req.method === 'GET' ? { status: 200, json: taskObject(t) } : remove(t);
          },
        };
      }
      return { route: 'other', auth: true, handle: () => err(404, 'NotFound', `No route for ${req.method} ${req.path}`, 'NotFound') };
    },
    authError(req) {
      const a = authToken(req, 'Bearer');
      if (a.token !== sim.keys.ark) return err(401, 'AuthenticationError', 'The API key in the request is missing or invalid.', 'Unauthorized');
      return null;
    },
    errorReply(f) {
      if (f.kind === 'rateLimit') {
        return err(429, 'RateLimitExceeded.EndpointRPMExceeded', 'The request has exceeded the rate limit. Please try again later.', 'TooManyRequests', '', {
          'retry-after': String(f.retryAfterSeconds),
        });
      }
      return err(f.status, 'InternalServiceError', 'The service encountered an unexpected internal error.', 'InternalServerError');
    },
  };
}
