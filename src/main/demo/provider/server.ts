import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderSim, SimContext, SimRequest } from './context';
import { FileStore } from './files';
import { ImageStore } from './images';
import { arkSim } from './providers/ark';
import { evolinkSim } from './providers/evolink';
import { falSim } from './providers/fal';
import { novitaSim } from './providers/novita';
import { Renderer } from './render';
import { TaskStore } from './tasks';
import type { DemoServerHooks, Reply, RequestRecord, SimProvider } from './types';

/** Keys the server accepts unless `keys` says otherwise (also what `demoEnv` hands out). */
export const DEMO_KEYS: Record<SimProvider, string> = {
  novita: 'sim-novita-demo-key',
  fal: 'sim-fal-key-id:sim-fal-key-secret',
  evolink: 'sim-evolink-demo-key',
  ark: 'sim-ark-demo-key',
};

/** Result URL lifetimes by default, seconds: Novita reports `video_url_ttl` (3600 here); EvoLink and ModelArk 24 h; fal unconfirmed (1 h here). */
const DEFAULT_TTL: Record<SimProvider, number> = { novita: 3600, fal: 3600, evolink: 86400, ark: 86400 };

/** Default phase lengths before `timeScale`, ms: a second queued, three running. */
const QUEUE_MS = 1000;
const RUN_MS = 3000;

/** Largest request body accepted (providers.md: whole request ≤ 64 MB). */
const MAX_BODY = 64 * 1024 * 1024;

export interface DemoServerOptions {
  /** 0 or absent = any free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Where renders, inputs and uploads go. Created if missing. */
  dataDir: string;
  /** Multiplies the queue and run times (1 = 1 s queued + 3 s running). */
  timeScale?: number;
  keys?: Partial<Record<SimProvider, string>>;
  /** Result URL lifetime in seconds, for all providers or per provider (a `taskFate` hook's `ttlSeconds` wins). */
  resultTtlSeconds?: number | Partial<Record<SimProvider, number>>;
  /** The font to draw prompts into text-to-video clips with (default: the first common system font). */
  fontFile?: string;
  /** Told when ffmpeg fails to render a task (which then fails as the provider's internal error). */
  onRenderError?: (taskId: string, message: string) => void;
  /** Observers and steering for a wrapper (tools/provider-sim); the demo passes none. */
  hooks?: DemoServerHooks;
}

export interface DemoServerHandle {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BodyTooLarge());
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const isRaw = reply.raw !== undefined;
  const body = isRaw ? reply.raw! : JSON.stringify(reply.json ?? {});
  res.writeHead(reply.status, {
    'content-type': isRaw ? 'text/plain' : 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...reply.headers,
  });
  res.end(body);
}

/**
 * Starts the demo provider: one node:http server on 127.0.0.1 speaking Novita (`/novita`), fal
 * (`/fal-queue`, `/fal-rest`, `/fal-upload`), EvoLink (`/evolink`, `/evolink-files`) and ModelArk
 * (`/ark/api/v3`) as providers.md describes, serving uploads at `/files/…` and results (real MP4s
 * rendered with ffmpeg) at `/cdn/…`. Order per request: route → auth → `hooks.answer` → handler →
 * `hooks.answerDelayMs` → `hooks.onRequest`. `GET /_sim/health` answers `{ ok: true }`; other `/_sim/` paths go to `hooks.route`.
 */
