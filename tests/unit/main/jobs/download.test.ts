import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DownloadError, downloadToPart } from '../../../../src/main/jobs/download';
import { durationTolerance, expectedVideo, verifyVideo } from '../../../../src/main/jobs/verify';
import { findModel } from '../../../../src/shared/catalog/models';
import { resolveMediaTool } from '../../../../src/main/media-tools/ffmpeg';

const dir = mkdtempSync(join(tmpdir(), 'jobs-download-'));
const video = join(dir, 'source.mp4');
const bigVideo = join(dir, 'big.mp4');
let bytes: Buffer;
let sha: string;
/** A real MP4 of several MB: enough for the downloader's 1 MB write batches, several in flight. */
let bigBytes: Buffer;
let server: Server;
let base: string;

/** How the test server behaves for the next requests. */
const mode = { cutAfter: 0, ignoreRange: false, status: 0, requests: [] as Array<{ range?: string }> };

function serve(req: IncomingMessage, res: ServerResponse): void {
  mode.requests.push({ range: req.headers.range });
  if (mode.status) {
    res.writeHead(mode.status).end('gone');
    return;
  }
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const whole = req.url === '/big.mp4' ? bigBytes : bytes;
  let body = whole;
  if (m && !mode.ignoreRange) {
    const start = Number(m[1]);
    if (start >= whole.length) {
      res.writeHead(416, { 'content-range': `bytes */${whole.length}` }).end();
      return;
    }
    body = whole.subarray(start);
    res.writeHead(206, { 'content-type': 'video/mp4', 'content-length': body.length, 'content-range': `bytes ${start}-${whole.length - 1}/${whole.length}` });
  } else {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': whole.length, 'accept-ranges': 'bytes' });
  }
  if (mode.cutAfter) {
    const cut = mode.cutAfter;
    mode.cutAfter = 0;
    // The bytes arrive, then the connection drops a moment later (as a real network cut does).
    res.write(body.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 150));
    return;
  }
  res.end(body);
}

beforeAll(async () => {
  // A real 2 s, 320×240 H.264 MP4 (with enough bytes that a cut lands mid-file).
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=24:d=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart', video]);
  bytes = readFileSync(video);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=1280x720:r=24:d=4', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', '-pix_fmt', 'yuv420p', bigVideo]);
  bigBytes = readFileSync(bigVideo);
  sha = createHash('sha256').update(bytes).digest('hex');
  server = createServer(serve);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(() => {
  Object.assign(mode, { cutAfter: 0, ignoreRange: false, status: 0, requests: [] });
});

let n = 0;
const part = () => join(dir, `out-${++n}.mp4.part`);

