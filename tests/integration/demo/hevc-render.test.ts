import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { outputCodec, Renderer } from '../../../src/main/demo/provider/render';
import { probeVideo, resolveMediaTool } from '../../../src/main/media-tools/ffmpeg';
import { playability } from '../../../src/main/media-tools/playable';

const dir = mkdtempSync(join(tmpdir(), 'sim-hevc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo provider: Seedance 2.5 at 1080p arrives as HEVC 10-bit (seedance-2.5.md §2.5)', () => {
  it('picks HEVC 10-bit for every provider\'s 2.5 id at 1080p, H.264 below 1080p and for other models', () => {
    for (const model of ['dreamina-seedance-2-5-260628', 'doubao-seedance-2-5-260628', 'bytedance/seedance-2.5/text-to-video', 'seedance-2.5-video-edit']) {
      expect([model, outputCodec(model, 1920, 1080)]).toEqual([model, 'hevc10']);
      expect([model, outputCodec(model, 2206, 946)]).toEqual([model, 'hevc10']);
      expect([model, outputCodec(model, 1280, 720)]).toEqual([model, 'h264']);
      expect([model, outputCodec(model, 1112, 834)]).toEqual([model, 'h264']);
    }
    expect(outputCodec('dreamina-seedance-2-0-260128', 1920, 1080)).toBe('h264');
    expect(outputCodec('seedance-1-5-pro-251215', 1920, 1080)).toBe('h264');
  });

  it('renders a real HEVC Main 10 MP4 (hvc1) of the asked size and length, which the players may not play', async () => {
    const renderer = new Renderer(dir, { concurrency: 1 });
    const out = await renderer.render({ width: 1920, height: 1080, durationSeconds: 1, audio: true, prompt: 'a lighthouse at dusk', videoCodec: 'hevc10' }, false);
    const probe = await probeVideo(resolveMediaTool('ffprobe', {}), out.video);
    expect(probe).toMatchObject({ codec: 'hevc', profile: 'Main 10', pixFmt: 'yuv420p10le', bitDepth: 10, width: 1920, height: 1080, fps: 24, audioCodec: 'aac' });
    expect(probe.durationSec).toBeCloseTo(1, 1);
    expect(playability(probe).playable).toBe(false);
  });
});
