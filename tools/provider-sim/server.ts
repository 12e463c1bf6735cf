import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_KEYS, startDemoServer, type DemoServerOptions } from '../../src/main/demo/provider/server';
import { Faults } from './faults';
import { StatsRecorder } from './stats';
import type { FaultConfig, SimProvider, SimStats } from './types';

export { DEMO_KEYS };

export interface SimulatorOptions extends Omit<DemoServerOptions, 'hooks' | 'fontFile' | 'onRenderError'> {
  faults?: FaultConfig;
  keys?: Partial<Record<SimProvider, string>>;
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

/** Largest fault config accepted over HTTP, bytes. */
const MAX_CONFIG_BYTES = 1024 * 1024;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_CONFIG_BYTES) throw new Error('too large');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function sendJson(res: ServerResponse, status: number, json?: unknown): void {
  if (json === undefined) return void res.writeHead(status).end();
  const body = JSON.stringify(json);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }).end(body);
}

/**
 * Starts the test simulator: the app's demo provider (src/main/demo/provider) with fault injection
 * (`faults`, `setFaults`, `PUT /_sim/faults`) and request stats (`stats`, `GET /_sim/stats`) for
 * tests in this process and in others. Prompts are drawn with `SIM_FONT_FILE` when set. A failed
 * render is reported on stderr, or a flaky test is undiagnosable.
 */
export async function startSimulator(opts: SimulatorOptions): Promise<SimulatorHandle> {
  const stats = new StatsRecorder();
  const faults = new Faults(opts.faults);
  const server = await startDemoServer({
    ...opts,
    fontFile: process.env.SIM_FONT_FILE,
    onRenderError: (taskId, message) => process.stderr.write(`provider-sim: render failed for task ${taskId}: ${message}\n`),
    hooks: {
      onRequest: (r) => stats.record(r),
      onIgnoredFields: (provider, model, fields) => stats.ignored(provider, model, fields),
      answer: (provider, route) => faults.forRequest(provider, route),
      answerDelayMs: (provider, route) => faults.answerDelayMs(provider, route),
      taskFate: (provider) => faults.forSubmit(provider),
      draftAgeMs: (provider) => faults.draftAgeMs(provider),
      shapeDownload: (provider) => faults.forDownload(provider),
      async route(req, res, path) {
        if (path === '/_sim/stats' && req.method === 'GET') {
          sendJson(res, 200, stats.snapshot());
          return true;
        }
        if (path === '/_sim/faults' && req.method === 'PUT') {
          try {
            faults.set((await readJson(req)) as FaultConfig);
            sendJson(res, 204);
          } catch {
            sendJson(res, 400, { error: 'body must be a JSON FaultConfig' });
          }
          return true;
        }
        return false;
      },
    },
  });
  return {
    url: server.url,
    close: () => server.close(),
    setFaults: (f) => faults.set(f),
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
  };
}