describe('downloadToPart', () => {
  it('downloads the whole file with the right sha256', async () => {
    const p = part();
    const seen: number[] = [];
    const out = await downloadToPart({ url: `${base}/v.mp4`, partPath: p, onProgress: (b) => seen.push(b) });
    expect(out).toEqual({ bytes: bytes.length, sha256: sha, resumed: false });
    expect(readFileSync(p).equals(bytes)).toBe(true);
    expect(seen.at(-1)).toBe(bytes.length);
  });

  it('keeps what arrived when the connection is cut, then resumes with Range (206) to the same sha256', async () => {
    const p = part();
    mode.cutAfter = Math.floor(bytes.length / 3);
    const first = await downloadToPart({ url: `${base}/v.mp4`, partPath: p }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DownloadError);
    expect((first as DownloadError).kind).toBe('network');
    expect((first as DownloadError).retryable).toBe(true);
    const kept = statSync(p).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(bytes.length);

    const out = await downloadToPart({ url: `${base}/v.mp4`, partPath: p });
    expect(mode.requests.at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(out).toEqual({ bytes: bytes.length, sha256: sha, resumed: true });
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('writes a file of many batches in order, and resumes one cut mid-way to the same bytes', async () => {
    expect(bigBytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const bigSha = createHash('sha256').update(bigBytes).digest('hex');
    const p = part();
    mode.cutAfter = Math.floor(bigBytes.length * 0.6);
    const first = await downloadToPart({ url: `${base}/big.mp4`, partPath: p }).catch((e: unknown) => e);
    expect((first as DownloadError).kind).toBe('network');
    const kept = statSync(p).size;
    expect(kept).toBeGreaterThan(0);
    expect(readFileSync(p).equals(bigBytes.subarray(0, kept))).toBe(true);
    const out = await downloadToPart({ url: `${base}/big.mp4`, partPath: p });
    expect(out).toEqual({ bytes: bigBytes.length, sha256: bigSha, resumed: true });
    expect(readFileSync(p).equals(bigBytes)).toBe(true);
  });

  it('restarts cleanly when the server ignores Range and sends the whole file (200)', async () => {
    const p = part();
    writeFileSync(p, bytes.subarray(0, 1000));
    mode.ignoreRange = true;
    const out = await downloadToPart({ url: `${base}/v.mp4`, partPath: p });
    expect(mode.requests[0]?.range).toBe('bytes=1000-');
    expect(out).toEqual({ bytes: bytes.length, sha256: sha, resumed: false });
    expect(readFileSync(p).equals(bytes)).toBe(true);
  });

  it('starts over when the part file is longer than the video (416)', async () => {
    const p = part();
    writeFileSync(p, Buffer.concat([bytes, Buffer.from('junk')]));
    const out = await downloadToPart({ url: `${base}/v.mp4`, partPath: p });
    expect(mode.requests.map((r) => r.range)).toEqual([`bytes=${bytes.length + 4}-`, undefined]);
    expect(out.sha256).toBe(sha);
  });

  it.each([403, 404, 410])('reports an expired link on HTTP %i and keeps no promise of a retry', async (status) => {
    mode.status = status;
    const err = await downloadToPart({ url: `${base}/v.mp4`, partPath: part() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).kind).toBe('expired');
    expect((err as DownloadError).retryable).toBe(false);
    expect(err).toMatchObject({ message: `The video link no longer works (HTTP ${status}).`, phrase: { code: 'job.download.expired', values: { status } } });
  });

  it('treats 503 as retryable and 400 as not', async () => {
    mode.status = 503;
    const e1 = (await downloadToPart({ url: `${base}/v.mp4`, partPath: part() }).catch((e: unknown) => e)) as DownloadError;
    expect([e1.kind, e1.retryable]).toEqual(['http', true]);
    mode.status = 400;
    const e2 = (await downloadToPart({ url: `${base}/v.mp4`, partPath: part() }).catch((e: unknown) => e)) as DownloadError;
    expect([e2.kind, e2.retryable]).toEqual(['http', false]);
  });

  it('reports a refused connection as a retryable network error', async () => {
    const err = (await downloadToPart({ url: 'http://127.0.0.1:1/v.mp4', partPath: part() }).catch((e: unknown) => e)) as DownloadError;
    expect([err.kind, err.retryable]).toEqual(['network', true]);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const err = (await downloadToPart({ url: `${base}/v.mp4`, partPath: part(), signal: controller.signal }).catch((e: unknown) => e)) as DownloadError;
    expect(err.kind).toBe('aborted');
  });
});

describe('verifyVideo (ffprobe)', () => {
  const ffprobe = resolveMediaTool('ffprobe');

  it('accepts the real MP4 with the right size and duration', async () => {
    const out = await verifyVideo(ffprobe, video, { durationSec: 2, sizes: [{ width: 320, height: 240 }] });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.probe).toMatchObject({ codec: 'h264', width: 320, height: 240 });
  });

  it('refuses a wrong size, a wrong duration, and a truncated file, saying why', async () => {
    const wrongSize = await verifyVideo(ffprobe, video, { durationSec: 2, sizes: [{ width: 1280, height: 720 }] });
    expect(wrongSize).toEqual({ ok: false, reason: expect.stringContaining('320×240'), reasonPhrase: { code: 'job.verify.size', values: { width: 320, height: 240, want: '1280×720' } } });
    const wrongLength = await verifyVideo(ffprobe, video, { durationSec: 10, sizes: null });
    expect(wrongLength).toEqual({ ok: false, reason: expect.stringContaining('10 s were asked for'), reasonPhrase: { code: 'job.verify.duration', values: { seconds: expect.any(String), expected: 10 } } });
    const cut = join(dir, 'cut.mp4');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const truncated = await verifyVideo(ffprobe, cut, { durationSec: 2, sizes: null });
    expect(truncated.ok).toBe(false);
  });

  it('takes any length for an Auto duration (−1: a 2.5 edit keeps the length of its source), still checking the size', async () => {
    const entry = findModel('fal/bytedance/seedance-2.5/reference-to-video')!;
    const expected = expectedVideo(entry, { modelId: entry.id, prompt: 'p', resolution: '480p', aspectRatio: '16:9', duration: -1 });
    expect(expected).toEqual({ durationSec: null, sizes: [{ width: 854, height: 480 }] });
    expect(await verifyVideo(ffprobe, video, { durationSec: null, sizes: [{ width: 320, height: 240 }] })).toMatchObject({ ok: true });
    expect(await verifyVideo(ffprobe, video, { durationSec: null, sizes: [{ width: 854, height: 480 }] })).toMatchObject({ ok: false });
  });

  it('refuses a file that is not MP4/MOV', async () => {
    const mkv = join(dir, 'clip.mkv');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=320x240:r=24:d=2', '-c:v', 'libx264', '-preset', 'ultrafast', mkv]);
    const out = await verifyVideo(ffprobe, mkv, { durationSec: 2, sizes: null });
    expect(out).toEqual({ ok: false, reason: expect.stringContaining('not an MP4'), reasonPhrase: { code: 'job.verify.container', values: { container: 'matroska,webm' } } });
    expect(existsSync(mkv)).toBe(true);
  });

  it('allows 0.6 s or 10 % of duration drift', () => {
    expect(durationTolerance(5)).toBe(0.6);
    expect(durationTolerance(12)).toBeCloseTo(1.2);
  });
});
