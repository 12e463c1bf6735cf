import type { ServerResponse } from 'node:http';
import type { MediaRegistry } from '../../main/media/registry';
import { serveMedia } from '../../main/media/serve';

/**
 * The harness's `media://` equivalent: `/media/<id>` answered by the same `serveMedia` the Electron
 * protocol uses (Range → 206, bad range → 416, unknown id → 404, HEAD). `headers` are added.
 */
export async function handleMedia(
  registry: MediaRegistry,
  id: string,
  method: string,
  rangeHeader: string | undefined,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const answer = await serveMedia(registry, id, { method, rangeHeader: rangeHeader ?? null });
  res.writeHead(answer.status, { ...headers, ...answer.headers });
  if (!answer.body) {
    res.end();
    return;
  }
  answer.body.on('error', () => res.destroy()).pipe(res);
  // A client that stops reading (a seeking <video>) must not leave the file open.
  res.on('close', () => answer.body?.destroy());
}
