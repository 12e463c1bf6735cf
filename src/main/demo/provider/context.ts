import { randomBytes, randomInt } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { adaptiveOutputSize, outputSize, type PixelSize } from '../../../shared/catalog/output-sizes';
import type { AspectRatio, Resolution, SizeFamily } from '../../../shared/catalog/types';
import type { FileStore } from './files';
import type { ImageStore, StoredImage } from './images';
import { outputCodec, type RenderSpec } from './render';
import type { SimTask, TaskStore } from './tasks';
import type { DemoServerHooks, ErrorAnswer, FailureKind, Reply, RouteKind, SimProvider } from './types';

/** One request as provider modules see it; `path` is relative to the provider's prefix. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** What a provider module makes of a request before auth and faults run. */
export interface RouteMatch {
  route: RouteKind;
  taskId?: string;
  /** False for signed URLs (fal upload PUT) that carry no key. */
  auth: boolean;
  handle(): Promise<Reply> | Reply;
}

/** One provider's simulated API. */
export interface ProviderSim {
  id: SimProvider;
  /** URL path prefixes it owns, e.g. `/novita`; the longest matching prefix wins. */
  prefixes: string[];
  match(prefix: string, req: SimRequest): RouteMatch;
  /** The provider's answer to a missing or wrong key, or null when the key is accepted. */
  authError(req: SimRequest): Reply | null;
  /** The provider's own answer to a rate limit (429) or a server error (5xx), in its error shape. */
  errorReply(e: ErrorAnswer): Reply;
}

/** Everything provider modules share. */
export interface SimContext {
  baseUrl(): string;
  keys: Record<SimProvider, string>;
  tasks: TaskStore;
  files: FileStore;
  images: ImageStore;
  /** What a wrapper (the test simulator) observes and decides; the demo passes none. */
  hooks: DemoServerHooks;
  /** Default result URL lifetime per provider, seconds. */
  resultTtlSeconds: Record<SimProvider, number>;
}

/** The bearer token of a request (`Authorization: <scheme> <token>`), or null. */
export function authToken(req: SimRequest, scheme: 'Bearer' | 'Key'): { present: boolean; token: string | null } {
  const h = req.headers.authorization;
  if (!h) return { present: false, token: null };
  const m = /^(\S+)\s+(.+)$/.exec(h.trim());
  return { present: true, token: m && m[1]!.toLowerCase() === scheme.toLowerCase() ? m[2]!.trim() : null };
}

/** Parses a JSON request body; `undefined` + error text when it is not JSON. */
export function parseJsonBody(req: SimRequest): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8') || 'null') };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : 'invalid JSON' };
  }
}

/** One validation problem in provider-neutral terms; each provider renders it in its own error shape. */
export interface Problem {
  path: Array<string | number>;
  kind: 'missing' | 'type' | 'enum' | 'range' | 'other';
  /** For `type`: `string`, `int`, `number`, `boolean`, `array`, `object`. */
  expected?: string;
  values?: readonly unknown[];
  min?: number;
  max?: number;
  input: unknown;
  /** A plain sentence naming the field, e.g. `duration must be an integer`. */
  message: string;
}