export async function startDemoServer(opts: DemoServerOptions): Promise<DemoServerHandle> {
  await mkdir(opts.dataDir, { recursive: true });
  let baseUrl = '';
  const hooks = opts.hooks ?? {};
  const files = new FileStore(opts.dataDir, () => baseUrl);
  const scale = opts.timeScale ?? 1;
  const onRenderError = opts.onRenderError ?? ((taskId, message) => process.stderr.write(`demo provider: render failed for task ${taskId}: ${message}\n`));
  const renderer = new Renderer(opts.dataDir, { fontFile: opts.fontFile });
  const tasks = new TaskStore(renderer, files, { queueMs: QUEUE_MS * scale, runMs: RUN_MS * scale }, onRenderError);
  const ttl = { ...DEFAULT_TTL };
  if (typeof opts.resultTtlSeconds === 'number') for (const p of Object.keys(ttl) as SimProvider[]) ttl[p] = opts.resultTtlSeconds;
  else Object.assign(ttl, opts.resultTtlSeconds);
  const sim: SimContext = {
    baseUrl: () => baseUrl,
    keys: { ...DEMO_KEYS, ...opts.keys },
    tasks,
    files,
    images: new ImageStore(opts.dataDir, files),
    hooks,
    resultTtlSeconds: ttl,
  };
  const modules: ProviderSim[] = [novitaSim(sim), falSim(sim), evolinkSim(sim), arkSim(sim)];
  const prefixes = modules
    .flatMap((m) => m.prefixes.map((prefix) => ({ prefix, m })))
    .sort((a, b) => b.prefix.length - a.prefix.length);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const record = (r: Omit<RequestRecord, 'method' | 'path'>) => hooks.onRequest?.({ ...r, method, path });

    const fileMatch = /^\/(cdn|files)\/([0-9a-f]+)(\/|$)/.exec(path);
    if (fileMatch && (method === 'GET' || method === 'HEAD')) {
      const token = fileMatch[2]!;
      const owner = files.owner(token);
      const isResult = fileMatch[1] === 'cdn';
      const shape = isResult && owner ? hooks.shapeDownload?.(owner.provider) : null;
      const status = await files.serve(token, req, res, shape);
      record({ provider: owner?.provider ?? 'sim', route: isResult ? 'download' : 'file', status, taskId: owner?.taskId, fault: shape?.label });
      return;
    }

    if (path === '/_sim/health') return send(res, { status: 200, json: { ok: true } });
    if (path.startsWith('/_sim/')) {
      if (!(await hooks.route?.(req, res, path))) send(res, { status: 404, json: { error: 'unknown route' } });
      return;
    }

    const hit = prefixes.find(({ prefix }) => path === prefix || path.startsWith(prefix + '/'));
    if (!hit) {
      send(res, { status: 404, raw: 'Not Found' });
      record({ provider: 'sim', route: 'other', status: 404 });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (e) {
      if (!(e instanceof BodyTooLarge)) throw e;
      send(res, { status: 413, raw: 'Request Entity Too Large' });
      return;
    }
    const sreq: SimRequest = { method, path: path.slice(hit.prefix.length) || '/', query: url.searchParams, headers: req.headers, body };
    const match = hit.m.match(hit.prefix, sreq);
    const base = { provider: hit.m.id, route: match.route, taskId: match.taskId };
    const authErr = match.auth ? hit.m.authError(sreq) : null;
    if (authErr) {
      send(res, authErr);
      record({ ...base, status: authErr.status });
      return;
    }
    const fault = hooks.answer?.(hit.m.id, match.route);
    if (fault && fault.kind !== 'malformedJson') {
      const reply = hit.m.errorReply(fault);
      send(res, reply);
      record({ ...base, status: reply.status, fault: fault.kind });
      return;
    }
    const reply = await match.handle();
    base.taskId ??= reply.taskId;
    const hold = hooks.answerDelayMs?.(hit.m.id, match.route) ?? 0;
    if (hold > 0) await new Promise((r) => setTimeout(r, hold));
    if (fault) {
      // The handler ran (a submit still creates its task); only the answer is broken.
      const text = reply.raw !== undefined ? String(reply.raw) : JSON.stringify(reply.json ?? {});
      send(res, { status: reply.status, raw: text.slice(0, Math.max(1, Math.floor(text.length / 2))), headers: { 'content-type': 'application/json', ...reply.headers } });
      record({ ...base, status: reply.status, fault: 'malformedJson' });
      return;
    }
    send(res, reply);
    record({ ...base, status: reply.status });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, { status: 500, raw: `simulator error: ${e instanceof Error ? e.message : String(e)}` });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${addr.port}`;

  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Environment variables that point the app's adapters at a demo server running at `url`
 * (`http://127.0.0.1:<port>`): the six base URLs (providers.md "base URL", one path prefix per
 * provider role) and the keys the server accepts by default (`DEMO_KEYS`).
 */
export function demoEnv(url: string): Record<string, string> {
  const u = url.replace(/\/+$/, '');
  return {
    NOVITA_BASE_URL: `${u}/novita`,
    FAL_QUEUE_BASE_URL: `${u}/fal-queue`,
    FAL_REST_BASE_URL: `${u}/fal-rest`,
    EVOLINK_BASE_URL: `${u}/evolink`,
    EVOLINK_FILES_BASE_URL: `${u}/evolink-files`,
    ARK_BASE_URL: `${u}/ark/api/v3`,
    NOVITA_API_KEY: DEMO_KEYS.novita,
    FAL_KEY: DEMO_KEYS.fal,
    EVOLINK_API_KEY: DEMO_KEYS.evolink,
    ARK_API_KEY: DEMO_KEYS.ark,
  };
}
