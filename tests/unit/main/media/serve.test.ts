import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaRegistry, type MediaRegistry } from '../../../../src/main/media/registry';
import { serveMedia } from '../../../../src/main/media/serve';

async function bytes(body: Readable | undefined): Promise<Buffer> {
  if (!body) throw new Error('no body');
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('serveMedia', () => {
  let dir: string;
  let mp4: string;
  let file: Buffer;
  let registry: MediaRegistry;
  let id: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'media-serve-'));
    mp4 = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24', '-t', '2', '-pix_fmt', 'yuv420p', mp4]);
    file = readFileSync(mp4);
    registry = createMediaRegistry();
    id = await registry.register(mp4, 'video/mp4');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('made a real MP4 to serve', () => {
    expect(file.length).toBeGreaterThan(10_000);
    expect(file.subarray(4, 8).toString('latin1')).toBe('ftyp');
  });

  it('serves the whole file with 200 and the safety headers', async () => {
    const res = await serveMedia(registry, id, { method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({
      'Content-Type': 'video/mp4',
      'Content-Length': String(file.length),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    expect(res.headers['Content-Range']).toBeUndefined();
    expect((await bytes(res.body)).equals(file)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-', 1000, -1],
    ['bytes=-500', -500, -1],
    ['bytes=0-', 0, -1],
    ['bytes=5000-5000', 5000, 5000],
  ])('answers %s with 206 and exactly those bytes', async (range, from, to) => {
    const start = from < 0 ? file.length + from : from;
    const end = to < 0 ? file.length - 1 : to;
    const res = await serveMedia(registry, id, { method: 'GET', rangeHeader: range });
    expect(res.status).toBe(206);
    expect(res.headers['Content-Range']).toBe(`bytes ${start}-${end}/${file.length}`);
    expect(res.headers['Content-Length']).toBe(String(end - start + 1));
    const got = await bytes(res.body);
    expect(got.equals(file.subarray(start, end + 1))).toBe(true);
  });

  it('answers 416 for a range past the end', async () => {
    const res = await serveMedia(registry, id, { method: 'GET', rangeHeader: `bytes=${file.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers['Content-Range']).toBe(`bytes */${file.length}`);
    expect(res.body).toBeUndefined();
    expect((await serveMedia(registry, id, { method: 'GET', rangeHeader: 'bytes=-0' })).status).toBe(416);
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await serveMedia(registry, id, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers['Content-Length']).toBe(String(file.length));
    expect(res.body).toBeUndefined();
    const ranged = await serveMedia(registry, id, { method: 'head', rangeHeader: 'bytes=10-19' });
    expect(ranged.status).toBe(206);
    expect(ranged.headers['Content-Length']).toBe('10');
    expect(ranged.body).toBeUndefined();
  });

  it('answers 405 for other methods', async () => {
    const res = await serveMedia(registry, id, { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.Allow).toBe('GET, HEAD');
    expect(res.body).toBeUndefined();
  });

  it.each([
    ['an unknown id', '0'.repeat(32)],
    ['a path traversal', '../../etc/passwd'],
    ['an encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['a real path', '/etc/passwd'],
    ['an upper-case copy of the id', ''],
  ])('answers 404 for %s', async (_label, candidate) => {
    const tried = candidate === '' ? id.toUpperCase() : candidate;
    const res = await serveMedia(registry, tried, { method: 'GET' });
    expect(res.status).toBe(404);
    expect(res.body).toBeUndefined();
  });

  it('stops serving an unregistered id', async () => {
    const copy = join(dir, 'copy.mp4');
    writeFileSync(copy, file);
    const other = await registry.register(copy, 'video/mp4');
    expect((await serveMedia(registry, other, { method: 'HEAD' })).status).toBe(200);
    registry.unregister(other);
    expect((await serveMedia(registry, other, { method: 'HEAD' })).status).toBe(404);
  });

  it('answers 404 when the file was deleted after registration', async () => {
    const gone = join(dir, 'gone.mp4');
    writeFileSync(gone, file);
    const goneId = await registry.register(gone, 'video/mp4');
    rmSync(gone);
    expect((await serveMedia(registry, goneId, { method: 'GET' })).status).toBe(404);
  });

  it('refuses a symlink that was retargeted after registration', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'not for the renderer');
    const link = join(dir, 'link.mp4');
    symlinkSync(mp4, link);
    const linkId = await registry.register(link, 'video/mp4');
    const before = await serveMedia(registry, linkId, { method: 'GET', rangeHeader: 'bytes=0-7' });
    expect(before.status).toBe(206);
    expect((await bytes(before.body)).equals(file.subarray(0, 8))).toBe(true);

    // Swap atomically: a new symlink renamed over the old one now points at the secret.
    const swap = join(dir, 'swap.tmp');
    symlinkSync(secret, swap);
    renameSync(swap, link);
    const after = await serveMedia(registry, linkId, { method: 'GET' });
    expect(after.status).toBe(404);
    expect(after.body).toBeUndefined();
  });

  it('refuses a directory swapped in place of the file', async () => {
    const path = join(dir, 'became-dir.mp4');
    writeFileSync(path, file);
    const dirId = await registry.register(path, 'video/mp4');
    rmSync(path);
    mkdirSync(path);
    expect((await serveMedia(registry, dirId, { method: 'GET' })).status).toBe(404);
  });
});
