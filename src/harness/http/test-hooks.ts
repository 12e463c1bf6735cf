import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import type { MediaRegistry } from '../../main/media/registry';

/** What the test hooks read and change; only built when the harness runs with `--test-hooks`. */
export interface TestHookDeps {
  media: MediaRegistry;
  mediaUrl(id: string): string;
  /** URLs the renderer asked `app:openExternal` to open, oldest first. */
  openedLinks(): readonly string[];
}

const RegisterMedia = z.object({ path: z.string().refine(isAbsolute, 'must be an absolute path'), mime: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/) }).strict();
const MAX_BODY_BYTES = 64 * 1024;

/**
 * `/__test/*` endpoints for the e2e suite, until the library registers real clips:
 * - `POST /__test/media` `{ path, mime }` → `{ id, url }`: registers a file for `/media/<id>`;
 * - `GET /__test/opened-links` → `{ urls }`: what `app:openExternal` was asked to open.
 * The server calls this only with `--test-hooks` and a valid token. Answers 404 for other paths,
 * 400 for a bad body or a file that does not exist.
 */
export async function handleTestHook(deps: TestHookDeps, path: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const json = (status: number, body: unknown) => {
    res.writeHead(status, { ...headers, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  if (path === '/__test/opened-links' && req.method === 'GET') return json(200, { urls: deps.openedLinks() });
  if (path === '/__test/media' && req.method === 'POST') {
    let parsed: z.infer<typeof RegisterMedia>;
    try {
      parsed = RegisterMedia.parse(JSON.parse(await readBody(req)));
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Bad request' });
    }
    try {
      const id = deps.media.register(parsed.path, parsed.mime);
      return json(200, { id, url: deps.mediaUrl(id) });
    } catch (err) {
      return json(400, { error: err instanceof Error ? err.message : 'Cannot register' });
    }
  }
  return json(404, { error: 'Not found' });
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('Body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