function at(body: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = body;
  for (const k of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

/** Validates `body` with a zod schema and turns zod's issues into `Problem`s. */
export function validate<S extends z.ZodType>(schema: S, body: unknown): { ok: true; value: z.output<S> } | { ok: false; problems: Problem[] } {
  const r = schema.safeParse(body);
  if (r.success) return { ok: true, value: r.data as z.output<S> };
  const problems = r.error.issues.map((i): Problem => {
    const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    const name = path.join('.') || 'body';
    const input = at(body, path);
    if (i.code === 'invalid_type') {
      if (input === undefined) return { path, kind: 'missing', input, message: `${name} is required` };
      return { path, kind: 'type', expected: i.expected, input, message: `${name} must be of type ${i.expected === 'int' ? 'integer' : i.expected}` };
    }
    if (i.code === 'invalid_value') {
      return { path, kind: 'enum', values: i.values, input, message: `${name} must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}` };
    }
    if (i.code === 'too_small') {
      const min = Number(i.minimum);
      return { path, kind: 'range', min, input, message: i.origin === 'string' ? `${name} must be at least ${min} characters` : i.origin === 'array' ? `${name} must have at least ${min} items` : `${name} must be >= ${min}` };
    }
    if (i.code === 'too_big') {
      const max = Number(i.maximum);
      return { path, kind: 'range', max, input, message: i.origin === 'string' ? `${name} must be at most ${max} characters` : i.origin === 'array' ? `${name} must have at most ${max} items` : `${name} must be <= ${max}` };
    }
    return { path, kind: 'other', input, message: `${name}: ${i.message}` };
  });
  return { ok: false, problems };
}

/** Keys of a JSON object body that are not in `known` (the real services ignore them silently). */
export function unknownKeys(body: unknown, known: readonly string[]): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body).filter((k) => !known.includes(k));
}

/**
 * Output pixel size for a request (providers.md "Output sizes" via src/shared/catalog/output-sizes):
 * `adaptive`/`auto` follow the first frame (16:9 without one); `9:21` (Novita V1 i2v) is 21:9 turned
 * upright; `4k`, absent from the tables, is the 1080p size doubled — both the simulator's assumptions.
 */
export function simOutputSize(family: SizeFamily, resolution: Resolution, ratio: AspectRatio, first?: StoredImage): { size: PixelSize; ratio: string } {
  if (resolution === '4k') {
    const base = simOutputSize(family, '1080p', ratio, first);
    return { size: { width: base.size.width * 2, height: base.size.height * 2 }, ratio: base.ratio };
  }
  if (ratio === '9:21') {
    const s = outputSize(family, resolution, '21:9')!;
    return { size: { width: s.height, height: s.width }, ratio };
  }
  if (ratio === 'adaptive' || ratio === 'auto') {
    if (!first) return { size: outputSize(family, resolution, '16:9')!, ratio: '16:9' };
    const a = adaptiveOutputSize(family, resolution, first)!;
    return { size: a.size, ratio: a.ratio };
  }
  return { size: outputSize(family, resolution, ratio)!, ratio };
}

/** A random seed for `seed: -1` / absent, in 0 … max. */
export function pickSeed(seed: number | undefined, max = 2147483647): number {
  return seed === undefined || seed < 0 ? randomInt(0, Math.min(max, 2 ** 47)) : seed;
}

/** Random lowercase hex of `bytes` bytes, for ids. */
export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * Creates a task, with the fate `hooks.taskFate` decides at submit (failure, never finishing, TTL)
 * and the codec the provider delivers for its model and size (`outputCodec`), unless the request
 * chose one (`videoCodec`: fal's draft/complete `codec`); the demo's tasks just succeed.
 */
export function submitTask<M extends Record<string, unknown>>(
  sim: SimContext,
  t: { id: string; provider: SimProvider; model: string; spec: RenderSpec; wantLastFrame?: boolean; meta: M; videoCodec?: RenderSpec['videoCodec']; failure?: FailureKind },
): SimTask<M> {
  const fate = sim.hooks.taskFate?.(t.provider) ?? { neverFinish: false };
  // A failure the request itself causes (Seedance 2.5 TaskTypeMismatch) beats an injected one.
  if (t.failure) return sim.tasks.create({ ...t, spec: { ...t.spec, videoCodec: 'h264' }, failure: t.failure, neverFinish: false, ttlMs: sim.resultTtlSeconds[t.provider] * 1000 });
  const ttl = fate.ttlSeconds ?? sim.resultTtlSeconds[t.provider];
  const spec: RenderSpec = { ...t.spec, videoCodec: t.videoCodec ?? outputCodec(t.model, t.spec.width, t.spec.height) };
  return sim.tasks.create({ ...t, spec, failure: fate.failure, neverFinish: fate.neverFinish, ttlMs: ttl * 1000 });
}

/** The failure kinds in one place so provider modules map every one (exhaustive records). */
export type FailureMap<T> = Record<FailureKind, T>;
