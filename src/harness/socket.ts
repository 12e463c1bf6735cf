import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Studio } from '../main/composition/create-studio';
import { isOwnOrigin, tokenMatches } from './access';
import { CLOSE_POLICY_VIOLATION, RequestMessage, type AnswerMessage, type EventMessage } from './protocol';

/**
 * Largest request frame accepted, bytes: `images:importBytes` carries up to 64 MiB of base64
 * (src/shared/contract/images.ts), plus the JSON envelope. Bigger frames close the socket (1009).
 */
const MAX_FRAME_BYTES = 72 * 1024 * 1024;

export interface ContractSocket {
  /** Handles an HTTP upgrade for `/ws`; refused sockets are closed with 1008. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, token: string | null): void;
  /** Closes every socket and stops forwarding events. */
  close(): void;
}

/**
 * The WebSocket that carries the contract between the page and the core: request frames
 * `{ id, channel, input }` go to `router.dispatch(channel, input, { host: 'harness' })` and come
 * back as `{ id, result }`; every EventBus event is pushed as `{ event, payload }`. A socket with
 * a wrong token or a foreign `Origin` is accepted only to be closed with 1008 and a reason, so the
 * page can tell "refused" from "dropped" (a plain HTTP 401 looks like a network error in browsers).
 */
export function createContractSocket(studio: Studio, port: number, expectedToken: string): ContractSocket {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const clients = new Set<WebSocket>();

  const unsubscribe = studio.events.subscribe((channel, payload) => {
    const frame = JSON.stringify({ event: channel, payload } satisfies EventMessage);
    for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(frame);
  });

  const onFrame = async (ws: WebSocket, data: RawData, isBinary: boolean) => {
    let message: RequestMessage;
    try {
      const parsed = RequestMessage.safeParse(isBinary ? undefined : JSON.parse(data.toString()));
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
      message = parsed.data;
    } catch {
      // No trustworthy id to answer to: log it and drop the frame, the socket stays usable.
      studio.log.warn('harness.frame_invalid', { bytes: data.toString().length });
      return;
    }
    const result = await studio.router.dispatch(message.channel, message.input, { host: 'harness' });
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, result } satisfies AnswerMessage));
  };

  return {
    handleUpgrade(req, socket, head, token) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        if (!tokenMatches(token, expectedToken)) return ws.close(CLOSE_POLICY_VIOLATION, 'Bad or missing token');
        if (!isOwnOrigin(req.headers.origin, port)) return ws.close(CLOSE_POLICY_VIOLATION, 'Foreign origin');
        clients.add(ws);
        ws.on('message', (data, isBinary) => void onFrame(ws, data, isBinary)); // onFrame never throws: dispatch answers every failure as a Result.
        ws.on('close', () => clients.delete(ws));
        ws.on('error', () => clients.delete(ws));
      });
    },
    close() {
      unsubscribe();
      for (const ws of clients) ws.terminate();
      clients.clear();
      wss.close();
    },
  };
}
