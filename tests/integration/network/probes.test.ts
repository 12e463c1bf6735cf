import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { anyReachable, probeTargets, studioProbe, tcpReachable } from '../../../src/main/network/probes';

/** A real TCP server on 127.0.0.1 that counts connections; `close` frees the port. */
async function openServer(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((close) => close()));
});
async function serverForTest() {
  const s = await openServer();
  opened.push(s.close);
  return s;
}

/** A port that was open a moment ago and is now closed: connections are refused. */
async function closedPort(): Promise<number> {
  const s = await openServer();
  await s.close();
  return s.port;
}

describe('tcpReachable', () => {
  it('connects to an open port through the resolver, and fails once the server has closed', async () => {
    const server = await openServer();
    expect(await tcpReachable({ host: 'localhost', port: server.port }, 2_000)).toBe(true);
    expect(await tcpReachable({ host: '127.0.0.1', port: server.port }, 2_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections()).toBe(2);
    await server.close();
    expect(await tcpReachable({ host: '127.0.0.1', port: server.port }, 2_000)).toBe(false);
  });

  it('fails for a name that does not resolve (RFC 6761 .invalid)', async () => {
    expect(await tcpReachable({ host: 'seedance-probe.invalid', port: 443 }, 2_000)).toBe(false);
  });
});

describe('anyReachable', () => {
  it('is true when any target answers, false when none does or there are none', async () => {
    const open = await serverForTest();
    const closed = await closedPort();
    expect(await anyReachable([{ host: '127.0.0.1', port: closed }, { host: '127.0.0.1', port: open.port }], 2_000)).toBe(true);
    expect(await anyReachable([{ host: '127.0.0.1', port: closed }, { host: 'seedance-probe.invalid', port: 443 }], 2_000)).toBe(false);
    expect(await anyReachable([], 2_000)).toBe(false);
  });
});

describe('probeTargets', () => {
  it('takes host and port from base URLs, with the scheme default, without duplicates or junk', () => {
    expect(
      probeTargets([
        'https://api.novita.ai/v3',
        'https://api.novita.ai/other',
        'http://127.0.0.1:8123/novita',
        'https://[::1]:9443/x',
        'http://example.com',
        'ftp://files.example.com',
        'not a url',
      ]),
    ).toEqual([
      { host: 'api.novita.ai', port: 443 },
      { host: '127.0.0.1', port: 8123 },
      { host: '::1', port: 9443 },
      { host: 'example.com', port: 80 },
    ]);
  });
});

describe('studioProbe', () => {
  it('reports the keyed providers\u2019 hosts: up while the server listens, down once it closes', async () => {
    const server = await openServer();
    const probe = studioProbe({ isDemo: () => false, urls: () => [`http://127.0.0.1:${server.port}/novita`], timeoutMs: 2_000 });
    expect(await probe()).toBe(true);
    await server.close();
    expect(await probe()).toBe(false);
  });

  it('is always up in the offline demo (the simulator is local), whatever the hosts', async () => {
    const closed = await closedPort();
    let asked = 0;
    const probe = studioProbe({
      isDemo: () => true,
      urls: () => {
        asked++;
        return [`http://127.0.0.1:${closed}`];
      },
      isOnline: () => false,
    });
    expect(await probe()).toBe(true);
    expect(asked).toBe(0);
  });

  it('trusts the host\u2019s "no network at all" without touching the network', async () => {
    const server = await serverForTest();
    const probe = studioProbe({ isDemo: () => false, urls: () => [`http://127.0.0.1:${server.port}`], isOnline: () => false });
    expect(await probe()).toBe(false);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.connections()).toBe(0);
    // The host saying "online" only lets the real check run.
    const probeOnline = studioProbe({ isDemo: () => false, urls: () => [`http://127.0.0.1:${server.port}`], isOnline: () => true });
    expect(await probeOnline()).toBe(true);
  });
});
