import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaToolError, probeVideo, resolveMediaTools } from '../../../src/main/media-tools/ffmpeg';
import { createPreviewMaker, makePreview, playability } from '../../../src/main/media-tools/playable';
import { makeTestVideo } from '../../fixtures/videos';

const tools = resolveMediaTools({});
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'preview-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('H.264 preview of a video the players may not play', () => {
  it('turns a real 10-bit HEVC 1080p clip into 8-bit 4:2:0 H.264 with AAC, same size and length', async () => {
    const source = makeTestVideo(dir, 'hevc10', { width: 1920, height: 1080, seconds: 1 });
    const probe = await probeVideo(tools.ffprobe, source);
    const out = join(dir, 'preview.mp4');
    const made = await createPreviewMaker(tools).ensurePlayable(source, probe, out);
    expect(made).toMatchObject({ path: out, width: 1920, height: 1080, reason: 'HEVC (Main 10, yuv420p10le, 10-bit)' });
    const preview = await probeVideo(tools.ffprobe, out);
    expect(preview).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', bitDepth: 8, audioCodec: 'aac', width: 1920, height: 1080, fps: 24 });
    expect(preview.durationSec).toBeCloseTo(probe.durationSec, 1);
    expect(playability(preview)).toEqual({ playable: true });
    expect(made?.bytes).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('makes nothing for a video the players already play', async () => {
    const source = makeTestVideo(dir, 'h264');
    const out = join(dir, 'not-needed.mp4');
    expect(await createPreviewMaker(tools).ensurePlayable(source, await probeVideo(tools.ffprobe, source), out)).toBeNull();
    expect(existsSync(out)).toBe(false);
  });

  it('converts 2.5 mov output (H.264 4:4:4, PCM) to a playable MP4', async () => {
    const source = makeTestVideo(dir, 'mov444pcm', { width: 640, height: 360 });
    const out = join(dir, 'mov-preview.mp4');
    const made = await createPreviewMaker(tools).ensurePlayable(source, await probeVideo(tools.ffprobe, source), out);
    expect(made?.reason).toMatch(/4:4:4/);
    expect(await probeVideo(tools.ffprobe, out)).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', audioCodec: 'aac' });
  });

  it('gives the 4:2:0 preview an even size when the source is odd', async () => {
    const source = makeTestVideo(dir, 'hevc10', { width: 321, height: 241, seconds: 1 });
    const made = await makePreview(tools, source, join(dir, 'odd.mp4'), 'test');
    expect(made).toMatchObject({ width: 320, height: 240 });
  });

  it('rejects with MediaToolError and leaves no file when ffmpeg cannot read the source', async () => {
    const source = makeTestVideo(dir, 'hevc10', { seconds: 1 });
    const probe = await probeVideo(tools.ffprobe, source);
    const broken = join(dir, 'broken.mp4');
    writeFileSync(broken, 'not a video at all');
    const out = join(dir, 'broken-preview.mp4');
    const maker = createPreviewMaker(tools);
    await expect(maker.ensurePlayable(broken, probe, out)).rejects.toBeInstanceOf(MediaToolError);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.tmp`)).toBe(false);
    // One failure does not stop the queue: the next preview is still made.
    expect(await maker.ensurePlayable(source, probe, join(dir, 'after.mp4'))).not.toBeNull();
  });

  it('makes one preview at a time, in the order asked', async () => {
    const maker = createPreviewMaker(tools);
    const source = makeTestVideo(dir, 'hevc10', { seconds: 1 });
    const probe = await probeVideo(tools.ffprobe, source);
    const finished: string[] = [];
    const outs = ['a', 'b', 'c'].map((n) => join(dir, `order-${n}.mp4`));
    const seen: boolean[] = [];
    await Promise.all(
      outs.map((out, i) =>
        maker.ensurePlayable(source, probe, out).then(() => {
          finished.push(out);
          // When a preview finishes, the later ones have not been started: no temp file for them yet.
          seen.push(outs.slice(i + 1).some((later) => existsSync(later) || existsSync(`${later}.tmp`)));
        }),
      ),
    );
    expect(finished).toEqual(outs);
    expect(seen).toEqual([false, false, false]);
  });
});
