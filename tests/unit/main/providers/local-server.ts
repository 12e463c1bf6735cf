import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the local server saw it. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  json: unknown;
}

/** What a route answers: status, JSON (or raw bytes) and extra headers. */
export interface Reply {
  status: number;
  json?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

/**
 * A real HTTP server on 127.0.0.1 that answers with provider-shaped JSON, so adapters are tested
 * through their real fetch path. `route` sees each request and returns the reply.
 */
export async function startLocalServer(route: (req: Seen) => Reply | Promise<Reply>) {
  const seen: Seen[] = [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    let json: unknown = null;
    try {
      json = body.length ? JSON.parse(body.toString('utf8')) : null;
    } catch {
      json = null;
    }
    const s: Seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
    seen.push(s);
    const reply = await route(s);
    if (reply.raw) {
      res.writeHead(reply.status, { 'Content-Type': 'application/octet-stream', ...reply.headers });
      res.end(reply.raw);
      return;
    }
    res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
