import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { JobParams } from '../../../src/shared/catalog/types';
import type { JobUpload } from '../../../src/shared/jobs/job';
import { baseUrlsFromEnv } from '../../../src/main/providers/registry';
import { simulatorEnv } from '../../../tools/provider-sim/index';
import { tools } from '../../fixtures/media';
import { settled, startRig, waitForJob, type Rig } from './engine-fixture';

// Issue 13 "upload progress shown": a reference job on EvoLink uploads its video through the files
// API (providers.md "Seedance 2.0 reference-to-video", EvoLink: `/api/v1/files/upload/stream`), and
// the window sees the job's upload count rise to the file's size, at most 4 times a second, before
// the job is sent. The uploads go through a proxy that passes request bodies on at 4 MB/s (a slow
// uplink), so the upload lasts a few seconds on any machine. Measured here: 12 counts over 4.2 s
// for a 19 MB file; the first jump (about 4 MB) is what the sockets buffer before the proxy reads.

const run = promisify(execFile);
const RATE_BYTES_PER_SECOND = 4 * 1024 * 1024;

/** A proxy to `target` that forwards request bodies at `RATE_BYTES_PER_SECOND` (answers pass as they come). */
async function slowUplink(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req: IncomingMessage, res) => {
    const out = request(new URL(req.url ?? '/', target), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    const started = Date.now();
    let passed = 0;
    req.on('data', (chunk: Buffer) => {
      passed += chunk.length;
      out.write(chunk);
      const due = started + (passed / RATE_BYTES_PER_SECOND) * 1000;
      const wait = due - Date.now();
      if (wait > 0) {
        req.pause();
        setTimeout(() => req.resume(), wait);
      }
    });
    req.on('end', () => out.end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

const dir = mkdtempSync(join(tmpdir(), 'upload-progress-'));
let rig: Rig | undefined;

afterEach(async () => {
  await rig?.close();
  rig = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('upload progress of a reference job', () => {
  it('rises to the video’s size at most 4 times a second, then the job is sent', async () => {
    // A real 1280×720, 24 fps, 12 s lossless H.264 MP4 (about 19 MB, far more than the sockets buffer; a few seconds at 4 MB/s),
    // within EvoLink's video limits (2–15 s, ≤ 50 MB, 24–60 fps, 409,600–2,086,876 px).
    const video = join(dir, 'walk.mp4');
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=24', '-t', '12', '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-preset', 'ultrafast', '-qp', '0', video]);
    const bytes = statSync(video).size;
    expect(bytes).toBeGreaterThan(12 * 1024 * 1024);

    rig = await startRig();
    const proxy = await slowUplink(rig.sim.url);
    try {
      // The same files API path, by way of the proxy.
      const files = new URL(baseUrlsFromEnv('evolink', simulatorEnv(rig.sim.url)).files!);
      rig.routeFiles('evolink', `${proxy.url}${files.pathname.replace(/\/$/, '')}`);
      const { mediaId } = await rig.media.import(video);
      const seen: Array<{ at: number; upload: JobUpload }> = [];
      let jobId = '';
      const off = rig.window.store.subscribe((state) => {
        const upload = state.jobs.byId[jobId]?.upload;
        const last = seen.at(-1)?.upload;
        if (upload && (upload.sentBytes !== last?.sentBytes || upload.totalBytes !== last.totalBytes)) seen.push({ at: Date.now(), upload });
      });
      const params: JobParams = {
        modelId: 'evolink/seedance-2.0-reference-to-video',
        prompt: 'the walker in @video1 crosses a bridge',
        resolution: '720p',
        aspectRatio: '16:9',
        duration: 5,
        references: [{ kind: 'video', id: mediaId }],
      };
      const job = await rig.host.submit(params);
      jobId = job.id;
      const done = await waitForJob(rig, job.id, settled, 120_000);
      off();
      expect(done.error).toBeUndefined();
      expect(done.state).toBe('completed');

      // Counts of this one file, rising, the last one whole; several along the way.
      expect(seen.length).toBeGreaterThanOrEqual(3);
      expect(seen.every((s) => s.upload.totalBytes === bytes)).toBe(true);
      const sent = seen.map((s) => s.upload.sentBytes);
      expect(sent).toEqual([...sent].sort((a, b) => a - b));
      expect(sent.at(-1)).toBe(bytes);
      expect(sent.filter((n) => n > 0 && n < bytes).length).toBeGreaterThanOrEqual(2);
      // At most 4 a second (one more for the final count, which never waits).
      const seconds = (seen.at(-1)!.at - seen[0]!.at) / 1000;
      expect(seen.length).toBeLessThanOrEqual(Math.ceil(seconds * 4) + 2);
      // Gone once the job was sent: the store keeps no upload line on a sent job.
      expect(done.upload).toBeUndefined();

      // A second job with the same bytes uploads nothing: the cached file counts as sent at once.
      seen.length = 0;
      const again = await rig.host.submit(params);
      jobId = again.id;
      const uploadsBefore = rig.sim.stats().byRoute.upload ?? 0;
      rig.window.store.subscribe((state) => {
        const upload = state.jobs.byId[jobId]?.upload;
        if (upload) seen.push({ at: Date.now(), upload });
      });
      expect((await waitForJob(rig, again.id, settled, 120_000)).state).toBe('completed');
      expect(rig.sim.stats().byRoute.upload ?? 0).toBe(uploadsBefore);
      expect(seen.map((s) => s.upload)).toEqual(seen.length ? seen.map(() => ({ sentBytes: bytes, totalBytes: bytes })) : []);
    } finally {
      await proxy.close();
    }
  }, 180_000);
});
