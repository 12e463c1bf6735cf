import type { StudioTransport } from '../../shared/contract/client';
import type { Result } from '../../shared/contract/result';
import { CLOSE_POLICY_VIOLATION, ServerMessage, type RequestMessage } from '../protocol';

/** The subset of the browser's `WebSocket` the transport uses (the `ws` package fits it too, for tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: () => void): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (e: { code: number; reason: string }) => void): void;
}

export interface SocketTransportOptions {
  /** `ws://127.0.0.1:<port>/ws?t=<token>`. */
  url: string;
  /** Opens a socket; the browser passes `(url) => new WebSocket(url)`. */
  connect(url: string): SocketLike;
  /** Delay before reconnect attempt `n` (1-based), ms. Default: 250 ms doubling up to 5 s. */
  reconnectDelayMs?: (attempt: number) => number;
  /** Called once when the harness refuses the connection (close 1008: wrong token or origin). */
  onRefused?: (reason: string) => void;
}

export interface SocketTransport extends StudioTransport {
  /** Closes the socket for good and rejects pending calls. */
  close(): void;
}

const OPEN = 1;

/**
 * A `StudioTransport` over one WebSocket to the harness. Calls made before the socket opens (or
 * while it reconnects) are queued and sent when it opens. When the socket drops, calls already
 * sent reject (their answer is lost; `buildStudioApi` turns that into `UNAVAILABLE`) and it
 * reconnects with backoff. A close with 1008 means the harness refused us: no reconnect, every
 * pending and later call rejects.
 */
export function createSocketTransport(options: SocketTransportOptions): SocketTransport {
  const delay = options.reconnectDelayMs ?? ((n: number) => Math.min(5000, 250 * 2 ** (n - 1)));
  const queued: string[] = [];
  const inFlight = new Map<number, { resolve(r: Result<unknown>): void; reject(e: Error): void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let attempts = 0;
  let refused: string | null = null;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const failAll = (message: string) => {
    for (const call of inFlight.values()) call.reject(new Error(message));
    inFlight.clear();
  };

  const open = () => {
    const ws = options.connect(options.url);
    socket = ws;
    ws.addEventListener('open', () => {
      attempts = 0;
      for (const frame of queued.splice(0)) ws.send(frame);
    });
    ws.addEventListener('message', (e) => onMessage(e.data));
    ws.addEventListener('close', (e) => {
      if (socket === ws) socket = null;
      if (e.code === CLOSE_POLICY_VIOLATION) {
        refused = e.reason || 'The harness refused the connection.';
        queued.length = 0;
        failAll(refused);
        options.onRefused?.(refused);
        return;
      }
      failAll('The connection to the harness was lost.');
      if (closed) return;
      attempts += 1;
      timer = setTimeout(open, delay(attempts));
    });
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let parsed: ReturnType<typeof ServerMessage.safeParse>;
    try {
      parsed = ServerMessage.safeParse(JSON.parse(data));
    } catch {
      return; // Not JSON: nothing we sent can be waiting for it.
    }
    if (!parsed.success) return;
    const msg = parsed.data;
    if ('id' in msg) {
      const call = inFlight.get(msg.id);
      inFlight.delete(msg.id);
      call?.resolve(msg.result as Result<unknown>);
    } else {
      for (const listener of listeners.get(msg.event) ?? []) listener(msg.payload);
    }
  };

  open();

  return {
    invoke(channel, input) {
      if (refused !== null) return Promise.reject(new Error(refused));
      if (closed) return Promise.reject(new Error('The harness connection is closed.'));
      const id = nextId++;
      const message: RequestMessage = { id, channel, input };
      const frame = JSON.stringify(message);
      return new Promise<Result<unknown>>((resolve, reject) => {
        inFlight.set(id, { resolve, reject });
        if (socket?.readyState === OPEN) socket.send(frame);
        else queued.push(frame);
      });
    },
    subscribe(channel, listener) {
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      clearTimeout(timer);
      queued.length = 0;
      socket?.close(1000, 'closed');
      failAll('The harness connection is closed.');
    },
  };
}
