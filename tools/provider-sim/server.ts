import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProviderSim, SimContext, SimRequest } from './context';
import { Faults } from './faults';
import { FileStore } from './files';
import { ImageStore } from './images';
import { arkSim } from './providers/ark';
import { evolinkSim } from './providers/evolink';
import { falSim } from './providers/fal';
import { novitaSim } from './providers/novita';
import { Renderer } from './render';
import { StatsRecorder } from './stats';
import { TaskStore } from './tasks';
import type { FaultConfig, Reply, RequestRecord, SimProvider, SimStats } from './types';

/** Keys the simulator accepts unless `keys` says otherwise (also what `simulatorEnv` hands out). */
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

export interface SimulatorOptions {
  /** 0 or absent = any free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Where renders, inputs and uploads go. Created if missing. */
  dataDir: string;
  /** Multiplies the queue and run times (1 = 1 s queued + 3 s running). */
  timeScale?: number;
  faults?: FaultConfig;
  keys?: Partial<Record<SimProvider, string>>;
  /** Result URL lifetime in seconds, for all providers or per provider (faults' `resultTtlSeconds` wins). */
  resultTtlSeconds?: number | Partial<Record<SimProvider, number>>;
}

export interface SimulatorHandle {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
  /** Replaces the fault config and resets its counters. */
  setFaults(f: FaultConfig): void;
  stats(): SimStats;
  resetStats(): void;
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
 * Starts the simulator: one node:http server on 127.0.0.1 speaking Novita (`/novita`), fal
 * (`/fal-queue`, `/fal-rest`, `/fal-upload`), EvoLink (`/evolink`, `/evolink-files`) and ModelArk
 * (`/ark/api/v3`), serving uploads at `/files/…` and results at `/cdn/…`; plus `GET /_sim/stats` and
 * `PUT /_sim/faults` for other processes. Order per request: route → stats → auth → fault → handler.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  mkdirSync(opts.dataDir, { recursive: true });
  let baseUrl = '';
  const stats = new StatsRecorder();
  const faults = new Faults(opts.faults);
  const files = new FileStore(opts.dataDir, () => baseUrl);
  const scale = opts.timeScale ?? 1;
  const tasks = new TaskStore(new Renderer(opts.dataDir), files, { queueMs: QUEUE_MS * scale, runMs: RUN_MS * scale });
  const ttl = { ...DEFAULT_TTL };
  if (typeof opts.resultTtlSeconds === 'number') for (const p of Object.keys(ttl) as SimProvider[]) ttl[p] = opts.resultTtlSeconds;
  else Object.assign(ttl, opts.resultTtlSeconds);
  const sim: SimContext = {
    baseUrl: () => baseUrl,
    keys: { ...DEMO_KEYS, ...opts.keys },
    tasks,
    files,
    images: new ImageStore(opts.dataDir, files),
    faults,
    stats,
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
    const record = (r: Omit<RequestRecord, 'method' | 'path'>) => stats.record({ ...r, method, path });

    const fileMatch = /^\/(cdn|files)\/([0-9a-f]+)(\/|$)/.exec(path);
    if (fileMatch && (method === 'GET' || method === 'HEAD')) {
      const token = fileMatch[2]!;
      const owner = files.owner(token);
      const isResult = fileMatch[1] === 'cdn';
      const df = isResult && owner ? faults.forDownload(owner.provider) : {};
      const status = await files.serve(token, req, res, df);
      const fault = df.cutAfterBytes !== undefined ? 'cutDownload' : df.bytesPerSecond !== undefined ? 'slowDownload' : undefined;
      record({ provider: owner?.provider ?? 'sim', route: isResult ? 'download' : 'file', status, taskId: owner?.taskId, fault });
      return;
    }

    if (path.startsWith('/_sim/')) {
      let reply: Reply = { status: 404, json: { error: 'unknown simulator route' } };
      if (path === '/_sim/stats' && method === 'GET') reply = { status: 200, json: stats.snapshot() };
      if (path === '/_sim/health') reply = { status: 200, json: { ok: true } };
      if (path === '/_sim/faults' && method === 'PUT') {
        try {
          faults.set(JSON.parse((await readBody(req)).toString('utf8')) as FaultConfig);
          reply = { status: 204, raw: '' };
        } catch {
          reply = { status: 400, json: { error: 'body must be a JSON FaultConfig' } };
        }
      }
      send(res, reply);
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
    const fault = faults.forRequest(hit.m.id, match.route);
    if (fault && fault.kind !== 'malformedJson') {
      const reply = hit.m.faultReply(fault);
      send(res, reply);
      record({ ...base, status: reply.status, fault: fault.kind });
      return;
    }
    const reply = await match.handle();
    base.taskId ??= reply.taskId;
    const hold = faults.answerDelayMs(hit.m.id, match.route);
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
    setFaults: (f) => faults.set(f),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}
