import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createSocketTransport, type SocketLike, type SocketTransport } from '../../../src/harness/bridge/socket-transport';

/**
 * The browser bridge's transport against a real WebSocket server speaking the harness protocol.
 * The server answers `echo` with its input and holds `hold` forever (to test what a drop does).
 */
async function startServer() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise((r) => wss.once('listening', r));
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id: number; channel: string; input: unknown };
      if (msg.channel === 'test:echo') ws.send(JSON.stringify({ id: msg.id, result: { ok: true, data: msg.input } }));
    });
  });
  return { wss, sockets, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/ws` };
}

describe('createSocketTransport', () => {
  let transport: SocketTransport | undefined;
  let server: Awaited<ReturnType<typeof startServer>> | undefined;

  afterEach(async () => {
    transport?.close();
    await new Promise((r) => server?.wss.close(r));
  });

  const connect = (url: string) => new WebSocket(url) as unknown as SocketLike;

  it('queues calls made before the socket opens and answers each by id', async () => {
    server = await startServer();
    transport = createSocketTransport({ url: server.url, connect });
    const answers = await Promise.all([transport.invoke('test:echo', { n: 1 }), transport.invoke('test:echo', { n: 2 })]);
    expect(answers).toEqual([
      { ok: true, data: { n: 1 } },
      { ok: true, data: { n: 2 } },
    ]);
  });

  it('rejects calls lost in a dropped connection, then reconnects and carries new calls', async () => {
    server = await startServer();
    transport = createSocketTransport({ url: server.url, connect, reconnectDelayMs: () => 10 });
    await transport.invoke('test:echo', 1);
    const lost = transport.invoke('test:hold', null);
    // Wait until the held request reached the server before dropping it (no sleeps: poll the event loop).
    await new Promise<void>((resolve) => {
      const first = server!.sockets[0]!;
      first.once('message', () => resolve());
    });
    server.sockets[0]!.terminate();
    await expect(lost).rejects.toThrow(/lost/);
    expect(await transport.invoke('test:echo', 'again')).toEqual({ ok: true, data: 'again' });
    expect(server.sockets).toHaveLength(2);
  });

  it('delivers events to subscribers of that channel only, until they unsubscribe', async () => {
    server = await startServer();
    transport = createSocketTransport({ url: server.url, connect });
    await transport.invoke('test:echo', 0);
    const got: unknown[] = [];
    const off = transport.subscribe('app:status', (p) => got.push(p));
    transport.subscribe('other:event', () => got.push('wrong'));
    const ws = server.sockets[0]!;
    ws.send(JSON.stringify({ event: 'app:status', payload: { online: false } }));
    ws.send('garbage');
    ws.send(JSON.stringify({ id: 999, result: { ok: true, data: 1 } }));
    await transport.invoke('test:echo', 'fence'); // Frames arrive in order: past this, the event was handled.
    off();
    ws.send(JSON.stringify({ event: 'app:status', payload: { online: true } }));
    await transport.invoke('test:echo', 'fence');
    expect(got).toEqual([{ online: false }]);
  });

  it('stops for good when the server refuses with 1008', async () => {
    server = await startServer();
    server.wss.removeAllListeners('connection');
    let connections = 0;
    server.wss.on('connection', (ws) => {
      connections++;
      ws.close(1008, 'Foreign origin');
    });
    const refused: string[] = [];
    transport = createSocketTransport({ url: server.url, connect, reconnectDelayMs: () => 1, onRefused: (r) => refused.push(r) });
    await expect(transport.invoke('test:echo', 1)).rejects.toThrow('Foreign origin');
    await expect(transport.invoke('test:echo', 2)).rejects.toThrow('Foreign origin');
    expect(refused).toEqual(['Foreign origin']);
    expect(connections).toBe(1);
  });
});
